/**
 * Billing, part two: the ledger. Every posting is an append-only row;
 * corrections are reversals; balances and aging are derived from the rows.
 */
import { z } from 'zod';
import { Id, optionalText, PlainDate, requiredText } from './common';
import { Charge, PositiveCents } from './billing';
import { method } from './method';

export const ledgerKinds = ['charge', 'payment', 'adjustment', 'refund', 'transfer', 'reversal'] as const;
export const paymentMethods = ['cash', 'card', 'cheque', 'eft', 'insurance'] as const;
export const paymentMethodLabels: Record<(typeof paymentMethods)[number], string> = {
  cash: 'Cash',
  card: 'Card',
  cheque: 'Cheque',
  eft: 'Bank transfer (EFT)',
  insurance: 'Insurance remittance',
};
/** Adjustment reasons people pick from; an 835's CARC codes (e.g. CO-45) are kept as they come. */
export const adjustmentReasons = {
  'CO-45': 'Contractual: charge exceeds the payer’s fee schedule',
  'CO-97': 'Contractual: bundled into another service',
  'PR-1': 'Deductible (moves to the patient)',
  'PR-2': 'Coinsurance (moves to the patient)',
  'PR-3': 'Copay (moves to the patient)',
  'WO-SMALL': 'Write-off: small balance',
  'WO-HARDSHIP': 'Write-off: financial hardship',
  'WO-BADDEBT': 'Write-off: bad debt',
  'WO-COURTESY': 'Write-off: professional courtesy',
} as const;

export const LedgerEntry = z.object({
  id: Id,
  kind: z.string(),
  amountCents: z.number(),
  postedOn: z.string(),
  enteredAt: z.string(),
  enteredByName: z.string(),
  chargeId: z.string().nullable(),
  /** Null: the patient's part. */
  payer: z.string().nullable(),
  groupId: z.string(),
  method: z.string().nullable(),
  reference: z.string().nullable(),
  reasonCode: z.string().nullable(),
  reversesId: z.string().nullable(),
  /** Reversed by a later row. */
  reversed: z.boolean(),
  /** False for a second copy of a posting made on another workstation before they synced: kept, shown, never summed. */
  counted: z.boolean(),
  note: z.string().nullable(),
  /** Balance of the account after this row, in posting order. */
  runningCents: z.number(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const AgingBuckets = z.object({
  current: z.number(),
  days31to60: z.number(),
  days61to90: z.number(),
  over90: z.number(),
  total: z.number(),
});
export type AgingBuckets = z.infer<typeof AgingBuckets>;

export const PatientAccount = z.object({
  patientId: Id,
  /** Everything owed, all payers, minus unapplied credit. */
  balanceCents: z.number(),
  patientDueCents: z.number(),
  insuranceDueCents: z.number(),
  /** Payments not applied to any charge (a credit on the account). */
  unappliedCents: z.number(),
  aging: AgingBuckets,
  charges: z.array(Charge),
  entries: z.array(LedgerEntry),
});
export type PatientAccount = z.infer<typeof PatientAccount>;

const Allocation = z.object({ chargeId: Id, amountCents: PositiveCents }).strict();

const Posting = {
  patientId: Id,
  /** The accounting date; today by default. Must not be before the clinic's lock date. */
  postedOn: PlainDate.optional(),
  note: optionalText(500, 'Note'),
};

export const AgingRow = AgingBuckets.extend({ key: z.string(), label: z.string() });
export type AgingRow = z.infer<typeof AgingRow>;

export const ledger = {
  /** A patient's or an insurer's payment. Without allocations it pays the oldest open charges owed by that payer; the rest stays on account. */
  'payments.post': method({
    input: z
      .object({
        ...Posting,
        amountCents: PositiveCents,
        method: z.enum(paymentMethods, { message: 'Choose how it was paid' }),
        reference: optionalText(60, 'Reference'),
        /** Null or absent: the patient paid. */
        payer: optionalText(120, 'Payer'),
        allocations: z.array(Allocation).max(200).optional(),
      })
      .strict(),
    output: z.object({ groupId: Id, appliedCents: z.number(), unappliedCents: z.number() }),
    access: 'billing.post',
  }),
  /** Lower what is owed on a charge: contractual adjustment or write-off, with its reason. */
  'adjustments.post': method({
    input: z
      .object({
        ...Posting,
        chargeId: Id,
        amountCents: PositiveCents,
        reasonCode: requiredText(20, 'Reason'),
        /** Whose part is adjusted; null: the patient's. */
        payer: optionalText(120, 'Payer'),
      })
      .strict(),
    output: z.object({ groupId: Id }),
    access: 'billing.manage',
  }),
  /** Move (part of) a charge's balance from one payer to another, e.g. the insurer's remainder to the patient. */
  'balances.transfer': method({
    input: z
      .object({
        ...Posting,
        chargeId: Id,
        amountCents: PositiveCents,
        fromPayer: optionalText(120, 'From payer'),
        toPayer: optionalText(120, 'To payer'),
      })
      .strict()
      .refine((t) => (t.fromPayer ?? null) !== (t.toPayer ?? null), { message: 'Choose two different payers', path: ['toPayer'] }),
    output: z.object({ groupId: Id }),
    access: 'billing.post',
  }),
  /** Pay back a credit on the account: to the patient, or (payer given) an insurer's overpayment to that insurer. */
  'refunds.post': method({
    input: z
      .object({
        ...Posting,
        amountCents: PositiveCents,
        method: z.enum(paymentMethods, { message: 'Choose how it was refunded' }),
        reference: optionalText(60, 'Reference'),
        /** Whose credit is paid back; null or absent: the patient's. */
        payer: optionalText(120, 'Payer'),
      })
      .strict(),
    output: z.object({ groupId: Id }),
    access: 'billing.manage',
  }),
  /** Cancel a whole posting (every row of its group) with new, opposite rows. Reversing a charge voids it. */
  'ledger.reverse': method({
    input: z.object({ groupId: Id, reason: requiredText(300, 'Reason'), postedOn: PlainDate.optional() }).strict(),
    output: z.object({ groupId: Id, reversed: z.number() }),
    access: 'billing.manage',
  }),
  'billing.account': method({
    input: z.object({ patientId: Id }).strict(),
    output: PatientAccount,
    access: 'billing.read',
  }),
  'billing.lockDate': method({
    input: z.object({}).strict(),
    output: z.object({ lockDate: z.string().nullable(), setByName: z.string().nullable() }),
    access: 'billing.read',
  }),
  /** Close the books before a date: no posting may be dated before it. */
  'billing.setLockDate': method({
    input: z.object({ lockDate: PlainDate }).strict(),
    output: z.object({ lockDate: z.string(), setByName: z.string() }),
    access: 'billing.manage',
  }),
  /** What is owed, by age of the service (days since the service date at `asOf`), by payer or by patient. */
  'reports.arAging': method({
    input: z
      .object({
        asOf: PlainDate.optional(),
        by: z.enum(['payer', 'patient']).default('payer'),
        providerId: Id.optional(),
      })
      .strict(),
    output: z.object({ asOf: z.string(), rows: z.array(AgingRow), totals: AgingBuckets }),
    access: 'reports.read',
  }),
};
