CREATE TABLE `nudge_quota` (
	`official_id` text NOT NULL,
	`day` text NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`official_id`, `day`)
);
--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `token_prefix` text;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `expires_at` text;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `revoked_by` text;--> statement-breakpoint
CREATE INDEX `api_tokens_prefix_idx` ON `api_tokens` (`token_prefix`);--> statement-breakpoint
ALTER TABLE `documents` ADD `own_approval` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `api_tokens` SET `expires_at` = strftime('%Y-%m-%dT%H:%M:%fZ', `created_at`, '+365 days') WHERE `expires_at` IS NULL;--> statement-breakpoint
UPDATE `documents` SET `own_approval` = 1 WHERE `signature_status` = 'signed_valid'
	AND json_extract(`verification`, '$.rolesComplete') = 1
	AND NOT EXISTS (
		SELECT 1 FROM json_each(`documents`.`verification`, '$.signatures') AS `s`
		LEFT JOIN `certificates` AS `c` ON `c`.`serial` = json_extract(`s`.`value`, '$.certificateSerial')
		WHERE `c`.`agency_code` IS NULL OR `c`.`agency_code` <> `documents`.`sender_agency`
	);
