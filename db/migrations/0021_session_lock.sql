ALTER TABLE `sessions` ADD `locked_at` text;--> statement-breakpoint
ALTER TABLE `clinic_settings` ADD `idle_lock_minutes` integer DEFAULT 10 NOT NULL;