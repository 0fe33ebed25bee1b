/**
 * Patient statements rendered for real and read back with poppler: pdftotext
 * for the assertions (name, address, account number, itemized lines, what is
 * due) and pdftoppm for PNGs a person can look at in test-results/pdf/. The
 * figures are checked against billing.account and against what was posted.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { billingIdentity, codedEncounter } from '../support/billing';
import { makeClinic, type Clinic } from '../support/clinic';
import { addDays, today } from '../support/time';

const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'pdf');
let clinic: Clinic;
let insured: Output<'patients.create'>;
let selfPay: Output<'patients.create'>;
let small: Output<'patients.create'>;
const POSTED = addDays(today(), -20);
const PAID = addDays(today(), -5);

/** A signed visit charged with `codes` and posted on `postedOn`; returns its charges. */
async function chargedVisit(patientId: string, codes: string[], postedOn: string) {
  const { encounterId } = await codedEncounter(clinic, patientId, true);
  const doc = await clinic.as('physician');
  const charges = [];
  for (const code of codes) charges.push(await doc.ok('charges.save', { encounterId, code, units: 1 }));
  await (await clinic.as('front_desk')).ok('charges.post', { encounterId, postedOn });
  return charges;
}

/** Write the PDF, return its text (pages separated by form feeds) and save page `page` as a PNG. */
function readPdf(name: string, base64: string, page = 1): string {
  const pdf = Buffer.from(base64, 'base64');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', file, join(OUT, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  clinic = await makeClinic({ seed: 5151 });
  insured = await clinic.addPatient({
    givenName: 'Rosalind',
    familyName: 'Okonkwo-Testa',
    addressLine1: '42 Synthetic Lane',
    city: 'Springfield',
    region: 'IL',
    postalCode: '62701',
    insurance: [{ rank: 1, payerName: 'Acme Health', memberId: 'ACM-5151', subscriberRelationship: 'self' }],
  });
  selfPay = await clinic.addPatient({ givenName: 'Tobias', familyName: 'Fakename' });
  small = await clinic.addPatient({ givenName: 'Wilma', familyName: 'Smallbalance' });
  // The clinic's billing address heads the statement (where to send payment).
  await billingIdentity(clinic);
  const desk = await clinic.as('front_desk');
  const manager = await clinic.as('manager');

  // 99214 (165.00) + 36415 (15.00) to Acme. Acme pays 100.00 and leaves 40.00 coinsurance to the patient, who pays 25.00.
  const [visit] = await chargedVisit(insured.id, ['99214', '36415'], POSTED);
  await desk.ok('payments.post', {
    patientId: insured.id,
    amountCents: 10000,
    method: 'insurance',
    payer: 'Acme Health',
    postedOn: PAID,
    allocations: [{ chargeId: visit?.id ?? '', amountCents: 10000 }],
  });
  await manager.ok('adjustments.post', {
    patientId: insured.id,
    chargeId: visit?.id ?? '',
    amountCents: 4000,
    reasonCode: 'PR-2',
    payer: 'Acme Health',
    postedOn: PAID,
  });
  await desk.ok('payments.post', { patientId: insured.id, amountCents: 2500, method: 'card', reference: 'AUTH 5151' });

  await chargedVisit(selfPay.id, ['99213'], POSTED);
  const [draw] = await chargedVisit(small.id, ['36415'], POSTED);
  await desk.ok('payments.post', {
    patientId: small.id,
    amountCents: 1450,
    method: 'cash',
    allocations: [{ chargeId: draw?.id ?? '', amountCents: 1450 }],
  });
});
afterAll(() => clinic.close());

describe('statements.patient', () => {
  it('prints the clinic, the patient, every posting of the period, what the patient owes and what insurance still owes', async () => {
    const desk = await clinic.as('front_desk');
    const account = await desk.ok('billing.account', { patientId: insured.id });
    const statement = await desk.ok('statements.patient', { patientId: insured.id, from: addDays(POSTED, -1) });
    expect(statement).toMatchObject({
      fileName: `statement-${today()}.pdf`,
      statementDate: today(),
      patientDueCents: account.patientDueCents - account.unappliedCents,
      insurancePendingCents: account.insuranceDueCents,
    });
    // 40.00 moved to the patient, 25.00 paid: 15.00 due; Acme still owes 15.00 (36415) + 25.00 (99214) = 40.00.
    expect(statement).toMatchObject({ patientDueCents: 1500, insurancePendingCents: 4000 });
    expect(statement.aging).toEqual({ current: 1500, days31to60: 0, days61to90: 0, over90: 0, total: 1500 });
    const text = readPdf('statement', statement.pdfBase64);
    for (const expected of [
      'Test Family Clinic',
      '12 Synthetic Way',
      'Phone (217) 555-0100',
      'Patient statement',
      'Rosalind Okonkwo-Testa',
      '42 Synthetic Lane',
      'Springfield, IL 62701',
      insured.mrn,
      'Previous balance',
      '99214 Established patient office visit, moderate complexity',
      '$165.00',
      '36415 Blood draw by venipuncture',
      'Payment by insurance remittance from Acme Health for 99214',
      '-$100.00',
      '99214 now owed by the patient',
      'Payment by card for 99214',
      '-$25.00',
      'Account balance',
      '$55.00',
      'Insurance pending',
      '$40.00',
      'Please pay $15.00 by',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('starts from the balance before the period, so a later period still adds up', async () => {
    const desk = await clinic.as('front_desk');
    const statement = await desk.ok('statements.patient', { patientId: insured.id, from: addDays(PAID, 1), to: today() });
    const text = readPdf('statement-later', statement.pdfBase64);
    // Before the patient's card payment: 180.00 charged − 100.00 paid by Acme = 80.00.
    expect(text).toMatch(/Previous balance\s+\$80\.00/);
    expect(text).not.toContain('36415 Blood draw');
    expect(text).toMatch(/Account balance\s+\$55\.00/);
    const before = await desk.ok('statements.patient', { patientId: insured.id, from: POSTED, to: addDays(PAID, -1) });
    // At the end of that period everything was still Acme's: nothing due from the patient yet.
    expect(before).toMatchObject({ patientDueCents: 0, insurancePendingCents: 18000 });
    expect(readPdf('statement-nothing-due', before.pdfBase64)).toContain('Nothing is due. Thank you.');
  });

  it('refuses a range that runs backwards or into the future, an unknown patient, and staff without billing access', async () => {
    const desk = await clinic.as('front_desk');
    const backwards = await desk.refuses('statements.patient', { patientId: insured.id, from: today(), to: POSTED }, 'VALIDATION');
    expect(backwards.message).toBe('The start date is after the end date. Swap them or pick another range.');
    const future = await desk.refuses('statements.patient', { patientId: insured.id, to: addDays(today(), 3) }, 'VALIDATION');
    expect(future.message).toMatch(/cannot cover days after today/);
    await desk.refuses('statements.patient', { patientId: 'no-such-patient' }, 'NOT_FOUND');
    await (await clinic.as('nurse')).refuses('statements.patient', { patientId: insured.id }, 'FORBIDDEN');
  });

  it('is recorded in the audit trail as a print of that patient’s account', async () => {
    await (await clinic.as('front_desk')).ok('statements.patient', { patientId: selfPay.id });
    const rows = clinic.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE method = 'statements.patient' AND patient_id = ? AND outcome = 'success'",
      selfPay.id,
    );
    expect(rows.map((r) => r.action)).toEqual(['print']);
  });
});

describe('statements.batch', () => {
  it('prints one statement per patient owing at least the minimum, each starting on its own page', async () => {
    const desk = await clinic.as('front_desk');
    // Owing: Rosalind 15.00, Tobias 110.00; Wilma owes 0.50.
    const batch = await desk.ok('statements.batch', { minimumCents: 100 });
    expect(batch).toMatchObject({ fileName: `statements-${today()}.pdf`, statements: 2, totalDueCents: 12500 });
    const pages = readPdf('statements-batch', batch.pdfBase64, 2)
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Tobias Fakename');
    expect(pages[0]).toContain('Please pay $110.00 by');
    expect(pages[1]).toContain('Rosalind Okonkwo-Testa');
    expect(pages.join('')).not.toContain('Smallbalance');

    const everyone = await desk.ok('statements.batch', {});
    expect(everyone.statements).toBe(3);
    expect(readPdf('statements-all', everyone.pdfBase64)).toContain('Please pay $0.50 by');
  });

  it('refuses a minimum below one cent, says so when nobody owes that much, and needs billing access', async () => {
    const desk = await clinic.as('front_desk');
    const zero = await desk.refuses('statements.batch', { minimumCents: 0 }, 'VALIDATION');
    expect(zero.message).toMatch(/at least \$0.01/);
    const none = await desk.refuses('statements.batch', { minimumCents: 1_000_000 }, 'NOT_FOUND');
    expect(none.message).toMatch(/No patient owes that much/);
    await desk.refuses('statements.batch', { asOf: addDays(today(), 1) }, 'VALIDATION');
    await (await clinic.as('nurse')).refuses('statements.batch', {}, 'FORBIDDEN');
  });
});

describe('a patient registered twice, then merged', () => {
  it('gets one statement for both records, under the surviving record', async () => {
    const desk = await clinic.as('front_desk');
    const kept = await clinic.addPatient({ givenName: 'Imogen', familyName: 'Twicely' });
    const retired = await clinic.addPatient({ givenName: 'Imogen', familyName: 'Twicely-Dup', phoneMobile: '(312) 555-9911' });
    await chargedVisit(kept.id, ['99212'], POSTED);
    await chargedVisit(retired.id, ['36415'], POSTED);
    await desk.ok('patients.merge', { retiredId: retired.id, survivingId: kept.id });
    const statement = await desk.ok('statements.patient', { patientId: retired.id, from: POSTED });
    expect(statement).toMatchObject({ patientId: kept.id, patientDueCents: 9000 });
    const text = readPdf('statement-merged', statement.pdfBase64);
    expect(text).toContain('99212 Established patient office visit');
    expect(text).toContain('36415 Blood draw');
    const batch = await desk.ok('statements.batch', { minimumCents: 8000 });
    expect(batch).toMatchObject({ statements: 2, totalDueCents: 11000 + 9000 });
  });
});

describe('a long statement', () => {
  it('runs onto more pages, repeating the table’s header, and still adds up', async () => {
    const desk = await clinic.as('front_desk');
    const patient = await clinic.addPatient({ givenName: 'Perpetua', familyName: 'Installments' });
    await chargedVisit(patient.id, ['99215'], POSTED);
    for (let i = 0; i < 45; i++) await desk.ok('payments.post', { patientId: patient.id, amountCents: 100, method: 'cash' });
    const statement = await desk.ok('statements.patient', { patientId: patient.id, from: POSTED });
    // 220.00 less 45 payments of 1.00.
    expect(statement.patientDueCents).toBe(17500);
    const pages = readPdf('statement-long', statement.pdfBase64, 2)
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(pages.length).toBe(2);
    expect(pages[1]).toContain('Statement for Perpetua Installments, account');
    expect(pages[1]).toMatch(/Date\s+Description\s+Billed to\s+Amount/);
    expect(pages[1]).toMatch(/Account balance\s+\$175\.00/);
    expect(pages[1]).toContain('Please pay $175.00 by');
    expect((pages.join('').match(/Payment by cash/g) ?? []).length).toBe(45);
  });
});
