CREATE TABLE `allergies` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`category` text NOT NULL,
	`substance` text NOT NULL,
	`drug_class` text,
	`reaction` text,
	`severity` text,
	`status` text DEFAULT 'active' NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `allergies_patient` ON `allergies` (`patient_id`);--> statement-breakpoint
CREATE TABLE `medications` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`encounter_id` text,
	`name` text NOT NULL,
	`drug_class` text,
	`dose` text,
	`route` text,
	`frequency` text,
	`start_date` text,
	`stop_date` text,
	`status` text DEFAULT 'active' NOT NULL,
	`prescriber_id` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `medications_patient` ON `medications` (`patient_id`);--> statement-breakpoint
CREATE TABLE `problems` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`code` text,
	`title` text NOT NULL,
	`onset_date` text,
	`status` text DEFAULT 'active' NOT NULL,
	`resolved_date` text,
	`note` text,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `problems_patient` ON `problems` (`patient_id`);--> statement-breakpoint
CREATE TABLE `vital_signs` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`encounter_id` text,
	`taken_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`height_cm` real,
	`weight_kg` real,
	`temperature_c` real,
	`pulse_bpm` integer,
	`respiratory_rate` integer,
	`systolic` integer,
	`diastolic` integer,
	`spo2_pct` integer,
	`pain_score` integer,
	`source` text DEFAULT 'clinic' NOT NULL,
	`source_label` text,
	`entered_in_error_at` text,
	`entered_in_error_reason` text
);
--> statement-breakpoint
CREATE INDEX `vital_signs_patient` ON `vital_signs` (`patient_id`,`taken_at`);