CREATE TABLE `sync_devices` (
	`device_id` text PRIMARY KEY NOT NULL,
	`applied_seq` integer DEFAULT 0 NOT NULL,
	`applied_hash` text,
	`head_seq` integer DEFAULT 0 NOT NULL,
	`head_etag` text,
	`last_seen_at` text
);
--> statement-breakpoint
CREATE TABLE `sync_quarantine` (
	`op_id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`hlc` text NOT NULL,
	`op` text NOT NULL,
	`reason` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_quarantine_hlc` ON `sync_quarantine` (`hlc`);