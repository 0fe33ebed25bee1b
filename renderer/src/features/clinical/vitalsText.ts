/**
 * Vital signs as the summary shows them: the latest value of each kind, the
 * trends for the charts, and what the entry form sends. The flags come from
 * the core (its adult ranges); nothing here judges a value.
 */
import { mgDlToMmolL, type Input, type VitalKind, type VitalSigns } from '../../../../main/contract';
import { toInstant } from '../schedule/clinicTime';
import {
  celsiusToF,
  glucoseText,
  heightText,
  kgToLb,
  oneDecimal,
  otherUnit,
  readNumber,
  temperatureText,
  weightText,
  type UnitHabit,
} from './units';

/** A value as shown: the main text in the habit's unit and, for the three convertible kinds, the other system. */
export interface VitalValue {
  main: string;
  alternate: string | null;
}

/** What one tile of the summary shows: its label and whether a reading holds a value for it. */
export interface VitalMeasure {
  kind: VitalKind;
  label: string;
  value(reading: VitalSigns, habit: UnitHabit): VitalValue | null;
}

const plain = (text: string | null): VitalValue | null => (text === null ? null : { main: text, alternate: null });

export const vitalMeasures: VitalMeasure[] = [
  {
    kind: 'bloodPressure',
    label: 'Blood pressure',
    value: (r) => plain(r.systolic !== null && r.diastolic !== null ? `${r.systolic}/${r.diastolic} mmHg` : null),
  },
  { kind: 'pulse', label: 'Pulse', value: (r) => plain(r.pulseBpm === null ? null : `${r.pulseBpm} bpm`) },
  {
    kind: 'respiratoryRate',
    label: 'Respiratory rate',
    value: (r) => plain(r.respiratoryRate === null ? null : `${r.respiratoryRate} /min`),
  },
  {
    kind: 'temperature',
    label: 'Temperature',
    value: (r, h) =>
      r.temperatureC === null
        ? null
        : {
            main: temperatureText(r.temperatureC, h.temperature),
            alternate: temperatureText(r.temperatureC, otherUnit.temperature(h.temperature)),
          },
  },
  { kind: 'spo2', label: 'SpO₂', value: (r) => plain(r.spo2Pct === null ? null : `${r.spo2Pct} %`) },
  {
    kind: 'weight',
    label: 'Weight',
    value: (r, h) =>
      r.weightKg === null
        ? null
        : { main: weightText(r.weightKg, h.weight), alternate: weightText(r.weightKg, otherUnit.weight(h.weight)) },
  },
  {
    kind: 'height',
    label: 'Height',
    value: (r, h) =>
      r.heightCm === null
        ? null
        : { main: heightText(r.heightCm, h.height), alternate: heightText(r.heightCm, otherUnit.height(h.height)) },
  },
  { kind: 'bmi', label: 'BMI', value: (r) => plain(r.bmi === null ? null : `${oneDecimal.format(r.bmi)} kg/m²`) },
  { kind: 'pain', label: 'Pain', value: (r) => plain(r.painScore === null ? null : `${r.painScore} / 10`) },
  {
    kind: 'glucose',
    label: 'Blood glucose',
    value: (r, h) =>
      r.glucoseMgDl === null
        ? null
        : { main: glucoseText(r.glucoseMgDl, h.glucose), alternate: glucoseText(r.glucoseMgDl, otherUnit.glucose(h.glucose)) },
  },
];

/** Where a reading came from, for readings not taken in the clinic: the device and file, or the system it was imported from. */
export function sourceOf(reading: Pick<VitalSigns, 'source' | 'sourceLabel'>): string | null {
  if (reading.source === 'clinic') return null;
  if (reading.sourceLabel) return reading.sourceLabel;
  return reading.source === 'device' ? 'Home device' : reading.source === 'fhir' ? 'Imported record' : reading.source;
}

/** The newest reading that holds a value of this kind (the list comes newest first). */
export function latestWith(vitals: VitalSigns[], measure: VitalMeasure, habit: UnitHabit): VitalSigns | null {
  return vitals.find((reading) => measure.value(reading, habit) !== null) ?? null;
}

/** A flag in words (colour alone is not enough); lab results may also be flagged "abnormal" without a direction. */
export function flagLabel(flag: string | null | undefined): string | null {
  if (flag === 'high') return 'High';
  if (flag === 'low') return 'Low';
  if (flag === 'abnormal') return 'Abnormal';
  return null;
}

/** The kinds drawn over time, each with the lines of its chart. */
export const trendKinds = ['bloodPressure', 'weight', 'bmi', 'pulse', 'temperature', 'spo2', 'glucose'] as const;
export type TrendKind = (typeof trendKinds)[number];

export function trendKindOf(kind: VitalKind): TrendKind | null {
  return trendKinds.find((trend) => trend === kind) ?? null;
}

export interface TrendPoint {
  takenAt: string;
  /** One value per line (blood pressure has two). */
  values: number[];
  /** As the core flagged the reading for this kind (lab results may also be "abnormal"). */
  flag: 'low' | 'high' | 'abnormal' | null;
  /** Where a vital sign not taken in the clinic came from (see sourceOf); lab results leave it out. */
  source?: string | null;
}

/** What the trend charts draw: a vital sign over time or a lab analyte across reports, so both share one chart. */
export interface Series {
  title: string;
  unit: string;
  lines: string[];
  /** Oldest first, as a chart reads left to right. */
  points: TrendPoint[];
}

export interface Trend extends Series {
  kind: TrendKind;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function trendOf(vitals: VitalSigns[], kind: TrendKind, habit: UnitHabit): Trend {
  const pick: Record<TrendKind, { title: string; unit: string; lines: string[]; values(r: VitalSigns): number[] | null }> = {
    bloodPressure: {
      title: 'Blood pressure',
      unit: 'mmHg',
      lines: ['Systolic', 'Diastolic'],
      values: (r) => (r.systolic !== null && r.diastolic !== null ? [r.systolic, r.diastolic] : null),
    },
    weight: {
      title: 'Weight',
      unit: habit.weight,
      lines: ['Weight'],
      values: (r) => (r.weightKg === null ? null : [round1(habit.weight === 'kg' ? r.weightKg : kgToLb(r.weightKg))]),
    },
    bmi: { title: 'BMI', unit: 'kg/m²', lines: ['BMI'], values: (r) => (r.bmi === null ? null : [r.bmi]) },
    pulse: { title: 'Pulse', unit: 'bpm', lines: ['Pulse'], values: (r) => (r.pulseBpm === null ? null : [r.pulseBpm]) },
    temperature: {
      title: 'Temperature',
      unit: `°${habit.temperature}`,
      lines: ['Temperature'],
      values: (r) => (r.temperatureC === null ? null : [round1(habit.temperature === 'C' ? r.temperatureC : celsiusToF(r.temperatureC))]),
    },
    spo2: { title: 'SpO₂', unit: '%', lines: ['SpO₂'], values: (r) => (r.spo2Pct === null ? null : [r.spo2Pct]) },
    glucose: {
      title: 'Blood glucose',
      unit: habit.glucose,
      lines: ['Glucose'],
      values: (r) =>
        r.glucoseMgDl === null ? null : [habit.glucose === 'mg/dL' ? Math.round(r.glucoseMgDl) : round1(mgDlToMmolL(r.glucoseMgDl))],
    },
  };
  const { values, ...rest } = pick[kind];
  const points = [...vitals].reverse().flatMap((reading) => {
    const found = values(reading);
    return found ? [{ takenAt: reading.takenAt, values: found, flag: reading.flags[kind] ?? null, source: sourceOf(reading) }] : [];
  });
  return { kind, ...rest, points };
}

/** What the entry form holds: text as typed, and the unit chosen for each convertible value. */
export interface VitalsDraft {
  systolic: string;
  diastolic: string;
  pulse: string;
  respiratoryRate: string;
  temperature: string;
  spo2: string;
  weight: string;
  height: string;
  pain: string;
  glucose: string;
  /** When they were taken, in the clinic's zone; blank until changed, which means now. */
  date: string;
  time: string;
}

export const EMPTY_VITALS: VitalsDraft = {
  systolic: '',
  diastolic: '',
  pulse: '',
  respiratoryRate: '',
  temperature: '',
  spo2: '',
  weight: '',
  height: '',
  pain: '',
  glucose: '',
  date: '',
  time: '',
};

export function vitalsInput(patientId: string, draft: VitalsDraft, units: UnitHabit, zone: string): Input<'vitals.record'> {
  const measured = <U extends string>(text: string, unit: U) => {
    const value = readNumber(text);
    return value === undefined ? undefined : { value, unit };
  };
  const changedTime = draft.date !== '' || draft.time !== '';
  return {
    patientId,
    // A time that cannot be read is sent as typed, so the core's refusal shows next to the field.
    takenAt: changedTime ? (toInstant(draft.date, draft.time, zone) ?? `${draft.date} ${draft.time}`) : undefined,
    height: measured(draft.height, units.height),
    weight: measured(draft.weight, units.weight),
    temperature: measured(draft.temperature, units.temperature),
    pulse: readNumber(draft.pulse),
    respiratoryRate: readNumber(draft.respiratoryRate),
    systolic: readNumber(draft.systolic),
    diastolic: readNumber(draft.diastolic),
    spo2: readNumber(draft.spo2),
    pain: readNumber(draft.pain),
    glucose: measured(draft.glucose, units.glucose),
  };
}
