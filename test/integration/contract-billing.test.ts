/**
 * Contract: fee schedules and charge capture — the shipped schedule, a payer's
 * own prices, CSV import (all or nothing) and export, the superbill prefilled
 * from the encounter, posting only after the note is signed, posted lines
 * frozen. Every refusal leaves the database unchanged.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';
import { codedEncounter } from '../support/billing';

let clinic: Clinic;
let insured: Output<'patients.create'>;
let payerSchedule: Output<'feeSchedules.save'>;

const ledgerRows = () => clinic.query<{ n: number }>('SELECT count(*) AS n FROM ledger_entries')[0]?.n;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 6060 });
  insured = await clinic.addPatient({
    insurance: [{ rank: 1, payerName: 'Acme Health', memberId: 'ACM-0001', subscriberRelationship: 'self' }],
  });
});
afterAll(() => clinic.close());

describe('fee schedules', () => {
  it('ships a self-pay schedule and lets a manager add a payer schedule with its own prices', async () => {
    const manager = await clinic.as('manager');
    const { schedules } = await manager.ok('feeSchedules.list', {});
    expect(schedules).toEqual([expect.objectContaining({ name: 'Standard fees (self-pay)', kind: 'self_pay', active: true })]);
    expect(schedules[0]?.itemCount).toBeGreaterThan(30);
    const { items } = await manager.ok('feeSchedules.items', { scheduleId: schedules[0]?.id ?? '', query: 'g04' });
    expect(items.map((i) => i.code)).toEqual(['G0402', 'G0438', 'G0439', 'G0442', 'G0444', 'G0447']);

    await manager.refuses('feeSchedules.save', { name: 'Acme', kind: 'payer' }, 'VALIDATION');
    await (await clinic.as('front_desk')).refuses('feeSchedules.save', { name: 'Acme', kind: 'self_pay' }, 'FORBIDDEN');
    payerSchedule = await manager.ok('feeSchedules.save', { name: 'Acme Health contracted', kind: 'payer', payerName: 'acme health' });
    const item = await manager.ok('feeSchedules.saveItem', {
      scheduleId: payerSchedule.id,
      code: '99213',
      description: 'Office visit, est., low',
      priceCents: 9200,
    });
    expect(item).toMatchObject({ code: '99213', priceCents: 9200 });
    await manager.refuses(
      'feeSchedules.saveItem',
      { scheduleId: payerSchedule.id, code: '9921', description: 'x', priceCents: 1 },
      'VALIDATION',
    );
    await manager.refuses(
      'feeSchedules.saveItem',
      { scheduleId: payerSchedule.id, code: '99214', description: 'x', priceCents: -5 },
      'VALIDATION',
    );
  });

  it('imports a CSV all or nothing, says what a dry run would do, and exports what it holds', async () => {
    const manager = await clinic.as('manager');
    const csv =
      '\uFEFFCode;Description;Price\n99214;"Office visit, est., moderate";135.50\n36415;Venipuncture;$12\n99213;Office visit, est., low;92.00\n';
    expect(await manager.ok('feeSchedules.importCsv', { scheduleId: payerSchedule.id, csv, dryRun: true })).toEqual({
      created: 2,
      updated: 0,
      unchanged: 1,
    });
    expect((await manager.ok('feeSchedules.items', { scheduleId: payerSchedule.id, query: '' })).items).toHaveLength(1);
    expect(await manager.ok('feeSchedules.importCsv', { scheduleId: payerSchedule.id, csv })).toEqual({
      created: 2,
      updated: 0,
      unchanged: 1,
    });
    expect(await manager.ok('feeSchedules.importCsv', { scheduleId: payerSchedule.id, csv })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
    });

    const before = clinic.snapshot();
    const badPrice = await manager.refuses(
      'feeSchedules.importCsv',
      { scheduleId: payerSchedule.id, csv: 'code,description,price\n99215,Visit,220\n99203,Visit,12.x\n' },
      'VALIDATION',
    );
    expect(badPrice.message).toMatch(/^Line 3: the price "12.x" of 99203 is not an amount/);
    const ragged = await manager.refuses(
      'feeSchedules.importCsv',
      { scheduleId: payerSchedule.id, csv: 'code,description,price\n99215,Visit,220\n99203,Visit,12,5\n' },
      'VALIDATION',
    );
    expect(ragged.message).toMatch(/^Line 3: the row does not match the header.*Nothing was imported/);
    const badCode = await manager.refuses(
      'feeSchedules.importCsv',
      { scheduleId: payerSchedule.id, csv: 'code,description,price\n99215,Visit,220\nXYZ,Thing,1\n' },
      'VALIDATION',
    );
    expect(badCode.message).toMatch(/^Line 3: "XYZ" is not a CPT or HCPCS code/);
    const twice = await manager.refuses(
      'feeSchedules.importCsv',
      { scheduleId: payerSchedule.id, csv: 'code,description,price\n99215,A,1\n99215,B,2\n' },
      'VALIDATION',
    );
    expect(twice.message).toMatch(/already on line 2/);
    const noHeader = await manager.refuses(
      'feeSchedules.importCsv',
      { scheduleId: payerSchedule.id, csv: '99215,Visit,220\n' },
      'VALIDATION',
    );
    expect(noHeader.message).toMatch(/header row with the columns code, description and price/);
    expect(clinic.snapshot()).toEqual(before);

    await manager.ok('feeSchedules.saveItem', {
      scheduleId: payerSchedule.id,
      code: 'A4550',
      description: '=HYPERLINK("x")',
      priceCents: 100,
    });
    const exported = await manager.ok('feeSchedules.exportCsv', { scheduleId: payerSchedule.id });
    expect(exported.fileName).toBe('acme-health-contracted.csv');
    const rows = parse<{ code: string; description: string; price: string }>(exported.csv, { columns: true });
    expect(rows).toEqual([
      { code: '36415', description: 'Venipuncture', price: '12.00' },
      { code: '99213', description: 'Office visit, est., low', price: '92.00' },
      { code: '99214', description: 'Office visit, est., moderate', price: '135.50' },
      { code: 'A4550', description: `'=HYPERLINK("x")`, price: '1.00' },
    ]);
  });
});

describe('charge capture', () => {
  it('prefills the superbill, prices from the payer schedule, and posts only a signed encounter', async () => {
    const doc = await clinic.as('physician');
    const desk = await clinic.as('front_desk');
    const { encounterId, noteId } = await codedEncounter(clinic, insured.id, false);
    const bill = await doc.ok('charges.superbill', { encounterId });
    expect(bill).toMatchObject({ signed: false, billTo: 'Acme Health', schedule: { id: payerSchedule.id }, charges: [] });
    expect(bill.diagnoses.map((d) => d.code)).toEqual(['I10', 'E11.9']);

    const visit = await doc.ok('charges.save', { encounterId, code: '99213', units: 1, modifiers: ['25'] });
    expect(visit).toMatchObject({ unitPriceCents: 9200, totalCents: 9200, diagnosisCodes: ['I10'], status: 'draft', balanceCents: 0 });
    const draw = await doc.ok('charges.save', { encounterId, code: '36415', units: 2, diagnosisCodes: ['E11.9'] });
    expect(draw.totalCents).toBe(2400);
    const unpriced = await doc.refuses('charges.save', { encounterId, code: '93000', units: 1 }, 'VALIDATION');
    expect(unpriced.message).toMatch(/93000 is not on the fee schedule "Acme Health contracted"/);
    await doc.ok('charges.save', { encounterId, code: '93000', units: 1, unitPriceCents: 6100 });
    const stray = await doc.refuses('charges.save', { encounterId, code: '99214', units: 1, diagnosisCodes: ['J45.909'] }, 'VALIDATION');
    expect(stray.message).toMatch(/J45.909 is not one of this encounter's diagnoses/);
    await doc.refuses('charges.save', { encounterId, code: '99214', units: 0 }, 'VALIDATION');
    await (await clinic.as('nurse')).refuses('charges.save', { encounterId, code: '99214', units: 1 }, 'FORBIDDEN');
    const ekg = (await doc.ok('charges.superbill', { encounterId })).charges.find((c) => c.code === '93000');
    await doc.ok('charges.remove', { id: ekg?.id ?? '' });

    const unsigned = await desk.refuses('charges.post', { encounterId }, 'VALIDATION');
    expect(unsigned.message).toMatch(/Sign the visit note/);
    await doc.refuses('charges.post', { encounterId }, 'FORBIDDEN');
    await doc.ok('notes.sign', { id: noteId });
    expect(await desk.ok('charges.post', { encounterId })).toEqual({ posted: 2, totalCents: 11600 });
    await desk.refuses('charges.post', { encounterId }, 'VALIDATION');

    const frozen = await doc.refuses('charges.save', { id: visit.id, encounterId, code: '99214', units: 1 }, 'CONFLICT');
    expect(frozen.message).toMatch(/already posted/);
    await doc.refuses('charges.remove', { id: visit.id }, 'CONFLICT');
    const { charges } = await desk.ok('charges.list', { patientId: insured.id, status: 'posted' });
    expect(charges.map((c) => [c.code, c.balanceCents])).toEqual(
      expect.arrayContaining([
        ['99213', 9200],
        ['36415', 2400],
      ]),
    );
    expect(clinic.query('SELECT kind, amount_cents AS cents, payer FROM ledger_entries ORDER BY amount_cents')).toEqual([
      { kind: 'charge', cents: 2400, payer: 'Acme Health' },
      { kind: 'charge', cents: 9200, payer: 'Acme Health' },
    ]);
    expect(ledgerRows()).toBe(2);
  });

  it('bills a patient without insurance on the self-pay schedule', async () => {
    const cash = await clinic.addPatient();
    const { encounterId } = await codedEncounter(clinic, cash.id, true);
    const doc = await clinic.as('physician');
    const bill = await doc.ok('charges.superbill', { encounterId });
    expect(bill).toMatchObject({ billTo: null, signed: true, schedule: { name: 'Standard fees (self-pay)' } });
    expect(await doc.ok('charges.save', { encounterId, code: 'g0439', units: 1 })).toMatchObject({ code: 'G0439', unitPriceCents: 12000 });
  });
});

describe('billing reads', () => {
  it('are for billing roles only, and say clearly when what was asked for does not exist', async () => {
    const nurse = await clinic.as('nurse');
    const desk = await clinic.as('front_desk');
    await nurse.refuses('feeSchedules.list', {}, 'FORBIDDEN');
    await nurse.refuses('feeSchedules.exportCsv', { scheduleId: payerSchedule.id }, 'FORBIDDEN');
    await nurse.refuses('charges.list', { patientId: insured.id }, 'FORBIDDEN');
    const noSchedule = await desk.refuses('feeSchedules.items', { scheduleId: 'no-such-schedule', query: '' }, 'NOT_FOUND');
    expect(noSchedule.message).toMatch(/fee schedule no longer exists/);
    await desk.refuses('charges.superbill', { encounterId: 'no-such-encounter' }, 'NOT_FOUND');
    await desk.refuses('charges.list', { patientId: 'no-such-patient' }, 'NOT_FOUND');
  });
});
