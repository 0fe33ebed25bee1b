CREATE TABLE `snippets` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`owner_id` text,
	`trigger_word` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `snippets_owner` ON `snippets` (`owner_id`);--> statement-breakpoint
CREATE TABLE `care_gap_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`outcome` text NOT NULL,
	`done_on` text,
	`method` text,
	`note` text,
	`rules_version` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `care_gap_outcomes_patient` ON `care_gap_outcomes` (`patient_id`);