/**
 * The daily close and the money reports over a small ledger posted through
 * the API on three days: every figure is checked against what the test
 * posted, the day sheet's net change against the accounts' balances before
 * and after the day, and the reports against each other (production = the
 * day sheets' charges, collections = their payments) and against
 * billing.account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';
import { addDays, at, pastWeekday, plusMinutes, today } from '../support/time';

let clinic: Clinic;
const patients: Record<'insured' | 'selfPay' | 'late', string> = { insured: '', selfPay: '', late: '' };
const DAY1 = addDays(today(), -2);
const DAY2 = addDays(today(), -1);
const TODAY = today();
/** What the test posted, kept as it posts it. */
const posted = { lane: 0, moss: 0, voided: 0, cash: 0, card: 0, insurance: 0, reversedPayment: 0, adjusted: 0, refunded: 0 };
let balancesBeforeToday = 0;
let slot = 0;

/** A signed visit with `provider`, charged with `codes` and posted on `postedOn`; returns the charges. */
async function visit(patientId: string, provider: 'lane' | 'moss', codes: [string, number][], postedOn: string) {
  const desk = await clinic.as('front_desk');
  const doc = await clinic.as('physician');
  const day = pastWeekday(7);
  slot += 1;
  const start = at(day, `${String(8 + Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 === 0 ? '00' : '30'}`);
  const [appointment] = await desk.ok('appointments.book', {
    patientId,
    providerId: clinic.providers[provider],
    typeId: clinic.types.followUp,
    startAt: start,
    endAt: plusMinutes(start, 20),
  });
  const detail = await doc.ok('encounters.open', { patientId, appointmentId: appointment?.id });
  await doc.ok('encounters.setDiagnoses', {
    id: detail.encounter.id,
    diagnoses: [{ code: 'I10', title: 'Essential (primary) hypertension' }],
  });
  await doc.ok('notes.save', { id: detail.note.id, content: { assessment: 'Stable.', plan: 'Continue.' } });
  await doc.ok('notes.sign', { id: detail.note.id });
  const charges = [];
  for (const [code, units] of codes) charges.push(await doc.ok('charges.save', { encounterId: detail.encounter.id, code, units }));
  const result = await desk.ok('charges.post', { encounterId: detail.encounter.id, postedOn });
  posted[provider] += result.totalCents;
  return charges;
}

async function totalOwed(): Promise<number> {
  const desk = await clinic.as('front_desk');
  let sum = 0;
  for (const id of Object.values(patients)) sum += (await desk.ok('billing.account', { patientId: id })).balanceCents;
  return sum;
}

beforeAll(async () => {
  clinic = await makeClinic({ seed: 6161 });
  patients.insured = (
    await clinic.addPatient({ insurance: [{ rank: 1, payerName: 'Acme Health', memberId: 'ACM-0611', subscriberRelationship: 'self' }] })
  ).id;
  patients.selfPay = (await clinic.addPatient()).id;
  patients.late = (await clinic.addPatient()).id;
  const desk = await clinic.as('front_desk');
  const manager = await clinic.as('manager');

  // Day 1: two visits. 99214 + 36415 = 180.00 to Acme (Dr. Lane); 99213 + 2 × 36415 = 140.00 to the patient (Dr. Moss).
  const [insuredVisit] = await visit(
    patients.insured,
    'lane',
    [
      ['99214', 1],
      ['36415', 1],
    ],
    DAY1,
  );
  await visit(
    patients.selfPay,
    'moss',
    [
      ['99213', 1],
      ['36415', 2],
    ],
    DAY1,
  );
  // Day 2: Acme pays 90.00 on the visit and 50.00 is written down by contract; the self-pay patient pays 50.00 cash.
  await desk.ok('payments.post', {
    patientId: patients.insured,
    amountCents: 9000,
    method: 'insurance',
    payer: 'Acme Health',
    postedOn: DAY2,
    allocations: [{ chargeId: insuredVisit?.id ?? '', amountCents: 9000 }],
  });
  posted.insurance += 9000;
  await manager.ok('adjustments.post', {
    patientId: patients.insured,
    chargeId: insuredVisit?.id ?? '',
    amountCents: 5000,
    reasonCode: 'CO-45',
    payer: 'Acme Health',
    postedOn: DAY2,
  });
  posted.adjusted += 5000;
  await desk.ok('payments.post', { patientId: patients.selfPay, amountCents: 5000, method: 'cash', postedOn: DAY2 });
  posted.cash += 5000;

  // Today: a new visit (Dr. Moss), one of its lines voided; a card payment, then reversed; a payment beyond what is owed, refunded.
  balancesBeforeToday = await totalOwed();
  const [, wrongLine] = await visit(
    patients.late,
    'moss',
    [
      ['99213', 1],
      ['99211', 1],
    ],
    TODAY,
  );
  const lateAccount = await manager.ok('billing.account', { patientId: patients.late });
  const wrongGroup = lateAccount.entries.find((e) => e.kind === 'charge' && e.chargeId === wrongLine?.id)?.groupId ?? '';
  await manager.ok('ledger.reverse', { groupId: wrongGroup, reason: 'Nurse visit billed by mistake' });
  posted.voided += 3000;
  const card = await desk.ok('payments.post', { patientId: patients.late, amountCents: 4000, method: 'card', reference: 'AUTH 77' });
  posted.card += 4000;
  await manager.ok('ledger.reverse', { groupId: card.groupId, reason: 'Card charged twice' });
  posted.reversedPayment += 4000;
  await desk.ok('payments.post', { patientId: patients.selfPay, amountCents: 10000, method: 'cash' });
  posted.cash += 10000;
  await manager.ok('refunds.post', { patientId: patients.selfPay, amountCents: 1000, method: 'cash' });
  posted.refunded += 1000;
});
afterAll(() => clinic.close());

function reconciles(totals: Output<'reports.daySheet'>['totals']): number {
  return (
    totals.chargesCents -
    totals.paymentsCents -
    totals.adjustmentsCents +
    totals.refundsCents +
    totals.reversalsCents +
    totals.transfersCents +
    totals.otherCents
  );
}

describe('reports.daySheet', () => {
  it('totals today by kind, provider and method, and its net change is how much the accounts moved today', async () => {
    const manager = await clinic.as('manager');
    const sheet = await manager.ok('reports.daySheet', { date: TODAY });
    expect(sheet.totals).toMatchObject({
      chargesCents: 14000,
      paymentsCents: 14000,
      paymentsByMethod: { card: 4000, cash: 10000 },
      adjustmentsCents: 0,
      refundsCents: 1000,
      // The void (-30.00) and the card payment put back (+40.00).
      reversalsCents: 1000,
      transfersCents: 0,
    });
    expect(reconciles(sheet.totals)).toBe(sheet.totals.netChangeCents);
    expect(sheet.totals.netChangeCents).toBe((await totalOwed()) - balancesBeforeToday);
    expect(sheet.byMethod).toEqual([
      { method: 'card', label: 'Card', payments: 1, cents: 4000 },
      { method: 'cash', label: 'Cash', payments: 1, cents: 10000 },
    ]);
    const moss = sheet.byProvider.find((p) => p.key === clinic.providers.moss);
    // Payments follow the charges they pay (the 10.00 left on account has no provider); the card's reversal is Dr. Moss's too.
    expect(moss).toMatchObject({ label: 'Dr. Blake Moss', chargesCents: 14000, paymentsCents: 13000, reversalsCents: 1000 });
    expect(sheet.byProvider.reduce((sum, p) => sum + p.netChangeCents, 0)).toBe(sheet.totals.netChangeCents);
    expect(sheet.lines).toHaveLength(9);
    const described = sheet.lines.map((l) => l.description);
    expect(described).toContain('99211 Established patient visit, nurse (demo label)');
    expect(described).toContain('Cancelled charge of 99211');
    expect(described).toContain('Payment by card for 99213');
    expect(described).toContain('Refund by cash');
    expect(sheet.lines.every((l) => l.patientName.length > 0 && l.enteredByName !== 'Unknown user')).toBe(true);
  });

  it('narrows to one provider, and reads days the books were posted on earlier', async () => {
    const manager = await clinic.as('manager');
    const lane = await manager.ok('reports.daySheet', { date: DAY1, providerId: clinic.providers.lane });
    expect(lane.totals).toMatchObject({ chargesCents: 18000, netChangeCents: 18000 });
    expect(lane.byProvider.map((p) => p.label)).toEqual(['Dr. Avery Lane']);
    const day2 = await manager.ok('reports.daySheet', { date: DAY2 });
    expect(day2.totals).toMatchObject({ paymentsCents: 14000, paymentsByMethod: { insurance: 9000, cash: 5000 }, adjustmentsCents: 5000 });
    expect(reconciles(day2.totals)).toBe(day2.totals.netChangeCents);
    expect((await manager.ok('reports.daySheet', { date: addDays(DAY1, -1) })).lines).toEqual([]);
  });

  it('is for managers, and asks for a real date', async () => {
    await (await clinic.as('front_desk')).refuses('reports.daySheet', { date: TODAY }, 'FORBIDDEN');
    const bad = await (await clinic.as('manager')).refuses('reports.daySheet', { date: '2026-02-30' }, 'VALIDATION');
    expect(bad.message).toMatch(/YYYY-MM-DD/);
  });
});

describe('reports.production and reports.collections', () => {
  it('counts the charges posted in the range by provider and code, equal to the day sheets’ charges', async () => {
    const manager = await clinic.as('manager');
    const report = await manager.ok('reports.production', { from: DAY1, to: TODAY });
    expect(report.totals).toEqual({
      units: 7,
      chargesCents: posted.lane + posted.moss,
      voidedCents: posted.voided,
      netCents: posted.lane + posted.moss - posted.voided,
    });
    const moss = report.providers.find((p) => p.providerId === clinic.providers.moss);
    expect(moss).toMatchObject({ providerName: 'Dr. Blake Moss', chargesCents: posted.moss, voidedCents: 3000, units: 5 });
    expect(moss?.codes.map((c) => [c.code, c.units, c.chargesCents])).toEqual([
      ['99213', 2, 22000],
      ['36415', 2, 3000],
      ['99211', 1, 3000],
    ]);
    let dayCharges = 0;
    for (const date of [DAY1, DAY2, TODAY]) dayCharges += (await manager.ok('reports.daySheet', { date })).totals.chargesCents;
    expect(report.totals.chargesCents).toBe(dayCharges);
    const lane = await manager.ok('reports.production', { from: DAY1, to: DAY1, providerId: clinic.providers.lane });
    expect(lane.providers.map((p) => [p.providerName, p.chargesCents])).toEqual([['Dr. Avery Lane', 18000]]);
  });

  it('counts money received by provider, payer and method, with reversals and refunds beside it', async () => {
    const manager = await clinic.as('manager');
    const report = await manager.ok('reports.collections', { from: DAY1, to: TODAY });
    expect(report.totals).toEqual({
      paymentsCents: posted.cash + posted.card + posted.insurance,
      byMethod: { cash: posted.cash, card: posted.card, insurance: posted.insurance },
      reversedCents: posted.reversedPayment,
      refundsCents: posted.refunded,
      netCents: posted.cash + posted.card + posted.insurance - posted.reversedPayment - posted.refunded,
    });
    const acme = report.rows.find((r) => r.payer === 'Acme Health');
    expect(acme).toMatchObject({ providerName: 'Dr. Avery Lane', method: 'insurance', payments: 1, cents: 9000 });
    let dayPayments = 0;
    for (const date of [DAY1, DAY2, TODAY]) dayPayments += (await manager.ok('reports.daySheet', { date })).totals.paymentsCents;
    expect(report.totals.paymentsCents).toBe(dayPayments);
  });

  it('agree with the accounts: what is owed is everything charged less everything received, adjusted or refunded', async () => {
    const manager = await clinic.as('manager');
    const production = await manager.ok('reports.production', { from: DAY1, to: TODAY });
    const money = await manager.ok('reports.collections', { from: DAY1, to: TODAY });
    const owed = production.totals.netCents - money.totals.netCents - posted.adjusted;
    expect(await totalOwed()).toBe(owed);
    const aging = await manager.ok('reports.arAging', {});
    expect(aging.totals.total).toBe(owed);
  });

  it('refuses a range that runs backwards or is too long, and other roles', async () => {
    const manager = await clinic.as('manager');
    const backwards = await manager.refuses('reports.production', { from: TODAY, to: DAY1 }, 'VALIDATION');
    expect(backwards.message).toBe('The start date is after the end date. Swap them or pick another range.');
    const long = await manager.refuses('reports.collections', { from: '2020-01-01', to: '2024-12-31' }, 'VALIDATION');
    expect(long.message).toMatch(/at most two years/);
    await (await clinic.as('physician')).refuses('reports.production', { from: DAY1, to: TODAY }, 'FORBIDDEN');
    await (await clinic.as('front_desk')).refuses('reports.collections', { from: DAY1, to: TODAY }, 'FORBIDDEN');
  });

  it('leaves a trail: the day sheet names patients (audited as a report); sums alone are not audited', async () => {
    const manager = await clinic.as('manager');
    await manager.ok('reports.daySheet', { date: TODAY });
    await manager.ok('reports.production', { from: TODAY, to: TODAY });
    const rows = clinic.query<{ action: string; method: string }>(
      "SELECT action, method FROM audit_events WHERE method IN ('reports.daySheet', 'reports.production') AND outcome = 'success'",
    );
    expect(rows.every((r) => r.method === 'reports.daySheet' && r.action === 'report')).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
  });
});
