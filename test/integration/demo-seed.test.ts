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

const SYNCED = ['clinic_settings', 'rooms', 'providers', 'appointment_types', 'users', 'patients', 'appointments'];

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
});
