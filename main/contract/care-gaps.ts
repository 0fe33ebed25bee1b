/**
 * Care gaps and reminders: preventive care a patient is due for, computed on
 * every read from a versioned rules file (USPSTF, CDC ACIP, ADA) and the
 * chart's vital signs, immunizations, lab results and problems. What the
 * chart cannot show (a colonoscopy done elsewhere, a declined vaccine, a rule
 * that does not apply to this patient) is recorded as an outcome.
 */
import { z } from 'zod';
import { Id, optionalText, PlainDate } from './common';
import { method } from './method';

export const careGapOutcomes = ['done_elsewhere', 'declined', 'not_applicable'] as const;
export type CareGapOutcomeKind = (typeof careGapOutcomes)[number];

export const careGapOutcomeLabels: Record<CareGapOutcomeKind, string> = {
  done_elsewhere: 'Done elsewhere',
  declined: 'Declined',
  not_applicable: 'Not applicable',
};

/** overdue: past due beyond the rule's grace; due: due now; due_soon: due within the coming weeks (a reminder). */
export const careGapStatuses = ['overdue', 'due', 'due_soon'] as const;

export const CareGapSource = z.object({ name: z.string(), citation: z.string(), url: z.string() });

export const CareGap = z.object({
  ruleId: z.string(),
  title: z.string(),
  /** The rule in words: who, how often, and why. */
  rule: z.string(),
  source: CareGapSource,
  /** Open enum (careGapStatuses). */
  status: z.string(),
  /** The day it became (or becomes) due, a plain date. */
  dueOn: z.string(),
  lastDone: z.object({ on: z.string(), what: z.string() }).nullable(),
  /** Ways to satisfy it that can be named when recording it as done elsewhere (e.g. colonoscopy, FIT). */
  methods: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type CareGap = z.infer<typeof CareGap>;

export const CareGapOutcome = z.object({
  id: Id,
  ruleId: z.string(),
  /** The rule's title, or the rule id when this version of the rules no longer has it. */
  ruleTitle: z.string(),
  /** Open enum (careGapOutcomes). */
  outcome: z.string(),
  doneOn: z.string().nullable(),
  /** The kind of test done elsewhere, in words (e.g. Colonoscopy). */
  method: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** For a decline: the day the gap is shown again; null when it stays hidden or when it is not a decline. */
  snoozedUntil: z.string().nullable(),
});
export type CareGapOutcome = z.infer<typeof CareGapOutcome>;

export const careGapsApi = {
  /** The patient's open care gaps, overdue first, and the outcomes recorded for them. Computed on read. */
  'careGaps.list': method({
    input: z
      .object({
        patientId: Id,
        /** The day to evaluate on (e.g. an upcoming visit); today in the clinic's zone when left out. */
        asOf: PlainDate.optional(),
      })
      .strict(),
    output: z.object({
      rulesVersion: z.string(),
      asOf: z.string(),
      gaps: z.array(CareGap),
      outcomes: z.array(CareGapOutcome),
    }),
    access: 'chart.read',
  }),
  /** Record what the chart cannot show: done elsewhere on a date, declined, or not applicable to this patient. */
  'careGaps.recordOutcome': method({
    input: z
      .object({
        patientId: Id,
        ruleId: z.string().trim().min(1, 'Choose the care gap').max(80),
        outcome: z.enum(careGapOutcomes, { message: 'Choose done elsewhere, declined or not applicable' }),
        doneOn: PlainDate.nullish(),
        method: z.string().trim().max(40).nullish(),
        note: optionalText(300, 'Note'),
      })
      .strict()
      .refine((i) => i.outcome !== 'done_elsewhere' || Boolean(i.doneOn), {
        message: 'Enter the date it was done (an estimate is fine)',
        path: ['doneOn'],
      }),
    output: CareGapOutcome,
    access: 'chart.write',
  }),
  /** Withdraw an outcome recorded by mistake: the gap is evaluated without it again. Answers with the patient (for the audit trail). */
  'careGaps.withdrawOutcome': method({
    input: z.object({ id: Id }).strict(),
    output: z.object({ ok: z.literal(true), patientId: Id }),
    access: 'chart.write',
  }),
};
