/**
 * Contract: the ledger — an insurer's payment and contractual adjustment, the
 * patient's share moved to them and paid at the desk (the rest on account), a
 * refund of the credit, reversals, the lock date, and A/R aging. Balances are
 * always the sum of the rows; the rows themselves never change.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';
import { codedEncounter } from '../support/billing';

let clinic: Clinic;
let patient: Output<'patients.create'>;
let visit: Output<'charges.save'>;
let draw: Output<'charges.save'>;

const ledgerSum = () => clinic.query<{ s: number }>('SELECT coalesce(sum(amount_cents), 0) AS s FROM ledger_entries')[0]?.s;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 7070 });
  patient = await clinic.addPatient({
    insurance: [{ rank: 1, payerName: 'Acme Health', memberId: 'ACM-0002', subscriberRelationship: 'self' }],
  });
  const { encounterId } = await codedEncounter(clinic, patient.id, true);
  const doc = await clinic.as('physician');
  visit = await doc.ok('charges.save', { encounterId, code: '99214', units: 1 });
  draw = await doc.ok('charges.save', { encounterId, code: '36415', units: 1 });
  await (await clinic.as('front_desk')).ok('charges.post', { encounterId });
});
afterAll(() => clinic.close());

describe('postings and balances', () => {
  it('follows a claim from the insurer’s payment to the patient’s share, and keeps every balance equal to its ledger', async () => {
    const desk = await clinic.as('front_desk');
    const manager = await clinic.as('manager');
    // 99214 is 165.00 and 36415 is 15.00 on the shipped schedule: 180.00 billed to Acme.
    let account = await desk.ok('billing.account', { patientId: patient.id });
    expect(account).toMatchObject({ balanceCents: 18000, insuranceDueCents: 18000, patientDueCents: 0, unappliedCents: 0 });

    const eob = await desk.ok('payments.post', {
      patientId: patient.id,
      amountCents: 9000,
      method: 'insurance',
      payer: 'Acme Health',
      reference: 'TRN-55120',
      allocations: [{ chargeId: visit.id, amountCents: 9000 }],
    });
    expect(eob).toMatchObject({ appliedCents: 9000, unappliedCents: 0 });
    const tooMuch = await desk.refuses(
      'payments.post',
      {
        patientId: patient.id,
        amountCents: 9000,
        method: 'insurance',
        payer: 'Acme Health',
        allocations: [{ chargeId: visit.id, amountCents: 8000 }],
      },
      'VALIDATION',
    );
    expect(tooMuch.message).toMatch(/\$80.00 is more than Acme Health owes on the 99214 charge \(\$75.00\)/);
    await desk.refuses(
      'adjustments.post',
      { patientId: patient.id, chargeId: visit.id, amountCents: 5000, reasonCode: 'CO-45', payer: 'Acme Health' },
      'FORBIDDEN',
    );
    await manager.ok('adjustments.post', {
      patientId: patient.id,
      chargeId: visit.id,
      amountCents: 5000,
      reasonCode: 'CO-45',
      payer: 'Acme Health',
    });
    // Coinsurance is the patient's to pay: it moves to them, it is not forgiven.
    await manager.ok('adjustments.post', {
      patientId: patient.id,
      chargeId: visit.id,
      amountCents: 2500,
      reasonCode: 'PR-2',
      payer: 'Acme Health',
    });
    await desk.refuses(
      'balances.transfer',
      { patientId: patient.id, chargeId: draw.id, amountCents: 1600, fromPayer: 'Acme Health' },
      'VALIDATION',
    );
    await desk.refuses(
      'balances.transfer',
      { patientId: patient.id, chargeId: draw.id, amountCents: 100, fromPayer: 'Acme Health', toPayer: 'Acme Health' },
      'VALIDATION',
    );
    // A balance moves only to the patient or one of their insurers: never to a made-up payer, off everyone's books.
    const madeUp = await desk.refuses(
      'balances.transfer',
      { patientId: patient.id, chargeId: draw.id, amountCents: 100, fromPayer: 'Acme Health', toPayer: 'Nobody Mutual' },
      'VALIDATION',
    );
    expect(madeUp.message).toMatch(/Nobody Mutual is not one of this patient's insurers/);
    await desk.ok('balances.transfer', { patientId: patient.id, chargeId: draw.id, amountCents: 1500, fromPayer: 'Acme Health' });
    account = await desk.ok('billing.account', { patientId: patient.id });
    expect(account).toMatchObject({ balanceCents: 4000, insuranceDueCents: 0, patientDueCents: 4000 });

    // At the desk the patient pays 50.00 without saying for what: the oldest charges first, 10.00 left on account.
    const cash = await desk.ok('payments.post', { patientId: patient.id, amountCents: 5000, method: 'cash' });
    expect(cash).toMatchObject({ appliedCents: 4000, unappliedCents: 1000 });
    account = await desk.ok('billing.account', { patientId: patient.id });
    expect(account).toMatchObject({ balanceCents: -1000, patientDueCents: 0, unappliedCents: 1000 });
    expect(account.charges.map((c) => c.balanceCents)).toEqual([0, 0]);
    expect(account.entries[0]?.runningCents).toBe(-1000);
    expect(ledgerSum()).toBe(account.balanceCents);

    const over = await manager.refuses('refunds.post', { patientId: patient.id, amountCents: 1500, method: 'cash' }, 'VALIDATION');
    expect(over.message).toMatch(/the patient has \$10.00 of credit/);
    // The insurer has no credit here: nothing of theirs to pay back.
    await manager.refuses('refunds.post', { patientId: patient.id, amountCents: 500, method: 'eft', payer: 'Acme Health' }, 'VALIDATION');
    await manager.ok('refunds.post', { patientId: patient.id, amountCents: 1000, method: 'cheque', reference: 'CHQ 1001' });
    expect((await desk.ok('billing.account', { patientId: patient.id })).balanceCents).toBe(0);
    expect(ledgerSum()).toBe(0);

    // An insurer's overpayment is paid back to the insurer, and the patient owes nothing for it.
    await desk.ok('payments.post', { patientId: patient.id, amountCents: 2000, method: 'insurance', payer: 'Acme Health' });
    await manager.ok('refunds.post', { patientId: patient.id, amountCents: 2000, method: 'eft', payer: 'Acme Health' });
    expect(await desk.ok('billing.account', { patientId: patient.id })).toMatchObject({
      balanceCents: 0,
      patientDueCents: 0,
      unappliedCents: 0,
    });
  });

  it('reverses a posting with opposite rows, once, and voids a charge only when nothing is applied to it', async () => {
    const manager = await clinic.as('manager');
    const account = await manager.ok('billing.account', { patientId: patient.id });
    const cash = account.entries.find((e) => e.kind === 'payment' && e.method === 'cash');
    const voidVisit = await manager.refuses(
      'ledger.reverse',
      { groupId: account.entries.find((e) => e.kind === 'charge' && e.chargeId === visit.id)?.groupId ?? '', reason: 'Wrong code' },
      'CONFLICT',
    );
    expect(voidVisit.message).toMatch(/Reverse them first/);
    await (await clinic.as('front_desk')).refuses('ledger.reverse', { groupId: cash?.groupId ?? '', reason: 'Keyed twice' }, 'FORBIDDEN');
    const reversal = await manager.ok('ledger.reverse', { groupId: cash?.groupId ?? '', reason: 'Keyed twice' });
    // Its three rows: 25.00 and 15.00 applied to the two charges, 10.00 on account.
    expect(reversal.reversed).toBe(3);
    await manager.refuses('ledger.reverse', { groupId: cash?.groupId ?? '', reason: 'Again' }, 'CONFLICT');
    await manager.refuses('ledger.reverse', { groupId: reversal.groupId, reason: 'Undo the undo' }, 'VALIDATION');
    const after = await manager.ok('billing.account', { patientId: patient.id });
    expect(after).toMatchObject({ balanceCents: 5000, patientDueCents: 4000, unappliedCents: -1000 });
    expect(
      after.entries
        .filter((e) => e.reversed)
        .map((e) => e.amountCents)
        .sort(),
    ).toEqual([-1000, -1500, -2500]);
    expect(ledgerSum()).toBe(5000);

    // A fresh charge with nothing applied can be voided; its balance goes with it.
    const other = await clinic.addPatient();
    const { encounterId } = await codedEncounter(clinic, other.id, true);
    await (await clinic.as('physician')).ok('charges.save', { encounterId, code: '99212', units: 1 });
    await manager.ok('charges.post', { encounterId });
    const posted = await manager.ok('billing.account', { patientId: other.id });
    await manager.ok('ledger.reverse', { groupId: posted.entries[0]?.groupId ?? '', reason: 'Visit was not billable' });
    const voided = await manager.ok('billing.account', { patientId: other.id });
    expect(voided.balanceCents).toBe(0);
    expect(voided.charges.map((c) => c.status)).toEqual(['voided']);
  });

  it('never lets a ledger row change, even from SQL', () => {
    const sqlite = new Database(join(clinic.dataDir, 'outpost.db'));
    try {
      expect(() => sqlite.prepare('UPDATE ledger_entries SET amount_cents = 1').run()).toThrow(/cannot be changed; post a reversal/);
      expect(() => sqlite.prepare('DELETE FROM ledger_entries').run()).toThrow(/cannot be deleted/);
    } finally {
      sqlite.close();
    }
  });
});

describe('lock date and aging', () => {
  it('refuses postings dated before the lock date and in the future, and changes nothing', async () => {
    const manager = await clinic.as('manager');
    const desk = await clinic.as('front_desk');
    expect(await desk.ok('billing.lockDate', {})).toEqual({ lockDate: null, setByName: null });
    const nurse = await clinic.as('nurse');
    await nurse.refuses('billing.lockDate', {}, 'FORBIDDEN');
    await nurse.refuses('billing.account', { patientId: patient.id }, 'FORBIDDEN');
    await desk.refuses('billing.account', { patientId: 'no-such-patient' }, 'NOT_FOUND');
    const nextYear = `${new Date().getFullYear() + 1}-06-01`;
    await manager.refuses('billing.setLockDate', { lockDate: nextYear }, 'VALIDATION');
    await desk.refuses('billing.setLockDate', { lockDate: '2026-01-01' }, 'FORBIDDEN');
    const lock = await manager.ok('billing.setLockDate', { lockDate: '2026-01-01' });
    expect(lock).toMatchObject({ lockDate: '2026-01-01' });
    const before = clinic.snapshot();
    const closed = await desk.refuses(
      'payments.post',
      { patientId: patient.id, amountCents: 100, method: 'cash', postedOn: '2025-12-31' },
      'LOCKED',
    );
    expect(closed.message).toMatch(/closed before 2026-01-01/);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await desk.refuses('payments.post', { patientId: patient.id, amountCents: 100, method: 'cash', postedOn: tomorrow }, 'VALIDATION');
    expect(clinic.snapshot()).toEqual(before);
  });

  it('ages what is owed by payer and by patient, and its totals match the ledger', async () => {
    const manager = await clinic.as('manager');
    await (await clinic.as('front_desk')).refuses('reports.arAging', {}, 'FORBIDDEN');
    const byPayer = await manager.ok('reports.arAging', { by: 'payer' });
    const byPatient = await manager.ok('reports.arAging', { by: 'patient' });
    expect(byPayer.totals.total).toBe(ledgerSum());
    expect(byPatient.totals).toEqual(byPayer.totals);
    expect(byPayer.totals.current).toBe(byPayer.totals.total);
    expect(byPatient.rows.map((r) => r.label)).toContain(`${patient.familyName}, ${patient.givenName} (${patient.mrn})`);
    // Ninety-one days on, the same charges are over 90 days old; a day before anything was posted, nothing is owed.
    const later = new Date(Date.now() + 91 * 86_400_000).toISOString().slice(0, 10);
    const aged = await manager.ok('reports.arAging', { by: 'payer', asOf: later });
    expect(aged.totals.over90 + aged.totals.current).toBe(aged.totals.total);
    expect(aged.totals.over90).toBeGreaterThan(0);
    expect((await manager.ok('reports.arAging', { asOf: '2020-01-01' })).totals.total).toBe(0);
  });
});
