CREATE TABLE `handoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`outside_hours` integer DEFAULT false NOT NULL,
	`claimed_by` text,
	`created_at` integer NOT NULL,
	`claimed_at` integer,
	`closed_at` integer,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `handoffs_user_idx` ON `handoffs` (`channel`,`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `handoffs_status_idx` ON `handoffs` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `handoffs_active_idx` ON `handoffs` (`channel`,`user_id`) WHERE status != 'closed';--> statement-breakpoint
CREATE TABLE `handoff_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handoff_id` integer NOT NULL,
	`from` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	`delivered` integer DEFAULT true NOT NULL,
	`copied` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `handoff_messages_handoff_idx` ON `handoff_messages` (`handoff_id`);
