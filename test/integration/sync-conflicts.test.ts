/**
 * Clashes only offline work can make — the same slot booked on two
 * workstations, the same patient or login registered twice — are kept (no
 * write is lost), found after the merge, raised once (the same conflict row
 * on every workstation), shown in the inbox and resolved by a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editable, PASSWORD, STAFF } from '../support/clinic';
import type { Caller, TestCore } from '../support/core';
import { makeSyncedClinic, setPaused, syncEach, type SyncedClinic } from '../support/sync';
import { at, upcoming } from '../support/time';

let clinic: SyncedClinic;
let b: TestCore;
let deskA: Caller;
let deskB: Caller;
let managerA: Caller;
let managerB: Caller;

const syncBoth = () => syncEach([managerA, managerB]);
const offline = (paused: boolean) => setPaused([managerA, managerB], paused);

beforeAll(async () => {
  clinic = await makeSyncedClinic({ seed: 88 });
  b = await clinic.join();
  deskA = await clinic.a.as('front_desk');
  managerA = await clinic.a.as('manager');
  deskB = await b.login(STAFF.front_desk.username, PASSWORD);
  managerB = await b.login(STAFF.manager.username, PASSWORD);
});
afterAll(() => clinic.close());

describe('the same slot booked on two offline workstations', () => {
  it('keeps both appointments, raises one conflict on both, and is resolved once the desk moves one', async () => {
    const first = await clinic.a.addPatient({ givenName: 'Ines', familyName: 'Carvalho' });
    const second = await clinic.a.addPatient({ givenName: 'Rui', familyName: 'Matos' });
    await syncBoth();
    await offline(true);
    const day = upcoming(3);
    const slot = {
      providerId: clinic.a.providers.lane,
      typeId: clinic.a.types.followUp,
      startAt: at(day, '11:00'),
      endAt: at(day, '11:20'),
    };
    const [onA] = await deskA.ok('appointments.book', { ...slot, patientId: first.id });
    const [onB] = await deskB.ok('appointments.book', { ...slot, patientId: second.id });
    if (!onA || !onB) throw new Error('bookings missing');
    await offline(false);
    await syncBoth();

    const listA = (await deskA.ok('conflicts.list', {})).conflicts;
    const listB = (await deskB.ok('conflicts.list', {})).conflicts;
    expect(listA).toHaveLength(1);
    expect(listB.map((c) => c.id)).toEqual(listA.map((c) => c.id));
    const [conflict] = listA;
    expect(conflict).toMatchObject({ kind: 'double_booking_provider', current: true, resourceName: 'Dr. Avery Lane', resolvedAt: null });
    expect(conflict?.appointments.map((a) => a.id).sort()).toEqual([onA.id, onB.id].sort());
    expect(conflict?.appointments.every((a) => a.overbooked)).toBe(true);
    expect((await deskA.ok('sync.status', {})).openConflicts).toBe(1);
    expect(clinic.a.query('SELECT count(*) AS n FROM conflicts')).toEqual([{ n: 1 }]);

    // "Rebooked" is refused while they still overlap; moving one makes it true.
    const refusal = await deskB.refuses('conflicts.resolve', { id: conflict?.id, resolution: 'rebooked' }, 'VALIDATION');
    expect(refusal.message).toMatch(/still overlap/);
    await deskB.ok('appointments.update', { id: onB.id, startAt: at(day, '11:20'), endAt: at(day, '11:40') });
    const resolved = await deskB.ok('conflicts.resolve', { id: conflict?.id ?? '', resolution: 'rebooked', note: 'Moved Mr Matos' });
    expect(resolved).toMatchObject({ current: false, resolution: 'rebooked', resolvedByName: STAFF.front_desk.displayName });
    await syncBoth();
    expect((await deskA.ok('conflicts.list', {})).conflicts).toEqual([]);
    const history = (await deskA.ok('conflicts.list', { includeResolved: true })).conflicts;
    expect(history.map((c) => [c.id, c.resolution, c.note])).toEqual([[conflict?.id, 'rebooked', 'Moved Mr Matos']]);
    expect((await deskA.ok('sync.status', {})).openConflicts).toBe(0);

    // Offline again, each moves its appointment to the same new time: "rebooked" no longer holds, so it is back.
    await offline(true);
    await deskA.ok('appointments.update', { id: onA.id, startAt: at(day, '14:00'), endAt: at(day, '14:20') });
    await deskB.ok('appointments.update', { id: onB.id, startAt: at(day, '14:00'), endAt: at(day, '14:20') });
    await offline(false);
    await syncBoth();
    const reopened = (await deskA.ok('conflicts.list', {})).conflicts;
    expect(reopened.map((c) => [c.id, c.resolvedAt, c.current])).toEqual([[conflict?.id, null, true]]);
  });
});

describe('the same patient registered on two offline workstations', () => {
  it('keeps both records and raises one duplicate conflict', async () => {
    await offline(true);
    const person = { givenName: 'Amara', familyName: 'Okafor', sex: 'female' as const, dateOfBirth: '1984-03-09' };
    const onA = await deskA.ok('patients.create', { ...person, phoneMobile: '(312) 555-0101' });
    const onB = await deskB.ok('patients.create', { ...person, givenName: 'AMARA', phoneMobile: '(312) 555-0199' });
    await offline(false);
    await syncBoth();
    const found = (await deskB.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'duplicate_patient');
    expect(found).toHaveLength(1);
    expect(found[0]?.patients.map((p) => p.id).sort()).toEqual([onA.id, onB.id].sort());
    await deskB.refuses('conflicts.resolve', { id: found[0]?.id, resolution: 'kept_both' }, 'VALIDATION');
    await deskB.ok('conflicts.resolve', { id: found[0]?.id ?? '', resolution: 'different_people' });
    await deskB.refuses('conflicts.resolve', { id: found[0]?.id, resolution: 'different_people' }, 'CONFLICT');
  });

  it('does not raise one for duplicates a single workstation registered knowingly', async () => {
    const person = { givenName: 'Twin', familyName: 'Example', sex: 'male' as const, dateOfBirth: '2001-01-01', phoneMobile: null };
    await deskA.ok('patients.create', person);
    await deskA.ok('patients.create', { ...person, acknowledgeDuplicates: true });
    await syncBoth();
    const duplicates = (await deskB.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'duplicate_patient');
    expect(duplicates).toEqual([]);
  });
});

describe('the same login created on two offline workstations', () => {
  it('keeps both accounts and raises one conflict, resolved once one is renamed', async () => {
    const adminA = await clinic.a.as('admin');
    const adminB = await b.login('ada.admin', PASSWORD);
    await offline(true);
    const user = {
      username: 'sam.locum',
      displayName: 'Sam Locum',
      role: 'physician' as const,
      password: PASSWORD,
      requirePasswordChange: false,
    };
    await adminA.ok('users.create', user);
    const onB = await adminB.ok('users.create', { ...user, displayName: 'Samira Locum' });
    await offline(false);
    await syncBoth();
    const [conflict] = (await managerA.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'duplicate_login');
    expect(conflict?.users.map((u) => u.displayName).sort()).toEqual(['Sam Locum', 'Samira Locum']);
    await managerA.refuses('conflicts.resolve', { id: conflict?.id, resolution: 'renamed' }, 'VALIDATION');
    await adminB.ok('users.update', { id: onB.id, disabled: true });
    await adminB.ok('users.create', { ...user, username: 'samira.locum', displayName: 'Samira Locum' });
    await syncBoth();
    expect(await managerA.ok('conflicts.resolve', { id: conflict?.id ?? '', resolution: 'renamed' })).toMatchObject({ current: false });
  });
});

describe('a record deleted on one workstation and edited on another', () => {
  it('raises one conflict instead of letting the edit vanish, and "restored" brings the record back with the edit', async () => {
    const patient = await clinic.a.addPatient({ insurance: [{ rank: 1, payerName: 'Prairie Health', memberId: 'PH-100' }] });
    await syncBoth();
    const onB = await deskB.ok('patients.get', { id: patient.id });
    await offline(true);
    await deskA.ok('patients.update', { ...editable(patient), insurance: [] });
    const [policy] = editable(onB).insurance ?? [];
    if (!policy) throw new Error('policy missing');
    await deskB.ok('patients.update', { ...editable(onB), insurance: [{ ...policy, memberId: 'PH-100-CORRECTED' }] });
    await offline(false);
    await syncBoth();

    const found = (await deskA.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'edit_after_delete');
    expect(found).toHaveLength(1);
    expect((await deskB.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'edit_after_delete').map((c) => c.id)).toEqual(
      found.map((c) => c.id),
    );
    expect(found[0]).toMatchObject({ current: true, detail: 'Insurance policy Prairie Health, member PH-100-CORRECTED' });
    expect(found[0]?.patients.map((p) => p.id)).toEqual([patient.id]);
    // Deleted on both, for now: the edit is kept but hidden.
    expect((await deskB.ok('patients.get', { id: patient.id })).insurance).toEqual([]);

    await deskA.refuses('conflicts.resolve', { id: found[0]?.id, resolution: 'kept_both' }, 'VALIDATION');
    const resolved = await deskA.ok('conflicts.resolve', { id: found[0]?.id ?? '', resolution: 'restored' });
    expect(resolved).toMatchObject({ resolution: 'restored', current: false });
    await syncBoth();
    expect((await deskB.ok('patients.get', { id: patient.id })).insurance.map((p) => p.memberId)).toEqual(['PH-100-CORRECTED']);
  });
});

describe('who may see and resolve conflicts', () => {
  it('refuses unknown ids and malformed input', async () => {
    await deskA.refuses('conflicts.resolve', { id: 'conflict-nope', resolution: 'kept_both' }, 'NOT_FOUND');
    await deskA.refuses('conflicts.resolve', { id: 'conflict-nope', resolution: 'ignored' }, 'VALIDATION');
    await deskA.refuses('conflicts.list', { includeResolved: 'yes' }, 'VALIDATION');
  });
});
