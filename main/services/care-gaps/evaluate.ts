/**
 * Evaluating the care-gap rules against one chart, on a given day. Pure: the
 * facts come from facts.ts, the day from the caller, so every rule can be
 * tested on its boundaries. Dates are plain dates (YYYY-MM-DD) and compare as
 * text. A rule yields a gap when it applies to the patient (age, problem),
 * was not declined recently or marked not applicable, and its next due day
 * (the last time it was done plus its interval, else when it first applied)
 * is within the coming `dueSoonDays`.
 */
import { DateTime } from 'luxon';
import type { CareGap } from '../../contract/care-gaps';
import type { ChartFacts, OutcomeFact } from './facts';
import type { CareGapRule, CareGapRules, Evidence } from './rules';

interface Done {
  on: string;
  what: string;
  method: string | null;
}

const parse = (date: string) => DateTime.fromISO(date, { zone: 'utc' });
const text = (date: DateTime) => date.toISODate() ?? '';
export const addMonths = (date: string, months: number) => text(parse(date).plus({ months }));
export const addDays = (date: string, days: number) => text(parse(date).plus({ days }));
const later = (a: string, b: string) => (a > b ? a : b);
const latest = <T extends { on: string }>(items: T[]) => items.reduce<T | null>((best, i) => (!best || i.on > best.on ? i : best), null);

const wordPatterns = new Map<string, RegExp>();
/** A whole word or phrase in lower-case text: "td" matches "td adsorbed", never "std". */
function mentions(haystack: string, word: string): boolean {
  let pattern = wordPatterns.get(word);
  if (!pattern) {
    pattern = new RegExp(`(^|[^a-z0-9])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`);
    wordPatterns.set(word, pattern);
  }
  return pattern.test(haystack);
}

/** CVX codes compare as numbers: "09" is 9. */
const cvxKey = (code: string) => (/^\d+$/.test(code.trim()) ? String(Number(code)) : code.trim());

function matchesShot(evidence: Extract<Evidence, { kind: 'immunization' }>, shot: ChartFacts['immunizations'][number]): boolean {
  if (shot.cvx && evidence.cvx.includes(cvxKey(shot.cvx))) return true;
  return evidence.names.some((name) => mentions(shot.vaccine, name));
}

/** When the rule was done, from the chart's own data. */
function doneInChart(evidence: Evidence, facts: ChartFacts): Done[] {
  const done = (on: string) => ({ on, what: evidence.what, method: null });
  switch (evidence.kind) {
    case 'vitals':
      if (evidence.measure === 'blood_pressure') return facts.bloodPressureOn.map(done);
      return facts.heightKnown ? facts.weightOn.map(done) : [];
    case 'immunization': {
      const from = evidence.fromAgeYears === undefined ? '' : text(parse(facts.dateOfBirth).plus({ years: evidence.fromAgeYears }));
      return facts.immunizations.filter((s) => !s.refused && s.on >= from && matchesShot(evidence, s)).map((s) => done(s.on));
    }
    case 'lab':
      return facts.labs
        .filter((l) => (l.loinc !== null && evidence.loinc.includes(l.loinc)) || evidence.names.some((n) => mentions(l.text, n)))
        .map((l) => done(l.on));
    case 'outcome':
      return [];
  }
}

function refusedInChart(evidence: Evidence, facts: ChartFacts): string[] {
  if (evidence.kind !== 'immunization') return [];
  return facts.immunizations.filter((s) => s.refused && matchesShot(evidence, s)).map((s) => s.on);
}

/** The season a day belongs to, by the year it started in, and its last day. */
function seasonOf(rule: CareGapRule, date: string): { startYear: number; end: string } | null {
  const season = rule.season;
  if (!season) return null;
  const d = parse(date);
  const startYear = d.month >= season.dosesFromMonth ? d.year : d.year - 1;
  const endYear = season.toMonth < season.fromMonth ? startYear + 1 : startYear;
  return { startYear, end: text(DateTime.utc(endYear, season.toMonth, 1).endOf('month')) };
}

/** For a decline: the first day the gap is shown again. */
export function snoozedUntil(rule: CareGapRule, declinedOn: string): string {
  const season = seasonOf(rule, declinedOn);
  if (season) return addDays(season.end, 1);
  return addMonths(declinedOn, Math.min(rule.every?.months ?? 12, 12));
}

function methodLabel(rule: CareGapRule, method: string | null): string | null {
  return rule.methods?.find((m) => m.id === method)?.label ?? null;
}

function doneElsewhere(rule: CareGapRule, outcomes: OutcomeFact[]): Done[] {
  return outcomes
    .filter((o) => o.outcome === 'done_elsewhere' && o.doneOn)
    .map((o) => ({
      on: o.doneOn ?? '',
      what: `${methodLabel(rule, o.method) ?? rule.evidence.what}, done elsewhere`,
      method: o.method,
    }));
}

/** The day the rule first applies to this patient, and the last day it does; null when it never does. */
function eligibility(rule: CareGapRule, facts: ChartFacts): { from: string; until: string | null } | null {
  const birth = parse(facts.dateOfBirth);
  let from = text(birth.plus({ years: rule.ages?.fromYears ?? 0, months: rule.ages?.fromMonths ?? 0 }));
  if (rule.whenProblem) {
    const prefixes = rule.whenProblem.codePrefixes;
    const since = facts.problems
      .filter((p) => p.code !== null && prefixes.some((prefix) => (p.code ?? '').toUpperCase().startsWith(prefix)))
      .map((p) => p.since)
      .sort()[0];
    if (!since) return null;
    from = later(from, since);
  }
  const until = rule.ages?.toYears === undefined ? null : text(birth.plus({ years: rule.ages.toYears + 1 }).minus({ days: 1 }));
  return { from, until };
}

function dueDay(rule: CareGapRule, done: Done[], from: string, asOf: string, soon: string): string | null {
  if (rule.season) {
    const season = seasonOf(rule, soon);
    if (!season || asOf > season.end) return null;
    const dosesFrom = text(DateTime.utc(season.startYear, rule.season.dosesFromMonth, 1));
    if (done.some((d) => d.on >= dosesFrom)) return null;
    const start = text(DateTime.utc(season.startYear, rule.season.fromMonth, 1));
    const due = later(start, from);
    return due > season.end ? null : due;
  }
  const last = latest(done);
  if (!last) return from;
  const interval = rule.methods?.find((m) => m.id === last.method)?.every ?? rule.every;
  // Satisfied once and for good.
  if (!interval) return null;
  return later(addMonths(last.on, interval.months), from);
}

const STATUS_ORDER: Record<string, number> = { overdue: 0, due: 1, due_soon: 2 };

export function evaluateRule(rule: CareGapRule, facts: ChartFacts, asOf: string, dueSoonDays: number): CareGap | null {
  const applies = eligibility(rule, facts);
  if (!applies || (applies.until !== null && asOf > applies.until)) return null;
  const outcomes = facts.outcomes.filter((o) => o.ruleId === rule.id);
  if (outcomes.some((o) => o.outcome === 'not_applicable')) return null;

  const done = [...doneInChart(rule.evidence, facts), ...doneElsewhere(rule, outcomes)].filter((d) => d.on <= asOf);
  const soon = addDays(asOf, dueSoonDays);
  const dueOn = dueDay(rule, done, applies.from, asOf, soon);
  if (dueOn === null || dueOn > soon || (applies.until !== null && dueOn > applies.until)) return null;

  const declines = [...refusedInChart(rule.evidence, facts), ...outcomes.filter((o) => o.outcome === 'declined').map((o) => o.recordedOn)];
  const lastDecline = declines
    .filter((d) => d <= asOf)
    .sort()
    .at(-1);
  if (lastDecline && snoozedUntil(rule, lastDecline) > asOf) return null;

  const overdueFrom = addDays(dueOn, rule.overdueAfterDays);
  const status = dueOn > asOf ? 'due_soon' : asOf > overdueFrom ? 'overdue' : 'due';
  const last = latest(done);
  return {
    ruleId: rule.id,
    title: rule.title,
    rule: rule.rule,
    source: rule.source,
    status,
    dueOn,
    lastDone: last ? { on: last.on, what: last.what } : null,
    methods: (rule.methods ?? []).map(({ id, label }) => ({ id, label })),
  };
}

/** Every open gap, overdue first (longest overdue at the top), then due, then coming up. */
export function evaluateCareGaps(rules: CareGapRules, facts: ChartFacts, asOf: string): CareGap[] {
  return rules.rules
    .map((rule) => evaluateRule(rule, facts, asOf, rules.dueSoonDays))
    .filter((gap): gap is CareGap => gap !== null)
    .sort(
      (a, b) =>
        (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title),
    );
}
