/**
 * Vital signs: entered in the unit at hand and kept metric; BMI computed from
 * the reading's weight and the latest height; values outside the adult
 * reference ranges flagged (children's ranges depend on age and are not
 * flagged rather than flagged wrongly). Blood glucose is flagged at any age
 * against the range home monitoring aims for (70–180 mg/dL): a low is
 * dangerous in a child too.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { vitalSigns } from '../../../db/schema';
import { ApiError, bmiOf, toCelsius, toCm, toKg, toMgDl, type ParsedInput, type VitalKind, type VitalSigns } from '../../contract';
import type { SessionUser } from '../handler';
import { namesOf } from '../charting/notes';
import { findPatientRow, patientOf, survivorOf, withMergedRecords } from '../patients/records';
import type { Store } from '../store';

type VitalRow = typeof vitalSigns.$inferSelect;

type Flags = Partial<Record<VitalKind, 'low' | 'high'>>;

/** Adult reference ranges: [low below, high at or above]. */
const ADULT: Partial<Record<VitalKind, [number | null, number | null]>> = {
  pulse: [50, 101],
  respiratoryRate: [12, 21],
  temperature: [35, 38],
  spo2: [92, null],
  bmi: [18.5, 30],
  pain: [null, 7],
};

function flag(kind: VitalKind, value: number | null, flags: Flags): void {
  const range = ADULT[kind];
  if (value === null || !range) return;
  const [low, high] = range;
  if (low !== null && value < low) flags[kind] = 'low';
  else if (high !== null && value >= high) flags[kind] = 'high';
}

export function flagsOf(reading: Omit<VitalSigns, 'flags'>, adult: boolean): Flags {
  const flags: Flags = {};
  if (reading.painScore !== null) flag('pain', reading.painScore, flags);
  if (reading.spo2Pct !== null) flag('spo2', reading.spo2Pct, flags);
  if (reading.glucoseMgDl !== null) {
    if (reading.glucoseMgDl < 70) flags.glucose = 'low';
    else if (reading.glucoseMgDl > 180) flags.glucose = 'high';
  }
  if (!adult) return flags;
  flag('pulse', reading.pulseBpm, flags);
  flag('respiratoryRate', reading.respiratoryRate, flags);
  flag('temperature', reading.temperatureC, flags);
  flag('bmi', reading.bmi, flags);
  if (reading.systolic !== null && reading.diastolic !== null) {
    if (reading.systolic >= 140 || reading.diastolic >= 90) flags.bloodPressure = 'high';
    else if (reading.systolic < 90 || reading.diastolic < 60) flags.bloodPressure = 'low';
  }
  return flags;
}

function toVitals(rows: VitalRow[], names: Map<string, string>, dateOfBirth: string): VitalSigns[] {
  // Oldest first, carrying the latest height forward for BMI.
  let lastHeight: number | null = null;
  const chronological = [...rows].reverse().map((row) => {
    lastHeight = row.heightCm ?? lastHeight;
    const reading = {
      id: row.id,
      takenAt: row.takenAt,
      encounterId: row.encounterId,
      recordedByName: names.get(row.recordedBy) ?? 'Unknown user',
      heightCm: row.heightCm,
      weightKg: row.weightKg,
      bmi: bmiOf(row.weightKg, lastHeight),
      temperatureC: row.temperatureC,
      pulseBpm: row.pulseBpm,
      respiratoryRate: row.respiratoryRate,
      systolic: row.systolic,
      diastolic: row.diastolic,
      spo2Pct: row.spo2Pct,
      painScore: row.painScore,
      glucoseMgDl: row.glucoseMgDl,
      source: row.source,
      sourceLabel: row.sourceLabel,
    };
    const age = DateTime.fromISO(row.takenAt).diff(DateTime.fromISO(dateOfBirth), 'years').years;
    return { ...reading, flags: flagsOf(reading, age >= 18) };
  });
  return chronological.reverse();
}

export function listVitals(store: Store, patientId: string, limit = 200): VitalSigns[] {
  const survivor = survivorOf(store, patientId);
  const patient = findPatientRow(store, survivor);
  const rows = store.db
    .select()
    .from(vitalSigns)
    .where(
      and(
        inArray(vitalSigns.patientId, withMergedRecords(store, survivor)),
        isNull(vitalSigns.deletedAt),
        isNull(vitalSigns.enteredInErrorAt),
      ),
    )
    .orderBy(desc(vitalSigns.takenAt), desc(vitalSigns.id))
    .all();
  const names = namesOf(
    store,
    rows.map((r) => r.recordedBy),
  );
  return toVitals(rows, names, patient.dateOfBirth).slice(0, limit);
}

/** Newer than the clock allows (with five minutes for workstations whose clocks drift a little). */
export const isInTheFuture = (takenAt: string) => Date.parse(takenAt) > Date.now() + 5 * 60_000;

export function recordVitals(store: Store, user: SessionUser, input: ParsedInput<'vitals.record'>): VitalSigns {
  const patientId = patientOf(store, input.patientId);
  const takenAt = input.takenAt ?? new Date().toISOString();
  if (isInTheFuture(takenAt)) {
    throw new ApiError('VALIDATION', 'Vital signs cannot be taken in the future. Check the date and time.', { takenAt: 'In the future' });
  }
  const id = store.capture.mutate((w) =>
    w.insert(vitalSigns, {
      patientId,
      encounterId: input.encounterId ?? null,
      takenAt,
      recordedBy: user.id,
      heightCm: input.height ? toCm(input.height) : null,
      weightKg: input.weight ? toKg(input.weight) : null,
      temperatureC: input.temperature ? toCelsius(input.temperature) : null,
      pulseBpm: input.pulse ?? null,
      respiratoryRate: input.respiratoryRate ?? null,
      systolic: input.systolic ?? null,
      diastolic: input.diastolic ?? null,
      spo2Pct: input.spo2 ?? null,
      painScore: input.pain ?? null,
      glucoseMgDl: input.glucose ? toMgDl(input.glucose) : null,
      source: 'clinic',
    }),
  );
  // Read back from the whole history (a backdated reading may be older than any page of it).
  const recorded = listVitals(store, patientId, Number.MAX_SAFE_INTEGER).find((v) => v.id === id);
  if (!recorded) throw new Error('Recorded vitals vanished');
  return recorded;
}

export function markVitalsInError(store: Store, id: string, reason: string): void {
  const row = store.db.select().from(vitalSigns).where(eq(vitalSigns.id, id)).get();
  if (!row || row.deletedAt)
    throw new ApiError('NOT_FOUND', 'Those vital signs were not found. Reopen the chart.', { id: 'Unknown reading' });
  if (row.enteredInErrorAt) throw new ApiError('CONFLICT', 'Those vital signs are already marked as entered in error.');
  store.capture.mutate((w) => w.update(vitalSigns, id, { enteredInErrorAt: new Date().toISOString(), enteredInErrorReason: reason }));
}
