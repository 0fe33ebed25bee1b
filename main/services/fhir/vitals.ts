/** Vital signs as FHIR R4 Observations (vital-signs profile codes: LOINC, UCUM units). */
import type { Observation } from '@medplum/fhirtypes';
import type { vitalSigns } from '../../../db/schema';
import { bmiOf } from '../../contract';

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
