/**
 * The snippets every clinic starts with, shared and under fixed ids: a
 * clinic's edit of one is a row under the same id (so it replaces the
 * default on every workstation), and deleting one tombstones that row.
 */
export interface DefaultSnippet {
  id: string;
  trigger: string;
  title: string;
  body: string;
}

const lines = (...items: string[]) => items.join('\n');

export const defaultSnippets: DefaultSnippet[] = [
  {
    id: 'snippet-normal-exam',
    trigger: '.nrml',
    title: 'Normal exam',
    body: lines(
      'General: alert, well-appearing, in no distress.',
      'HEENT: normocephalic, atraumatic; pupils equal and reactive; oropharynx clear.',
      'Neck: supple, no lymphadenopathy.',
      'Heart: regular rate and rhythm, no murmurs.',
      'Lungs: clear to auscultation bilaterally, no wheezes or crackles.',
      'Abdomen: soft, non-tender, no organomegaly.',
      'Extremities: no edema.',
      'Skin: no rash.',
      'Neuro: alert and oriented, no focal deficits.',
    ),
  },
  {
    id: 'snippet-ros-negative',
    trigger: '.rosneg',
    title: 'Review of systems negative',
    body: 'Review of systems: negative for fever, chills, weight change, chest pain, palpitations, shortness of breath, cough, abdominal pain, nausea, vomiting, change in bowel habit, urinary symptoms, rash, headache and dizziness, except as noted above.',
  },
  {
    id: 'snippet-follow-up',
    trigger: '.fu',
    title: 'Follow-up advice',
    body: lines(
      'Follow-up: return in 2 weeks, or sooner if symptoms worsen or new symptoms appear.',
      'Seek urgent care for chest pain, difficulty breathing, confusion, fainting or high fever.',
      '{patient.firstName} understands and agrees with the plan.',
    ),
  },
];
