/**
 * Contract: the chart — encounters opened from an appointment or standalone,
 * autosaved SOAP drafts, signing (physicians only; the note is then immutable,
 * in the service and in SQLite itself), addenda, coded diagnoses, templates.
 * Every refusal leaves the database unchanged.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, STAFF, type Clinic } from '../support/clinic';
import { at, pastWeekday, plusMinutes } from '../support/time';

let clinic: Clinic;
let patient: Output<'patients.create'>;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 515 });
  patient = await clinic.addPatient();
});
afterAll(() => clinic.close());

async function book(time: string) {
  const date = pastWeekday(7);
  const [appointment] = await (
    await clinic.as('front_desk')
  ).ok('appointments.book', {
    patientId: patient.id,
    providerId: clinic.providers.lane,
    typeId: clinic.types.followUp,
    startAt: at(date, time),
    endAt: plusMinutes(at(date, time), 20),
  });
  if (!appointment) throw new Error('booking failed');
  return appointment;
}

describe('encounters.open, encounters.get and encounters.list', () => {
  it('opens the appointment’s encounter once, rooms the patient and starts the note from a template', async () => {
    const doc = await clinic.as('physician');
    const appointment = await book('09:00');
    const { templates } = await doc.ok('noteTemplates.list', {});
    const followUp = templates.find((t) => t.name === 'Follow-up');
    if (!followUp) throw new Error('no follow-up template');
    const opened = await doc.ok('encounters.open', { patientId: patient.id, appointmentId: appointment.id, templateId: followUp.id });
    expect(opened.encounter).toMatchObject({
      appointmentId: appointment.id,
      reason: 'Follow-up',
      providerName: 'Dr. Avery Lane',
      noteStatus: 'draft',
    });
    expect(opened.note).toMatchObject({ status: 'draft', authorName: STAFF.physician.displayName, content: followUp.content });
    expect(opened.patient.id).toBe(patient.id);
    expect((await doc.ok('appointments.get', { id: appointment.id })).status).toBe('in_room');

    const again = await (await clinic.as('nurse')).ok('encounters.open', { patientId: patient.id, appointmentId: appointment.id });
    expect(again.encounter.id).toBe(opened.encounter.id);
    expect(await doc.ok('encounters.get', { id: opened.encounter.id })).toEqual(again);
    expect(clinic.query('SELECT count(*) AS n FROM encounters WHERE appointment_id = ?', appointment.id)).toEqual([{ n: 1 }]);
  });

  it('opens standalone encounters and lists them newest first', async () => {
    const nurse = await clinic.as('nurse');
    const phone = await nurse.ok('encounters.open', { patientId: patient.id, kind: 'telephone', reason: 'Refill request' });
    expect(phone.encounter).toMatchObject({ appointmentId: null, kind: 'telephone', reason: 'Refill request' });
    expect(phone.note.content).toEqual({ subjective: '', objective: '', assessment: '', plan: '' });
    const list = await nurse.ok('encounters.list', { patientId: patient.id });
    expect(list.patient.id).toBe(patient.id);
    expect(list.encounters[0]?.id).toBe(phone.encounter.id);
    const times = list.encounters.map((e) => e.startedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('refuses the front desk, unknown records, another patient’s appointment and bad input', async () => {
    const desk = await clinic.as('front_desk');
    const doc = await clinic.as('physician');
    await desk.refuses('encounters.open', { patientId: patient.id }, 'FORBIDDEN');
    await desk.refuses('encounters.list', { patientId: patient.id }, 'FORBIDDEN');
    await desk.refuses('noteTemplates.list', {}, 'FORBIDDEN');
    await doc.refuses('encounters.open', { patientId: 'no-such-patient' }, 'NOT_FOUND');
    await doc.refuses('encounters.open', { patientId: patient.id, templateId: 'no-such-template' }, 'NOT_FOUND');
    await doc.refuses('encounters.open', { patientId: patient.id, kind: 'carrier pigeon' }, 'VALIDATION');
    await doc.refuses('encounters.get', { id: 'no-such-encounter' }, 'NOT_FOUND');
    await doc.refuses('encounters.list', { patientId: 'no-such-patient' }, 'NOT_FOUND');
    const other = await clinic.addPatient();
    const appointment = await book('10:00');
    const refusal = await doc.refuses('encounters.open', { patientId: other.id, appointmentId: appointment.id }, 'VALIDATION');
    expect(refusal.message).toMatch(/another patient/);
  });
});

describe('notes.save, notes.sign and notes.addendum', () => {
  it('autosaves only what changed, signs once, then refuses every change but addenda', async () => {
    const doc = await clinic.as('physician');
    const nurse = await clinic.as('nurse');
    const { note } = await nurse.ok('encounters.open', { patientId: patient.id, reason: 'Cough' });
    await nurse.ok('notes.save', { id: note.id, content: { subjective: 'Dry cough for 5 days.' } });
    const ops = clinic.query<{ n: number }>('SELECT count(*) AS n FROM sync_outbox')[0]?.n ?? 0;
    await nurse.ok('notes.save', { id: note.id, content: { subjective: 'Dry cough for 5 days.' } });
    expect(clinic.query('SELECT count(*) AS n FROM sync_outbox')).toEqual([{ n: ops }]);
    await doc.ok('notes.save', { id: note.id, content: { assessment: 'Viral bronchitis.', plan: 'Fluids, review in 1 week.' } });
    expect(clinic.query('SELECT subjective, plan FROM notes WHERE id = ?', note.id)).toEqual([
      { subjective: 'Dry cough for 5 days.', plan: 'Fluids, review in 1 week.' },
    ]);

    await nurse.refuses('notes.sign', { id: note.id }, 'FORBIDDEN');
    const signed = await doc.ok('notes.sign', { id: note.id });
    expect(signed).toMatchObject({ status: 'signed', content: { subjective: 'Dry cough for 5 days.', assessment: 'Viral bronchitis.' } });
    expect(signed.signatures).toEqual([expect.objectContaining({ signerName: STAFF.physician.displayName, role: 'author' })]);

    const edit = await nurse.refuses('notes.save', { id: note.id, content: { plan: 'Antibiotics.' } }, 'CONFLICT');
    expect(edit.message).toMatch(/signed by .*addendum/);
    await doc.refuses('notes.sign', { id: note.id }, 'CONFLICT');
    await doc.refuses('notes.addendum', { noteId: note.id, text: '   ' }, 'VALIDATION');
    const amended = await nurse.ok('notes.addendum', { noteId: note.id, text: 'Patient called: fever since last night.' });
    expect(amended.addenda).toEqual([
      expect.objectContaining({ authorName: STAFF.nurse.displayName, text: 'Patient called: fever since last night.', kind: 'addendum' }),
    ]);
    expect(amended.content).toEqual(signed.content);
  });

  it('refuses to sign an empty note, an addendum to a draft, unknown notes and oversized sections', async () => {
    const doc = await clinic.as('physician');
    const { note } = await doc.ok('encounters.open', { patientId: patient.id });
    expect((await doc.refuses('notes.sign', { id: note.id }, 'VALIDATION')).message).toMatch(/empty/);
    expect((await doc.refuses('notes.addendum', { noteId: note.id, text: 'Later.' }, 'CONFLICT')).message).toMatch(/draft/);
    await doc.refuses('notes.save', { id: 'no-such-note', content: { plan: 'x' } }, 'NOT_FOUND');
    await doc.refuses('notes.save', { id: note.id, content: { plan: 'x'.repeat(20_001) } }, 'VALIDATION');
    await doc.refuses('notes.save', { id: note.id, content: { verdict: 'x' } }, 'VALIDATION');
    await (await clinic.as('front_desk')).refuses('notes.save', { id: note.id, content: { plan: 'x' } }, 'FORBIDDEN');
  });

  it('keeps signatures and addenda unchangeable in SQLite itself', async () => {
    const doc = await clinic.as('physician');
    const { note, encounter } = await doc.ok('encounters.open', { patientId: patient.id });
    await doc.ok('notes.save', { id: note.id, content: { assessment: 'Well.' } });
    await doc.ok('notes.sign', { id: note.id });
    await doc.ok('notes.addendum', { noteId: note.id, text: 'Seen again.' });
    const attempts = [
      "UPDATE note_signatures SET content = '{}' WHERE note_id = ?",
      "UPDATE note_signatures SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE note_id = ?",
      'DELETE FROM note_signatures WHERE note_id = ?',
      "UPDATE note_addenda SET text = 'rewritten' WHERE note_id = ?",
      'DELETE FROM note_addenda WHERE note_id = ?',
    ];
    const sqlite = new Database(join(clinic.dataDir, 'outpost.db'));
    try {
      for (const sql of attempts) expect(() => sqlite.prepare(sql).run(note.id), sql).toThrow(/cannot be/);
      // Re-applying the same row from sync (only its stamps move) stays possible.
      expect(sqlite.prepare("UPDATE note_signatures SET hlc = hlc || '' WHERE note_id = ?").run(note.id).changes).toBe(1);
    } finally {
      sqlite.close();
    }
    expect((await doc.ok('encounters.get', { id: encounter.id })).note.content.assessment).toBe('Well.');
  });
});

describe('notes.submitForCosign and co-signing', () => {
  it('locks a nurse’s note until a physician co-signs exactly what was submitted', async () => {
    const nurse = await clinic.as('nurse');
    const doc = await clinic.as('physician');
    const { encounter, note } = await nurse.ok('encounters.open', { patientId: patient.id, kind: 'telephone', reason: 'Triage call' });
    await nurse.refuses('notes.submitForCosign', { id: note.id }, 'VALIDATION');
    await nurse.ok('notes.save', {
      id: note.id,
      content: { subjective: 'Mother reports fever 38.6 since this morning.', plan: 'Seen today at 15:00.' },
    });
    const submitted = await nurse.ok('notes.submitForCosign', { id: note.id });
    expect(submitted.status).toBe('awaiting_cosign');
    expect(submitted.signatures).toEqual([expect.objectContaining({ signerName: STAFF.nurse.displayName, role: 'submitted' })]);
    expect((await nurse.ok('encounters.list', { patientId: patient.id })).encounters.find((e) => e.id === encounter.id)?.noteStatus).toBe(
      'awaiting_cosign',
    );
    expect((await nurse.refuses('notes.save', { id: note.id, content: { plan: 'Changed.' } }, 'CONFLICT')).message).toMatch(/co-signature/);
    await nurse.refuses('notes.submitForCosign', { id: note.id }, 'CONFLICT');
    expect((await doc.refuses('notes.submitForCosign', { id: note.id }, 'VALIDATION')).message).toMatch(/sign this note yourself/);
    await nurse.refuses('notes.sign', { id: note.id }, 'FORBIDDEN');

    const cosigned = await doc.ok('notes.sign', { id: note.id });
    expect(cosigned.status).toBe('signed');
    expect(cosigned.content).toEqual(submitted.content);
    expect(cosigned.signatures.map((s) => [s.signerName, s.role])).toEqual([
      [STAFF.nurse.displayName, 'submitted'],
      [STAFF.physician.displayName, 'cosigner'],
    ]);
    await doc.refuses('notes.sign', { id: note.id }, 'CONFLICT');
    await nurse.refuses('notes.submitForCosign', { id: 'no-such-note' }, 'NOT_FOUND');
  });
});

describe('encounters.setDiagnoses', () => {
  it('sets, reorders and removes coded diagnoses until the note is signed', async () => {
    const doc = await clinic.as('physician');
    const { encounter, note } = await doc.ok('encounters.open', { patientId: patient.id });
    const first = await doc.ok('encounters.setDiagnoses', {
      id: encounter.id,
      reason: 'Diabetes review',
      diagnoses: [
        { code: 'e11.9', title: 'Type 2 diabetes mellitus without complications' },
        { code: 'I10', title: 'Essential (primary) hypertension' },
      ],
    });
    expect(first.encounter.diagnoses).toEqual([
      { code: 'E11.9', title: 'Type 2 diabetes mellitus without complications' },
      { code: 'I10', title: 'Essential (primary) hypertension' },
    ]);
    expect(first.encounter.reason).toBe('Diabetes review');
    const second = await doc.ok('encounters.setDiagnoses', {
      id: encounter.id,
      diagnoses: [{ code: 'I10', title: 'Essential (primary) hypertension' }],
    });
    expect(second.encounter.diagnoses.map((d) => d.code)).toEqual(['I10']);
    expect(
      clinic.query(
        'SELECT code, rank, deleted_at IS NOT NULL AS removed FROM encounter_diagnoses WHERE encounter_id = ? ORDER BY code',
        encounter.id,
      ),
    ).toEqual([
      { code: 'E119', rank: 1, removed: 1 },
      { code: 'I10', rank: 1, removed: 0 },
    ]);

    await doc.refuses('encounters.setDiagnoses', { id: encounter.id, diagnoses: [{ code: 'diabetes', title: 'Diabetes' }] }, 'VALIDATION');
    const twice = { code: 'I10', title: 'Essential (primary) hypertension' };
    await doc.refuses('encounters.setDiagnoses', { id: encounter.id, diagnoses: [twice, { ...twice, code: 'i10' }] }, 'VALIDATION');
    await doc.refuses('encounters.setDiagnoses', { id: 'no-such-encounter', diagnoses: [] }, 'NOT_FOUND');
    await doc.ok('notes.save', { id: note.id, content: { assessment: 'Hypertension, controlled.' } });
    await doc.ok('notes.sign', { id: note.id });
    await doc.refuses('encounters.setDiagnoses', { id: encounter.id, diagnoses: [] }, 'CONFLICT');
    const listed = (await doc.ok('encounters.list', { patientId: patient.id })).encounters.find((e) => e.id === encounter.id);
    expect(listed).toMatchObject({ noteStatus: 'signed', diagnoses: [twice] });
  });
});

describe('the chart after a merge', () => {
  it('shows the retired record’s encounters with the surviving record', async () => {
    const doc = await clinic.as('physician');
    const desk = await clinic.as('front_desk');
    const survivor = await clinic.addPatient();
    const duplicate = await clinic.addPatient();
    const { encounter } = await doc.ok('encounters.open', { patientId: duplicate.id, reason: 'Rash' });
    await desk.ok('patients.merge', { retiredId: duplicate.id, survivingId: survivor.id });
    const list = await doc.ok('encounters.list', { patientId: survivor.id });
    expect(list.encounters.map((e) => e.id)).toEqual([encounter.id]);
    expect((await doc.ok('encounters.list', { patientId: duplicate.id })).patient.id).toBe(survivor.id);
    const opened = await doc.ok('encounters.open', { patientId: duplicate.id });
    expect(opened.patient.id).toBe(survivor.id);
  });
});
