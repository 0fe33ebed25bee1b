/**
 * Chart history for the demo clinic, so a physician opening a demo patient
 * sees what a real chart looks like: signed visit notes with diagnoses and
 * vitals for past completed appointments, and allergies, problems and
 * medications. All synthetic, from the demo's fixed-seed faker stream.
 */
import { faker } from '@faker-js/faker';
import { and, eq, lt } from 'drizzle-orm';
import {
  allergies,
  appointments,
  encounterDiagnoses,
  encounters,
  medications,
  notes,
  noteSignatures,
  problems,
  vitalSigns,
} from '../schema';
import { contentHash } from '../../main/services/charting/notes';
import type { Store } from '../../main/services/store';
import type { Writer } from '../../main/sync/mutate';

const CONDITIONS = [
  {
    code: 'I10',
    title: 'Essential (primary) hypertension',
    med: { name: 'Lisinopril 10 mg', drugClass: 'ace inhibitors', dose: '10 mg', frequency: 'once daily' },
  },
  {
    code: 'E119',
    title: 'Type 2 diabetes mellitus without complications',
    med: { name: 'Metformin 500 mg', drugClass: null, dose: '500 mg', frequency: 'twice daily' },
  },
  {
    code: 'E785',
    title: 'Hyperlipidemia, unspecified',
    med: { name: 'Atorvastatin 20 mg', drugClass: 'statins', dose: '20 mg', frequency: 'at night' },
  },
  {
    code: 'J45909',
    title: 'Unspecified asthma, uncomplicated',
    med: { name: 'Albuterol inhaler', drugClass: null, dose: '2 puffs', frequency: 'as needed' },
  },
  {
    code: 'F411',
    title: 'Generalized anxiety disorder',
    med: { name: 'Sertraline 50 mg', drugClass: 'ssris', dose: '50 mg', frequency: 'once daily' },
  },
  {
    code: 'K219',
    title: 'Gastro-esophageal reflux disease without esophagitis',
    med: { name: 'Omeprazole 20 mg', drugClass: 'ppis', dose: '20 mg', frequency: 'before breakfast' },
  },
] as const;

const ACUTE = [
  { code: 'J069', title: 'Acute upper respiratory infection, unspecified', complaint: 'Sore throat, runny nose and cough for 3 days.' },
  { code: 'M545', title: 'Low back pain', complaint: 'Low back pain after lifting boxes last week.' },
  { code: 'N390', title: 'Urinary tract infection, site not specified', complaint: 'Burning on urination for 2 days, no fever.' },
  { code: 'R51', title: 'Headache', complaint: 'Intermittent headaches for two weeks.' },
] as const;

const ALLERGENS = [
  { category: 'drug', substance: 'Penicillin', drugClass: 'penicillins', reaction: 'Hives' },
  { category: 'drug', substance: 'Sulfamethoxazole', drugClass: 'sulfonamide antibiotics', reaction: 'Rash' },
  { category: 'drug', substance: 'Codeine', drugClass: 'opioids', reaction: 'Nausea and vomiting' },
  { category: 'food', substance: 'Peanuts', drugClass: null, reaction: 'Throat swelling' },
  { category: 'environment', substance: 'Latex', drugClass: null, reaction: 'Contact dermatitis' },
] as const;

function signedContent(subjective: string, assessment: string, plan: string) {
  const content = {
    subjective,
    objective: 'Alert and comfortable. Heart and lungs normal. Exam otherwise unremarkable.',
    assessment,
    plan,
  };
  return { content, hash: contentHash(content) };
}

/** Charts for up to `visits` past completed appointments (the most recent ones), written through the writer. */
export function seedDemoCharts(w: Writer, store: Store, physicianId: string, visits: number): number {
  const now = new Date().toISOString();
  const past = store.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.status, 'completed'), lt(appointments.startAt, now)))
    .all()
    .sort((a, b) => b.startAt.localeCompare(a.startAt))
    .slice(0, visits);
  const charted = new Set<string>();
  for (const appointment of past) {
    const first = !charted.has(appointment.patientId);
    charted.add(appointment.patientId);
    const chronic = faker.helpers.arrayElement(CONDITIONS);
    const acute = faker.helpers.arrayElement(ACUTE);
    const followUp = faker.datatype.boolean(0.5);
    const encounterId = w.insert(encounters, {
      patientId: appointment.patientId,
      appointmentId: appointment.id,
      providerId: appointment.providerId,
      openedBy: physicianId,
      startedAt: appointment.startAt,
      kind: 'office',
      reason: followUp ? `Follow-up: ${chronic.title}` : acute.title,
    });
    const { content, hash } = followUp
      ? signedContent(
          `Here for review of ${chronic.title.toLowerCase()}. Taking medication as prescribed.`,
          `${chronic.title}, stable.`,
          'Continue current treatment. Review in 3 months.',
        )
      : signedContent(acute.complaint, `${acute.title}.`, 'Supportive care explained. Return if worse or not better in a week.');
    const noteId = w.insert(notes, {
      encounterId,
      patientId: appointment.patientId,
      authorId: physicianId,
      ...content,
      status: 'signed',
      lastEditedBy: physicianId,
      lastEditedAt: appointment.endAt,
    });
    w.insert(noteSignatures, {
      noteId,
      signerId: physicianId,
      signedAt: appointment.endAt,
      role: 'author',
      content: JSON.stringify(content),
      contentHash: hash,
    });
    const diagnosis = followUp ? chronic : acute;
    w.insert(encounterDiagnoses, { encounterId, patientId: appointment.patientId, code: diagnosis.code, title: diagnosis.title, rank: 1 });
    w.insert(vitalSigns, {
      patientId: appointment.patientId,
      encounterId,
      takenAt: appointment.startAt,
      recordedBy: physicianId,
      heightCm: first ? faker.number.float({ min: 150, max: 195, fractionDigits: 1 }) : null,
      weightKg: faker.number.float({ min: 50, max: 120, fractionDigits: 1 }),
      temperatureC: faker.number.float({ min: 36.2, max: followUp ? 37.2 : 38.4, fractionDigits: 1 }),
      pulseBpm: faker.number.int({ min: 58, max: 96 }),
      respiratoryRate: faker.number.int({ min: 12, max: 18 }),
      systolic: faker.number.int({ min: 108, max: 152 }),
      diastolic: faker.number.int({ min: 66, max: 94 }),
      spo2Pct: faker.number.int({ min: 95, max: 100 }),
      painScore: followUp ? 0 : faker.number.int({ min: 0, max: 6 }),
      source: 'clinic',
    });
    if (!first) continue;
    const onset = faker.date.past({ years: 6, refDate: appointment.startAt }).toISOString().slice(0, 10);
    w.insert(problems, {
      patientId: appointment.patientId,
      code: chronic.code,
      title: chronic.title,
      onsetDate: onset,
      status: 'active',
      recordedBy: physicianId,
    });
    w.insert(medications, {
      patientId: appointment.patientId,
      ...chronic.med,
      route: 'oral',
      startDate: onset,
      status: 'active',
      prescriberId: physicianId,
    });
    const allergy = faker.helpers.weightedArrayElement([
      { value: 'none_known', weight: 5 },
      { value: 'allergy', weight: 3 },
      { value: 'not_recorded', weight: 2 },
    ]);
    if (allergy === 'not_recorded') continue;
    const allergen = faker.helpers.arrayElement(ALLERGENS);
    w.insert(allergies, {
      patientId: appointment.patientId,
      ...(allergy === 'none_known'
        ? { category: 'none_known', substance: 'No known allergies', drugClass: null, reaction: null, severity: null }
        : { ...allergen, severity: faker.helpers.arrayElement(['mild', 'moderate', 'severe']) }),
      status: 'active',
      recordedBy: physicianId,
      recordedAt: appointment.startAt,
    });
  }
  return past.length;
}
