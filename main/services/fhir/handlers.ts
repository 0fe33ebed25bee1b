/** FHIR R4 export and import of one patient's record. */
import type { Handlers } from '../handler';
import { exportPatient } from './export';
import { previewImport, runImport } from './import';

export const fhirHandlers: Pick<Handlers, 'fhir.exportPatient' | 'fhir.previewImport' | 'fhir.import'> = {
  'fhir.exportPatient': (input, { store }) => {
    const bundle = exportPatient(store, input.patientId);
    const resources: Record<string, number> = {};
    for (const { resource } of bundle.entry ?? [])
      if (resource) resources[resource.resourceType] = (resources[resource.resourceType] ?? 0) + 1;
    return {
      fileName: `patient-record-${new Date().toISOString().slice(0, 10)}.fhir.json`,
      json: JSON.stringify(bundle, null, 2),
      resources,
    };
  },
  'fhir.previewImport': (input, ctx) => previewImport(ctx, input.json),
  'fhir.import': (input, ctx) => runImport(ctx, input),
};
