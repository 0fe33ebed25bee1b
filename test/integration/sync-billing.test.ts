/**
 * The ledger across offline workstations: a payment made on a workstation
 * that had not heard of the lock date arrives dated inside the closed period —
 * kept as dated, flagged once for the manager; the same encounter posted on
 * two workstations before they synced — both rows kept, counted once, flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { PASSWORD, STAFF } from '../support/clinic';
import type { Caller, TestCore } from '../support/core';
import { codedEncounter } from '../support/billing';
import { makeSyncedClinic, setPaused, syncEach, type SyncedClinic } from '../support/sync';
import { CLINIC_ZONE } from '../support/time';

let clinic: SyncedClinic;
let b: TestCore;
let managerA: Caller;
let managerB: Caller;
let deskB: Caller;

const syncBoth = () => syncEach([managerA, managerB]);
const offline = (paused: boolean) => setPaused([managerA, managerB], paused);

const ledgerRows = (core: TestCore) => core.query('SELECT id, kind, amount_cents, posted_on, group_id FROM ledger_entries ORDER BY id');
const flags = (core: TestCore, kind: string) => core.query<{ id: string }>('SELECT id FROM conflicts WHERE kind = ?', kind);

beforeAll(async () => {
  clinic = await makeSyncedClinic({ seed: 5150 });
  b = await clinic.join();
  managerA = await clinic.a.as('manager');
  managerB = await b.login(STAFF.manager.username, PASSWORD);
  deskB = await b.login(STAFF.front_desk.username, PASSWORD);
});
afterAll(() => clinic.close());

describe('a posting dated before a lock date set elsewhere meanwhile', () => {
  it('is kept as dated and flagged once, on both workstations, for a manager only', async () => {
    const yesterday = DateTime.now().setZone(CLINIC_ZONE).minus({ days: 1 }).toISODate() ?? '';
    const today = DateTime.now().setZone(CLINIC_ZONE).toISODate() ?? '';
    const patient = await clinic.a.addPatient();
    const { encounterId } = await codedEncounter(clinic.a, patient.id, true);
    await (await clinic.a.as('physician')).ok('charges.save', { encounterId, code: '99213', units: 1 });
    await managerA.ok('charges.post', { encounterId, postedOn: yesterday });
    await managerA.ok('payments.post', { patientId: patient.id, amountCents: 2000, method: 'card', postedOn: yesterday });
    await syncBoth();
    await offline(true);

    await deskB.ok('payments.post', { patientId: patient.id, amountCents: 3000, method: 'cash', postedOn: yesterday });
    await managerA.ok('billing.setLockDate', { lockDate: today });
    await offline(false);
    await syncBoth();

    expect(ledgerRows(b)).toEqual(ledgerRows(clinic.a));
    for (const core of [clinic.a, b]) expect(flags(core, 'posting_before_lock')).toHaveLength(1);
    expect(flags(b, 'posting_before_lock')).toEqual(flags(clinic.a, 'posting_before_lock'));
    // The payment still counts, on the date it was given.
    expect((await managerA.ok('billing.account', { patientId: patient.id })).balanceCents).toBe(11000 - 5000);

    const [flag] = (await managerA.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'posting_before_lock');
    expect(flag?.detail).toMatch(new RegExp(`A payment \\(Cash\\) of \\$30.00 dated ${yesterday} arrived .* closed before ${today}`));
    expect(flag?.patients.map((p) => p.id)).toEqual([patient.id]);
    expect((await deskB.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'posting_before_lock')).toEqual([]);
    await deskB.refuses('conflicts.resolve', { id: flag?.id ?? '', resolution: 'reviewed' }, 'FORBIDDEN');
    await managerB.ok('conflicts.resolve', { id: flag?.id ?? '', resolution: 'reviewed', note: 'Cash was in the drawer count.' });
    // A workstation that joins now replays everything: what the books held when they were closed raises nothing new.
    const c = await clinic.join();
    await (await c.login(STAFF.manager.username, PASSWORD)).ok('sync.now', {});
    expect(ledgerRows(c)).toEqual(ledgerRows(clinic.a));
    expect(flags(c, 'posting_before_lock')).toEqual(flags(clinic.a, 'posting_before_lock'));
    // Moving the lock back opens the period again.
    await managerA.ok('billing.setLockDate', { lockDate: yesterday });
    await syncBoth();
  });
});

describe('the same encounter posted on two workstations before they synced', () => {
  it('keeps both postings, counts one, and flags the copy', async () => {
    const patient = await clinic.a.addPatient();
    const { encounterId } = await codedEncounter(clinic.a, patient.id, true);
    await (await clinic.a.as('physician')).ok('charges.save', { encounterId, code: '99214', units: 1 });
    await syncBoth();
    await offline(true);
    await managerA.ok('charges.post', { encounterId });
    await managerB.ok('charges.post', { encounterId });
    await offline(false);
    await syncBoth();

    for (const [core, manager] of [
      [clinic.a, managerA],
      [b, managerB],
    ] as const) {
      const account = await manager.ok('billing.account', { patientId: patient.id });
      expect(account.balanceCents).toBe(16500);
      expect(account.entries.map((e) => [e.kind, e.counted])).toEqual(
        expect.arrayContaining([
          ['charge', true],
          ['charge', false],
        ]),
      );
      expect(flags(core, 'duplicate_posting')).toHaveLength(1);
      const copy = account.entries.find((e) => !e.counted);
      const refused = await manager.refuses('ledger.reverse', { groupId: copy?.groupId ?? '', reason: 'Duplicate' }, 'CONFLICT');
      expect(refused.message).toMatch(/second copy/);
    }
    expect(flags(b, 'duplicate_posting')).toEqual(flags(clinic.a, 'duplicate_posting'));
    const aging = await managerB.ok('reports.arAging', { by: 'patient' });
    expect(aging.rows.find((r) => r.key === patient.id)?.total).toBe(16500);
  });

  it('takes a charge posted on both and voided on both off once, not twice', async () => {
    const patient = await clinic.a.addPatient();
    const { encounterId } = await codedEncounter(clinic.a, patient.id, true);
    await (await clinic.a.as('physician')).ok('charges.save', { encounterId, code: '99213', units: 1 });
    await syncBoth();
    await offline(true);
    for (const manager of [managerA, managerB]) {
      await manager.ok('charges.post', { encounterId });
      const own = (await manager.ok('billing.account', { patientId: patient.id })).entries.find((e) => e.kind === 'charge');
      await manager.ok('ledger.reverse', { groupId: own?.groupId ?? '', reason: 'Posted by mistake' });
    }
    await offline(false);
    await syncBoth();
    for (const [core, manager] of [
      [clinic.a, managerA],
      [b, managerB],
    ] as const) {
      const account = await manager.ok('billing.account', { patientId: patient.id });
      expect(account.balanceCents).toBe(0);
      expect(account.charges.map((c) => [c.status, c.balanceCents])).toEqual([['voided', 0]]);
      expect(core.query('SELECT coalesce(sum(cents), 0) AS s FROM ledger_balances WHERE patient_id = ?', patient.id)).toEqual([{ s: 0 }]);
    }
  });
});
