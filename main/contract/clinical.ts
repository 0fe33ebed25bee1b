/**
 * The chart's clinical lists: vital signs (entered in the unit at hand, kept
 * metric, BMI computed, out-of-range values flagged), problems, allergies
 * (or the recorded statement "no known allergies") and medications.
 */
import { z } from 'zod';
import { Id, IsoInstant, optionalText, PlainDate, requiredText } from './common';
import { AlertOverride } from './alerts';
import { method } from './method';

/** Measurements as typed, in the unit the person used. */
const measured = <const U extends readonly [string, ...string[]]>(units: U, label: string, max: number) =>
  z.object({
    value: z
      .number({ message: `Enter the ${label} as a number` })
      .positive(`The ${label} must be more than 0`)
      .max(max, `That ${label} is not plausible`),
    unit: z.enum(units, { message: `Choose a unit for the ${label}` }),
  });

const whole = (label: string, min: number, max: number) =>
  z
    .number({ message: `Enter the ${label} as a number` })
    .int(`Enter the ${label} as a whole number`)
    .min(min, `That ${label} is not plausible`)
    .max(max, `That ${label} is not plausible`);

export const VitalSignsInput = z
  .object({
    patientId: Id,
    encounterId: Id.nullish(),
    takenAt: IsoInstant.optional(),
    height: measured(['cm', 'in'], 'height', 300).optional(),
    weight: measured(['kg', 'lb'], 'weight', 700).optional(),
    temperature: z
      .object({
        value: z.number({ message: 'Enter the temperature as a number' }),
        unit: z.enum(['C', 'F'], { message: 'Choose °C or °F' }),
      })
      .refine((t) => (t.unit === 'C' ? t.value >= 25 && t.value <= 45 : t.value >= 77 && t.value <= 113), {
        message: 'That temperature is not plausible: check the unit (°C or °F)',
        path: ['value'],
      })
      .optional(),
    pulse: whole('pulse', 20, 300).optional(),
    respiratoryRate: whole('respiratory rate', 4, 80).optional(),
    systolic: whole('systolic pressure', 40, 300).optional(),
    diastolic: whole('diastolic pressure', 20, 200).optional(),
    spo2: whole('oxygen saturation', 50, 100).optional(),
    pain: whole('pain score', 0, 10).optional(),
    glucose: z
      .object({
        value: z.number({ message: 'Enter the blood glucose as a number' }),
        unit: z.enum(['mg/dL', 'mmol/L'], { message: 'Choose mg/dL or mmol/L' }),
      })
      // What home meters can read (20–600 mg/dL); a value outside it is usually the other unit.
      .refine((g) => (g.unit === 'mg/dL' ? g.value >= 20 && g.value <= 600 : g.value >= 1.1 && g.value <= 33.3), {
        message: 'That blood glucose is not plausible: check the unit (mg/dL or mmol/L)',
        path: ['value'],
      })
      .optional(),
  })
  .strict()
  .refine((v) => (v.systolic === undefined) === (v.diastolic === undefined), {
    message: 'Enter both blood pressure numbers (systolic and diastolic)',
    path: ['diastolic'],
  })
  .refine((v) => v.systolic === undefined || v.diastolic === undefined || v.systolic > v.diastolic, {
    message: 'The systolic pressure must be higher than the diastolic',
    path: ['systolic'],
  })
  .refine(
    (v) =>
      [v.height, v.weight, v.temperature, v.pulse, v.respiratoryRate, v.systolic, v.spo2, v.pain, v.glucose].some(
        (value) => value !== undefined,
      ),
    { message: 'Enter at least one measurement' },
  );

export const vitalKinds = [
  'bloodPressure',
  'pulse',
  'respiratoryRate',
  'temperature',
  'spo2',
  'weight',
  'height',
  'bmi',
  'pain',
  'glucose',
] as const;
export type VitalKind = (typeof vitalKinds)[number];

export const VitalSigns = z.object({
  id: Id,
  takenAt: z.string(),
  encounterId: z.string().nullable(),
  recordedByName: z.string(),
  heightCm: z.number().nullable(),
  weightKg: z.number().nullable(),
  /** From this reading's weight and its (or the latest earlier) height. */
  bmi: z.number().nullable(),
  temperatureC: z.number().nullable(),
  pulseBpm: z.number().nullable(),
  respiratoryRate: z.number().nullable(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  spo2Pct: z.number().nullable(),
  painScore: z.number().nullable(),
  /** Blood glucose in mg/dL (the stored unit). */
  glucoseMgDl: z.number().nullable(),
  /** Open enum: clinic, device (home monitoring import), fhir. */
  source: z.string(),
  sourceLabel: z.string().nullable(),
  /** Which values are outside the adult reference range, and which way. */
  flags: z.partialRecord(z.enum(vitalKinds), z.enum(['low', 'high'])),
});
export type VitalSigns = z.infer<typeof VitalSigns>;

export const Problem = z.object({
  id: Id,
  code: z.string().nullable(),
  title: z.string(),
  onsetDate: z.string().nullable(),
  status: z.string(),
  resolvedDate: z.string().nullable(),
  note: z.string().nullable(),
});
export type Problem = z.infer<typeof Problem>;

export const allergyCategories = ['drug', 'food', 'environment'] as const;
export const allergySeverities = ['mild', 'moderate', 'severe'] as const;

export const Allergy = z.object({
  id: Id,
  category: z.string(),
  substance: z.string(),
  drugClass: z.string().nullable(),
  reaction: z.string().nullable(),
  severity: z.string().nullable(),
  status: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type Allergy = z.infer<typeof Allergy>;

/** Allergies as the header shows them: a list, the explicit "no known allergies", or nothing recorded yet. */
export const AllergyState = z.object({
  state: z.enum(['recorded', 'none_known', 'not_recorded']),
  allergies: z.array(Allergy),
  /** Who stated "no known allergies", and when. */
  noneKnown: z.object({ recordedByName: z.string(), recordedAt: z.string() }).nullable(),
});
export type AllergyState = z.infer<typeof AllergyState>;

export const Medication = z.object({
  id: Id,
  name: z.string(),
  drugClass: z.string().nullable(),
  dose: z.string().nullable(),
  route: z.string().nullable(),
  frequency: z.string().nullable(),
  startDate: z.string().nullable(),
  stopDate: z.string().nullable(),
  status: z.string(),
  prescriberName: z.string().nullable(),
  note: z.string().nullable(),
});
export type Medication = z.infer<typeof Medication>;

const Status = <S extends readonly [string, ...string[]]>(values: S) => z.enum(values, { message: 'Choose a status' });

export const clinical = {
  'vitals.record': method({ input: VitalSignsInput, output: VitalSigns, access: 'chart.write' }),
  /** Newest first; readings entered in error are left out. */
  'vitals.list': method({
    input: z.object({ patientId: Id, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.object({ vitals: z.array(VitalSigns) }),
    access: 'chart.read',
  }),
  'vitals.markError': method({
    input: z.object({ id: Id, reason: requiredText(200, 'Reason') }).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: 'chart.write',
  }),
  'problems.list': method({
    input: z.object({ patientId: Id }).strict(),
    output: z.object({ problems: z.array(Problem) }),
    access: 'chart.read',
  }),
  'problems.save': method({
    input: z
      .object({
        id: Id.optional(),
        patientId: Id,
        code: optionalText(8, 'Code'),
        title: requiredText(300, 'Problem'),
        onsetDate: PlainDate.nullish(),
        status: Status(['active', 'resolved', 'entered_in_error']).default('active'),
        resolvedDate: PlainDate.nullish(),
        note: optionalText(1000, 'Note'),
      })
      .strict(),
    output: Problem,
    access: 'chart.write',
  }),
  'allergies.list': method({ input: z.object({ patientId: Id }).strict(), output: AllergyState, access: 'chart.read' }),
  'allergies.save': method({
    input: z
      .object({
        id: Id.optional(),
        patientId: Id,
        category: z.enum(allergyCategories, { message: 'Choose drug, food or environment' }),
        substance: requiredText(120, 'Substance'),
        drugClass: optionalText(80, 'Drug class'),
        reaction: optionalText(200, 'Reaction'),
        severity: z.enum(allergySeverities, { message: 'Choose mild, moderate or severe' }).nullish(),
        status: Status(['active', 'inactive', 'entered_in_error']).default('active'),
      })
      .strict(),
    output: AllergyState,
    access: 'chart.write',
  }),
  /** Record the explicit statement "no known allergies" (refused while an allergy is active). */
  'allergies.noneKnown': method({ input: z.object({ patientId: Id }).strict(), output: AllergyState, access: 'chart.write' }),
  'medications.list': method({
    input: z.object({ patientId: Id }).strict(),
    output: z.object({ medications: z.array(Medication) }),
    access: 'chart.read',
  }),
  'medications.save': method({
    input: z
      .object({
        id: Id.optional(),
        patientId: Id,
        encounterId: Id.nullish(),
        name: requiredText(200, 'Medication'),
        drugClass: optionalText(80, 'Drug class'),
        dose: optionalText(80, 'Dose'),
        route: optionalText(40, 'Route'),
        frequency: optionalText(80, 'Frequency'),
        startDate: PlainDate.nullish(),
        stopDate: PlainDate.nullish(),
        status: Status(['active', 'stopped', 'entered_in_error']).default('active'),
        note: optionalText(1000, 'Note'),
        /** A reason for each alert the prescriber goes ahead despite (see medications.check). */
        overrides: z.array(AlertOverride).max(20).default([]),
      })
      .strict()
      .refine((m) => !m.startDate || !m.stopDate || m.stopDate >= m.startDate, {
        message: 'The stop date cannot be before the start date',
        path: ['stopDate'],
      }),
    output: Medication,
    access: 'chart.write',
  }),
};
