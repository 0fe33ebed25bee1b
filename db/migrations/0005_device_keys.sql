ALTER TABLE `sync_devices` ADD `public_key` text;--> statement-breakpoint
ALTER TABLE `sync_devices` ADD `label` text;