CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`workstation` text NOT NULL,
	`seq` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`method` text NOT NULL,
	`entity_id` text,
	`patient_id` text,
	`outcome` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_chain` ON `audit_events` (`workstation`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_events_patient` ON `audit_events` (`patient_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_at` ON `audit_events` (`at`);--> statement-breakpoint
-- The audit trail only grows (ARCHITECTURE §5). Re-applying the same row from sync moves only its stamps.
CREATE TRIGGER `audit_events_append_only` BEFORE UPDATE ON `audit_events`
WHEN NEW.workstation IS NOT OLD.workstation OR NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.user_id IS NOT OLD.user_id
  OR NEW.action IS NOT OLD.action OR NEW.method IS NOT OLD.method OR NEW.entity_id IS NOT OLD.entity_id
  OR NEW.patient_id IS NOT OLD.patient_id OR NEW.outcome IS NOT OLD.outcome OR NEW.prev_hash IS NOT OLD.prev_hash
  OR NEW.hash IS NOT OLD.hash OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events`
BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be deleted.'); END;
