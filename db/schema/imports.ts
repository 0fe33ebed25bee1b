/**
 * Records brought in from another system. One row per FHIR Bundle imported
 * into a patient's chart; its id is a hash of the patient and the bundle's
 * content, so the same bundle imported twice — here or on another
 * workstation — is recognised instead of doubling every item of the chart.
 */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const fhirImports = sqliteTable(
  'fhir_imports',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    /** sha256 of the bundle as received. */
    bundleHash: text('bundle_hash').notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: text('imported_at').notNull(),
    /** JSON: what was imported, by kind. */
    counts: text('counts').notNull().default('{}'),
  },
  (t) => [index('fhir_imports_bundle').on(t.bundleHash)],
);
