/** The chart's clinical lists: vital signs, problems, allergies, medications with their alerts, genomic results. */
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { checkPrescription } from './alerts';
import { listGenomics, saveGenomicResult } from './genomics';
import { patientOf } from '../patients/records';
import { allergyState, listProblems, recordNoneKnown, saveAllergy, saveProblem } from './lists';
import { listMedications, saveMedication } from './medications';
import { listImmunizations, listLabs, markLabsInError, recordLabs, saveImmunization } from './results';
import { listVitals, markVitalsInError, recordVitals } from './vitals';

type ClinicalMethod =
  | 'vitals.record'
  | 'vitals.list'
  | 'vitals.markError'
  | 'problems.list'
  | 'problems.save'
  | 'allergies.list'
  | 'allergies.save'
  | 'allergies.noneKnown'
  | 'medications.list'
  | 'medications.save'
  | 'medications.check'
  | 'genomics.list'
  | 'genomics.save'
  | 'immunizations.list'
  | 'immunizations.save'
  | 'labs.list'
  | 'labs.record'
  | 'labs.markError';

export const clinicalHandlers: Pick<Handlers, ClinicalMethod> = {
  'vitals.record': (input, ctx) => recordVitals(ctx.store, requireUser(ctx), input),
  'vitals.list': (input, { store }) => ({ vitals: listVitals(store, input.patientId, input.limit) }),
  'vitals.markError': (input, { store }) => {
    markVitalsInError(store, input.id, input.reason);
    return { ok: true };
  },
  'problems.list': (input, { store }) => ({ problems: listProblems(store, input.patientId) }),
  'problems.save': (input, ctx) => saveProblem(ctx.store, requireUser(ctx), input),
  'allergies.list': (input, { store }) => allergyState(store, input.patientId),
  'allergies.save': (input, ctx) => saveAllergy(ctx.store, requireUser(ctx), input),
  'allergies.noneKnown': (input, ctx) => recordNoneKnown(ctx.store, requireUser(ctx), input.patientId),
  'medications.list': (input, { store }) => ({ medications: listMedications(store, input.patientId) }),
  'medications.save': (input, ctx) => saveMedication(ctx.store, requireUser(ctx), input),
  'medications.check': (input, { store }) =>
    checkPrescription(store, patientOf(store, input.patientId), {
      name: input.name,
      drugClass: input.drugClass,
      medicationId: input.medicationId,
    }),
  'genomics.list': (input, { store }) => ({ results: listGenomics(store, input.patientId) }),
  'genomics.save': (input, ctx) => saveGenomicResult(ctx.store, requireUser(ctx), input),
  'immunizations.list': (input, { store }) => ({ immunizations: listImmunizations(store, input.patientId) }),
  'immunizations.save': (input, ctx) => saveImmunization(ctx.store, requireUser(ctx), input),
  'labs.list': (input, { store }) => ({ panels: listLabs(store, input.patientId) }),
  'labs.record': (input, ctx) => recordLabs(ctx.store, requireUser(ctx), input),
  'labs.markError': (input, { store }) => {
    markLabsInError(store, input.panelId);
    return { ok: true };
  },
};
