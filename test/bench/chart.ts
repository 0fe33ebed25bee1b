/**
 * chart.open and note.autosave. A patient of the dataset gets ten years of
 * visits (200 encounters, each with a signed SOAP note of about 1.5 KB, two
 * coded diagnoses and an addendum on every tenth), written through the
 * service like a real clinic's, and the history of chart-history.ts (2,000
 * observations, 50 attachments, problems, medications, allergies,
 * immunizations). chart.open times what the chart screen loads: "service"
 * and "dispatch" the encounter list and the newest encounter with its note
 * (the figures of earlier reports), "service_summary" and "dispatch_summary"
 * every call the chart screen and its clinical summary make on open, and
 * "painted" (chart-paint.ts) the summary painted in Chromium. note.autosave
 * times one autosave of a draft being typed. Goals: chart.open < 50 ms in the
 * service and < 300 ms painted, note.autosave p95 < 5 ms.
 */
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import type { MethodName, Output, ParsedInput } from '../../main/contract';
import { HISTORY, writeHistory } from './chart-history';
import { paintedChartOpen } from './chart-paint';
import type { BenchContext } from './context';
import { Rng, breakdown, emit, latency, note, timeAsync } from './stats';

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
  return async <M extends MethodName>(method: M, input: unknown): Promise<Output<M>> => {
    const result = await context.core.call(method, input, token);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as Output<M>;
  };
}

/** What the chart screen asks for when it opens on the clinical summary (ChartScreen, PatientHeader, ClinicalSummary's panels). */
function summaryCalls(patientId: string): [MethodName, unknown][] {
  return [
    ['encounters.list', { patientId }],
    ['appointments.forPatient', { patientId }],
    ['allergies.list', { patientId }],
    ['careGaps.list', { patientId }],
    ['problems.list', { patientId }],
    ['medications.list', { patientId }],
    ['vitals.list', { patientId, limit: 200 }],
    ['labs.list', { patientId }],
    ['immunizations.list', { patientId }],
    ['genomics.list', { patientId }],
    ['attachments.list', { patientId }],
  ];
}

export async function chartOpen(context: BenchContext): Promise<void> {
  const rng = new Rng(505);
  const call = await physicianCall(context);
  // Row 4242 of the full dataset, as in earlier reports; the small dataset has fewer rows.
  const patient = context.store.db.get<{ id: string }>(sql`SELECT id FROM patients ORDER BY rowid = 4242 DESC, rowid LIMIT 1`);
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
  await writeHistory(call, patient.id, rng);
  note(
    `chart.open: ${ENCOUNTERS} signed encounters, ${HISTORY.vitalValues + HISTORY.labResults} observations, ${HISTORY.attachments} attachments written for one patient`,
  );
  const size = {
    encounters: ENCOUNTERS,
    observations: HISTORY.vitalValues + HISTORY.labResults,
    attachments: HISTORY.attachments,
    opens: OPENS,
  };

  const open = async () => {
    const list = context.service('encounters.list', { patientId: patient.id }) as Output<'encounters.list'>;
    const newest = list.encounters[0];
    if (!newest) throw new Error('no encounters');
    return context.service('encounters.get', { id: newest.id });
  };
  const service: number[] = [];
  for (let i = 0; i < OPENS; i++) service.push((await timeAsync(open)).ms);
  emit({ bench: 'chart.open', variant: 'service', ...size, ...latency(service) });

  const dispatch: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const { ms } = await timeAsync(async () => {
      const list = await call('encounters.list', { patientId: patient.id });
      await call('encounters.get', { id: list.encounters[0]?.id ?? '' });
    });
    dispatch.push(ms);
  }
  emit({ bench: 'chart.open', variant: 'dispatch', ...size, ...latency(dispatch) });

  const calls = summaryCalls(patient.id);
  const parsed = calls.map(([method, input]) => [method, context.parse(method, input)] as const);
  const byMethod = new Map<string, number[]>(calls.map(([method]) => [method, []]));
  const serviceSummary: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    let total = 0;
    for (const [method, input] of parsed) {
      const { ms } = await timeAsync(async () => context.service(method, input));
      byMethod.get(method)?.push(ms);
      total += ms;
    }
    serviceSummary.push(total);
  }
  emit({ bench: 'chart.open', variant: 'service_summary', ...size, calls: calls.length, ...latency(serviceSummary) });
  breakdown('chart.open service_summary by call:', byMethod);

  const dispatchSummary: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    // As the renderer sends them: all at once, each panel on its own.
    const { ms } = await timeAsync(() => Promise.all(calls.map(([method, input]) => call(method, input))));
    dispatchSummary.push(ms);
  }
  emit({ bench: 'chart.open', variant: 'dispatch_summary', ...size, calls: calls.length, ...latency(dispatchSummary) });

  await paintedChartOpen(context, patient.id, size);
}

export async function noteAutosave(context: BenchContext): Promise<void> {
  const rng = new Rng(606);
  const call = await physicianCall(context);
  const patient = context.store.db.get<{ id: string }>(sql`SELECT id FROM patients ORDER BY rowid = 4343 DESC, rowid DESC LIMIT 1`);
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
