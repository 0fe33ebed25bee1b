/**
 * Remittance (X12 835): a payer's answer previewed, then posted as ledger
 * rows — payments per service line, contractual adjustments, the patient's
 * share moved to the patient — and the claims marked paid or denied. Posting
 * the same file again posts nothing; a malformed file is refused whole with
 * the fault named, and nothing is posted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { ADDRESS, billingIdentity, postedVisit } from '../support/billing';
import { makeClinic, type Clinic } from '../support/clinic';
import { era835 } from '../support/era';

let clinic: Clinic;
let patient: Output<'patients.create'>;
let paidClaim: Output<'claims.get'>;
let deniedClaim: Output<'claims.get'>;
const today = new Date().toISOString().slice(0, 10);

async function submittedClaim(codes: string[]) {
  const manager = await clinic.as('manager');
  await postedVisit(clinic, patient.id, codes);
  const [claim] = (await manager.ok('claims.create', { patientId: patient.id, rank: 1 })).claims;
  await manager.ok('claims.markReady', { id: claim?.id ?? '' });
  await manager.ok('claims.export837', { ids: [claim?.id ?? ''] });
  return manager.ok('claims.get', { id: claim?.id ?? '' });
}

beforeAll(async () => {
  clinic = await makeClinic({ seed: 8585 });
  patient = await clinic.addPatient({
    ...ADDRESS,
    insurance: [{ rank: 1, payerName: 'Acme Health', payerId: 'ACME1', memberId: 'ACM-8001', subscriberRelationship: 'self' }],
  });
  await billingIdentity(clinic);
  paidClaim = await submittedClaim(['99214', '36415']);
  deniedClaim = await submittedClaim(['99213']);
});
afterAll(() => clinic.close());

const remittance = () =>
  era835({
    trace: 'EFT-20261120-01',
    payer: 'ACME HEALTH',
    paidOn: today,
    claims: [
      {
        number: paidClaim.number,
        chargedCents: 18000,
        paidCents: 9000,
        patient: [patient.familyName, patient.givenName],
        services: [
          {
            code: '99214',
            chargedCents: 16500,
            paidCents: 8000,
            cas: [
              ['CO', '45', 6000],
              ['PR', '2', 2500],
            ],
          },
          { code: '36415', chargedCents: 1500, paidCents: 1000, cas: [['CO', '45', 500]] },
        ],
      },
      {
        number: deniedClaim.number,
        status: '4',
        chargedCents: 11000,
        paidCents: 0,
        patient: [patient.familyName, patient.givenName],
        services: [{ code: '99213', chargedCents: 11000, paidCents: 0, cas: [['CO', '50', 11000]] }],
      },
      {
        number: 'CLZZZ999999',
        chargedCents: 5000,
        paidCents: 5000,
        patient: ['Nobody', 'Known'],
        services: [{ code: '99212', chargedCents: 5000, paidCents: 5000 }],
      },
    ],
  });

describe('remittances', () => {
  it('previews what it would post, claim by claim, and writes nothing', async () => {
    const manager = await clinic.as('manager');
    const before = clinic.snapshot();
    const plan = await manager.ok('remittances.preview', { fileName: 'acme.835', content: remittance() });
    expect(plan).toMatchObject({ payer: 'ACME HEALTH', trace: 'EFT-20261120-01', paidOn: today, totalPaidCents: 14000 });
    expect(plan.claims.map((c) => [c.number, c.outcome, c.paidCents, c.adjustedCents, c.patientCents, c.skipped])).toEqual([
      [paidClaim.number, 'paid', 9000, 6500, 2500, null],
      [deniedClaim.number, 'denied', 0, 11000, 0, null],
      ['CLZZZ999999', 'paid', 5000, 0, 0, 'No claim with this number in Outpost.'],
    ]);
    // The audit row of the preview is the only trace it leaves.
    const after = clinic.snapshot();
    expect({ ...after, audit_events: undefined }).toEqual({ ...before, audit_events: undefined });
    await (await clinic.as('front_desk')).refuses('remittances.preview', { content: remittance() }, 'FORBIDDEN');
  });

  it('posts payments, adjustments and the patient’s share, marks the claims, and posts nothing twice', async () => {
    const manager = await clinic.as('manager');
    const result = await manager.ok('remittances.post', { fileName: 'acme.835', content: remittance() });
    expect(result.postedClaims).toBe(2);
    const account = await manager.ok('billing.account', { patientId: patient.id });
    expect(account).toMatchObject({ insuranceDueCents: 0, patientDueCents: 2500, balanceCents: 2500 });
    expect(account.entries.filter((e) => e.reference === 'ERA EFT-20261120-01').map((e) => [e.kind, e.amountCents, e.reasonCode])).toEqual(
      expect.arrayContaining([
        ['payment', -8000, null],
        ['adjustment', -6000, 'CO-45'],
        ['transfer', -2500, 'PR-2'],
        ['transfer', 2500, 'PR-2'],
        ['payment', -1000, null],
        ['adjustment', -500, 'CO-45'],
        ['adjustment', -11000, 'CO-50'],
      ]),
    );
    expect(await manager.ok('claims.get', { id: paidClaim.id })).toMatchObject({ status: 'paid' });
    expect(await manager.ok('claims.get', { id: deniedClaim.id })).toMatchObject({ status: 'denied', statusReason: 'CO-50' });

    const denied = await manager.ok('reports.denials', { from: today, to: today });
    expect(denied.byReason).toEqual([{ reason: 'CO-50', label: 'Not deemed medically necessary', claims: 1, billedCents: 11000 }]);
    expect(denied.byPayer).toEqual([{ payer: 'Acme Health', claims: 1, billedCents: 11000 }]);
    expect(denied.totals).toEqual({ claims: 1, billedCents: 11000 });
    await (await clinic.as('front_desk')).refuses('reports.denials', { from: today, to: today }, 'FORBIDDEN');
    await manager.refuses('reports.denials', { from: today, to: '2000-01-01' }, 'VALIDATION');

    const rows = clinic.query('SELECT count(*) AS n FROM ledger_entries');
    const again = await manager.ok('remittances.post', { content: remittance() });
    expect(again.postedClaims).toBe(0);
    expect(again.claims[0]?.skipped).toBe('Already posted from this remittance.');
    expect(clinic.query('SELECT count(*) AS n FROM ledger_entries')).toEqual(rows);
  });

  it('moves a claim-level deductible to the patient, counts a $0 processed claim as paid, and posts a claim listed twice once', async () => {
    const manager = await clinic.as('manager');
    const claim = await submittedClaim(['99212']);
    const deductible = {
      number: claim.number,
      chargedCents: 7500,
      paidCents: 0,
      patient: [patient.familyName, patient.givenName] as [string, string],
      claimCas: [['PR', '1', 7500]] as [string, string, number][],
      services: [{ code: '99212', chargedCents: 7500, paidCents: 0 }],
    };
    const content = era835({ trace: 'EFT-DEDUCTIBLE', payer: 'ACME HEALTH', paidOn: today, claims: [deductible, deductible] });
    const result = await manager.ok('remittances.post', { content });
    expect(result.postedClaims).toBe(1);
    expect(result.claims[1]?.skipped).toBe('Listed twice in this remittance: posted once.');
    expect(await manager.ok('claims.get', { id: claim.id })).toMatchObject({ status: 'paid', statusReason: null });
    const owed = (await manager.ok('billing.account', { patientId: patient.id })).charges.find((c) => c.code === '99212');
    expect(owed?.balanceCents).toBe(7500);
    // All of it is now the patient's: nothing left with the insurer.
    expect(clinic.query('SELECT payer_key AS payer, cents FROM ledger_balances WHERE charge_key = ? ORDER BY payer_key', owed?.id)).toEqual(
      [
        { payer: '', cents: 7500 },
        { payer: 'Acme Health', cents: 0 },
      ],
    );
  });

  it('refuses a malformed file whole, naming the fault, and posts nothing', async () => {
    const manager = await clinic.as('manager');
    const good = remittance();
    const badCount = await manager.refuses('remittances.post', { content: good.replace(/SE\*\d+\*0001/, 'SE*3*0001') }, 'VALIDATION');
    expect(badCount.message).toMatch(/not a readable X12 file: .*SE01.*Nothing was posted/);
    const badAmount = await manager.refuses(
      'remittances.post',
      { content: good.replace('SVC*HC:99214*165.00*80.00', 'SVC*HC:99214*165.00*8O.00') },
      'VALIDATION',
    );
    expect(badAmount.message).toMatch(/Segment \d+ \(SVC\): "8O.00" is not an amount/);
    const notEra = await manager.refuses('remittances.post', { content: good.replace('ST*835*0001', 'ST*837*0001') }, 'VALIDATION');
    expect(notEra.message).toMatch(/not a remittance advice/);
    await manager.refuses('remittances.post', { content: 'Dear clinic, here is your money.' }, 'VALIDATION');
    await manager.refuses('remittances.post', { content: '' }, 'VALIDATION');
  });
});
