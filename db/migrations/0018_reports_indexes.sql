-- Indexes for the manager's reports over a long ledger (not synced: indexes are local to each workstation).
-- Production over a year reads ~40,000 charge postings of a million-row ledger: this partial index covers
-- every column that query and the ledger_counted view read of them, so no table row is visited.
CREATE INDEX `ledger_charges_posted` ON `ledger_entries` (`posted_on`, `provider_id`, `charge_id`, `amount_cents`, `id`, `kind`, `deleted_at`, `reverses_id`) WHERE kind = 'charge';
--> statement-breakpoint
-- ledger_counted's tests "is there an earlier copy of this charge posting / of this reversal" (the balance triggers
-- ask the same) in one probe each, instead of a walk over every row of the charge or every reversal.
CREATE INDEX `ledger_first_charge` ON `ledger_entries` (`charge_id`, `id`) WHERE kind = 'charge';
--> statement-breakpoint
CREATE INDEX `ledger_first_reversal` ON `ledger_entries` (`reverses_id`, `id`) WHERE kind = 'reversal';
--> statement-breakpoint
-- Collections read every payment of the range: covered like the charges above.
CREATE INDEX `ledger_payments_posted` ON `ledger_entries` (`posted_on`, `provider_id`, `payer`, `method`, `group_id`, `amount_cents`, `id`, `kind`, `deleted_at`, `charge_id`, `reverses_id`) WHERE kind = 'payment';
--> statement-breakpoint
-- Voids and refunds: one kind of posting in a range, not every row of it.
CREATE INDEX `ledger_kind_posted` ON `ledger_entries` (`kind`, `posted_on`);
--> statement-breakpoint
-- Code, units and description of a charge without visiting its row (production groups tens of thousands of them).
CREATE INDEX `charges_code` ON `charges` (`id`, `code`, `units`, `description`);
