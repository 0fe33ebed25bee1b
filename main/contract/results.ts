/** Immunizations and lab results in the chart: recorded here, or imported from another system. */
import { z } from 'zod';
import { Id, IsoInstant, optionalText, PlainDate, requiredText } from './common';
import { method } from './method';

export const Immunization = z.object({
  id: Id,
  vaccine: z.string(),
  cvxCode: z.string().nullable(),
  administeredOn: z.string(),
  doseNumber: z.number().nullable(),
  lot: z.string().nullable(),
  site: z.string().nullable(),
  route: z.string().nullable(),
  status: z.string(),
  source: z.string(),
  note: z.string().nullable(),
});
export type Immunization = z.infer<typeof Immunization>;

export const LabResult = z.object({
  id: Id,
  name: z.string(),
  loinc: z.string().nullable(),
  value: z.union([z.number(), z.string()]),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  /** low, high, abnormal, or null. */
  flag: z.string().nullable(),
});
export type LabResult = z.infer<typeof LabResult>;

export const LabPanel = z.object({
  panelId: Id,
  panel: z.string(),
  collectedAt: z.string(),
  lab: z.string().nullable(),
  source: z.string(),
  results: z.array(LabResult),
});
export type LabPanel = z.infer<typeof LabPanel>;

const LabResultInput = z
  .object({
    name: requiredText(120, 'Test name'),
    loinc: z
      .string()
      .trim()
      .regex(/^\d{1,7}-\d$/, 'Enter a LOINC code such as 2345-7')
      .nullish(),
    value: z.union([z.number({ message: 'Enter the result' }), requiredText(120, 'Result')]),
    unit: optionalText(30, 'Unit'),
    refLow: z.number().nullish(),
    refHigh: z.number().nullish(),
  })
  .strict()
  .refine((r) => r.refLow === null || r.refLow === undefined || r.refHigh === null || r.refHigh === undefined || r.refLow <= r.refHigh, {
    message: 'The low end of the reference range must not be above the high end',
    path: ['refHigh'],
  });

export const resultsApi = {
  'immunizations.list': method({
    input: z.object({ patientId: Id }).strict(),
    output: z.object({ immunizations: z.array(Immunization) }),
    access: 'chart.read',
  }),
  'immunizations.save': method({
    input: z
      .object({
        id: Id.optional(),
        patientId: Id,
        vaccine: requiredText(120, 'Vaccine'),
        cvxCode: z
          .string()
          .trim()
          .regex(/^\d{1,3}$/, 'Enter a CVX code such as 140')
          .nullish(),
        administeredOn: PlainDate,
        doseNumber: z.number().int().min(1).max(10).nullish(),
        lot: optionalText(40, 'Lot number'),
        site: optionalText(40, 'Site'),
        route: optionalText(40, 'Route'),
        status: z.enum(['completed', 'refused', 'entered_in_error'], { message: 'Choose a status' }).default('completed'),
        source: z.enum(['clinic', 'historical'], { message: 'Choose where it was given' }).default('clinic'),
        note: optionalText(500, 'Note'),
      })
      .strict(),
    output: Immunization,
    access: 'chart.write',
  }),
  /** Newest report first; reports entered in error are left out. */
  'labs.list': method({
    input: z.object({ patientId: Id }).strict(),
    output: z.object({ panels: z.array(LabPanel) }),
    access: 'chart.read',
  }),
  /** Record one lab report: its values are flagged against their reference ranges. */
  'labs.record': method({
    input: z
      .object({
        patientId: Id,
        panel: requiredText(120, 'Panel'),
        collectedAt: IsoInstant,
        lab: optionalText(120, 'Laboratory'),
        results: z.array(LabResultInput).min(1, 'Enter at least one result').max(60, 'At most 60 results in one report'),
      })
      .strict(),
    output: LabPanel,
    access: 'chart.write',
  }),
  'labs.markError': method({
    input: z.object({ panelId: Id }).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: 'chart.write',
  }),
};
