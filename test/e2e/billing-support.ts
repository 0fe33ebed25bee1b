/**
 * Steps the billing tests share: a signed, coded visit made through the API
 * (what the physician does in the chart is billing.spec's own subject), a
 * patient's account opened from the Billing screen, and its captured charges
 * posted from there the way the desk does it.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Input, Output } from '../../main/contract';
import { call, label, sessionFor, uniqueName } from './clinic';
import { open } from './support';

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

interface VisitOptions {
  familyPrefix: string;
  givenName: string;
  sex?: Input<'patients.create'>['sex'];
  dateOfBirth?: string;
  insurance?: Input<'patients.create'>['insurance'];
  diagnoses: { code: string; title: string }[];
  /** Service codes picked on the superbill ("99213-25" with its modifiers), each one unit with every diagnosis of the visit. */
  codes: string[];
}

export interface Visit {
  patient: Output<'patients.create'>;
  family: string;
  name: string;
}

/** A new patient with a signed visit of the demo physician, coded, with its charges captured (not yet posted). */
export async function codedVisit(page: Page, options: VisitOptions): Promise<Visit> {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const physician = await sessionFor(page, 'physician');
  const family = uniqueName(options.familyPrefix);
  const patient = await call(
    page,
    'patients.create',
    {
      givenName: options.givenName,
      familyName: family,
      sex: options.sex ?? 'male',
      dateOfBirth: options.dateOfBirth ?? '1990-02-14',
      acknowledgeDuplicates: true,
      ...(options.insurance && { insurance: options.insurance }),
    },
    manager,
  );
  const detail = await call(page, 'encounters.open', { patientId: patient.id, reason: 'Follow-up visit' }, physician);
  await call(page, 'encounters.setDiagnoses', { id: detail.encounter.id, diagnoses: options.diagnoses }, physician);
  await call(page, 'notes.save', { id: detail.note.id, content: { assessment: 'Stable.', plan: 'Review in three months.' } }, physician);
  await call(page, 'notes.sign', { id: detail.note.id }, physician);
  const diagnosisCodes = options.diagnoses.map((d) => d.code);
  for (const line of options.codes) {
    const [code = '', ...modifiers] = line.split('-');
    await call(page, 'charges.save', { encounterId: detail.encounter.id, code, modifiers, units: 1, diagnosisCodes }, physician);
  }
  return { patient, family, name: label(patient) };
}

/** The Billing screen's account of a patient, found by the patient search. */
export async function openAccount(page: Page, family: string, name: string): Promise<Locator> {
  await nav(page).getByRole('button', { name: 'Billing' }).click();
  await page.getByRole('tab', { name: 'Patient accounts' }).click();
  await page.getByRole('combobox', { name: 'Patient', exact: true }).fill(family);
  await page
    .getByRole('listbox', { name: 'Matching patients' })
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .click();
  return page.getByRole('region', { name: `Account of ${name}` });
}

/** "Review and post" on the account: posts the visit's captured charges, checking the core's confirmation. */
export async function postWaitingCharges(page: Page, account: Locator, confirmation: string): Promise<void> {
  await account.getByRole('button', { name: 'Review and post' }).click();
  const review = page.getByRole('dialog', { name: 'Charges waiting to be posted' });
  await review.getByRole('button', { name: 'Post charges' }).click();
  await expect(review.getByRole('status').filter({ hasText: confirmation })).toBeVisible();
  await review.getByRole('button', { name: 'Close' }).click();
  await expect(review).toBeHidden();
}
