/** Billing, part one: fee schedules and the charges captured from encounters (the superbill). */
import { z } from 'zod';
import { Id, Ok, optionalText, PlainDate, requiredText } from './common';
import { method } from './method';

/** Money is integer cents everywhere; a price of zero is allowed (a no-charge service still goes on the claim). */
export const Cents = z.number({ message: 'Enter an amount' }).int('Enter the amount in cents').min(0, 'An amount cannot be negative');
export const PositiveCents = Cents.min(1, 'Enter an amount above zero').max(100_000_000, 'That amount is too large; check it');

export const ProcedureCode = z
  .string({ message: 'Enter a procedure code' })
  .trim()
  .toUpperCase()
  .regex(
    /^([0-9]{4}[0-9A-Z]|[A-V][0-9]{4})$/,
    'Enter a CPT code (5 characters, e.g. 99213) or a HCPCS code (a letter and 4 digits, e.g. G0439)',
  );

export const Modifier = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{2}$/, 'A modifier is two letters or digits, e.g. 25');

export const feeScheduleKinds = ['self_pay', 'payer'] as const;

export const FeeSchedule = z.object({
  id: Id,
  name: z.string(),
  kind: z.string(),
  payerName: z.string().nullable(),
  active: z.boolean(),
  itemCount: z.number(),
});
export type FeeSchedule = z.infer<typeof FeeSchedule>;

export const FeeItem = z.object({
  id: Id,
  scheduleId: Id,
  code: z.string(),
  description: z.string(),
  priceCents: z.number(),
  active: z.boolean(),
});
export type FeeItem = z.infer<typeof FeeItem>;

export const chargeStatuses = ['draft', 'posted', 'voided'] as const;

export const Charge = z.object({
  id: Id,
  patientId: Id,
  encounterId: z.string().nullable(),
  providerId: z.string().nullable(),
  serviceDate: z.string(),
  code: z.string(),
  description: z.string(),
  modifiers: z.array(z.string()),
  units: z.number(),
  unitPriceCents: z.number(),
  totalCents: z.number(),
  diagnosisCodes: z.array(z.string()),
  /** Open enum: draft, posted, voided. */
  status: z.string(),
  /** What is still owed on it (all payers), from the ledger; 0 for drafts. */
  balanceCents: z.number(),
});
export type Charge = z.infer<typeof Charge>;

export const Superbill = z.object({
  encounterId: Id,
  patientId: Id,
  providerId: z.string().nullable(),
  serviceDate: z.string(),
  /** Charges can be posted only once the encounter's note is signed. */
  signed: z.boolean(),
  diagnoses: z.array(z.object({ code: z.string(), title: z.string() })),
  /** The schedule prices come from: the patient's primary payer's schedule, else the self-pay one. */
  schedule: FeeSchedule.nullable(),
  /** Who the charges will be billed to: the primary insurance payer, or null for the patient. */
  billTo: z.string().nullable(),
  charges: z.array(Charge),
});
export type Superbill = z.infer<typeof Superbill>;

const ChargeLine = z
  .object({
    id: Id.optional(),
    encounterId: Id,
    code: ProcedureCode,
    units: z.number({ message: 'Enter the units' }).int('Units are whole numbers').min(1, 'At least 1 unit').max(99, 'At most 99 units'),
    modifiers: z.array(Modifier).max(4, 'At most four modifiers').default([]),
    diagnosisCodes: z.array(z.string().trim().min(3).max(8)).max(4, 'A service line points to at most four diagnoses').default([]),
    /** Defaults to the fee schedule's price. */
    unitPriceCents: Cents.max(100_000_000, 'That price is too large; check it').optional(),
    description: optionalText(200, 'Description'),
  })
  .strict();

export const billing = {
  'feeSchedules.list': method({
    input: z.object({}).strict(),
    output: z.object({ schedules: z.array(FeeSchedule) }),
    access: 'billing.read',
  }),
  'feeSchedules.save': method({
    input: z
      .object({
        id: Id.optional(),
        name: requiredText(80, 'Schedule name'),
        kind: z.enum(feeScheduleKinds, { message: 'Choose self-pay or a payer' }),
        payerName: optionalText(120, 'Payer name'),
        active: z.boolean().default(true),
      })
      .strict()
      .refine((s) => s.kind !== 'payer' || !!s.payerName, { message: 'Name the payer this schedule prices', path: ['payerName'] }),
    output: FeeSchedule,
    access: 'billing.manage',
  }),
  /** Items of a schedule, by code; every word of `query` matches the start of the code or part of the description. */
  'feeSchedules.items': method({
    input: z.object({ scheduleId: Id, query: z.string().trim().max(60).default('') }).strict(),
    output: z.object({ items: z.array(FeeItem) }),
    access: 'billing.read',
  }),
  'feeSchedules.saveItem': method({
    input: z
      .object({
        scheduleId: Id,
        code: ProcedureCode,
        description: requiredText(200, 'Description'),
        priceCents: Cents.max(100_000_000, 'That price is too large; check it'),
        active: z.boolean().default(true),
      })
      .strict(),
    output: FeeItem,
    access: 'billing.manage',
  }),
  /** Import `code,description,price` rows (price in dollars, e.g. 125.00). All or nothing: a bad line names itself and nothing is saved. */
  'feeSchedules.importCsv': method({
    input: z
      .object({
        scheduleId: Id,
        csv: z.string().max(5_000_000, 'The file is too large for a fee schedule (5 MB at most)'),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
    access: 'billing.manage',
  }),
  'feeSchedules.exportCsv': method({
    input: z.object({ scheduleId: Id }).strict(),
    output: z.object({ fileName: z.string(), csv: z.string() }),
    access: 'billing.read',
  }),
  /** The encounter's charges with what is needed to capture them (diagnoses, prices, who is billed). */
  'charges.superbill': method({
    input: z.object({ encounterId: Id }).strict(),
    output: Superbill,
    access: 'billing.read',
  }),
  /** Add or edit a draft charge line of an encounter. */
  'charges.save': method({ input: ChargeLine, output: Charge, access: 'billing.capture' }),
  'charges.remove': method({ input: z.object({ id: Id }).strict(), output: Ok, access: 'billing.capture' }),
  /** Post every draft charge of a signed encounter to the ledger, dated `postedOn` (today by default). */
  'charges.post': method({
    input: z.object({ encounterId: Id, postedOn: PlainDate.optional() }).strict(),
    output: z.object({ posted: z.number(), totalCents: z.number() }),
    access: 'billing.post',
  }),
  /** A patient's charges, newest service first, with what is still owed on each. */
  'charges.list': method({
    input: z.object({ patientId: Id, status: z.enum(chargeStatuses).optional() }).strict(),
    output: z.object({ charges: z.array(Charge) }),
    access: 'billing.read',
  }),
};
