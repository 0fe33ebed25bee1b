CREATE TABLE `recent_patients` (
	`user_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`opened_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`provider_id` text,
	`disabled` integer DEFAULT false NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `users_username` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`hlc` text NOT NULL,
	`pushed_at` text
);
--> statement-breakpoint
CREATE TABLE `sync_row_versions` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`versions` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `clinic_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`hours` text NOT NULL,
	`slot_minutes` integer DEFAULT 15 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `locations` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`name` text NOT NULL,
	`address` text
);
--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`location_id` text,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `providers` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`display_name` text NOT NULL,
	`credentials` text,
	`specialty` text,
	`npi` text,
	`colour` text DEFAULT '#2563eb' NOT NULL,
	`weekly_hours` text NOT NULL,
	`breaks` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `insurance_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`rank` integer NOT NULL,
	`payer_name` text NOT NULL,
	`payer_id` text,
	`member_id` text NOT NULL,
	`group_number` text,
	`subscriber_name` text,
	`subscriber_relationship` text DEFAULT 'self' NOT NULL,
	`subscriber_date_of_birth` text,
	`valid_from` text,
	`valid_to` text
);
--> statement-breakpoint
CREATE INDEX `insurance_patient` ON `insurance_policies` (`patient_id`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`mrn` text NOT NULL,
	`given_name` text NOT NULL,
	`middle_name` text,
	`family_name` text NOT NULL,
	`preferred_name` text,
	`sex` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`phone_mobile` text,
	`phone_home` text,
	`email` text,
	`address_line1` text,
	`address_line2` text,
	`city` text,
	`region` text,
	`postal_code` text,
	`country` text,
	`emergency_contact_name` text,
	`emergency_contact_relationship` text,
	`emergency_contact_phone` text,
	`preferred_language` text,
	`notes` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX `patients_dob` ON `patients` (`date_of_birth`);--> statement-breakpoint
CREATE INDEX `patients_mrn` ON `patients` (`mrn`);--> statement-breakpoint
CREATE INDEX `patients_family` ON `patients` (`family_name`,`given_name`);--> statement-breakpoint
CREATE TABLE `appointment_series` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`rule` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `appointment_types` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`name` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`colour` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`room_id` text,
	`type_id` text NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`status` text NOT NULL,
	`status_reason` text,
	`arrived_at` text,
	`roomed_at` text,
	`completed_at` text,
	`notes` text,
	`overbook_reason` text,
	`series_id` text
);
--> statement-breakpoint
CREATE INDEX `appointments_provider_start` ON `appointments` (`provider_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_room_start` ON `appointments` (`room_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_patient_start` ON `appointments` (`patient_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_start` ON `appointments` (`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_series` ON `appointments` (`series_id`);--> statement-breakpoint
CREATE TABLE `schedule_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`provider_id` text NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `schedule_blocks_provider_start` ON `schedule_blocks` (`provider_id`,`start_at`);