CREATE TABLE `alert_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`medication_id` text NOT NULL,
	`alert_key` text NOT NULL,
	`alert_title` text NOT NULL,
	`knowledge_version` text NOT NULL,
	`reason` text NOT NULL,
	`overridden_by` text NOT NULL,
	`overridden_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `alert_overrides_medication` ON `alert_overrides` (`medication_id`);--> statement-breakpoint
CREATE TABLE `genomic_results` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`gene` text NOT NULL,
	`allele` text,
	`phenotype` text NOT NULL,
	`reported_date` text,
	`lab` text,
	`recorded_by` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `genomic_results_patient` ON `genomic_results` (`patient_id`);--> statement-breakpoint
-- Overridden alerts are part of the medical record: append-only (ARCHITECTURE §3, §5).
CREATE TRIGGER `alert_overrides_append_only` BEFORE UPDATE ON `alert_overrides`
WHEN NEW.patient_id IS NOT OLD.patient_id OR NEW.medication_id IS NOT OLD.medication_id OR NEW.alert_key IS NOT OLD.alert_key
  OR NEW.alert_title IS NOT OLD.alert_title OR NEW.knowledge_version IS NOT OLD.knowledge_version OR NEW.reason IS NOT OLD.reason
  OR NEW.overridden_by IS NOT OLD.overridden_by OR NEW.overridden_at IS NOT OLD.overridden_at OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN SELECT RAISE(ABORT, 'An alert override cannot be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER `alert_overrides_no_delete` BEFORE DELETE ON `alert_overrides`
BEGIN SELECT RAISE(ABORT, 'An alert override cannot be deleted.'); END;
