/**
 * Alerts at the point of prescribing (drug–allergy, cross-sensitivity,
 * duplicate therapy, pharmacogenomic) and the genomic results they read.
 */
import { z } from 'zod';
import { Id, optionalText, PlainDate, requiredText } from './common';
import { method } from './method';

export const MedicationAlert = z.object({
  /** Stable for the same finding: what an override names. */
  key: z.string(),
  /** Open enum: drug_allergy, cross_sensitivity, duplicate_therapy, pharmacogenomic. */
  kind: z.string(),
  severity: z.enum(['high', 'moderate']),
  title: z.string(),
  detail: z.string(),
  recommendation: z.string(),
  source: z.string(),
});
export type MedicationAlert = z.infer<typeof MedicationAlert>;

export const AlertCheck = z.object({
  alerts: z.array(MedicationAlert),
  /** False when the drug is not in the shipped knowledge: then no class-based or gene-based check could run. */
  drugKnown: z.boolean(),
  knowledgeVersion: z.string(),
});
export type AlertCheck = z.infer<typeof AlertCheck>;

export const AlertOverride = z.object({ key: z.string().max(300), reason: requiredText(500, 'Override reason') });

export const pgxPhenotypes = [
  'poor metabolizer',
  'intermediate metabolizer',
  'normal metabolizer',
  'rapid metabolizer',
  'ultrarapid metabolizer',
  'decreased function',
  'poor function',
  'normal function',
  'positive',
  'negative',
] as const;

export const GenomicResult = z.object({
  id: Id,
  gene: z.string(),
  allele: z.string().nullable(),
  phenotype: z.string(),
  reportedDate: z.string().nullable(),
  lab: z.string().nullable(),
});
export type GenomicResult = z.infer<typeof GenomicResult>;

export const alertsApi = {
  /** The alerts prescribing this drug would raise for this patient now (the chart shows them before saving). */
  'medications.check': method({
    input: z
      .object({
        patientId: Id,
        name: requiredText(200, 'Medication'),
        drugClass: optionalText(80, 'Drug class'),
        medicationId: Id.optional(),
      })
      .strict(),
    output: AlertCheck,
    access: 'chart.read',
  }),
  'genomics.list': method({
    input: z.object({ patientId: Id }).strict(),
    output: z.object({ results: z.array(GenomicResult) }),
    access: 'chart.read',
  }),
  'genomics.save': method({
    input: z
      .object({
        patientId: Id,
        gene: requiredText(20, 'Gene')
          .transform((g) => g.toUpperCase())
          .pipe(z.string().regex(/^[A-Z0-9-]+$/, 'Enter a gene symbol such as CYP2C19 or HLA-B')),
        allele: optionalText(20, 'Allele').pipe(
          z
            .string()
            .regex(/^\*\d{2}:\d{2}$/, 'Enter an HLA allele as *57:01')
            .nullable(),
        ),
        phenotype: z.enum(pgxPhenotypes, { message: 'Choose the reported phenotype' }),
        reportedDate: PlainDate.nullish(),
        lab: optionalText(120, 'Lab'),
      })
      .strict(),
    output: GenomicResult,
    access: 'chart.write',
  }),
};
