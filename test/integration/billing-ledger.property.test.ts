/**
 * Ledger invariants, as a property, over two real workstations syncing
 * through a real folder store: random postings of charges, payments
 * (allocated or not, by the insurer or the patient), adjustments, transfers
 * and reversals, made on either workstation, online or offline (the same
 * charge posted, or the same posting reversed, on both before they sync).
 * After everyone has synced:
 *  - both workstations hold exactly the same ledger rows;
 *  - every charge's balance, the account balance and its patient / insurer /
 *    on-account split equal the sums of the rows that count;
 *  - nothing is counted twice: at most one counted posting per charge and one
 *    counted reversal per row, and a counted reversal cancels its row exactly;
 *  - A/R aging by payer and by patient agree with each other and with the ledger;
 *  - no call ever failed with INTERNAL.
 * OUTPOST_PROPERTY_SEED=<seed> replays a run; OUTPOST_PROPERTY_RUNS for more.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, STAFF } from '../support/clinic';
import type { Caller, TestCore } from '../support/core';
import { codedEncounter } from '../support/billing';
import { announceSeed } from '../support/random';
import { makeSyncedClinic, setPaused, syncEach, type SyncedClinic } from '../support/sync';
import { CLINIC_ZONE } from '../support/time';

const RUNS = Number(process.env.OUTPOST_PROPERTY_RUNS ?? 40);
const SEED = Number(process.env.OUTPOST_PROPERTY_SEED ?? 20261123);
const PAYER = 'Acme Health';
const YESTERDAY = DateTime.now().setZone(CLINIC_ZONE).minus({ days: 1 }).toISODate() ?? '';

let clinic: SyncedClinic;
let b: TestCore;
const managers: Caller[] = [];

type Step =
  | { op: 'post'; ws: number }
  | { op: 'pay'; ws: number; insurer: boolean; cents: number; allocate: boolean; pick: number; yesterday: boolean }
  | { op: 'adjust'; ws: number; insurer: boolean; cents: number; pick: number; reason: 'CO-45' | 'PR-2' | 'WO-SMALL' }
  | { op: 'transfer'; ws: number; cents: number; pick: number }
  | { op: 'reverse'; ws: number; pick: number }
  | { op: 'sync' }
  | { op: 'offline'; paused: boolean };

const ws = fc.integer({ min: 0, max: 1 });
const cents = fc.integer({ min: 1, max: 6_000 });
const pick = fc.nat(50);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('post' as const), ws }),
  fc.record({ op: fc.constant('pay' as const), ws, insurer: fc.boolean(), cents, allocate: fc.boolean(), pick, yesterday: fc.boolean() }),
  fc.record({
    op: fc.constant('adjust' as const),
    ws,
    insurer: fc.boolean(),
    cents,
    pick,
    reason: fc.constantFrom('CO-45' as const, 'PR-2' as const, 'WO-SMALL' as const),
  }),
  fc.record({ op: fc.constant('transfer' as const), ws, cents, pick }),
  fc.record({ op: fc.constant('reverse' as const), ws, pick }),
  fc.record({ op: fc.constant('sync' as const) }),
  fc.record({ op: fc.constant('offline' as const), paused: fc.boolean() }),
);

const cores = () => [clinic.a, b] as const;

const syncAll = () => syncEach(managers);
const setOffline = (paused: boolean) => setPaused(managers, paused);

async function run(steps: Step[]) {
  const patient = await clinic.a.addPatient({
    insurance: [{ rank: 1, payerName: PAYER, memberId: 'ACM-PROP', subscriberRelationship: 'self' }],
  });
  const { encounterId } = await codedEncounter(clinic.a, patient.id, true);
  const doc = await clinic.a.as('physician');
  for (const code of ['99213', '36415', '81002']) await doc.ok('charges.save', { encounterId, code, units: 1 });
  await syncAll();
  let offline = false;
  for (const s of steps) {
    if (s.op === 'sync') {
      if (!offline) await syncAll();
      continue;
    }
    if (s.op === 'offline') {
      offline = s.paused;
      await setOffline(s.paused);
      continue;
    }
    const m = managers[s.ws] as Caller;
    const account = await m.ok('billing.account', { patientId: patient.id });
    const posted = account.charges.filter((c) => c.status === 'posted');
    const charge = posted[s.op === 'post' ? 0 : s.pick % Math.max(posted.length, 1)];
    let result;
    if (s.op === 'post') result = await m('charges.post', { encounterId });
    else if (s.op === 'pay') {
      const payer = s.insurer ? PAYER : undefined;
      const allocations =
        s.allocate && charge ? [{ chargeId: charge.id, amountCents: Math.min(s.cents, Math.max(charge.balanceCents, 1)) }] : undefined;
      result = await m('payments.post', {
        postedOn: s.yesterday ? YESTERDAY : undefined,
        patientId: patient.id,
        amountCents: s.cents,
        method: s.insurer ? 'insurance' : 'cash',
        payer,
        allocations,
      });
    } else if (s.op === 'adjust') {
      if (!charge) continue;
      result = await m('adjustments.post', {
        patientId: patient.id,
        chargeId: charge.id,
        amountCents: s.cents,
        reasonCode: s.reason,
        payer: s.insurer ? PAYER : undefined,
      });
    } else if (s.op === 'transfer') {
      if (!charge) continue;
      result = await m('balances.transfer', { patientId: patient.id, chargeId: charge.id, amountCents: s.cents, fromPayer: PAYER });
    } else {
      const groups = [...new Set(account.entries.filter((e) => e.kind !== 'reversal' && e.counted && !e.reversed).map((e) => e.groupId))];
      const groupId = groups[s.pick % Math.max(groups.length, 1)];
      if (!groupId) continue;
      result = await m('ledger.reverse', { groupId, reason: 'Property test' });
    }
    if (!result.ok) expect(['VALIDATION', 'CONFLICT', 'LOCKED']).toContain(result.error.code);
  }
  if (offline) await setOffline(false);
  await syncAll();
  await checkInvariants(patient.id);
}

async function checkInvariants(patientId: string) {
  const rows = (core: TestCore) =>
    core.query('SELECT id, kind, amount_cents, posted_on, charge_id, payer, group_id, reverses_id FROM ledger_entries ORDER BY id');
  expect(rows(b)).toEqual(rows(clinic.a));
  for (const [i, core] of cores().entries()) {
    const m = managers[i] as Caller;
    const sum = (where: string, ...params: unknown[]) =>
      core.query<{ s: number }>(`SELECT coalesce(sum(amount_cents), 0) AS s FROM ledger_counted WHERE ${where}`, ...params)[0]?.s ?? 0;
    const account = await m.ok('billing.account', { patientId });
    expect(account.balanceCents).toBe(sum('patient_id = ?', patientId));
    expect(account.unappliedCents).toBe(0 - sum('patient_id = ? AND charge_id IS NULL', patientId));
    expect(account.patientDueCents + account.insuranceDueCents - account.unappliedCents).toBe(account.balanceCents);
    for (const charge of account.charges) expect(charge.balanceCents).toBe(sum('charge_id = ?', charge.id));
    expect(core.query("SELECT charge_id FROM ledger_counted WHERE kind = 'charge' GROUP BY charge_id HAVING count(*) > 1")).toEqual([]);
    expect(core.query("SELECT reverses_id FROM ledger_counted WHERE kind = 'reversal' GROUP BY reverses_id HAVING count(*) > 1")).toEqual(
      [],
    );
    expect(
      core.query(
        "SELECT r.id FROM ledger_counted r JOIN ledger_entries o ON o.id = r.reverses_id WHERE r.kind = 'reversal' AND r.amount_cents <> -o.amount_cents",
      ),
    ).toEqual([]);
    const byPayer = await m.ok('reports.arAging', { by: 'payer' });
    const byPatient = await m.ok('reports.arAging', { by: 'patient' });
    expect(byPatient.totals).toEqual(byPayer.totals);
    expect(byPayer.totals.total).toBe(sum('1 = 1'));
    // As the books stood at the end of yesterday: the balances then, not today's.
    const before = await m.ok('reports.arAging', { by: 'patient', asOf: YESTERDAY });
    expect(before.totals.total).toBe(sum('posted_on <= ?', YESTERDAY));
  }
}

beforeAll(async () => {
  clinic = await makeSyncedClinic({ seed: 9191 });
  b = await clinic.join();
  managers.push(await clinic.a.as('manager'), await b.login(STAFF.manager.username, PASSWORD));
}, 120_000);
afterAll(() => clinic.close());

describe('the ledger across two workstations', () => {
  it('keeps every balance equal to its ledger and counts nothing twice, for any interleaving', async () => {
    announceSeed('billing-ledger.property', SEED);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 6, maxLength: 22 }), async (steps) => {
        await run(steps);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);
});
