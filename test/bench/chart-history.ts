/**
 * The clinical history of chart.open's patient, beside its 200 encounters:
 * ten years of observations and files, written through the real services
 * with a physician's session, as a clinic would have written them.
 *
 * "Observation" counts one measured value as FHIR would (a blood pressure,
 * systolic with diastolic, is one): 200 vital-sign readings, one per visit,
 * of five values each (blood pressure, pulse, temperature, SpO2, weight:
 * 1,000), and 1,000 lab results in 140 reports (each quarter a metabolic
 * panel of 14, lipids of 4 and an HbA1c, 40 × 19 = 760 in 120 reports, and
 * a complete blood count of 12 twice a year, 20 × 12 = 240), about one in
 * eight outside its reference range.
 * Also 50 attachments (20 PDF letters, 20 PNG photos, 10 DICOM studies),
 * 8 problems (2 resolved), 10 medications (4 stopped), 3 allergies and 30
 * immunizations, so every panel of the summary has content.
 */
import { DateTime } from 'luxon';
import type { MethodName, Output } from '../../main/contract';
import { dicomFile, pdfFile, pngFile } from '../fixtures/attachments/files';
import type { Rng } from './stats';

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<Output<M>>;

export const HISTORY = { vitalReadings: 200, vitalValues: 1000, labReports: 140, labResults: 1000, attachments: 50 } as const;

interface Analyte {
  name: string;
  loinc: string;
  unit: string;
  low: number;
  high: number;
  /** Decimals the analyzer reports. */
  digits: number;
}

const analyte = (name: string, loinc: string, unit: string, low: number, high: number, digits = 0): Analyte => ({
  name,
  loinc,
  unit,
  low,
  high,
  digits,
});

const METABOLIC = [
  analyte('Glucose', '2345-7', 'mg/dL', 70, 99),
  analyte('Urea nitrogen', '3094-0', 'mg/dL', 7, 20),
  analyte('Creatinine', '2160-0', 'mg/dL', 0.6, 1.3, 2),
  analyte('Sodium', '2951-2', 'mmol/L', 135, 145),
  analyte('Potassium', '2823-3', 'mmol/L', 3.5, 5.1, 1),
  analyte('Chloride', '2075-0', 'mmol/L', 98, 107),
  analyte('Carbon dioxide', '2028-9', 'mmol/L', 22, 29),
  analyte('Calcium', '17861-6', 'mg/dL', 8.6, 10.3, 1),
  analyte('Protein', '2885-2', 'g/dL', 6, 8.3, 1),
  analyte('Albumin', '1751-7', 'g/dL', 3.5, 5.2, 1),
  analyte('Bilirubin', '1975-2', 'mg/dL', 0.1, 1.2, 1),
  analyte('Alkaline phosphatase', '6768-6', 'U/L', 44, 147),
  analyte('ALT', '1742-6', 'U/L', 7, 56),
  analyte('AST', '1920-8', 'U/L', 10, 40),
];
const LIPIDS = [
  analyte('Cholesterol', '2093-3', 'mg/dL', 100, 199),
  analyte('HDL cholesterol', '2085-9', 'mg/dL', 40, 90),
  analyte('LDL cholesterol', '13457-7', 'mg/dL', 50, 129),
  analyte('Triglyceride', '2571-8', 'mg/dL', 40, 149),
];
const HBA1C = [analyte('Hemoglobin A1c', '4548-4', '%', 4, 5.6, 1)];
const BLOOD_COUNT = [
  analyte('Leukocytes', '6690-2', '10*3/uL', 4.5, 11, 1),
  analyte('Erythrocytes', '789-8', '10*6/uL', 4.2, 5.9, 2),
  analyte('Hemoglobin', '718-7', 'g/dL', 13, 17, 1),
  analyte('Hematocrit', '4544-3', '%', 39, 50, 1),
  analyte('MCV', '787-2', 'fL', 80, 100),
  analyte('MCH', '785-6', 'pg', 27, 33, 1),
  analyte('MCHC', '786-4', 'g/dL', 32, 36, 1),
  analyte('RDW', '788-0', '%', 11.5, 14.5, 1),
  analyte('Platelets', '777-3', '10*3/uL', 150, 400),
  analyte('Neutrophils', '751-8', '10*3/uL', 1.8, 7.7, 1),
  analyte('Lymphocytes', '731-0', '10*3/uL', 1, 4.8, 1),
  analyte('Monocytes', '742-7', '10*3/uL', 0.2, 0.8, 1),
];

/** A value mostly inside its range, about one in eight outside it. */
function resultOf(rng: Rng, a: Analyte) {
  const span = a.high - a.low;
  const value = a.low + span * (rng.next() < 0.125 ? (rng.next() < 0.5 ? -0.2 : 1.2) : 0.1 + 0.8 * rng.next());
  const f = 10 ** a.digits;
  return { name: a.name, loinc: a.loinc, value: Math.round(value * f) / f, unit: a.unit, refLow: a.low, refHigh: a.high };
}

const PROBLEMS: [string, string, string | null][] = [
  ['E11.9', 'Type 2 diabetes mellitus without complications', null],
  ['I10', 'Essential (primary) hypertension', null],
  ['E78.5', 'Hyperlipidemia, unspecified', null],
  ['K21.9', 'Gastro-esophageal reflux disease without esophagitis', null],
  ['M54.5', 'Low back pain', null],
  ['G43.909', 'Migraine, unspecified', null],
  ['J20.9', 'Acute bronchitis, unspecified', '2019-03-02'],
  ['S93.401A', 'Sprain of ankle, initial encounter', '2021-08-15'],
];

const MEDICATIONS: [string, string, string, string | null][] = [
  ['Metformin', '500 mg', 'twice daily', null],
  ['Lisinopril', '10 mg', 'once daily', null],
  ['Atorvastatin', '20 mg', 'once daily at night', null],
  ['Amlodipine', '5 mg', 'once daily', null],
  ['Omeprazole', '20 mg', 'once daily before breakfast', null],
  ['Propranolol', '40 mg', 'twice daily', null],
  ['Simvastatin', '20 mg', 'once daily at night', '2019-05-01'],
  ['Hydrochlorothiazide', '12.5 mg', 'once daily', '2020-02-01'],
  ['Azithromycin', '250 mg', 'once daily for 5 days', '2019-03-07'],
  ['Naproxen', '250 mg', 'twice daily as needed', '2021-09-01'],
];

const VACCINES = ['Influenza, seasonal', 'Tdap', 'Hepatitis B', 'Pneumococcal conjugate', 'Zoster recombinant', 'COVID-19 mRNA'];

export async function writeHistory(call: Call, patientId: string, rng: Rng): Promise<void> {
  const start = DateTime.utc().minus({ years: 10 });
  const days = Math.floor(DateTime.utc().diff(start, 'days').days);
  for (let i = 0; i < HISTORY.vitalReadings; i++) {
    const takenAt = start.plus({ days: Math.floor((i * days) / HISTORY.vitalReadings), hours: 9 + (i % 8) }).toISO();
    const systolic = rng.int(112, 158);
    await call('vitals.record', {
      patientId,
      takenAt,
      systolic,
      diastolic: systolic - rng.int(35, 55),
      pulse: rng.int(58, 96),
      temperature: { value: 36 + rng.int(0, 14) / 10, unit: 'C' },
      spo2: rng.int(93, 100),
      weight: { value: 82 + rng.int(-40, 40) / 10, unit: 'kg' },
    });
  }
  let labResults = 0;
  for (let quarter = 0; quarter < 40; quarter++) {
    const collectedAt = start.plus({ months: quarter * 3, days: 3, hours: 8 }).toISO();
    const panels: [string, Analyte[]][] = [
      ['Comprehensive metabolic panel', METABOLIC],
      ['Lipid panel', LIPIDS],
      ['Hemoglobin A1c', HBA1C],
    ];
    if (quarter % 2 === 0) panels.push(['Complete blood count', BLOOD_COUNT]);
    for (const [panel, analytes] of panels) {
      await call('labs.record', {
        patientId,
        panel,
        collectedAt,
        lab: 'Synthetic Reference Lab',
        results: analytes.map((a) => resultOf(rng, a)),
      });
      labResults += analytes.length;
    }
  }
  if (labResults !== HISTORY.labResults) throw new Error(`wrote ${labResults} lab results, expected ${HISTORY.labResults}`);

  for (const [code, title, resolvedDate] of PROBLEMS) {
    const onsetDate = resolvedDate
      ? DateTime.fromISO(resolvedDate)
          .minus({ days: rng.int(5, 20) })
          .toISODate()
      : start.plus({ days: rng.int(0, 900) }).toISODate();
    await call('problems.save', { patientId, code, title, onsetDate, ...(resolvedDate ? { status: 'resolved', resolvedDate } : {}) });
  }
  for (const [name, dose, frequency, stopDate] of MEDICATIONS) {
    const startDate = start.plus({ days: rng.int(0, 900) }).toISODate();
    await call('medications.save', {
      patientId,
      name,
      dose,
      route: 'oral',
      frequency,
      startDate,
      ...(stopDate ? { status: 'stopped', stopDate } : {}),
    });
  }
  await call('allergies.save', {
    patientId,
    category: 'drug',
    substance: 'Penicillin',
    drugClass: 'penicillins',
    reaction: 'Hives',
    severity: 'moderate',
  });
  await call('allergies.save', { patientId, category: 'food', substance: 'Peanut', reaction: 'Throat swelling', severity: 'severe' });
  await call('allergies.save', {
    patientId,
    category: 'environment',
    substance: 'Latex',
    reaction: 'Contact dermatitis',
    severity: 'mild',
  });
  for (let i = 0; i < 30; i++) {
    const administeredOn = start.plus({ months: i * 4 }).toISODate();
    await call('immunizations.save', {
      patientId,
      vaccine: VACCINES[i % VACCINES.length],
      administeredOn,
      source: i < 10 ? 'historical' : 'clinic',
    });
  }
  await writeAttachments(call, patientId);
}

async function writeAttachments(call: Call, patientId: string): Promise<void> {
  for (let i = 0; i < HISTORY.attachments; i++) {
    const year = 2016 + Math.floor(i / 5);
    const kind = i % 5 === 4 ? 'dicom' : i % 2 === 0 ? 'pdf' : 'png';
    const file =
      kind === 'dicom'
        ? {
            title: `Imaging study ${i + 1}`,
            fileName: `study-${i + 1}.dcm`,
            mediaType: 'application/dicom',
            content: dicomFile({ modality: 'CR', studyDate: `${year}0612`, studyDescription: 'CHEST PA', bodyPart: 'CHEST' }),
          }
        : kind === 'pdf'
          ? {
              title: `Referral letter ${i + 1}`,
              fileName: `letter-${i + 1}.pdf`,
              mediaType: 'application/pdf',
              content: pdfFile(`SYNTHETIC-LETTER-${i + 1}`),
            }
          : { title: `Wound photo ${i + 1}`, fileName: `photo-${i + 1}.png`, mediaType: 'image/png', content: pngFile(48) };
    await call('attachments.add', {
      patientId,
      title: file.title,
      fileName: file.fileName,
      mediaType: file.mediaType,
      content: file.content.toString('base64'),
    });
  }
}
