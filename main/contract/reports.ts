/**
 * Patient statements (PDF) and the manager's reports: the day sheet of the
 * daily close, production, collections, new patients and appointments. Every
 * figure is a sum of the ledger rows that count (or of the appointments), so
 * the reports agree with each other and with the patient accounts.
 */
import { z } from 'zod';
import { AgingBuckets } from './ledger';
import { Id, PlainDate } from './common';
import { method } from './method';

/** The longest range a report covers: enough for a year-on-year comparison, small enough to stay quick. */
export const MAX_REPORT_DAYS = 731;

const dayCount = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** From and to, both inclusive, in the clinic's calendar. */
const DateRange = z
  .object({ from: PlainDate, to: PlainDate, providerId: Id.optional() })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The start date is after the end date. Swap them or pick another range.', path: ['to'] })
  .refine((r) => r.from > r.to || dayCount(r.from, r.to) <= MAX_REPORT_DAYS, {
    message: 'A report covers at most two years. Pick a shorter range.',
    path: ['from'],
  });

export const MoneyByMethod = z.record(z.string(), z.number());

export const DaySheetTotals = z.object({
  chargesCents: z.number(),
  /** Money received, as a positive amount; byMethod splits it. */
  paymentsCents: z.number(),
  paymentsByMethod: MoneyByMethod,
  /** Adjustments and write-offs, as a positive amount. */
  adjustmentsCents: z.number(),
  refundsCents: z.number(),
  /** Reversals as posted: negative when they cancel a charge, positive when they cancel a payment. */
  reversalsCents: z.number(),
  /** Balance moved between payers; nets to zero unless a filter splits a move. */
  transfersCents: z.number(),
  /** Rows of a kind this version does not know (posted on a newer workstation): counted, never dropped. */
  otherCents: z.number(),
  /** charges − payments − adjustments + refunds + reversals + transfers + other: the change of A/R that day. */
  netChangeCents: z.number(),
});
export type DaySheetTotals = z.infer<typeof DaySheetTotals>;

export const DaySheetLine = z.object({
  id: Id,
  patientId: Id,
  patientName: z.string(),
  mrn: z.string(),
  kind: z.string(),
  description: z.string(),
  providerId: z.string().nullable(),
  payer: z.string().nullable(),
  method: z.string().nullable(),
  amountCents: z.number(),
  enteredByName: z.string(),
  enteredAt: z.string(),
});
export type DaySheetLine = z.infer<typeof DaySheetLine>;

const Grouped = DaySheetTotals.extend({ key: z.string(), label: z.string() });

export const ProductionRow = z.object({ code: z.string(), description: z.string(), units: z.number(), chargesCents: z.number() });
export const ProviderProduction = z.object({
  providerId: z.string().nullable(),
  providerName: z.string(),
  units: z.number(),
  chargesCents: z.number(),
  voidedCents: z.number(),
  codes: z.array(ProductionRow),
});

export const CollectionRow = z.object({
  providerId: z.string().nullable(),
  providerName: z.string(),
  /** Null: the patient paid. */
  payer: z.string().nullable(),
  method: z.string(),
  payments: z.number(),
  cents: z.number(),
});

export const AppointmentCounts = z.object({
  key: z.string(),
  label: z.string(),
  /** Every appointment booked for the range, whatever became of it. */
  total: z.number(),
  /** Still booked, arrived or in the room: not completed yet. */
  open: z.number(),
  completed: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
  /** Shares of `total`, 0..1. */
  completedRate: z.number(),
  noShowRate: z.number(),
  cancellationRate: z.number(),
  /** Minutes booked (cancellations and no-shows left out) and minutes open (working hours). */
  bookedMinutes: z.number(),
  availableMinutes: z.number(),
  /** bookedMinutes / availableMinutes, 0 when nothing was open. */
  utilization: z.number(),
});
export type AppointmentCounts = z.infer<typeof AppointmentCounts>;

const Pdf = { fileName: z.string(), pdfBase64: z.string() };

export const reportsApi = {
  /** One patient's statement as a PDF: itemized activity in the period, balance due by the patient, insurance pending, aging. */
  'statements.patient': method({
    input: z
      .object({ patientId: Id, from: PlainDate.optional(), to: PlainDate.optional() })
      .strict()
      .refine((s) => !s.from || !s.to || s.from <= s.to, {
        message: 'The start date is after the end date. Swap them or pick another range.',
        path: ['to'],
      }),
    output: z.object({
      ...Pdf,
      patientId: Id,
      statementDate: z.string(),
      from: z.string(),
      to: z.string(),
      patientDueCents: z.number(),
      insurancePendingCents: z.number(),
      aging: AgingBuckets,
    }),
    access: 'billing.read',
  }),
  /** Statements of every patient owing at least `minimumCents`, one per page run, in one PDF. */
  'statements.batch': method({
    input: z
      .object({
        minimumCents: z
          .number({ message: 'Enter the smallest balance to bill' })
          .int('Enter the amount in cents')
          .min(1, 'Bill balances of at least $0.01')
          .max(100_000_000, 'That amount is too large; check it')
          .default(1),
        asOf: PlainDate.optional(),
      })
      .strict(),
    output: z.object({ ...Pdf, statements: z.number(), totalDueCents: z.number() }),
    access: 'billing.read',
  }),
  /** The daily close: what was posted on `date`, totalled by provider and by payment method, with the lines. */
  'reports.daySheet': method({
    input: z.object({ date: PlainDate, providerId: Id.optional() }).strict(),
    output: z.object({
      date: z.string(),
      totals: DaySheetTotals,
      byProvider: z.array(Grouped),
      byMethod: z.array(z.object({ method: z.string(), label: z.string(), payments: z.number(), cents: z.number() })),
      lines: z.array(DaySheetLine),
    }),
    access: 'reports.read',
  }),
  /** Charges posted in the range, by provider and procedure code. */
  'reports.production': method({
    input: DateRange,
    output: z.object({
      providers: z.array(ProviderProduction),
      totals: z.object({ units: z.number(), chargesCents: z.number(), voidedCents: z.number(), netCents: z.number() }),
    }),
    access: 'reports.read',
  }),
  /** Money received in the range, by provider, payer and method; reversed payments and refunds beside it. */
  'reports.collections': method({
    input: DateRange,
    output: z.object({
      rows: z.array(CollectionRow),
      totals: z.object({
        paymentsCents: z.number(),
        byMethod: MoneyByMethod,
        reversedCents: z.number(),
        refundsCents: z.number(),
        netCents: z.number(),
      }),
    }),
    access: 'reports.read',
  }),
  /** Patients registered in the range, by month; with a provider, those whose first appointment is with them. */
  'reports.newPatients': method({
    input: DateRange,
    output: z.object({ months: z.array(z.object({ month: z.string(), patients: z.number() })), total: z.number() }),
    access: 'reports.read',
  }),
  /** Appointments in the range: counts, rates and utilization per provider and per room. */
  /** Claims the payers denied in the range (by when the denial was recorded), by reason and by payer. */
  'reports.denials': method({
    input: DateRange,
    output: z.object({
      byReason: z.array(z.object({ reason: z.string(), label: z.string(), claims: z.number(), billedCents: z.number() })),
      byPayer: z.array(z.object({ payer: z.string(), claims: z.number(), billedCents: z.number() })),
      totals: z.object({ claims: z.number(), billedCents: z.number() }),
    }),
    access: 'reports.read',
  }),
  'reports.appointments': method({
    input: DateRange,
    output: z.object({ providers: z.array(AppointmentCounts), rooms: z.array(AppointmentCounts), totals: AppointmentCounts }),
    access: 'reports.read',
  }),
};
