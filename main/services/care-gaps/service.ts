/**
 * careGaps.list, recordOutcome and withdrawOutcome. Gaps are computed on
 * read, never stored: a new vital sign, vaccine or lab closes its gap at
 * once, on every workstation, and a new version of the rules applies to
 * every chart without a migration. Only outcomes are stored; each keeps the
 * rules version it was recorded under.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { careGapOutcomes } from '../../../db/schema';
import { ApiError, type Output, type ParsedInput } from '../../contract';
import type { CareGapOutcome } from '../../contract/care-gaps';
import { namesOf } from '../charting/notes';
import type { SessionUser } from '../handler';
import { findPatientRow, patientOf } from '../patients/records';
import { getClinic } from '../settings/reference';
import type { Store } from '../store';
import { evaluateCareGaps, snoozedUntil } from './evaluate';
import { localDate, readChartFacts, type OutcomeFact } from './facts';
import { careGapRules, ruleById } from './rules';

function clinicToday(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() ?? new Date().toISOString().slice(0, 10);
}

function outcomeView(outcome: OutcomeFact, names: Map<string, string>): CareGapOutcome {
  const rule = ruleById(outcome.ruleId);
  return {
    id: outcome.id,
    ruleId: outcome.ruleId,
    ruleTitle: rule?.title ?? outcome.ruleId,
    outcome: outcome.outcome,
    doneOn: outcome.doneOn,
    // Shown as the rules file names it (the stored id stays stable across wording changes).
    method: rule?.methods?.find((m) => m.id === outcome.method)?.label ?? outcome.method,
    note: outcome.note,
    recordedBy: names.get(outcome.recordedBy) ?? 'Unknown user',
    recordedAt: outcome.recordedAt,
    snoozedUntil: rule && outcome.outcome === 'declined' ? snoozedUntil(rule, outcome.recordedOn) : null,
  };
}

export function listCareGaps(store: Store, input: ParsedInput<'careGaps.list'>): Output<'careGaps.list'> {
  const zone = getClinic(store).timeZone;
  const asOf = input.asOf ?? clinicToday(zone);
  const facts = readChartFacts(store, input.patientId, zone);
  const rules = careGapRules();
  const names = namesOf(
    store,
    facts.outcomes.map((o) => o.recordedBy),
  );
  return {
    rulesVersion: rules.version,
    asOf,
    gaps: evaluateCareGaps(rules, facts, asOf),
    outcomes: facts.outcomes.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)).map((o) => outcomeView(o, names)),
  };
}

export function recordCareGapOutcome(store: Store, user: SessionUser, input: ParsedInput<'careGaps.recordOutcome'>): CareGapOutcome {
  const patientId = patientOf(store, input.patientId);
  const rule = ruleById(input.ruleId);
  if (!rule) {
    throw new ApiError('VALIDATION', 'That care gap is not in this version of the rules. Reopen the chart and try again.', {
      ruleId: 'Unknown care gap',
    });
  }
  const zone = getClinic(store).timeZone;
  const doneElsewhere = input.outcome === 'done_elsewhere';
  const doneOn = doneElsewhere ? (input.doneOn ?? null) : null;
  if (doneOn && doneOn > clinicToday(zone)) {
    throw new ApiError('VALIDATION', 'The date it was done cannot be in the future. Check the date.', { doneOn: 'In the future' });
  }
  if (doneOn && doneOn < findPatientRow(store, patientId).dateOfBirth) {
    throw new ApiError('VALIDATION', 'The date it was done is before the patient was born. Check the date.', { doneOn: 'Before birth' });
  }
  const methods = rule.methods ?? [];
  const method = doneElsewhere && methods.length > 0 ? (input.method ?? null) : null;
  if (doneElsewhere && methods.length > 0 && !methods.some((m) => m.id === method)) {
    throw new ApiError('VALIDATION', `Choose which ${rule.title.toLowerCase()} test was done: when it is next due depends on it.`, {
      method: 'Choose the test',
    });
  }
  const recordedAt = new Date().toISOString();
  const values = {
    patientId,
    ruleId: rule.id,
    outcome: input.outcome,
    doneOn,
    method,
    note: input.note,
    rulesVersion: careGapRules().version,
    recordedBy: user.id,
    recordedAt,
  };
  const id = store.capture.mutate((w) => w.insert(careGapOutcomes, values));
  return outcomeView({ id, ...values, recordedOn: localDate(recordedAt, zone) }, new Map([[user.id, user.displayName]]));
}

/** Tombstones the outcome; returns the patient it was about. */
export function withdrawCareGapOutcome(store: Store, id: string): string {
  const row = store.db.select({ patientId: careGapOutcomes.patientId }).from(careGapOutcomes).where(eq(careGapOutcomes.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', 'That care gap outcome was not found. Reopen the chart.', { id: 'Unknown outcome' });
  const live = store.db
    .select({ id: careGapOutcomes.id })
    .from(careGapOutcomes)
    .where(and(eq(careGapOutcomes.id, id), isNull(careGapOutcomes.deletedAt)))
    .get();
  if (!live) throw new ApiError('CONFLICT', 'That outcome was already withdrawn.');
  store.capture.mutate((w) => w.remove(careGapOutcomes, id));
  return row.patientId;
}
