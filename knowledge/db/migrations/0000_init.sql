CREATE TABLE `channel_tokens` (
	`channel` text PRIMARY KEY NOT NULL,
	`access_token` text NOT NULL,
	`refresh_token` text NOT NULL,
	`expires_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `channel_users` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`last_inbound_at` integer NOT NULL,
	`replies_since_inbound` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `chat_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`channel` text NOT NULL,
	`text` text NOT NULL,
	`kind` text NOT NULL,
	`procedure_code` text,
	`facet` text,
	`feedback` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `interactions_session_idx` ON `interactions` (`session_id`);--> statement-breakpoint
CREATE TABLE `processed_events` (
	`id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `unanswered_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interaction_id` text,
	`channel` text NOT NULL,
	`text` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `unanswered_status_idx` ON `unanswered_questions` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `undelivered_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`payload` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `agencies` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`parent_code` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`official_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`label` text,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`official_id`) REFERENCES `officials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`serial` text PRIMARY KEY NOT NULL,
	`official_id` text,
	`agency_code` text,
	`subject` text NOT NULL,
	`pem` text NOT NULL,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`revoked_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`official_id`) REFERENCES `officials`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `document_blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`size` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `document_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`agency_code` text NOT NULL,
	`status` text NOT NULL,
	`actor_official_id` text,
	`note` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `document_events_doc_idx` ON `document_events` (`document_id`);--> statement-breakpoint
CREATE TABLE `document_recipients` (
	`document_id` text NOT NULL,
	`agency_code` text NOT NULL,
	`status` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`document_id`, `agency_code`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_code`) REFERENCES `agencies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recipients_inbox_idx` ON `document_recipients` (`agency_code`,`status`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`sender_agency` text NOT NULL,
	`sender_official_id` text,
	`header` text NOT NULL,
	`notation` text,
	`subject` text NOT NULL,
	`pages` integer DEFAULT 1 NOT NULL,
	`paper_copy` integer DEFAULT false NOT NULL,
	`signature_status` text NOT NULL,
	`verification` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `document_blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sender_agency`) REFERENCES `agencies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_sender_idx` ON `documents` (`sender_agency`,`created_at`);--> statement-breakpoint
CREATE TABLE `nudge_counters` (
	`agency_code` text NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`shown` integer DEFAULT 0 NOT NULL,
	`accepted` integer DEFAULT 0 NOT NULL,
	`overridden` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`agency_code`, `day`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `officials` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_code` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`agency_code`) REFERENCES `agencies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `officials_agency_idx` ON `officials` (`agency_code`);--> statement-breakpoint
CREATE TABLE `signing_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`official_id` text NOT NULL,
	`role` text NOT NULL,
	`prepared_sha256` text NOT NULL,
	`prepared` blob NOT NULL,
	`digest` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`detail` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `kb_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `procedure_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`revision` integer NOT NULL,
	`data` text NOT NULL,
	`changed_by` text NOT NULL,
	`reason` text NOT NULL,
	`changed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `procedure_revisions_code_idx` ON `procedure_revisions` (`code`,`revision`);--> statement-breakpoint
CREATE TABLE `procedures` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`levels` text NOT NULL,
	`field` text DEFAULT '' NOT NULL,
	`audience` text NOT NULL,
	`procedure_type` text,
	`decision_number` text,
	`competent_agency` text,
	`executing_agency` text,
	`address` text,
	`channels` text NOT NULL,
	`documents` text NOT NULL,
	`steps` text NOT NULL,
	`requirements` text,
	`results` text NOT NULL,
	`legal_basis` text NOT NULL,
	`url` text,
	`source` text NOT NULL,
	`source_agency` text,
	`as_of` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`content_hash` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `procedures_field_idx` ON `procedures` (`field`);