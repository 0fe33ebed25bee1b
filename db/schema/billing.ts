/**
 * Billing: fee schedules, charges captured from encounters, and the ledger.
 *
 * Money is integer cents. Every money movement is an append-only ledger row
 * (triggers in the migration abort UPDATE and DELETE), so two workstations
 * posting offline can only ever add rows, never overwrite each other's; a
 * correction is a reversal row. Balances are sums of the ledger, never stored.
 * Each row names the charge it applies to (if any) and who owes that part of
 * it (`payer` null = the patient), which is all A/R aging needs.
 *
 * Two offline workstations can post the same charge, or reverse the same
 * posting, before they hear of each other. Both rows are kept (append-only)
 * but only the first (lowest id, the same everywhere) counts: every sum reads
 * the `ledger_counted` view made in the migration, never the table.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const feeSchedules = sqliteTable('fee_schedules', {
  ...syncColumns,
  name: text('name').notNull(),
  /** Open enum: self_pay, payer. */
  kind: text('kind').notNull().default('self_pay'),
  /** For kind payer: the insurance payer name it prices (matched case-insensitively). */
  payerName: text('payer_name'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** One priced procedure code of a schedule; the id is derived from schedule + code, so two imports converge. */
export const feeScheduleItems = sqliteTable(
  'fee_schedule_items',
  {
    ...syncColumns,
    scheduleId: text('schedule_id').notNull(),
    /** CPT or HCPCS Level II code, upper case. */
    code: text('code').notNull(),
    description: text('description').notNull(),
    priceCents: integer('price_cents').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('fee_schedule_items_schedule').on(t.scheduleId, t.code)],
);

/**
 * A service line captured from an encounter. Editable while `draft`; posting
 * writes its ledger row and freezes it; a posted charge is only ever voided
 * (by a reversal in the ledger), never edited.
 */
export const charges = sqliteTable(
  'charges',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    encounterId: text('encounter_id'),
    providerId: text('provider_id'),
    serviceDate: text('service_date').notNull(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    /** JSON array of up to four two-character modifiers. */
    modifiers: text('modifiers').notNull().default('[]'),
    units: integer('units').notNull().default(1),
    unitPriceCents: integer('unit_price_cents').notNull(),
    /** JSON array of ICD-10-CM codes this line is for (the claim's diagnosis pointers). */
    diagnosisCodes: text('diagnosis_codes').notNull().default('[]'),
    /** Open enum: draft, posted, voided. */
    status: text('status').notNull().default('draft'),
    postedAt: text('posted_at'),
    postedBy: text('posted_by'),
    capturedBy: text('captured_by').notNull(),
  },
  (t) => [index('charges_patient').on(t.patientId, t.serviceDate), index('charges_encounter').on(t.encounterId)],
);

/** Append-only: every money movement. Positive amounts raise what is owed, negative ones lower it. */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    /** Open enum: charge, payment, adjustment, refund, transfer, reversal. */
    kind: text('kind').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** The accounting date (plain date); may not be before the clinic's lock date. */
    postedOn: text('posted_on').notNull(),
    enteredAt: text('entered_at').notNull(),
    enteredBy: text('entered_by').notNull(),
    /** The charge this row applies to; null = on account (an unapplied payment or credit). */
    chargeId: text('charge_id'),
    /** Who owes this part: an insurance payer's name, or null for the patient. */
    payer: text('payer'),
    /** Copied from the charge so production reports need no join. */
    providerId: text('provider_id'),
    /** Rows posted together (one payment split over several charges) share a group id; reversals undo whole groups. */
    groupId: text('group_id').notNull(),
    /** Open enum: cash, card, cheque, eft, insurance. */
    method: text('method'),
    /** Card authorisation, cheque number, remittance trace number. */
    reference: text('reference'),
    /** Adjustment reason (CARC group-code, e.g. CO-45) or write-off reason. */
    reasonCode: text('reason_code'),
    /** For a reversal: the row it cancels. */
    reversesId: text('reverses_id'),
    note: text('note'),
  },
  (t) => [
    index('ledger_patient').on(t.patientId, t.postedOn),
    index('ledger_charge').on(t.chargeId),
    index('ledger_group').on(t.groupId),
    index('ledger_posted_on').on(t.postedOn),
    index('ledger_reverses').on(t.reversesId),
  ],
);

/** The manager's lock date: no posting may be dated before it. One row (id `lock`); the latest setting wins. */
export const billingLocks = sqliteTable('billing_locks', {
  ...syncColumns,
  lockDate: text('lock_date').notNull(),
  setBy: text('set_by').notNull(),
  /**
   * JSON { deviceId: highest ledger HLC } of the ledger the manager's
   * workstation had when locking. A device's rows arrive in order, so a
   * posting above its device's mark was not in the books that were closed:
   * dated before the lock, it is flagged for review.
   */
  seen: text('seen').notNull().default('{}'),
});

/**
 * Not synced, never written by the app: what is owed per charge, payer and
 * patient, kept by triggers on every ledger insert (local or from sync), so
 * A/R aging reads the few open balances instead of summing a million rows.
 * It follows the counting rule of `ledger_counted` (a later copy of a posting
 * that arrives with a lower id takes over from the one counted before).
 * Rebuildable from the ledger at any time; the ledger stays the truth.
 */
export const ledgerBalances = sqliteTable(
  'ledger_balances',
  {
    /** The charge, or '' for money on account. */
    chargeKey: text('charge_key').notNull(),
    /** The insurer's name, or '' for the patient's part. */
    payerKey: text('payer_key').notNull(),
    patientId: text('patient_id').notNull(),
    providerId: text('provider_id'),
    cents: integer('cents').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.chargeKey, t.payerKey, t.patientId] }),
    index('ledger_balances_patient').on(t.patientId),
    index('ledger_balances_open')
      .on(t.patientId)
      .where(sql`cents <> 0`),
  ],
);

/** Who bills: the clinic's billing identity for claims (one row, id `profile`). */
export const billingProfile = sqliteTable('billing_profile', {
  ...syncColumns,
  name: text('name').notNull(),
  /** Type 2 (organization) NPI, 10 digits. */
  npi: text('npi'),
  /** Employer identification number, 9 digits. */
  taxId: text('tax_id'),
  taxonomyCode: text('taxonomy_code'),
  addressLine1: text('address_line1'),
  city: text('city'),
  region: text('region'),
  postalCode: text('postal_code'),
  phone: text('phone'),
  /** The clearinghouse's ids for the clinic (ISA06/GS02, NM1*41) and for itself (ISA08/GS03, NM1*40). */
  submitterId: text('submitter_id'),
  receiverId: text('receiver_id'),
  receiverName: text('receiver_name'),
});

/** A claim to one payer for posted charges of one patient (the CMS-1500 / 837P data set). */
export const claims = sqliteTable(
  'claims',
  {
    ...syncColumns,
    /** Human-facing, unique across offline workstations (workstation prefix). */
    number: text('number').notNull(),
    patientId: text('patient_id').notNull(),
    policyId: text('policy_id'),
    payerName: text('payer_name').notNull(),
    /** 1 primary, 2 secondary, 3 tertiary. */
    rank: integer('rank').notNull().default(1),
    providerId: text('provider_id'),
    /** Open enum: draft, ready, submitted, accepted, rejected, denied, paid. */
    status: text('status').notNull().default('draft'),
    statusReason: text('status_reason'),
    statusAt: text('status_at'),
    /** The 837 file it was sent in. */
    batchId: text('batch_id'),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('claims_patient').on(t.patientId), index('claims_status').on(t.status)],
);

export const claimLines = sqliteTable(
  'claim_lines',
  {
    ...syncColumns,
    claimId: text('claim_id').notNull(),
    chargeId: text('charge_id').notNull(),
    lineNumber: integer('line_number').notNull(),
  },
  (t) => [index('claim_lines_claim').on(t.claimId), index('claim_lines_charge').on(t.chargeId)],
);
