CREATE TABLE `signature_images` (
	`owner` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`png` blob NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`diameter_mm` integer,
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`updated_at` text NOT NULL
);
