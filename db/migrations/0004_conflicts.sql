CREATE TABLE `conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`kind` text NOT NULL,
	`subjects` text NOT NULL,
	`resource_id` text,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`resolution` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `conflicts_open` ON `conflicts` (`resolved_at`,`detected_at`);