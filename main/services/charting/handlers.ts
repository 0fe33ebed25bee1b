/** The chart's methods: encounters, notes (autosave, sign, addenda), templates. */
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { listEncounters, loadEncounter, openEncounter, setDiagnoses } from './encounters';
import { can } from '../../contract';
import { addAddendum, saveDraft, signNote, submitForCosign } from './notes';
import { listTemplates } from './templates';
import { visitSummary } from './visit-summary';

type ChartingMethod =
  | 'encounters.list'
  | 'encounters.open'
  | 'encounters.get'
  | 'encounters.setDiagnoses'
  | 'notes.save'
  | 'notes.sign'
  | 'notes.submitForCosign'
  | 'notes.addendum'
  | 'noteTemplates.list'
  | 'encounters.visitSummary';

export const chartingHandlers: Pick<Handlers, ChartingMethod> = {
  'encounters.list': (input, { store }) => listEncounters(store, input.patientId),
  'encounters.open': (input, ctx) => openEncounter(ctx, input),
  'encounters.get': (input, { store }) => loadEncounter(store, input.id),
  'encounters.setDiagnoses': (input, { store }) => setDiagnoses(store, input),
  'notes.save': (input, ctx) => ({ updatedAt: saveDraft(ctx.store, requireUser(ctx), input.id, input.content) }),
  'notes.sign': (input, ctx) => signNote(ctx.store, requireUser(ctx), input.id),
  'notes.submitForCosign': (input, ctx) => {
    const user = requireUser(ctx);
    return submitForCosign(ctx.store, user, input.id, can(user.role, 'notes.sign'));
  },
  'notes.addendum': (input, ctx) => addAddendum(ctx.store, requireUser(ctx), input.noteId, input.text),
  'noteTemplates.list': (_input, { store }) => ({ templates: listTemplates(store) }),
  'encounters.visitSummary': (input, { store }) => visitSummary(store, input.id),
};
