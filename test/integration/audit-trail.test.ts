/**
 * The audit trail: chart opens, writes, signatures, logins (failed ones too)
 * and refusals leave append-only, hash-chained rows with who, which patient,
 * what, when, from which workstation and the outcome; managers search it;
 * verify finds any altered, removed or reordered row.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClinic, PASSWORD, STAFF, type Clinic } from '../support/clinic';

let clinic: Clinic;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 1212 });
});
afterAll(() => clinic.close());

const trail = () =>
  clinic.query<{
    action: string;
    method: string;
    outcome: string;
    patient_id: string | null;
    entity_id: string | null;
    user_id: string | null;
  }>('SELECT action, method, outcome, patient_id, entity_id, user_id FROM audit_events ORDER BY seq');

describe('what is audited', () => {
  it('records chart opens, writes, signatures and refusals with the patient, and not each autosave', async () => {
    const doc = await clinic.as('physician');
    const patient = await clinic.addPatient();
    const before = trail().length;
    await doc.ok('encounters.list', { patientId: patient.id });
    const { note } = await doc.ok('encounters.open', { patientId: patient.id });
    await doc.ok('notes.save', { id: note.id, content: { plan: 'Rest.' } });
    await doc.ok('notes.save', { id: note.id, content: { plan: 'Rest and fluids.' } });
    await doc.ok('notes.sign', { id: note.id });
    await (await clinic.as('front_desk')).refuses('encounters.list', { patientId: patient.id }, 'FORBIDDEN');
    expect(
      trail()
        .slice(before)
        .map((r) => [r.action, r.method, r.outcome, r.patient_id]),
    ).toEqual([
      ['chart.open', 'encounters.list', 'success', patient.id],
      ['write', 'encounters.open', 'success', patient.id],
      ['sign', 'notes.sign', 'success', patient.id],
      ['chart.open', 'encounters.list', 'denied', patient.id],
    ]);
    expect(trail().find((r) => r.method === 'notes.sign')?.entity_id).toBe(note.id);

    // Screens refetch after every change: reading the same chart again soon is not a new opening.
    const after = trail().length;
    await doc.ok('encounters.list', { patientId: patient.id });
    await doc.ok('allergies.list', { patientId: patient.id });
    await doc.ok('vitals.list', { patientId: patient.id });
    expect(
      trail()
        .slice(after)
        .map((r) => [r.action, r.method]),
    ).toEqual([['chart.read', 'allergies.list']]);
    await (await clinic.as('nurse')).ok('encounters.list', { patientId: patient.id });
    expect(trail().at(-1)).toMatchObject({ action: 'chart.open', patient_id: patient.id });
  });

  it('records logins that failed, naming the account tried, and those that succeeded', async () => {
    const before = trail().length;
    await clinic.anonymous.refuses('auth.login', { username: STAFF.nurse.username, password: 'not-the-password' }, 'UNAUTHENTICATED');
    const nurse = await clinic.login(STAFF.nurse.username, PASSWORD);
    expect(
      trail()
        .slice(before)
        .map((r) => [r.action, r.outcome, r.entity_id, r.user_id]),
    ).toEqual([
      ['login', 'failure', nurse.user?.id, null],
      ['login', 'success', null, nurse.user?.id],
    ]);
    // What was typed is never kept: it may be a password typed in the wrong box.
    await clinic.anonymous.refuses('auth.login', { username: 'hunter2-secret', password: 'x' }, 'UNAUTHENTICATED');
    expect(trail().at(-1)).toMatchObject({ action: 'login', outcome: 'failure', entity_id: null });
    expect(JSON.stringify(clinic.query('SELECT * FROM audit_events'))).not.toContain('hunter2');
  });
});

describe('audit.search and audit.verify', () => {
  it('gives managers a patient’s accounting of disclosures, and refuses everyone else', async () => {
    const manager = await clinic.as('manager');
    const doc = await clinic.as('physician');
    const patient = await clinic.addPatient();
    await doc.ok('encounters.list', { patientId: patient.id });
    const { events, truncated } = await manager.ok('audit.search', { patientId: patient.id });
    expect(truncated).toBe(false);
    expect(events.map((e) => [e.action, e.userName])).toEqual([
      ['chart.open', STAFF.physician.displayName],
      ['write', STAFF.front_desk.displayName],
    ]);
    // The names come with the trail, so reading it opens no record (and leaves no row of its own).
    expect(events[0]?.patientName).toBe(`${patient.familyName}, ${patient.givenName}`);
    expect((await manager.ok('audit.search', { patientId: patient.id })).events).toHaveLength(2);
    expect((await manager.ok('audit.search', { action: 'login', outcome: 'failure', limit: 1 })).events).toHaveLength(1);
    await doc.refuses('audit.search', {}, 'FORBIDDEN');
    await (await clinic.as('front_desk')).refuses('audit.verify', {}, 'FORBIDDEN');
    await manager.refuses('audit.search', { limit: 0 }, 'VALIDATION');
  });

  it('finds rows altered, removed or reordered behind its back', async () => {
    const manager = await clinic.as('manager');
    const clean = await manager.ok('audit.verify', {});
    expect(clean.problems).toEqual([]);
    expect(clean.rows).toBeGreaterThan(5);
    expect(clean.workstations).toBe(1);

    // Someone with the database file (and SQLite) drops the guard and edits history.
    const sqlite = new Database(join(clinic.dataDir, 'outpost.db'));
    try {
      expect(() => sqlite.prepare("UPDATE audit_events SET outcome = 'tampered' WHERE seq = 2").run()).toThrow(/cannot be changed/);
      expect(() => sqlite.prepare('DELETE FROM audit_events WHERE seq = 3').run()).toThrow(/cannot be deleted/);
      sqlite.exec('DROP TRIGGER audit_events_append_only; DROP TRIGGER audit_events_no_delete;');
      sqlite.prepare("UPDATE audit_events SET outcome = 'tampered' WHERE seq = 2").run();
      sqlite.prepare('DELETE FROM audit_events WHERE seq = 4').run();
      sqlite.prepare('UPDATE audit_events SET seq = -1 WHERE seq = 6').run();
      sqlite.prepare('UPDATE audit_events SET seq = 6 WHERE seq = 7').run();
      sqlite.prepare('UPDATE audit_events SET seq = 7 WHERE seq = -1').run();
    } finally {
      sqlite.close();
    }
    const found = (await manager.ok('audit.verify', {})).problems.map((p) => [p.seq, p.problem]);
    expect(found).toContainEqual([2, 'altered']);
    expect(found).toContainEqual([4, 'missing']);
    expect(found).toContainEqual([6, 'out_of_order']);
  });
});
