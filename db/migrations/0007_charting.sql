CREATE TABLE `encounter_diagnoses` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`rank` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `encounter_diagnoses_encounter` ON `encounter_diagnoses` (`encounter_id`);--> statement-breakpoint
CREATE TABLE `encounters` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`appointment_id` text,
	`provider_id` text,
	`opened_by` text NOT NULL,
	`started_at` text NOT NULL,
	`kind` text DEFAULT 'office' NOT NULL,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `encounters_patient` ON `encounters` (`patient_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `encounters_appointment` ON `encounters` (`appointment_id`);--> statement-breakpoint
CREATE TABLE `note_addenda` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`note_id` text NOT NULL,
	`author_id` text NOT NULL,
	`written_at` text NOT NULL,
	`text` text NOT NULL,
	`kind` text DEFAULT 'addendum' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `note_addenda_note` ON `note_addenda` (`note_id`);--> statement-breakpoint
CREATE TABLE `note_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`note_id` text NOT NULL,
	`signer_id` text NOT NULL,
	`signed_at` text NOT NULL,
	`role` text DEFAULT 'author' NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `note_signatures_note` ON `note_signatures` (`note_id`);--> statement-breakpoint
CREATE TABLE `note_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`name` text NOT NULL,
	`subjective` text DEFAULT '' NOT NULL,
	`objective` text DEFAULT '' NOT NULL,
	`assessment` text DEFAULT '' NOT NULL,
	`plan` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`encounter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`author_id` text NOT NULL,
	`template_id` text,
	`subjective` text DEFAULT '' NOT NULL,
	`objective` text DEFAULT '' NOT NULL,
	`assessment` text DEFAULT '' NOT NULL,
	`plan` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`last_edited_by` text,
	`last_edited_at` text
);
--> statement-breakpoint
CREATE INDEX `notes_encounter` ON `notes` (`encounter_id`);--> statement-breakpoint
CREATE INDEX `notes_patient` ON `notes` (`patient_id`);--> statement-breakpoint
-- Signatures and addenda are append-only (ARCHITECTURE §3, §5): once written, what they say never changes and
-- they are never tombstoned. Re-applying the same row from sync (same values, newer stamp) stays allowed.
CREATE TRIGGER `note_signatures_append_only` BEFORE UPDATE ON `note_signatures`
WHEN NEW.note_id IS NOT OLD.note_id OR NEW.signer_id IS NOT OLD.signer_id OR NEW.signed_at IS NOT OLD.signed_at
  OR NEW.role IS NOT OLD.role OR NEW.content IS NOT OLD.content OR NEW.content_hash IS NOT OLD.content_hash
  OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN SELECT RAISE(ABORT, 'A signed note cannot be changed; add an addendum instead.'); END;
--> statement-breakpoint
CREATE TRIGGER `note_signatures_no_delete` BEFORE DELETE ON `note_signatures`
BEGIN SELECT RAISE(ABORT, 'A signed note cannot be deleted.'); END;
--> statement-breakpoint
CREATE TRIGGER `note_addenda_append_only` BEFORE UPDATE ON `note_addenda`
WHEN NEW.note_id IS NOT OLD.note_id OR NEW.author_id IS NOT OLD.author_id OR NEW.written_at IS NOT OLD.written_at
  OR NEW.text IS NOT OLD.text OR NEW.kind IS NOT OLD.kind OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN SELECT RAISE(ABORT, 'An addendum cannot be changed; add another addendum instead.'); END;
--> statement-breakpoint
CREATE TRIGGER `note_addenda_no_delete` BEFORE DELETE ON `note_addenda`
BEGIN SELECT RAISE(ABORT, 'An addendum cannot be deleted.'); END;
