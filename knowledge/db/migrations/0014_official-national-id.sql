ALTER TABLE `officials` ADD `national_id` text;
