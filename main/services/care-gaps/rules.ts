/**
 * The care-gap rules Outpost ships (a curated, versioned JSON file with a
 * source for every rule). Checked against its schema when first used, so a
 * broken file fails loudly in tests instead of silently showing no gaps.
 * The rules are data; what each kind of evidence means is code (evaluate.ts).
 */
import { z } from 'zod';
import rulesFile from './knowledge/care-gap-rules.json';

const Interval = z.object({ months: z.number().int().positive() });

const Evidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vitals'), what: z.string(), measure: z.enum(['blood_pressure', 'bmi']) }),
  z.object({
    kind: z.literal('immunization'),
    what: z.string(),
    cvx: z.array(z.string()),
    names: z.array(z.string()),
    /** Doses given before this age do not count (a childhood series is not the adult dose). */
    fromAgeYears: z.number().int().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('lab'), what: z.string(), loinc: z.array(z.string()), names: z.array(z.string()) }),
  /** Nothing in the chart shows it yet: only an outcome recorded as done elsewhere satisfies it. */
  z.object({ kind: z.literal('outcome'), what: z.string() }),
]);

const Rule = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    rule: z.string(),
    source: z.object({ name: z.string(), citation: z.string(), url: z.url() }),
    ages: z
      .object({
        fromYears: z.number().int().nonnegative().optional(),
        fromMonths: z.number().int().nonnegative().optional(),
        /** Inclusive: up to the day before the next birthday. */
        toYears: z.number().int().positive().optional(),
      })
      .optional(),
    /** Only for patients with an active problem whose code starts with one of these (codes are stored bare, e.g. E119). */
    whenProblem: z.object({ codePrefixes: z.array(z.string().regex(/^[A-Z][0-9A-Z]*$/)).min(1) }).optional(),
    /** Repeat interval; left out for a rule satisfied once. */
    every: Interval.optional(),
    /** A seasonal rule: due each season from fromMonth to toMonth; doses from dosesFromMonth on count for it. */
    season: z
      .object({
        fromMonth: z.number().int().min(1).max(12),
        toMonth: z.number().int().min(1).max(12),
        dosesFromMonth: z.number().int().min(1).max(12),
      })
      .optional(),
    overdueAfterDays: z.number().int().nonnegative(),
    methods: z.array(z.object({ id: z.string(), label: z.string(), every: Interval })).optional(),
    evidence: Evidence,
  })
  .refine((r) => !(r.every && r.season), 'A rule repeats by interval or by season, not both');
export type CareGapRule = z.infer<typeof Rule>;
export type Evidence = z.infer<typeof Evidence>;

const RulesFile = z.object({
  version: z.string(),
  reviewedOn: z.string(),
  note: z.string(),
  dueSoonDays: z.number().int().nonnegative(),
  rules: z.array(Rule).min(1),
});
export type CareGapRules = z.infer<typeof RulesFile>;

let loaded: CareGapRules | null = null;

export function careGapRules(): CareGapRules {
  loaded ??= RulesFile.parse(rulesFile);
  return loaded;
}

export function ruleById(id: string): CareGapRule | undefined {
  return careGapRules().rules.find((r) => r.id === id);
}
