ALTER TABLE `signing_sessions` ADD `certificate_serial` text;--> statement-breakpoint
ALTER TABLE `signing_sessions` ADD `signing_time` text;--> statement-breakpoint
ALTER TABLE `signing_sessions` ADD `remote_ref` text;--> statement-breakpoint
ALTER TABLE `signing_sessions` ADD `signed` blob;