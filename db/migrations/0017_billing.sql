CREATE TABLE `billing_locks` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`lock_date` text NOT NULL,
	`set_by` text NOT NULL,
	`seen` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `billing_profile` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`name` text NOT NULL,
	`npi` text,
	`tax_id` text,
	`taxonomy_code` text,
	`address_line1` text,
	`city` text,
	`region` text,
	`postal_code` text,
	`phone` text,
	`submitter_id` text,
	`receiver_id` text,
	`receiver_name` text
);
--> statement-breakpoint
CREATE TABLE `charges` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`encounter_id` text,
	`provider_id` text,
	`service_date` text NOT NULL,
	`code` text NOT NULL,
	`description` text NOT NULL,
	`modifiers` text DEFAULT '[]' NOT NULL,
	`units` integer DEFAULT 1 NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`diagnosis_codes` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`posted_at` text,
	`posted_by` text,
	`captured_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `charges_patient` ON `charges` (`patient_id`,`service_date`);--> statement-breakpoint
CREATE INDEX `charges_encounter` ON `charges` (`encounter_id`);--> statement-breakpoint
CREATE TABLE `claim_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`claim_id` text NOT NULL,
	`charge_id` text NOT NULL,
	`line_number` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `claim_lines_claim` ON `claim_lines` (`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_lines_charge` ON `claim_lines` (`charge_id`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`number` text NOT NULL,
	`patient_id` text NOT NULL,
	`policy_id` text,
	`payer_name` text NOT NULL,
	`rank` integer DEFAULT 1 NOT NULL,
	`provider_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`status_reason` text,
	`status_at` text,
	`batch_id` text,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `claims_patient` ON `claims` (`patient_id`);--> statement-breakpoint
CREATE INDEX `claims_status` ON `claims` (`status`);--> statement-breakpoint
CREATE TABLE `fee_schedule_items` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`schedule_id` text NOT NULL,
	`code` text NOT NULL,
	`description` text NOT NULL,
	`price_cents` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fee_schedule_items_schedule` ON `fee_schedule_items` (`schedule_id`,`code`);--> statement-breakpoint
CREATE TABLE `fee_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'self_pay' NOT NULL,
	`payer_name` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_balances` (
	`charge_key` text NOT NULL,
	`payer_key` text NOT NULL,
	`patient_id` text NOT NULL,
	`provider_id` text,
	`cents` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`charge_key`, `payer_key`, `patient_id`)
);
--> statement-breakpoint
CREATE INDEX `ledger_balances_patient` ON `ledger_balances` (`patient_id`);--> statement-breakpoint
CREATE INDEX `ledger_balances_open` ON `ledger_balances` (`patient_id`) WHERE cents <> 0;--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`posted_on` text NOT NULL,
	`entered_at` text NOT NULL,
	`entered_by` text NOT NULL,
	`charge_id` text,
	`payer` text,
	`provider_id` text,
	`group_id` text NOT NULL,
	`method` text,
	`reference` text,
	`reason_code` text,
	`reverses_id` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `ledger_patient` ON `ledger_entries` (`patient_id`,`posted_on`);--> statement-breakpoint
CREATE INDEX `ledger_charge` ON `ledger_entries` (`charge_id`);--> statement-breakpoint
CREATE INDEX `ledger_group` ON `ledger_entries` (`group_id`);--> statement-breakpoint
CREATE INDEX `ledger_posted_on` ON `ledger_entries` (`posted_on`);--> statement-breakpoint
CREATE INDEX `ledger_reverses` ON `ledger_entries` (`reverses_id`);--> statement-breakpoint
CREATE TRIGGER `ledger_entries_append_only` BEFORE UPDATE ON `ledger_entries`
WHEN NEW.patient_id IS NOT OLD.patient_id OR NEW.kind IS NOT OLD.kind OR NEW.amount_cents IS NOT OLD.amount_cents
  OR NEW.posted_on IS NOT OLD.posted_on OR NEW.entered_at IS NOT OLD.entered_at OR NEW.entered_by IS NOT OLD.entered_by
  OR NEW.charge_id IS NOT OLD.charge_id OR NEW.payer IS NOT OLD.payer OR NEW.provider_id IS NOT OLD.provider_id
  OR NEW.group_id IS NOT OLD.group_id OR NEW.method IS NOT OLD.method OR NEW.reference IS NOT OLD.reference
  OR NEW.reason_code IS NOT OLD.reason_code OR NEW.reverses_id IS NOT OLD.reverses_id OR NEW.note IS NOT OLD.note
  OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN SELECT RAISE(ABORT, 'A ledger entry cannot be changed; post a reversal instead.'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries`
BEGIN SELECT RAISE(ABORT, 'A ledger entry cannot be deleted; post a reversal instead.'); END;
--> statement-breakpoint
-- The rows that count. A charge posted on two workstations before they synced, or a posting reversed on both, is
-- kept twice (append-only) but counted once: the row with the lowest id, which every workstation agrees on. A
-- reversal counts only if what it reverses counts: voiding one's own copy of a charge posted twice does not take
-- the charge off twice.
CREATE VIEW `ledger_counted` AS
SELECT * FROM `ledger_entries` AS l
WHERE l.deleted_at IS NULL
  AND NOT (l.kind = 'charge' AND EXISTS (
    SELECT 1 FROM `ledger_entries` AS d WHERE d.charge_id = l.charge_id AND d.kind = 'charge' AND d.id < l.id))
  AND NOT (l.kind = 'reversal' AND (
    EXISTS (SELECT 1 FROM `ledger_entries` AS d WHERE d.reverses_id = l.reverses_id AND d.kind = 'reversal' AND d.id < l.id)
    OR EXISTS (SELECT 1 FROM `ledger_entries` AS o WHERE o.id = l.reverses_id AND o.kind = 'charge' AND EXISTS (
      SELECT 1 FROM `ledger_entries` AS e WHERE e.charge_id = o.charge_id AND e.kind = 'charge' AND e.id < o.id))));
--> statement-breakpoint
-- ledger_balances follows ledger_counted on every insert, local or from sync: add the new row if it counts ...
CREATE TRIGGER `ledger_balances_add` AFTER INSERT ON `ledger_entries`
WHEN NEW.deleted_at IS NULL
  AND NOT (NEW.kind = 'charge' AND EXISTS (
    SELECT 1 FROM `ledger_entries` AS d WHERE d.charge_id = NEW.charge_id AND d.kind = 'charge' AND d.id < NEW.id))
  AND NOT (NEW.kind = 'reversal' AND (
    EXISTS (SELECT 1 FROM `ledger_entries` AS d WHERE d.reverses_id = NEW.reverses_id AND d.kind = 'reversal' AND d.id < NEW.id)
    OR EXISTS (SELECT 1 FROM `ledger_entries` AS o WHERE o.id = NEW.reverses_id AND o.kind = 'charge' AND EXISTS (
      SELECT 1 FROM `ledger_entries` AS e WHERE e.charge_id = o.charge_id AND e.kind = 'charge' AND e.id < o.id))))
BEGIN
  INSERT INTO `ledger_balances` (charge_key, payer_key, patient_id, provider_id, cents)
  VALUES (coalesce(NEW.charge_id, ''), coalesce(NEW.payer, ''), NEW.patient_id, NEW.provider_id, NEW.amount_cents)
  ON CONFLICT (charge_key, payer_key, patient_id) DO UPDATE
  SET cents = cents + excluded.cents, provider_id = coalesce(provider_id, excluded.provider_id);
END;
--> statement-breakpoint
-- ... and when it is an earlier copy of a charge posting counted so far, stop counting that copy, and the reversal
-- of it if there is one (it now reverses a copy that does not count).
CREATE TRIGGER `ledger_balances_demote_charge` AFTER INSERT ON `ledger_entries`
WHEN NEW.kind = 'charge' AND NEW.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM `ledger_entries` AS d WHERE d.charge_id = NEW.charge_id AND d.kind = 'charge' AND d.id < NEW.id)
  AND EXISTS (SELECT 1 FROM `ledger_entries` AS d WHERE d.charge_id = NEW.charge_id AND d.kind = 'charge' AND d.id > NEW.id)
BEGIN
  UPDATE `ledger_balances`
  SET cents = cents - (SELECT d.amount_cents FROM `ledger_entries` AS d
    WHERE d.charge_id = NEW.charge_id AND d.kind = 'charge' AND d.id > NEW.id ORDER BY d.id LIMIT 1)
  WHERE (charge_key, payer_key, patient_id) = (SELECT coalesce(d.charge_id, ''), coalesce(d.payer, ''), d.patient_id FROM `ledger_entries` AS d
    WHERE d.charge_id = NEW.charge_id AND d.kind = 'charge' AND d.id > NEW.id ORDER BY d.id LIMIT 1);
  UPDATE `ledger_balances`
  SET cents = cents - (SELECT r.amount_cents FROM `ledger_entries` AS r WHERE r.kind = 'reversal' AND r.reverses_id = (
    SELECT d.id FROM `ledger_entries` AS d WHERE d.charge_id = NEW.charge_id AND d.kind = 'charge' AND d.id > NEW.id ORDER BY d.id LIMIT 1)
    ORDER BY r.id LIMIT 1)
  WHERE (charge_key, payer_key, patient_id) = (SELECT coalesce(r.charge_id, ''), coalesce(r.payer, ''), r.patient_id FROM `ledger_entries` AS r
    WHERE r.kind = 'reversal' AND r.reverses_id = (
      SELECT d.id FROM `ledger_entries` AS d WHERE d.charge_id = NEW.charge_id AND d.kind = 'charge' AND d.id > NEW.id ORDER BY d.id LIMIT 1)
    ORDER BY r.id LIMIT 1);
END;
--> statement-breakpoint
-- ... and when it is an earlier copy of a reversal counted so far (of a row that counts), stop counting that one.
CREATE TRIGGER `ledger_balances_demote_reversal` AFTER INSERT ON `ledger_entries`
WHEN NEW.kind = 'reversal' AND NEW.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM `ledger_entries` AS d WHERE d.reverses_id = NEW.reverses_id AND d.kind = 'reversal' AND d.id < NEW.id)
  AND EXISTS (SELECT 1 FROM `ledger_entries` AS d WHERE d.reverses_id = NEW.reverses_id AND d.kind = 'reversal' AND d.id > NEW.id)
  AND NOT EXISTS (SELECT 1 FROM `ledger_entries` AS o WHERE o.id = NEW.reverses_id AND o.kind = 'charge' AND EXISTS (
    SELECT 1 FROM `ledger_entries` AS e WHERE e.charge_id = o.charge_id AND e.kind = 'charge' AND e.id < o.id))
BEGIN
  UPDATE `ledger_balances`
  SET cents = cents - (SELECT d.amount_cents FROM `ledger_entries` AS d
    WHERE d.reverses_id = NEW.reverses_id AND d.kind = 'reversal' AND d.id > NEW.id ORDER BY d.id LIMIT 1)
  WHERE (charge_key, payer_key, patient_id) = (SELECT coalesce(d.charge_id, ''), coalesce(d.payer, ''), d.patient_id FROM `ledger_entries` AS d
    WHERE d.reverses_id = NEW.reverses_id AND d.kind = 'reversal' AND d.id > NEW.id ORDER BY d.id LIMIT 1);
END;
--> statement-breakpoint
-- ... and when a copy that does not count arrives after a reversal of it (a restore in id order, or a clock that ran
-- behind), stop counting that reversal.
CREATE TRIGGER `ledger_balances_late_copy` AFTER INSERT ON `ledger_entries`
WHEN NEW.kind = 'charge' AND NEW.deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM `ledger_entries` AS d WHERE d.charge_id = NEW.charge_id AND d.kind = 'charge' AND d.id < NEW.id)
  AND EXISTS (SELECT 1 FROM `ledger_entries` AS r WHERE r.kind = 'reversal' AND r.reverses_id = NEW.id)
BEGIN
  UPDATE `ledger_balances`
  SET cents = cents - (SELECT r.amount_cents FROM `ledger_entries` AS r WHERE r.kind = 'reversal' AND r.reverses_id = NEW.id ORDER BY r.id LIMIT 1)
  WHERE (charge_key, payer_key, patient_id) = (SELECT coalesce(r.charge_id, ''), coalesce(r.payer, ''), r.patient_id FROM `ledger_entries` AS r
    WHERE r.kind = 'reversal' AND r.reverses_id = NEW.id ORDER BY r.id LIMIT 1);
END;
