CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`mode` text NOT NULL,
	`channels` text,
	`until` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`removed_at` text
);
