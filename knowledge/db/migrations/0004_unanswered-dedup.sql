ALTER TABLE `unanswered_questions` ADD `question_key` text;--> statement-breakpoint
ALTER TABLE `unanswered_questions` ADD `count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `unanswered_questions` ADD `last_asked_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `unanswered_question_key_idx` ON `unanswered_questions` (`question_key`,`reason`);--> statement-breakpoint
CREATE INDEX `interactions_created_idx` ON `interactions` (`created_at`);--> statement-breakpoint
UPDATE `unanswered_questions` SET `last_asked_at` = `created_at`;