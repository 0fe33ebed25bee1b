/**
 * A device reading between the file and the chart: the values as the device
 * wrote them (weight and glucose keep their unit), checked against the same
 * limits as a reading typed in the clinic (the vitals.record contract), then
 * converted to the chart's units. Its id is derived from the patient, the
 * time and the values, so the same reading imported twice, or on two
 * workstations offline, is one row.
 */
import { createHash } from 'node:crypto';
import { api, toKg, toMgDl, type DeviceReading, type SkippedReading } from '../../contract';

/** As read from the file: whole numbers for pressure and pulse, weight and glucose in the unit written. */
export interface MeasuredValues {
  systolic?: number;
  diastolic?: number;
  pulse?: number;
  weight?: { value: number; unit: 'kg' | 'lb' };
  glucose?: { value: number; unit: 'mg/dL' | 'mmol/L' };
}

export interface Candidate {
  origin: string;
  /** UTC instant, "…Z". */
  takenAt: string;
  values: MeasuredValues;
}

/** What a file holds before any check against the chart. */
export interface FileReadout {
  candidates: Candidate[];
  skipped: SkippedReading[];
  ignoredColumns: string[];
  /** The device as the file names it (a FHIR Device or an Observation's device), if it does. */
  device: string | null;
}

export type ChartValues = Pick<DeviceReading, 'systolic' | 'diastolic' | 'pulseBpm' | 'weightKg' | 'glucoseMgDl'>;

const VALUE_TEXT: Record<string, (v: MeasuredValues) => string> = {
  systolic: (v) => `${v.systolic} mmHg`,
  diastolic: (v) => `${v.diastolic} mmHg`,
  pulse: (v) => `${v.pulse} bpm`,
  weight: (v) => `${v.weight?.value} ${v.weight?.unit}`,
  glucose: (v) => `${v.glucose?.value} ${v.glucose?.unit}`,
};

/** The chart's values, or why the reading cannot be kept, in the words a typed reading would get. */
export function checkedValues(candidate: Candidate, patientId: string): ChartValues | string {
  const { values } = candidate;
  const parsed = api['vitals.record'].input.safeParse({ patientId, takenAt: candidate.takenAt, ...values });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const shown = VALUE_TEXT[field] && values[field as keyof MeasuredValues] !== undefined ? ` (${VALUE_TEXT[field](values)})` : '';
    return `${issue?.message ?? 'The reading is not valid'}${shown}.`;
  }
  return {
    systolic: values.systolic ?? null,
    diastolic: values.diastolic ?? null,
    pulseBpm: values.pulse ?? null,
    weightKg: values.weight ? toKg(values.weight) : null,
    glucoseMgDl: values.glucose ? toMgDl(values.glucose) : null,
  };
}

/** The same reading whatever file, format or workstation it came from: its time and values. */
export function readingKey(takenAt: string, v: ChartValues): string {
  return JSON.stringify([new Date(takenAt).toISOString(), v.systolic, v.diastolic, v.pulseBpm, v.weightKg, v.glucoseMgDl]);
}

export function readingId(patientId: string, key: string): string {
  return `device-${createHash('sha256').update(patientId).update('|').update(key).digest('hex').slice(0, 32)}`;
}

/** "Home BP monitor" when the file names no device: what its readings measure says what it is. */
export function deviceKind(readings: ChartValues[]): string {
  const has = (pick: (v: ChartValues) => number | null) => readings.some((v) => pick(v) !== null);
  const kinds = [has((v) => v.systolic ?? v.pulseBpm), has((v) => v.weightKg), has((v) => v.glucoseMgDl)].filter(Boolean).length;
  if (kinds !== 1) return 'Home monitoring';
  if (has((v) => v.glucoseMgDl)) return 'Glucose meter';
  if (has((v) => v.weightKg)) return 'Home scale';
  return 'Home BP monitor';
}
