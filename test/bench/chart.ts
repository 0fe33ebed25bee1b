/**
 * chart.open and note.autosave. A patient of the dataset gets ten years of
 * visits (200 encounters, each with a signed SOAP note of about 1.5 KB, two
 * coded diagnoses and an addendum on every tenth), written through the
 * service like a real clinic's. chart.open times what the chart screen loads
 * (the encounter list and the newest encounter with its note); note.autosave
 * times one autosave of a draft being typed. Goals: chart.open < 50 ms in the
 * service, note.autosave p95 < 5 ms. Vitals, labs and attachments are not in
 * the chart yet, so they are not in this figure.
 */
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import type { Output, ParsedInput } from '../../main/contract';
import type { BenchContext } from './context';
import { Rng, emit, latency, note, timeAsync } from './stats';

const ENCOUNTERS = 200;
const OPENS = 200;
const AUTOSAVES = 500;

function paragraph(rng: Rng, words: number): string {
  const vocabulary = [
    'patient',
    'reports',
    'pain',
    'improved',
    'since',
    'last',
    'visit',
    'denies',
    'fever',
    'cough',
    'stable',
    'blood',
    'pressure',
    'review',
    'labs',
    'continue',
    'medication',
    'follow-up',
    'weeks',
    'exam',
    'normal',
    'mild',
    'tenderness',
  ];
  return Array.from({ length: words }, () => rng.pick(vocabulary)).join(' ');
}

async function physicianCall(context: BenchContext) {
  const login = await context.core.call('auth.login', { username: 'physician', password: DEMO_PASSWORD }, null);
  if (!login.ok) throw new Error(`physician login failed: ${login.error.code}`);
  const token = (login.value as Output<'auth.login'>).token;
  return async <
    M extends
      'encounters.open' | 'encounters.list' | 'encounters.get' | 'notes.save' | 'notes.sign' | 'notes.addendum' | 'encounters.setDiagnoses',
  >(
    method: M,
    input: unknown,
  ): Promise<Output<M>> => {
    const result = await context.core.call(method, input, token);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as Output<M>;
  };
}

export async function chartOpen(context: BenchContext): Promise<void> {
  const rng = new Rng(505);
  const call = await physicianCall(context);
  const patient = context.store.db.get<{ id: string }>(sql`SELECT id FROM patients WHERE rowid = 4242`);
  for (let i = 0; i < ENCOUNTERS; i++) {
    const { note: draft } = await call('encounters.open', { patientId: patient.id, reason: 'Follow-up' });
    await call('notes.save', {
      id: draft.id,
      content: { subjective: paragraph(rng, 80), objective: paragraph(rng, 60), assessment: paragraph(rng, 30), plan: paragraph(rng, 50) },
    });
    await call('encounters.setDiagnoses', {
      id: draft.encounterId,
      diagnoses: [
        { code: 'I10', title: 'Essential (primary) hypertension' },
        { code: 'E11.9', title: 'Type 2 diabetes mellitus without complications' },
      ],
    });
    await call('notes.sign', { id: draft.id });
    if (i % 10 === 0) await call('notes.addendum', { noteId: draft.id, text: paragraph(rng, 20) });
  }
  note(`chart.open: ${ENCOUNTERS} signed encounters written for one patient`);

  const open = async () => {
    const list = context.service('encounters.list', { patientId: patient.id }) as Output<'encounters.list'>;
    const newest = list.encounters[0];
    if (!newest) throw new Error('no encounters');
    return context.service('encounters.get', { id: newest.id });
  };
  const service: number[] = [];
  for (let i = 0; i < OPENS; i++) service.push((await timeAsync(open)).ms);
  emit({ bench: 'chart.open', variant: 'service', encounters: ENCOUNTERS, opens: OPENS, ...latency(service) });

  const dispatch: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const { ms } = await timeAsync(async () => {
      const list = await call('encounters.list', { patientId: patient.id });
      await call('encounters.get', { id: list.encounters[0]?.id ?? '' });
    });
    dispatch.push(ms);
  }
  emit({ bench: 'chart.open', variant: 'dispatch', encounters: ENCOUNTERS, opens: OPENS, ...latency(dispatch) });
}

export async function noteAutosave(context: BenchContext): Promise<void> {
  const rng = new Rng(606);
  const call = await physicianCall(context);
  const patient = context.store.db.get<{ id: string }>(sql`SELECT id FROM patients WHERE rowid = 4343`);
  const { note: draft } = await call('encounters.open', { patientId: patient.id, reason: 'Autosave' });
  // As typed: each autosave sends one section that grew by a few words since the last one.
  let text = '';
  const samples: number[] = [];
  for (let i = 0; i < AUTOSAVES; i++) {
    text = `${text} ${paragraph(rng, 3)}`.slice(-6000);
    const input: ParsedInput<'notes.save'> = { id: draft.id, content: { subjective: text } };
    samples.push((await timeAsync(() => call('notes.save', input))).ms);
  }
  emit({ bench: 'note.autosave', variant: 'dispatch', saves: AUTOSAVES, ...latency(samples) });
}
