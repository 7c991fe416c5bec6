CREATE TABLE `document_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_code` text NOT NULL,
	`approver_official_id` text NOT NULL,
	`file_name` text NOT NULL,
	`subject` text,
	`sha256` text NOT NULL,
	`pdf` blob NOT NULL,
	`status` text NOT NULL,
	`document_id` text,
	`created_at` text NOT NULL,
	`issued_at` text,
	FOREIGN KEY (`agency_code`) REFERENCES `agencies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_drafts_queue_idx` ON `document_drafts` (`agency_code`,`status`,`created_at`);