/**
 * Merging the same person's two records: the duplicate is retired (kept, out
 * of search), its appointments show with the surviving record, the merge
 * syncs to other workstations, can be undone, and two workstations merging
 * the records into each other raise a conflict instead of losing either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, STAFF } from '../support/clinic';
import type { Caller, TestCore } from '../support/core';
import { makeSyncedClinic, type SyncedClinic } from '../support/sync';
import { at, upcoming } from '../support/time';

let clinic: SyncedClinic;
let b: TestCore;
let deskA: Caller;
let deskB: Caller;

async function syncBoth() {
  const managers = [await clinic.a.as('manager'), await b.login(STAFF.manager.username, PASSWORD)];
  for (let pass = 0; pass < 2; pass += 1) for (const manager of managers) await manager.ok('sync.now', {});
}

async function twins(family: string) {
  const person = { givenName: 'Elif', familyName: family, sex: 'female' as const, dateOfBirth: '1991-07-14' };
  const first = await deskA.ok('patients.create', person);
  const second = await deskA.ok('patients.create', { ...person, acknowledgeDuplicates: true });
  return { first, second };
}

beforeAll(async () => {
  clinic = await makeSyncedClinic({ seed: 808 });
  b = await clinic.join();
  deskA = await clinic.a.as('front_desk');
  deskB = await b.login(STAFF.front_desk.username, PASSWORD);
});
afterAll(() => clinic.close());

describe('patients.merge and patients.unmerge', () => {
  it('retires the duplicate into the survivor, moves its appointments there, syncs, and undoes', async () => {
    const { first, second } = await twins('Yildiz');
    const day = upcoming(4);
    const [booked] = await deskA.ok('appointments.book', {
      patientId: second.id,
      providerId: clinic.a.providers.moss,
      typeId: clinic.a.types.followUp,
      startAt: at(day, '09:00'),
      endAt: at(day, '09:20'),
    });
    const survivor = await deskA.ok('patients.merge', { retiredId: second.id, survivingId: first.id });
    expect(survivor.mergedFrom.map((p) => p.mrn)).toEqual([second.mrn]);
    expect((await deskA.ok('appointments.forPatient', { patientId: first.id })).map((a) => a.id)).toEqual([booked?.id]);
    expect((await deskA.ok('patients.search', { query: 'Yildiz' })).map((p) => p.id)).toEqual([first.id]);
    expect(await deskA.ok('patients.get', { id: second.id })).toMatchObject({ mergedInto: first.id });
    // Kept, never deleted.
    expect(clinic.a.query('SELECT deleted_at FROM patients WHERE id = ?', second.id)).toEqual([{ deleted_at: null }]);

    await syncBoth();
    expect((await deskB.ok('patients.search', { query: 'Yildiz' })).map((p) => p.id)).toEqual([first.id]);
    await deskB.ok('patients.unmerge', { id: second.id });
    await syncBoth();
    expect((await deskA.ok('patients.search', { query: 'Yildiz' })).map((p) => p.id).sort()).toEqual([first.id, second.id].sort());
    expect((await deskA.ok('appointments.forPatient', { patientId: first.id })).map((a) => a.id)).toEqual([]);
  });

  it('refuses merging a record into itself, twice, into a retired record, unknown ids and roles without patients.write', async () => {
    const { first, second } = await twins('Aksoy');
    await deskA.refuses('patients.merge', { retiredId: first.id, survivingId: first.id }, 'VALIDATION');
    await deskA.refuses('patients.merge', { retiredId: 'nope', survivingId: first.id }, 'NOT_FOUND');
    await (await clinic.a.as('physician')).refuses('patients.merge', { retiredId: second.id, survivingId: first.id }, 'FORBIDDEN');
    await deskA.ok('patients.merge', { retiredId: second.id, survivingId: first.id });
    await deskA.refuses('patients.merge', { retiredId: second.id, survivingId: first.id }, 'CONFLICT');
    const third = await deskA.ok('patients.create', {
      givenName: 'Elif',
      familyName: 'Aksoy',
      sex: 'female',
      dateOfBirth: '1991-07-14',
      acknowledgeDuplicates: true,
    });
    await deskA.refuses('patients.merge', { retiredId: third.id, survivingId: second.id }, 'CONFLICT');
    await deskA.refuses('patients.unmerge', { id: first.id }, 'CONFLICT');
  });
});

describe('a merge made on two offline workstations in opposite directions', () => {
  it('retires neither record and raises one conflict, settled once a person undoes one merge', async () => {
    const { first, second } = await twins('Demir');
    await syncBoth();
    const pause = async (paused: boolean) => {
      await (await clinic.a.as('manager')).ok('sync.setPaused', { paused });
      await (await b.login(STAFF.manager.username, PASSWORD)).ok('sync.setPaused', { paused });
    };
    await pause(true);
    await deskA.ok('patients.merge', { retiredId: second.id, survivingId: first.id });
    await deskB.ok('patients.merge', { retiredId: first.id, survivingId: second.id });
    await pause(false);
    await syncBoth();
    // Both still findable: neither merge wins silently.
    expect((await deskA.ok('patients.search', { query: 'Demir' })).map((p) => p.id).sort()).toEqual([first.id, second.id].sort());
    const [conflict] = (await deskA.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'opposite_merges');
    expect(conflict?.patients.map((p) => p.id).sort()).toEqual([first.id, second.id].sort());
    expect((await deskB.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'opposite_merges').map((c) => c.id)).toEqual([
      conflict?.id,
    ]);
    expect((await deskA.ok('patients.get', { id: first.id })).mergedInto).toBeNull();
    expect((await deskA.ok('patients.get', { id: second.id })).mergedInto).toBeNull();
    await deskA.refuses('conflicts.resolve', { id: conflict?.id, resolution: 'unmerged' }, 'VALIDATION');
    await deskA.ok('patients.unmerge', { id: first.id });
    expect(await deskA.ok('conflicts.resolve', { id: conflict?.id ?? '', resolution: 'unmerged' })).toMatchObject({ current: false });
    expect(await deskA.ok('patients.get', { id: second.id })).toMatchObject({ mergedInto: first.id });
  });
});
