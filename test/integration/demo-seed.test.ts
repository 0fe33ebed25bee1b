/**
 * The demo clinic (db/seed/demo.ts), small: it is written through change
 * capture like any other write, so every seeded row must have exactly one
 * insert op describing it, and its accounts must work with the documented password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../db/seed/demo';
import { makeCore, type TestCore } from '../support/core';

let demo: TestCore;
beforeAll(async () => {
  demo = await makeCore({ demo: { patients: 50, daysBack: 7, daysAhead: 7 } });
});
afterAll(() => demo.close());

const SYNCED = [
  'clinic_settings',
  'rooms',
  'providers',
  'appointment_types',
  'users',
  'patients',
  'appointments',
  'encounters',
  'notes',
  'note_signatures',
  'vital_signs',
  'allergies',
];

describe('demo clinic', () => {
  it('has exactly one insert op per seeded row, with the row as payload', () => {
    for (const table of SYNCED) {
      const rows = demo.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY id`);
      const ops = demo.query<{ row_id: string; kind: string; payload: string }>(
        'SELECT row_id, kind, payload FROM sync_outbox WHERE table_name = ? ORDER BY row_id',
        table,
      );
      expect(
        ops.map((o) => o.kind).every((k) => k === 'insert'),
        table,
      ).toBe(true);
      expect(
        ops.map((o) => JSON.parse(o.payload) as unknown),
        table,
      ).toEqual(rows);
    }
    expect(demo.query('SELECT count(*) AS n FROM patients')).toEqual([{ n: 50 }]);
    expect((demo.query<{ n: number }>('SELECT count(*) AS n FROM appointments')[0]?.n ?? 0) > 0).toBe(true);
  });

  it('signs in every demo role and serves its calendar', async () => {
    for (const user of DEMO_USERS) {
      const session = await demo.login(user.username, DEMO_PASSWORD);
      expect(session.user?.role).toBe(user.role);
    }
    const frontDesk = await demo.login('frontdesk', DEMO_PASSWORD);
    const reference = await frontDesk.ok('reference.get', {});
    expect(reference.clinic.timeZone).toBe('America/Chicago');
    expect(reference.rooms.map((r) => r.name)).toEqual(['Exam 1', 'Exam 2', 'Exam 3']);
    const from = new Date(Date.now() - 9 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 9 * 86_400_000).toISOString();
    const range = await frontDesk.ok('appointments.range', { from, to });
    expect(range.appointments.length).toBe(demo.query<{ n: number }>('SELECT count(*) AS n FROM appointments')[0]?.n);
    // The seed never double-books: no active appointment is flagged as overbooked.
    expect(range.appointments.filter((a) => a.overbooked)).toEqual([]);
  });

  it('gives past completed visits a signed chart a physician can read', async () => {
    const physician = await demo.login('physician', DEMO_PASSWORD);
    const [visit] = demo.query<{ patient_id: string; id: string }>(
      "SELECT e.patient_id, e.id FROM encounters e JOIN appointments a ON a.id = e.appointment_id WHERE a.status = 'completed' LIMIT 1",
    );
    if (!visit) throw new Error('the demo has no charted visit');
    const { encounters } = await physician.ok('encounters.list', { patientId: visit.patient_id });
    expect(encounters.every((e) => e.noteStatus === 'signed' && e.diagnoses.length === 1)).toBe(true);
    const detail = await physician.ok('encounters.get', { id: visit.id });
    expect(detail.note.signatures).toHaveLength(1);
    expect(detail.note.content.assessment).not.toBe('');
    expect((await physician.ok('vitals.list', { patientId: visit.patient_id })).vitals.length).toBeGreaterThan(0);
    expect((await physician.ok('medications.list', { patientId: visit.patient_id })).medications.length).toBe(1);
  });
});
