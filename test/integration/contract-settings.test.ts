/**
 * Contract: reference data (clinic, providers, rooms, appointment types) and
 * the sync indicator. Saves are read back through reference.get and the
 * stored rows; every refusal leaves the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClinic, type Clinic } from '../support/clinic';

let clinic: Clinic;
beforeAll(async () => {
  clinic = await makeClinic();
});
afterAll(() => clinic.close());

const HOURS = { '2': [{ start: '09:00', end: '13:00' }], '4': [{ start: '09:00', end: '13:00' }] };

describe('reference.get', () => {
  it('gives every signed-in role the clinic and its lists, sorted by name', async () => {
    for (const role of ['admin', 'manager', 'front_desk', 'physician', 'nurse'] as const) {
      const reference = await (await clinic.as(role)).ok('reference.get', {});
      expect(reference.clinic).toMatchObject({ name: 'Test Family Clinic', timeZone: 'America/Chicago', slotMinutes: 10 });
      expect(reference.providers.map((p) => p.displayName)).toEqual(['Dr. Avery Lane', 'Dr. Blake Moss', 'Dr. Casey Park']);
      expect(reference.rooms.map((r) => r.id)).toEqual([clinic.rooms.exam1, clinic.rooms.exam2]);
      expect(reference.providers[0]?.breaks).toHaveLength(5);
    }
    await clinic.anonymous.refuses('reference.get', {}, 'UNAUTHENTICATED');
    await (await clinic.as('nurse')).refuses('reference.get', { all: 1 }, 'VALIDATION');
  });
});

describe('clinic.update', () => {
  it('changes only the given fields', async () => {
    const manager = await clinic.as('manager');
    const updated = await manager.ok('clinic.update', {
      name: 'Test Family Clinic North',
      hours: { ...HOURS, '1': [{ start: '07:30', end: '18:00' }] },
    });
    expect(updated).toMatchObject({ name: 'Test Family Clinic North', timeZone: 'America/Chicago', slotMinutes: 10 });
    expect(updated.hours['1']).toEqual([{ start: '07:30', end: '18:00' }]);
    const [row] = clinic.query<{ name: string; hours: string }>('SELECT name, hours FROM clinic_settings');
    expect(row?.name).toBe('Test Family Clinic North');
    expect(JSON.parse(row?.hours ?? '{}')).toEqual(updated.hours);
    await manager.ok('clinic.update', { name: 'Test Family Clinic', timeZone: 'America/Chicago', slotMinutes: 10 });
  });

  it('refuses bad values and roles without settings.manage', async () => {
    const manager = await clinic.as('manager');
    await manager.refuses('clinic.update', { timeZone: 'Atlantis/Capital' }, 'VALIDATION');
    await manager.refuses('clinic.update', { slotMinutes: 7 }, 'VALIDATION');
    await manager.refuses('clinic.update', { slotMinutes: '10' }, 'VALIDATION');
    await manager.refuses('clinic.update', { name: '' }, 'VALIDATION');
    await manager.refuses('clinic.update', { hours: { '1': [{ start: '9:00', end: '17:00' }] } }, 'VALIDATION');
    await manager.refuses('clinic.update', { hours: { '1': [{ start: '12:00', end: '12:00' }] } }, 'VALIDATION');
    await manager.refuses('clinic.update', { hours: { '1': [{ start: '08:00', end: '24:00' }] } }, 'VALIDATION');
    for (const role of ['front_desk', 'physician', 'nurse'] as const)
      await (await clinic.as(role)).refuses('clinic.update', { name: 'Mine now' }, 'FORBIDDEN');
  });
});

describe('providers.save', () => {
  it('adds a provider with defaults, then changes it', async () => {
    const admin = await clinic.as('admin');
    const added = await admin.ok('providers.save', { displayName: 'Dr. Robin Vale', weeklyHours: HOURS });
    expect(added).toMatchObject({
      displayName: 'Dr. Robin Vale',
      colour: '#2563eb',
      active: true,
      breaks: [],
      credentials: null,
      weeklyHours: HOURS,
    });
    const changed = await admin.ok('providers.save', {
      id: added.id,
      displayName: 'Dr. Robin Vale-Ortiz',
      credentials: 'DO',
      colour: '#123abc',
      weeklyHours: HOURS,
      breaks: [{ weekday: 2, start: '11:00', end: '11:15', label: 'Huddle' }],
      active: false,
    });
    expect(changed).toMatchObject({ id: added.id, displayName: 'Dr. Robin Vale-Ortiz', credentials: 'DO', active: false });
    const listed = (await admin.ok('reference.get', {})).providers.find((p) => p.id === added.id);
    expect(listed).toEqual(changed);
  });

  it('refuses malformed providers, unknown ids and roles without settings.manage', async () => {
    const manager = await clinic.as('manager');
    const base = { displayName: 'Dr. Kit Reyes', weeklyHours: HOURS };
    await manager.refuses('providers.save', { ...base, displayName: '  ' }, 'VALIDATION');
    await manager.refuses('providers.save', { weeklyHours: HOURS }, 'VALIDATION');
    await manager.refuses('providers.save', { ...base, colour: 'blue' }, 'VALIDATION');
    await manager.refuses('providers.save', { ...base, weeklyHours: undefined }, 'VALIDATION');
    await manager.refuses('providers.save', { ...base, weeklyHours: { '1': [{ start: '17:00', end: '09:00' }] } }, 'VALIDATION');
    await manager.refuses(
      'providers.save',
      { ...base, breaks: [{ weekday: 8, start: '12:00', end: '13:00', label: 'Lunch' }] },
      'VALIDATION',
    );
    await manager.refuses('providers.save', { ...base, active: 'no' }, 'VALIDATION');
    await manager.refuses('providers.save', { ...base, id: 'no-such-provider' }, 'NOT_FOUND');
    await (await clinic.as('physician')).refuses('providers.save', base, 'FORBIDDEN');
  });
});

describe('rooms.save', () => {
  it('adds and renames a room', async () => {
    const manager = await clinic.as('manager');
    const room = await manager.ok('rooms.save', { name: 'Procedure room' });
    expect(room).toMatchObject({ name: 'Procedure room', active: true, locationId: null });
    const renamed = await manager.ok('rooms.save', { id: room.id, name: 'Procedure 1', active: false });
    expect(renamed).toEqual({ ...room, name: 'Procedure 1', active: false });
    expect(clinic.query('SELECT name, active FROM rooms WHERE id = ?', room.id)).toEqual([{ name: 'Procedure 1', active: 0 }]);
  });

  it('refuses malformed rooms, unknown ids and roles without settings.manage', async () => {
    const manager = await clinic.as('manager');
    await manager.refuses('rooms.save', { name: '' }, 'VALIDATION');
    await manager.refuses('rooms.save', {}, 'VALIDATION');
    await manager.refuses('rooms.save', { name: 'x'.repeat(61) }, 'VALIDATION');
    await manager.refuses('rooms.save', { id: 'no-such-room', name: 'Exam 9' }, 'NOT_FOUND');
    await (await clinic.as('nurse')).refuses('rooms.save', { name: 'Exam 9' }, 'FORBIDDEN');
  });
});

describe('appointmentTypes.save', () => {
  it('adds and changes an appointment type', async () => {
    const manager = await clinic.as('manager');
    const type = await manager.ok('appointmentTypes.save', { name: 'Vaccination', durationMinutes: 10, colour: '#00aa00' });
    expect(type).toMatchObject({ name: 'Vaccination', durationMinutes: 10, active: true });
    const changed = await manager.ok('appointmentTypes.save', {
      id: type.id,
      name: 'Vaccination',
      durationMinutes: 15,
      colour: '#00aa00',
      active: false,
    });
    expect(changed.durationMinutes).toBe(15);
    expect((await manager.ok('reference.get', {})).appointmentTypes.find((t) => t.id === type.id)).toEqual(changed);
  });

  it('refuses durations out of range, unknown ids and roles without settings.manage', async () => {
    const manager = await clinic.as('manager');
    const base = { name: 'Consult', durationMinutes: 30, colour: '#abcdef' };
    await manager.refuses('appointmentTypes.save', { ...base, durationMinutes: 4 }, 'VALIDATION');
    await manager.refuses('appointmentTypes.save', { ...base, durationMinutes: 481 }, 'VALIDATION');
    await manager.refuses('appointmentTypes.save', { ...base, durationMinutes: 12.5 }, 'VALIDATION');
    await manager.refuses('appointmentTypes.save', { ...base, colour: undefined }, 'VALIDATION');
    await manager.refuses('appointmentTypes.save', { ...base, name: '' }, 'VALIDATION');
    await manager.refuses('appointmentTypes.save', { ...base, id: 'no-such-type' }, 'NOT_FOUND');
    await (await clinic.as('front_desk')).refuses('appointmentTypes.save', base, 'FORBIDDEN');
  });
});

describe('sync.status', () => {
  it('reports local mode and the number of ops not yet pushed', async () => {
    const nurse = await clinic.as('nurse');
    const pending = () => clinic.query<{ n: number }>('SELECT count(*) AS n FROM sync_outbox WHERE pushed_at IS NULL')[0]?.n;
    const manager = await clinic.as('manager');
    const before = await nurse.ok('sync.status', {});
    expect(before).toMatchObject({ mode: 'local', pendingOps: pending(), lastSyncAt: null, lastError: null, target: null, alarms: [] });
    await manager.ok('rooms.save', { name: 'Triage' });
    const after = await nurse.ok('sync.status', {});
    // The room, and the audit row of saving it.
    expect(after.pendingOps).toBe(before.pendingOps + 2);
    expect(after.pendingOps).toBe(pending());
    await clinic.anonymous.refuses('sync.status', {}, 'UNAUTHENTICATED');
    await nurse.refuses('sync.status', { force: true }, 'VALIDATION');
  });
});
