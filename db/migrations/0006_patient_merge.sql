ALTER TABLE `patients` ADD `merged_into` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `merged_at` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `merged_by` text;