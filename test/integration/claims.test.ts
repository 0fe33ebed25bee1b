/**
 * Claims: created from the posted charges a payer owes (one per rendering
 * provider, never the same charge twice), checked before sending with the
 * list of what is missing, exported as an X12 837P that an independent parser
 * (node-x12, strict) reads back with matching envelopes, and followed through
 * the payer's answers only along the allowed statuses.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X12Parser, type X12Interchange } from 'node-x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { ADDRESS, billingIdentity, CLINIC_NPI, LANE_NPI, postedVisit } from '../support/billing';
import { makeClinic, type Clinic } from '../support/clinic';

let clinic: Clinic;
let patient: Output<'patients.create'>;
let dependant: Output<'patients.create'>;

const PDF_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'pdf');

function segmentsOf(content: string): string[][] {
  return content
    .split('~')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split('*'));
}

beforeAll(async () => {
  clinic = await makeClinic({ seed: 8383 });
  const insurance = [
    { rank: 1, payerName: 'Acme Health', payerId: 'ACME1', memberId: 'ACM-7001', subscriberRelationship: 'self' as const },
    { rank: 2, payerName: 'Medicare', payerId: 'MCR01', memberId: '1EG4TE5MK72', subscriberRelationship: 'self' as const },
  ];
  patient = await clinic.addPatient({ ...ADDRESS, insurance });
  dependant = await clinic.addPatient({
    ...ADDRESS,
    insurance: [
      {
        rank: 1,
        payerName: 'Acme Health',
        payerId: 'ACME1',
        memberId: 'ACM-7002',
        subscriberRelationship: 'child',
        subscriberName: 'Parent, Pat',
        subscriberDateOfBirth: '1980-02-02',
      },
    ],
  });
});
afterAll(() => clinic.close());

describe('claims', () => {
  it('lists what is missing, then exports a structurally valid 837P once it is complete', async () => {
    const manager = await clinic.as('manager');
    await postedVisit(clinic, patient.id, ['99214', '36415']);
    const { claims } = await manager.ok('claims.create', { patientId: patient.id, rank: 1 });
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(claim).toMatchObject({ status: 'draft', payerName: 'Acme Health', totalCents: 18000, lines: 2, diagnoses: ['I10'] });
    expect(claim?.number).toMatch(/^CL[A-Z0-9]{3}\d{6}$/);
    expect(claim?.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/billing NPI/),
        expect.stringMatching(/tax id/),
        expect.stringMatching(/NPI for Dr. Avery Lane/),
      ]),
    );
    const again = await manager.refuses('claims.create', { patientId: patient.id, rank: 1 }, 'VALIDATION');
    expect(again.message).toMatch(/Nothing to bill/);
    const notReady = await manager.refuses('claims.markReady', { id: claim?.id ?? '' }, 'VALIDATION');
    expect(notReady.message).toMatch(/cannot be sent yet\. Missing: .*billing NPI/);
    await manager.refuses('claims.export837', { ids: [claim?.id ?? ''] }, 'CONFLICT');

    await manager.refuses('billing.saveProfile', { name: 'Test Family Clinic', npi: '1234567890' }, 'VALIDATION');
    await (await clinic.as('front_desk')).refuses('billing.saveProfile', { name: 'X' }, 'FORBIDDEN');
    const { lane, weeklyHours } = await billingIdentity(clinic);
    await (
      await clinic.as('admin')
    ).refuses('providers.save', { id: lane.id, displayName: lane.displayName, weeklyHours, npi: '1245319590' }, 'VALIDATION');
    expect(await manager.ok('billing.profile', {})).toMatchObject({ taxId: '36-1234567', npi: CLINIC_NPI });
    await (await clinic.as('nurse')).refuses('billing.profile', {}, 'FORBIDDEN');
    const profile = await manager.ok('billing.profile', {});
    expect(await manager.ok('billing.saveProfile', { ...profile, phone: '(217) 555-0199' })).toMatchObject({
      phone: '(217) 555-0199',
      npi: CLINIC_NPI,
    });

    const ready = await manager.ok('claims.markReady', { id: claim?.id ?? '' });
    expect(ready).toMatchObject({ status: 'ready', problems: [] });
    const file = await manager.ok('claims.export837', { ids: [claim?.id ?? ''] });
    expect(file.claims).toBe(1);

    const parsed = new X12Parser(true).parse(file.content) as X12Interchange;
    const [group] = parsed.functionalGroups;
    const [transaction] = group?.transactions ?? [];
    expect(parsed.header.valueOf(13)).toBe(parsed.trailer.valueOf(2));
    expect(group?.header.valueOf(6)).toBe(group?.trailer.valueOf(2));
    expect(transaction?.header.valueOf(1)).toBe('837');
    expect(transaction?.header.valueOf(3)).toBe('005010X222A1');

    const segments = segmentsOf(file.content);
    const tags = segments.map((s) => s[0]);
    const st = tags.indexOf('ST');
    const se = tags.indexOf('SE');
    expect(Number(segments[se]?.[1])).toBe(se - st + 1);
    expect(segments.find((s) => s[0] === 'CLM')?.slice(1, 3)).toEqual([claim?.number, '180']);
    expect(segments.find((s) => s[0] === 'HI')?.slice(1)).toEqual(['ABK:I10']);
    expect(segments.filter((s) => s[0] === 'SV1').map((s) => [s[1], s[2], s[7]])).toEqual([
      ['HC:99214', '165', '1'],
      ['HC:36415', '15', '1'],
    ]);
    expect(segments.find((s) => s[0] === 'NM1' && s[1] === '85')?.slice(-2)).toEqual(['XX', CLINIC_NPI]);
    expect(segments.find((s) => s[0] === 'NM1' && s[1] === '82')?.slice(3, 5)).toEqual(['LANE', 'AVERY']);
    expect(segments.find((s) => s[0] === 'NM1' && s[1] === 'PR')?.slice(-1)).toEqual(['ACME1']);
    // HL hierarchy: billing provider (20) at the top, the subscriber (22) under it.
    expect(segments.filter((s) => s[0] === 'HL').map((s) => s.slice(1))).toEqual([
      ['1', '', '20', '1'],
      ['2', '1', '22', '0'],
    ]);
    expect((await manager.ok('claims.get', { id: claim?.id ?? '' })).status).toBe('submitted');
    await manager.refuses('claims.export837', { ids: [claim?.id ?? ''] }, 'CONFLICT');
  });

  it('bills the secondary payer with the primary in the other-payer loop, and a dependant under the parent', async () => {
    const manager = await clinic.as('manager');
    await postedVisit(clinic, patient.id, ['99213']);
    const primary = (await manager.ok('claims.create', { patientId: patient.id, rank: 1 })).claims[0];
    const account = await manager.ok('billing.account', { patientId: patient.id });
    const visit = account.charges.find((c) => c.code === '99213');
    await manager.ok('payments.post', {
      patientId: patient.id,
      amountCents: 8000,
      method: 'insurance',
      payer: 'Acme Health',
      allocations: [{ chargeId: visit?.id ?? '', amountCents: 8000 }],
    });
    await manager.ok('balances.transfer', {
      patientId: patient.id,
      chargeId: visit?.id ?? '',
      amountCents: 3000,
      fromPayer: 'Acme Health',
      toPayer: 'Medicare',
    });
    const [secondary] = (await manager.ok('claims.create', { patientId: patient.id, rank: 2 })).claims;
    expect(secondary).toMatchObject({ rank: 2, payerName: 'Medicare', totalCents: 11000 });

    await postedVisit(clinic, dependant.id, ['99212']);
    const [child] = (await manager.ok('claims.create', { patientId: dependant.id, rank: 1 })).claims;
    for (const id of [primary?.id, secondary?.id, child?.id]) await manager.ok('claims.markReady', { id: id ?? '' });
    const file = await manager.ok('claims.export837', { ids: [primary?.id ?? '', secondary?.id ?? '', child?.id ?? ''] });
    new X12Parser(true).parse(file.content);
    const segments = segmentsOf(file.content);
    expect(segments.filter((s) => s[0] === 'CLM')).toHaveLength(3);
    expect(segments.filter((s) => s[0] === 'SBR').map((s) => s[1])).toEqual(['P', 'S', 'P', 'P']);
    expect(segments.filter((s) => s[0] === 'OI')).toHaveLength(1);
    expect(segments.filter((s) => s[0] === 'HL').map((s) => s.slice(1, 4))).toEqual([
      ['1', '', '20'],
      ['2', '1', '22'],
      ['3', '1', '22'],
      ['4', '1', '22'],
      ['5', '4', '23'],
    ]);
    expect(segments.find((s) => s[0] === 'PAT')?.[1]).toBe('19');
    const se = segments.find((s) => s[0] === 'SE');
    const st = segments.findIndex((s) => s[0] === 'ST');
    expect(Number(se?.[1])).toBe(segments.indexOf(se ?? []) - st + 1);
  });

  it('follows the payer’s answers only along the allowed statuses', async () => {
    const manager = await clinic.as('manager');
    const { claims } = await manager.ok('claims.list', { status: 'submitted' });
    const claim = claims[0];
    await manager.refuses('claims.setStatus', { id: claim?.id ?? '', status: 'paid' }, 'CONFLICT');
    await manager.refuses('claims.setStatus', { id: claim?.id ?? '', status: 'rejected' }, 'VALIDATION');
    await manager.ok('claims.setStatus', { id: claim?.id ?? '', status: 'rejected', reason: 'Subscriber id not found' });
    const back = await manager.ok('claims.setStatus', { id: claim?.id ?? '', status: 'draft' });
    expect(back).toMatchObject({ status: 'draft', statusReason: null });
    await (await clinic.as('nurse')).refuses('claims.list', {}, 'FORBIDDEN');
    await manager.refuses('claims.get', { id: 'no-such-claim' }, 'NOT_FOUND');
    expect((await manager.ok('claims.list', { patientId: patient.id })).claims.length).toBeGreaterThanOrEqual(3);
  });

  it('prints a claim in the CMS-1500 layout with its boxes filled from the claim', async () => {
    const manager = await clinic.as('manager');
    const { claims } = await manager.ok('claims.list', { patientId: patient.id });
    const claim = claims.find((c) => c.totalCents === 18000 && c.rank === 1);
    const printed = await manager.ok('claims.pdf', { id: claim?.id ?? '' });
    expect(printed.fileName).toBe(`claim-${claim?.number}.pdf`);
    const pdf = Buffer.from(printed.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(PDF_DIR, { recursive: true });
    const file = join(PDF_DIR, 'claim-cms1500.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, join(PDF_DIR, 'claim-cms1500')]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      `Claim ${claim?.number}`,
      'Acme Health',
      'ACM-7001',
      `${patient.familyName}, ${patient.givenName}`,
      '12 Synthetic Way',
      'I10',
      '99214',
      '36415',
      '$165.00',
      '$180.00',
      '36-1234567',
      patient.mrn,
      CLINIC_NPI,
      LANE_NPI,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/21\. DIAGNOSIS/i);
    // Box 21 lists the diagnosis under its letter, and both lines point at it.
    expect(text).toMatch(/^\s*A\s+B\s+C\s+D\s+E\s+F\s*\n\s*I10\s*$/m);
    expect(text).toMatch(/99214\s+A\s+\$165\.00/);

    await (await clinic.as('nurse')).refuses('claims.pdf', { id: claim?.id ?? '' }, 'FORBIDDEN');
    await manager.refuses('claims.pdf', { id: 'no-such-claim' }, 'NOT_FOUND');
  });
});
