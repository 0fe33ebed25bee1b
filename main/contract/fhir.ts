/** FHIR R4 interoperability: a patient's whole record out as a Bundle, and a Bundle from another system in. */
import { z } from 'zod';
import { Id } from './common';
import { method } from './method';
import { DuplicateCandidate } from './patients';

/** A real export of years of charting is a few MB; bounded so a wrong file cannot exhaust memory. */
const BundleJson = z
  .string()
  .min(2, 'Choose a FHIR Bundle file')
  .max(20 * 1024 * 1024, 'This file is too large to be one patient’s record (over 20 MB)');

const Skipped = z.object({ resourceType: z.string(), id: z.string().nullable(), reason: z.string() });

export const fhir = {
  /** The patient's whole record as a FHIR R4 Bundle (JSON), for another system or the patient. */
  'fhir.exportPatient': method({
    input: z.object({ patientId: Id }).strict(),
    output: z.object({ fileName: z.string(), json: z.string(), resources: z.record(z.string(), z.number()) }),
    access: 'chart.read',
  }),
  /** What importing this Bundle would create, what it skips and why, and the existing records matching its patient. */
  'fhir.previewImport': method({
    input: z.object({ json: BundleJson }).strict(),
    output: z.object({
      patient: z.object({ givenName: z.string(), familyName: z.string(), dateOfBirth: z.string(), sex: z.string() }).loose().nullable(),
      matches: z.array(DuplicateCandidate),
      counts: z.record(z.string(), z.number()),
      skipped: z.array(Skipped),
      /** Charts this same bundle was already imported into (importing it there again is refused). */
      previousImports: z.array(z.object({ patientId: Id, importedAt: z.string(), importedByName: z.string() })).default([]),
    }),
    access: 'chart.write',
  }),
  /** Import into the chosen existing patient, or (staff who register patients) into a new one. */
  'fhir.import': method({
    input: z.object({ json: BundleJson, targetPatientId: Id.nullish() }).strict(),
    output: z.object({ patientId: Id, imported: z.record(z.string(), z.number()), skipped: z.array(Skipped) }),
    access: 'chart.write',
  }),
};
