CREATE TABLE `immunizations` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`vaccine` text NOT NULL,
	`cvx_code` text,
	`administered_on` text NOT NULL,
	`dose_number` integer,
	`lot` text,
	`site` text,
	`route` text,
	`status` text DEFAULT 'completed' NOT NULL,
	`source` text DEFAULT 'clinic' NOT NULL,
	`note` text,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `immunizations_patient` ON `immunizations` (`patient_id`,`administered_on`);--> statement-breakpoint
CREATE TABLE `lab_results` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`panel_id` text NOT NULL,
	`panel` text NOT NULL,
	`name` text NOT NULL,
	`loinc` text,
	`value_num` real,
	`value_text` text,
	`unit` text,
	`ref_low` real,
	`ref_high` real,
	`flag` text,
	`collected_at` text NOT NULL,
	`lab` text,
	`status` text DEFAULT 'final' NOT NULL,
	`source` text DEFAULT 'clinic' NOT NULL,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lab_results_patient` ON `lab_results` (`patient_id`,`collected_at`);--> statement-breakpoint
CREATE INDEX `lab_results_panel` ON `lab_results` (`panel_id`);