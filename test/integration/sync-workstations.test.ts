/**
 * Two and three workstations of one clinic reconcile through a sync folder:
 * joining by passphrase, every write arriving, per-column merges, the same
 * winner everywhere, idempotent re-application, and a cut-off workstation
 * catching up. Real cores, real SQLite files, a real folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editable, PASSWORD, STAFF } from '../support/clinic';
import { openStore, type TestCore } from '../support/core';
import { makeSyncedClinic, type SyncedClinic } from '../support/sync';
import { at, upcoming } from '../support/time';

let clinic: SyncedClinic;
let b: TestCore;

/** The synced tables' rows, without local bookkeeping: what must be equal on every workstation. */
function clinicData(core: { query: TestCore['query'] }) {
  const tables = ['clinic_settings', 'users', 'providers', 'rooms', 'appointment_types', 'patients', 'insurance_policies', 'appointments'];
  return Object.fromEntries(tables.map((table) => [table, core.query(`SELECT * FROM ${table} ORDER BY id`)]));
}

async function syncAll(...cores: TestCore[]) {
  const callers = await Promise.all(cores.map((core) => core.login('ada.admin', PASSWORD)));
  // Twice round: what the last one pushed reaches the first.
  for (let pass = 0; pass < 2; pass += 1) for (const caller of callers) await caller.ok('sync.now', {});
}

beforeAll(async () => {
  clinic = await makeSyncedClinic({ seed: 71 });
  b = await clinic.join();
});
afterAll(() => clinic.close());

describe('joining', () => {
  it('a new workstation joins by passphrase and gets the whole clinic, logins included', async () => {
    expect(clinicData(b)).toEqual(clinicData(clinic.a));
    const admin = await b.login('ada.admin', PASSWORD);
    const status = await admin.ok('sync.status', {});
    expect(status).toMatchObject({ mode: 'online', lastError: null, alarms: [], quarantinedOps: 0 });
    // Nothing of the clinic is left to send: only the audit rows of the join and of this sign-in.
    const pending = (where: string) =>
      b.query<{ n: number }>(`SELECT count(*) AS n FROM sync_outbox WHERE pushed_at IS NULL ${where}`)[0]?.n;
    expect(status.pendingOps).toBe(pending(''));
    expect(pending("AND table_name <> 'audit_events'")).toBe(0);
    expect(status.target).toContain('folder');
  });
});

describe('writes on either side arrive on the other', () => {
  it('a patient registered on A and a booking made on B for them', async () => {
    const patient = await clinic.a.addPatient({ givenName: 'Sunniva', familyName: 'Halvorsen' });
    await syncAll(clinic.a, b);
    const desk = await b.login(STAFF.front_desk.username, PASSWORD);
    expect((await desk.ok('patients.get', { id: patient.id })).familyName).toBe('Halvorsen');
    const day = upcoming(2);
    const [booked] = await desk.ok('appointments.book', {
      patientId: patient.id,
      providerId: clinic.a.providers.lane,
      typeId: clinic.a.types.followUp,
      startAt: at(day, '10:00'),
      endAt: at(day, '10:20'),
    });
    if (!booked) throw new Error('no booking');
    await syncAll(b, clinic.a);
    const onA = await (await clinic.a.as('front_desk')).ok('appointments.get', { id: booked.id });
    expect(onA).toMatchObject({ patientId: patient.id, status: 'booked' });
    // The panel's history: B's round sent the booking, A's round received it.
    expect((await desk.ok('sync.status', {})).history.some((round) => round.outcome === 'ok' && round.sent >= 1)).toBe(true);
    const historyA = (await (await clinic.a.as('front_desk')).ok('sync.status', {})).history;
    expect(historyA.some((round) => round.outcome === 'ok' && round.received >= 1)).toBe(true);
    expect(clinicData(b)).toEqual(clinicData(clinic.a));
  });

  it('offline edits to different fields of one patient are both kept; the same field ends the same everywhere', async () => {
    const patient = await clinic.a.addPatient({ givenName: 'Tomasz', familyName: 'Wrona' });
    await syncAll(clinic.a, b);
    const onB = await b.login('ada.admin', PASSWORD);
    // Both offline: A fixes the city, B the email; both change the notes.
    await (await clinic.a.as('front_desk')).ok('patients.update', { ...editable(patient), city: 'Evanston', notes: 'from A' });
    await onB.ok('patients.update', { ...editable(patient), email: 'tw@example.test', notes: 'from B' });
    await syncAll(clinic.a, b);
    const merged = await onB.ok('patients.get', { id: patient.id });
    expect(merged).toMatchObject({ city: 'Evanston', email: 'tw@example.test' });
    expect(['from A', 'from B']).toContain(merged.notes);
    expect(clinicData(b)).toEqual(clinicData(clinic.a));
  });
});

describe('delivery', () => {
  it('applying everything again changes nothing (ops are idempotent)', async () => {
    const before = clinicData(b);
    const opened = openStore(b.dataDir);
    opened.store.sqlite.prepare('UPDATE sync_devices SET applied_seq = 0, applied_hash = NULL, head_etag = NULL').run();
    opened.close();
    await syncAll(b);
    expect(b.query<{ n: number }>('SELECT min(applied_seq) AS n FROM sync_devices')[0]?.n).toBeGreaterThan(0);
    expect(clinicData(b)).toEqual(before);
  });

  it('a third workstation joining late converges with the other two', async () => {
    const c = await clinic.join();
    await syncAll(clinic.a, b, c);
    expect(clinicData(c)).toEqual(clinicData(clinic.a));
    expect(clinicData(b)).toEqual(clinicData(clinic.a));
  });

  it('a workstation cut off from the cloud keeps working and catches up when reconnected', async () => {
    const manager = await clinic.a.as('manager');
    await manager.ok('sync.setPaused', { paused: true });
    const patient = await clinic.a.addPatient({ givenName: 'Oona', familyName: 'Virtanen' });
    await syncAll(clinic.a, b);
    const paused = await manager.ok('sync.status', {});
    expect(paused).toMatchObject({ mode: 'offline', paused: true });
    expect(paused.pendingOps).toBeGreaterThan(0);
    expect(paused.offlineSince).not.toBeNull();
    expect(b.query('SELECT id FROM patients WHERE id = ?', patient.id)).toEqual([]);
    await manager.ok('sync.setPaused', { paused: false });
    await syncAll(clinic.a, b);
    expect(b.query('SELECT id FROM patients WHERE id = ?', patient.id)).toEqual([{ id: patient.id }]);
    expect((await manager.ok('sync.status', {})).pendingOps).toBe(0);
  });
});
