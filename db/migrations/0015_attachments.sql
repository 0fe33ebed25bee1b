CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`encounter_id` text,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`category` text NOT NULL,
	`dicom_modality` text,
	`dicom_study_date` text,
	`dicom_study_description` text,
	`dicom_body_part` text,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	`removed_by` text,
	`removed_reason` text
);
--> statement-breakpoint
CREATE INDEX `attachments_patient` ON `attachments` (`patient_id`,`added_at`);