/**
 * Vital signs as FHIR R4 Observations (vital-signs profile codes: LOINC, UCUM
 * units), both ways: written for the export, read back for the FHIR and the
 * home-monitoring imports with one table of codes.
 */
import type { Observation } from '@medplum/fhirtypes';
import type { vitalSigns } from '../../../db/schema';
import { bmiOf, toCelsius, toCm, toKg, toMgDl } from '../../contract';
import { codeIn, read, type Loose } from './read';

type VitalRow = typeof vitalSigns.$inferSelect;

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const VITAL_SIGNS = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }],
};

const quantity = (value: number, unit: string, code: string) => ({ value, unit, system: UCUM, code });
const concept = (code: string, display: string) => ({ coding: [{ system: LOINC, code, display }], text: display });

/** One Observation per measured value (blood pressure as one panel with two components). */
export function vitalObservations(row: VitalRow, patientRef: string, encounterRef: string | null): Observation[] {
  const base = (id: string, code: ReturnType<typeof concept>): Observation => ({
    resourceType: 'Observation',
    id: `${row.id}-${id}`,
    status: 'final',
    category: [VITAL_SIGNS],
    code,
    subject: { reference: patientRef },
    ...(encounterRef ? { encounter: { reference: encounterRef } } : {}),
    effectiveDateTime: row.takenAt,
  });
  const simple = (id: string, code: string, display: string, value: number | null, unit: string, ucum: string): Observation[] =>
    value === null ? [] : [{ ...base(id, concept(code, display)), valueQuantity: quantity(value, unit, ucum) }];
  const observations: Observation[] = [
    ...simple('hr', '8867-4', 'Heart rate', row.pulseBpm, 'beats/minute', '/min'),
    ...simple('rr', '9279-1', 'Respiratory rate', row.respiratoryRate, 'breaths/minute', '/min'),
    ...simple('temp', '8310-5', 'Body temperature', row.temperatureC, 'Cel', 'Cel'),
    ...simple('weight', '29463-7', 'Body weight', row.weightKg, 'kg', 'kg'),
    ...simple('height', '8302-2', 'Body height', row.heightCm, 'cm', 'cm'),
    ...simple('bmi', '39156-5', 'Body mass index (BMI) [Ratio]', bmiOf(row.weightKg, row.heightCm), 'kg/m2', 'kg/m2'),
    ...simple('spo2', '59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', row.spo2Pct, '%', '%'),
    ...simple('pain', '72514-3', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported', row.painScore, '{score}', '{score}'),
    ...simple('glucose', '2339-0', 'Glucose [Mass/volume] in Blood', row.glucoseMgDl, 'mg/dL', 'mg/dL'),
  ];
  if (row.systolic !== null && row.diastolic !== null) {
    observations.unshift({
      ...base('bp', concept('85354-9', 'Blood pressure panel with all children optional')),
      component: [
        { code: concept('8480-6', 'Systolic blood pressure'), valueQuantity: quantity(row.systolic, 'mmHg', 'mm[Hg]') },
        { code: concept('8462-4', 'Diastolic blood pressure'), valueQuantity: quantity(row.diastolic, 'mmHg', 'mm[Hg]') },
      ],
    });
  }
  return observations;
}

/** The chart's columns an Observation can fill. */
export type VitalColumns = Pick<
  VitalRow,
  | 'heightCm'
  | 'weightKg'
  | 'temperatureC'
  | 'pulseBpm'
  | 'respiratoryRate'
  | 'systolic'
  | 'diastolic'
  | 'spo2Pct'
  | 'painScore'
  | 'glucoseMgDl'
>;
type Reader = (value: number, unit: string | undefined) => Partial<VitalColumns>;

/** LOINC vital-sign code -> the column it fills, converting imperial units to the chart's metric ones. */
const VITAL_CODES: Record<string, Reader> = {
  '8867-4': (v) => ({ pulseBpm: Math.round(v) }),
  '9279-1': (v) => ({ respiratoryRate: Math.round(v) }),
  '8310-5': (v, unit) => ({ temperatureC: toCelsius({ value: v, unit: unit === '[degF]' ? 'F' : 'C' }) }),
  '29463-7': (v, unit) => ({ weightKg: toKg({ value: v, unit: unit === '[lb_av]' || unit === 'lb' || unit === 'lbs' ? 'lb' : 'kg' }) }),
  '8302-2': (v, unit) => ({ heightCm: toCm({ value: v, unit: unit === '[in_i]' ? 'in' : 'cm' }) }),
  '59408-5': (v) => ({ spo2Pct: Math.round(v) }),
  '2708-6': (v) => ({ spo2Pct: Math.round(v) }),
  '72514-3': (v) => ({ painScore: Math.round(v) }),
  '8480-6': (v) => ({ systolic: Math.round(v) }),
  '8462-4': (v) => ({ diastolic: Math.round(v) }),
};

const glucose: Reader = (v, unit) => ({ glucoseMgDl: toMgDl({ value: v, unit: unit?.toLowerCase() === 'mmol/l' ? 'mmol/L' : 'mg/dL' }) });
/** Blood glucose in blood (2339-0, mg/dL; 15074-8, mmol/L) and by a meter on capillary blood (41653-7). */
export const GLUCOSE_CODES: Record<string, Reader> = { '2339-0': glucose, '15074-8': glucose, '41653-7': glucose };

/** Computed by Outpost from weight and height: not stored. */
export const DERIVED_VITAL_CODES = new Set(['39156-5']);

/**
 * What one Observation measures, in the chart's columns (its value and its components, e.g. a blood
 * pressure panel). Glucose is a vital sign only where the caller says so: a laboratory glucose is a result.
 */
export function vitalValuesOf(observation: Loose, withGlucose: boolean): Partial<VitalColumns> {
  const values: Partial<VitalColumns> = {};
  const add = (concept: unknown, quantity: unknown) => {
    const code = codeIn(concept, LOINC);
    const q = read.quantity(quantity);
    const map = code ? (VITAL_CODES[code] ?? (withGlucose ? GLUCOSE_CODES[code] : undefined)) : undefined;
    if (map && q?.value !== undefined) Object.assign(values, map(q.value, q.code ?? q.unit));
  };
  add(observation.code, observation.valueQuantity);
  for (const component of read.array(observation.component)) add(read.object(component).code, read.object(component).valueQuantity);
  return values;
}

/** Whether an Observation is filed under the vital-signs category. */
export function isVitalSignCategory(observation: Loose): boolean {
  return read.array(observation.category).some((category) => codeIn(category) === 'vital-signs');
}
