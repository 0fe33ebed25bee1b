/**
 * Note templates: a set of good defaults ships with Outpost (fixed ids, so a
 * clinic's edited copy under the same id replaces the default everywhere),
 * plus the clinic's own templates (synced rows).
 */
import { asc, isNull } from 'drizzle-orm';
import { noteTemplates } from '../../../db/schema';
import { ApiError, type NoteTemplate } from '../../contract';
import type { Store } from '../store';

const lines = (...items: string[]) => items.join('\n');

export const builtInTemplates: NoteTemplate[] = [
  {
    id: 'template-general-visit',
    name: 'General visit',
    content: {
      subjective: lines('Chief complaint: ', 'History of present illness: ', 'Review of systems: '),
      objective: lines('General: ', 'Exam: '),
      assessment: '',
      plan: lines('Investigations: ', 'Treatment: ', 'Patient education: ', 'Follow-up: '),
    },
  },
  {
    id: 'template-follow-up',
    name: 'Follow-up',
    content: {
      subjective: lines('Follow-up of: ', 'Since last visit: ', 'Adherence and side effects: '),
      objective: 'Exam: ',
      assessment: 'Status: improved / unchanged / worse',
      plan: lines('Continue: ', 'Change: ', 'Follow-up: '),
    },
  },
  {
    id: 'template-well-adult',
    name: 'Well adult',
    content: {
      subjective: lines('Concerns: ', 'Diet and exercise: ', 'Tobacco, alcohol, other substances: ', 'Sleep and mood: '),
      objective: lines('General: ', 'Heart and lungs: ', 'Abdomen: ', 'Skin: '),
      assessment: 'Routine adult health examination',
      plan: lines('Screening due: ', 'Immunizations due: ', 'Counselling: ', 'Next well visit: '),
    },
  },
  {
    id: 'template-well-child',
    name: 'Well child',
    content: {
      subjective: lines('Parent concerns: ', 'Feeding and nutrition: ', 'Sleep: ', 'Development milestones: ', 'School / daycare: '),
      objective: lines('Growth (height, weight, head circumference percentiles): ', 'Exam: '),
      assessment: 'Routine child health examination',
      plan: lines('Immunizations given today: ', 'Anticipatory guidance: ', 'Next well visit: '),
    },
  },
  {
    id: 'template-telephone',
    name: 'Telephone',
    content: {
      subjective: lines('Caller: ', 'Reason for call: ', 'Symptoms reported: '),
      objective: 'Not examined (telephone encounter).',
      assessment: '',
      plan: lines('Advice given: ', 'Red flags explained: yes / no', 'Follow-up: '),
    },
  },
];

export function listTemplates(store: Store): NoteTemplate[] {
  const clinic = store.db
    .select()
    .from(noteTemplates)
    .where(isNull(noteTemplates.deletedAt))
    .orderBy(asc(noteTemplates.name))
    .all()
    .map((row) => ({
      id: row.id,
      name: row.name,
      active: row.active,
      content: { subjective: row.subjective, objective: row.objective, assessment: row.assessment, plan: row.plan },
    }));
  const overridden = new Set(clinic.map((t) => t.id));
  const active = clinic.filter((t) => t.active).map(({ active: _active, ...template }) => template);
  return [...builtInTemplates.filter((t) => !overridden.has(t.id)), ...active];
}

export function findTemplate(store: Store, id: string): NoteTemplate {
  const template = listTemplates(store).find((t) => t.id === id);
  if (!template)
    throw new ApiError('NOT_FOUND', 'That note template no longer exists. Pick another one.', { templateId: 'Unknown template' });
  return template;
}
