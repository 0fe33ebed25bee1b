/**
 * What the care-gap rules look at, read from the chart in a handful of
 * indexed queries (this runs on every chart open): the patient's date of
 * birth, the days blood pressure, weight and height were measured, the
 * vaccines given or refused, the lab tests done, the active problems and
 * the outcomes recorded. Instants become plain dates in the clinic's zone,
 * the calendar the rules count in. Entries marked in error are left out.
 */
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { careGapOutcomes, immunizations, labResults, patients, problems, vitalSigns } from '../../../db/schema';
import { patientOf, withMergedRecords } from '../patients/records';
import type { Store } from '../store';

export interface OutcomeFact {
  id: string;
  ruleId: string;
  outcome: string;
  doneOn: string | null;
  method: string | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
  /** The recording day in the clinic's zone (when a decline was made). */
  recordedOn: string;
}

export interface ChartFacts {
  dateOfBirth: string;
  bloodPressureOn: string[];
  weightOn: string[];
  heightKnown: boolean;
  /** vaccine: the name as recorded, lower case. */
  immunizations: { on: string; cvx: string | null; vaccine: string; refused: boolean }[];
  /** text: the report's panel and the test's name, lower case. */
  labs: { on: string; loinc: string | null; text: string }[];
  /** Active problems, with the day they started (onset, else when recorded). */
  problems: { code: string | null; since: string }[];
  outcomes: OutcomeFact[];
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The plain date of an instant in a zone, with one cached formatter per zone (this runs per row; luxon was the hot spot). */
export function localDate(instant: string, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant.slice(0, 10);
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}

export function readChartFacts(store: Store, patientId: string, zone: string): ChartFacts {
  // The rows of one lab report share their instant: convert each instant once.
  const dates = new Map<string, string>();
  const dateOf = (instant: string) => {
    let date = dates.get(instant);
    if (date === undefined) {
      date = localDate(instant, zone);
      dates.set(instant, date);
    }
    return date;
  };
  const survivor = patientOf(store, patientId);
  const ids = withMergedRecords(store, survivor);
  const patient = store.db.select({ dateOfBirth: patients.dateOfBirth }).from(patients).where(eq(patients.id, survivor)).get();
  if (!patient) throw new Error('Patient vanished while reading care gaps');

  const vitals = store.db
    .select({ takenAt: vitalSigns.takenAt, systolic: vitalSigns.systolic, weightKg: vitalSigns.weightKg, heightCm: vitalSigns.heightCm })
    .from(vitalSigns)
    .where(and(inArray(vitalSigns.patientId, ids), isNull(vitalSigns.deletedAt), isNull(vitalSigns.enteredInErrorAt)))
    .all();
  const shots = store.db
    .select({ on: immunizations.administeredOn, cvx: immunizations.cvxCode, vaccine: immunizations.vaccine, status: immunizations.status })
    .from(immunizations)
    .where(
      and(inArray(immunizations.patientId, ids), isNull(immunizations.deletedAt), inArray(immunizations.status, ['completed', 'refused'])),
    )
    .all();
  const labs = store.db
    .select({ collectedAt: labResults.collectedAt, loinc: labResults.loinc, name: labResults.name, panel: labResults.panel })
    .from(labResults)
    .where(and(inArray(labResults.patientId, ids), isNull(labResults.deletedAt), ne(labResults.status, 'entered_in_error')))
    .all();
  const active = store.db
    .select({ code: problems.code, onsetDate: problems.onsetDate, createdAt: problems.createdAt })
    .from(problems)
    .where(and(inArray(problems.patientId, ids), isNull(problems.deletedAt), eq(problems.status, 'active')))
    .all();
  const outcomes = store.db
    .select()
    .from(careGapOutcomes)
    .where(and(inArray(careGapOutcomes.patientId, ids), isNull(careGapOutcomes.deletedAt)))
    .all();

  return {
    dateOfBirth: patient.dateOfBirth,
    bloodPressureOn: vitals.filter((v) => v.systolic !== null).map((v) => dateOf(v.takenAt)),
    weightOn: vitals.filter((v) => v.weightKg !== null).map((v) => dateOf(v.takenAt)),
    heightKnown: vitals.some((v) => v.heightCm !== null),
    immunizations: shots.map((s) => ({ on: s.on, cvx: s.cvx, vaccine: s.vaccine.toLowerCase(), refused: s.status === 'refused' })),
    labs: labs.map((l) => ({ on: dateOf(l.collectedAt), loinc: l.loinc, text: `${l.panel} ${l.name}`.toLowerCase() })),
    problems: active.map((p) => ({ code: p.code, since: p.onsetDate ?? dateOf(p.createdAt) })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      ruleId: o.ruleId,
      outcome: o.outcome,
      doneOn: o.doneOn,
      method: o.method,
      note: o.note,
      recordedBy: o.recordedBy,
      recordedAt: o.recordedAt,
      recordedOn: dateOf(o.recordedAt),
    })),
  };
}
