CREATE TABLE `chat_rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`tokens` real NOT NULL,
	`at` integer NOT NULL,
	`warned` integer NOT NULL,
	`decision` text NOT NULL
);
