ALTER TABLE `agencies` ADD `organization_in_charge` text;--> statement-breakpoint
ALTER TABLE `agencies` ADD `address` text;--> statement-breakpoint
ALTER TABLE `agencies` ADD `email` text;--> statement-breakpoint
ALTER TABLE `agencies` ADD `telephone` text;--> statement-breakpoint
ALTER TABLE `agencies` ADD `fax` text;--> statement-breakpoint
ALTER TABLE `agencies` ADD `website` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `edxml_document_id` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `state` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `state_reason` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `replaces` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `replaced_by` text;--> statement-breakpoint
UPDATE `documents` SET `edxml_document_id` = `sender_agency` || ',' || replace(json_extract(`header`, '$.promulgatedAt'), '-', '/') || ',' || `notation` WHERE `notation` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `documents_edxml_id_idx` ON `documents` (`edxml_document_id`);
