CREATE TABLE `vocabulary_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`text` text NOT NULL,
	`target` text NOT NULL,
	`note` text,
	`active` integer NOT NULL,
	`revision` integer NOT NULL,
	`source` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vocabulary_kind_key_idx` ON `vocabulary_entries` (`kind`,`key`);--> statement-breakpoint
CREATE TABLE `vocabulary_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`data` text NOT NULL,
	`action` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` text NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `vocabulary_entries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `vocabulary_revisions_entry_idx` ON `vocabulary_revisions` (`entry_id`,`revision`);
--> statement-breakpoint
CREATE TABLE `import_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`procedure_code` text NOT NULL,
	`reason` text NOT NULL,
	`message` text NOT NULL,
	`line` integer NOT NULL,
	`import_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`flagged_at` text NOT NULL,
	`done_by` text,
	`done_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_flags_record_idx` ON `import_flags` (`procedure_code`,`reason`);--> statement-breakpoint
CREATE INDEX `import_flags_status_idx` ON `import_flags` (`status`,`id`);
--> statement-breakpoint
CREATE TABLE `handoff_references` (
	`handoff_id` integer PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE cascade
);
