/**
 * A claim from posted charges to payment: the practice manager fills in the
 * clinic's billing profile, posts a signed visit, creates the claim to the
 * patient's insurer and reads what it is missing (the payer id and the
 * patient's address, as demo patients often lack), fixes each where the
 * claim says (the patient's record, Admin › Providers), marks it ready,
 * exports the 837P file and records the payer's answers.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { uniqueName } from './clinic';
import { codedVisit, nav, openAccount, postWaitingCharges } from './billing-support';
import { screenshot, signIn } from './support';

const VALID_NPI = '1234567893';
const BILLING_NPI = '1987654328';

async function fillBillingProfile(page: Page): Promise<void> {
  await nav(page).getByRole('button', { name: 'Billing' }).click();
  await page.getByRole('button', { name: 'Billing profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Billing profile' });
  await dialog.getByLabel('Billing name').fill('Lakeside Family Practice');
  await dialog.getByLabel('Billing NPI').fill('1234567890');
  await dialog.getByLabel('Tax id (EIN)').fill('12-3456789');
  await dialog.getByLabel('Taxonomy code').fill('207q00000x');
  await dialog.getByLabel('Street address').fill('100 Test Harbor Way');
  await dialog.getByLabel('City').fill('Springfield');
  await dialog.getByLabel('State').fill('il');
  await dialog.getByLabel('ZIP code').fill('62701-1234');
  await dialog.getByLabel('Phone').fill('(217) 555-0100');
  await dialog.getByLabel('Clearinghouse name').fill('Example Clearinghouse');
  await dialog.getByLabel('Submitter id').fill('SUB0001');
  await dialog.getByLabel('Receiver id').fill('RCV0001');
  // A mistyped NPI is refused next to its field, and nothing typed is lost.
  await dialog.getByRole('button', { name: 'Save billing profile' }).click();
  await expect(dialog.getByLabel('Billing NPI')).toHaveAccessibleDescription(/check digit/);
  await expect(dialog.getByLabel('Submitter id')).toHaveValue('SUB0001');
  await screenshot(page, 'claims-profile-refused');
  await dialog.getByLabel('Billing NPI').fill(BILLING_NPI);
  await dialog.getByRole('button', { name: 'Save billing profile' }).click();
  await expect(dialog).toBeHidden();
}

async function giveProviderNpi(page: Page, provider: string): Promise<void> {
  await nav(page).getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'Clinic' }).click();
  await page.getByRole('button', { name: `Edit ${provider}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${provider}` });
  await dialog.getByLabel('NPI').fill('1234567890');
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect(dialog.getByLabel('NPI')).toHaveAccessibleDescription(/check digit/);
  await screenshot(page, 'claims-provider-npi');
  await dialog.getByLabel('NPI').fill(VALID_NPI);
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect(dialog).toBeHidden();
}

/** The patient's record, as the desk edits it: an address and the payer id from the insurance card. */
async function completePatient(page: Page, family: string, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Address', { exact: true }).fill('12 Sample Street');
  await page.getByLabel('City').fill('Springfield');
  await page.getByLabel('State / region').fill('IL');
  await page.getByLabel('Postal code').fill('62704');
  await page.getByLabel('Payer id').fill('60054');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the changes to' })).toBeVisible();
}

async function openClaim(page: Page, table: Locator, number: string): Promise<Locator> {
  await table.getByRole('button', { name: `Open claim ${number}` }).click();
  const dialog = page.getByRole('dialog', { name: `Claim ${number}` });
  await expect(dialog.getByRole('table', { name: 'Service lines' })).toBeVisible();
  return dialog;
}

/** The first fact of the claim dialog: its status (and the payer's reason, if any). */
const claimStatus = (dialog: Locator) => dialog.getByRole('definition').first();

async function recordStatus(dialog: Locator, status: string, reason = ''): Promise<void> {
  await dialog.getByLabel('New status').selectOption({ label: status });
  await dialog.getByLabel(/^Reason/).fill(reason);
  await dialog.getByRole('button', { name: 'Record status' }).click();
}

test('a claim is created, fixed, sent as an 837P file and followed to payment', async ({ page }) => {
  test.setTimeout(240_000);
  const payer = `${uniqueName('Prairie')} Mutual`;
  const { family, name } = await codedVisit(page, {
    familyPrefix: 'Claimant',
    givenName: 'Rosa',
    sex: 'female',
    dateOfBirth: '1968-05-09',
    insurance: [{ rank: 1, payerName: payer, memberId: 'ZZ-4410-7', subscriberRelationship: 'self' }],
    diagnoses: [
      { code: 'I10', title: 'Essential (primary) hypertension' },
      { code: 'E11.9', title: 'Type 2 diabetes mellitus without complications' },
    ],
    codes: ['99213-25', '36415'],
  });

  await signIn(page, 'manager');
  await fillBillingProfile(page);

  // Post the visit and bill the insurer for it.
  const account = await openAccount(page, family, name);
  await postWaitingCharges(page, account, 'Posted 2 charges');
  await account.getByRole('button', { name: `Create primary claim (${payer})` }).click();
  const created = account.getByRole('status').filter({ hasText: /^Created claim: / });
  await expect(created).toBeVisible();
  const number = /^Created claim: (CL\w+) \(/.exec(await created.innerText())?.[1] ?? '';
  expect(number).toMatch(/^CL\w+$/);
  const accountClaims = account.getByRole('table', { name: 'Claims of this patient' });
  await expect(accountClaims.getByRole('row').filter({ hasText: number })).toContainText('Draft');
  // Everything is on a claim already: a second one has nothing to bill.
  await account.getByRole('button', { name: `Create primary claim (${payer})` }).click();
  await expect(account.getByRole('alert')).toContainText(`Nothing to bill: no posted charges are owed by ${payer}`);
  await screenshot(page, 'claims-account');

  // The claim says what is missing and where to fix it; marking it ready is refused with that list.
  let dialog = await openClaim(page, accountClaims, number);
  const lines = dialog.getByRole('table', { name: 'Service lines' });
  await expect(dialog.getByRole('list', { name: 'Diagnoses on the claim' })).toHaveText(/1\s*I10\s*2\s*E11\.9/);
  await expect(lines.getByRole('row').filter({ hasText: '99213' })).toContainText(/1\s*I10\s*2\s*E11\.9/);
  await expect(lines.locator('tfoot')).toContainText('$125.00');
  const todo = dialog.getByRole('list', { name: 'To fix before sending' });
  await expect(todo).toContainText(`The payer id of ${payer}`);
  await expect(todo).toContainText('The patient’s address');
  await expect(todo).not.toContainText('billing NPI');
  const provider = (await dialog.getByText(/^A valid NPI for .+ \(Admin › Providers\)$/).innerText()).replace(
    /^A valid NPI for (.+) \(Admin › Providers\)$/,
    '$1',
  );
  await screenshot(page, 'claims-problems');
  await dialog.getByRole('button', { name: 'Mark ready' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`Claim ${number} cannot be sent yet.`);
  await expect(dialog.getByRole('alert')).toContainText('The patient’s address');
  await screenshot(page, 'claims-refused');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await giveProviderNpi(page, provider);
  await nav(page).getByRole('button', { name: 'Patients' }).click();
  await completePatient(page, family, name);

  // Complete now: marked ready from the Claims tab and sent in one file.
  await nav(page).getByRole('button', { name: 'Billing' }).click();
  await page.getByRole('tab', { name: 'Claims' }).click();
  const claims = page.getByRole('table', { name: 'Claims' });
  const row = claims.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText(name);
  await expect(row).toContainText(payer);
  dialog = await openClaim(page, claims, number);
  await expect(dialog.getByText('Nothing is missing: this claim can be sent.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Mark ready' }).click();
  await expect(claimStatus(dialog)).toHaveText('Ready to send');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Ready to send' });
  await row.getByRole('checkbox', { name: `Select claim ${number}` }).check();
  await screenshot(page, 'claims-ready');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export 837P/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^claims-837p-\d{9}\.x12$/);
  const x12 = readFileSync(await file.path(), 'utf8');
  expect(x12.startsWith('ISA*')).toBe(true);
  expect(x12).toContain(`CLM*${number}*125`);
  await expect(page.getByRole('status').filter({ hasText: /1 claim saved in claims-837p-/ })).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'All claims' });
  await expect(row).toContainText('Submitted');

  // The payer's answers: accepted, then paid; a denial would need its reason.
  dialog = await openClaim(page, claims, number);
  await recordStatus(dialog, 'Accepted by payer');
  await expect(claimStatus(dialog)).toHaveText('Accepted by payer');
  await recordStatus(dialog, 'Denied');
  await expect(dialog.getByLabel(/^Reason/)).toHaveAccessibleDescription('Required');
  await screenshot(page, 'claims-reason-required');
  await recordStatus(dialog, 'Paid');
  await expect(claimStatus(dialog)).toHaveText('Paid');
  await expect(dialog.getByLabel('New status')).toHaveCount(0);
  await screenshot(page, 'claims-paid');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText('Paid');
  await screenshot(page, 'claims-list');
});
