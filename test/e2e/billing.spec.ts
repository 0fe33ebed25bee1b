/**
 * Billing a visit from the chart to a zero balance: the physician codes and
 * signs the visit and picks two services on the superbill; the practice
 * manager posts them, enters the insurer's remittance applied to the visit
 * and its contractual adjustment, moves what the insurer leaves to the
 * patient, and takes the patient's payment at the desk. The A/R aging report
 * shows the insurer's debt appear and go. The payer's name is made up per
 * run, so the aging row is this test's alone.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { call, label, sessionFor, uniqueName } from './clinic';
import { codedVisit, nav, openAccount } from './billing-support';
import { open, screenshot, signIn } from './support';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
}

/** Pick a diagnosis in the chart's code search by typing its code. */
async function addDiagnosis(draft: Locator, code: string, title: RegExp): Promise<void> {
  const search = draft.getByRole('combobox', { name: 'Add a diagnosis' });
  await search.fill(code);
  await expect(draft.getByRole('option').first()).toHaveAccessibleName(title);
  await search.press('Enter');
  await expect(draft.getByRole('list', { name: 'Diagnoses' })).toContainText(code.toUpperCase());
}

/** "Add service" on the superbill: the code found in the fee schedule by its words, picked from the keyboard. */
async function addService(page: Page, superbill: Locator, words: string, code: string, modifiers = ''): Promise<void> {
  await superbill.getByRole('button', { name: 'Add service' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add service' });
  const search = dialog.getByRole('combobox', { name: 'Service code' });
  await search.fill(words);
  await expect(dialog.getByRole('listbox', { name: 'Services on the fee schedule' })).toHaveAttribute('aria-busy', 'false');
  const option = dialog.getByRole('option', { name: new RegExp(`^${code} `) });
  await expect(option).toBeVisible();
  for (let step = 0; step < 12 && (await option.getAttribute('aria-selected')) !== 'true'; step++) await search.press('ArrowDown');
  await search.press('Enter');
  await expect(search).toHaveValue(code);
  if (modifiers) await dialog.getByLabel('Modifiers').fill(modifiers);
  // Both diagnoses of the visit are ticked for a new line.
  await expect(dialog.getByRole('checkbox', { name: /I10/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /E11\.9/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Add service' }).click();
  await expect(dialog).toBeHidden();
  await expect(superbill.getByRole('table', { name: 'Charge lines' }).getByRole('row').filter({ hasText: code })).toHaveCount(1);
}

/** The payer's row of the aging report by payer, as of today. */
async function agingByPayer(page: Page): Promise<Locator> {
  await nav(page).getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await page.getByRole('radio', { name: 'Payer' }).check();
  return page.getByRole('region', { name: 'Accounts receivable aging' });
}

/** The clinic's total owed as the report shows it ("Nothing owed" when the table is empty). */
async function agingTotal(aging: Locator): Promise<string> {
  const table = aging.getByRole('table');
  await expect(table.or(aging.getByText(/^Nothing owed as of/))).toBeVisible();
  return (await table.count()) > 0 ? table.locator('tfoot td').last().innerText() : 'Nothing owed';
}

/** Choose a charge in a dialog's "Charge" list by how it starts ("99213-25 · …"). */
async function chooseCharge(dialog: Locator, name: string): Promise<void> {
  const select = dialog.getByLabel('Charge');
  const value = await select
    .locator('option')
    .filter({ hasText: new RegExp(`^${name} `) })
    .getAttribute('value');
  await select.selectOption(value ?? '');
}

async function post(dialog: Locator, button: string): Promise<void> {
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

test('a visit is billed, paid by the insurer and the patient, and leaves the aging report', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const payer = `${uniqueName('Harbor')} Health`;
  const family = uniqueName('Billing');
  const patient = await call(
    page,
    'patients.create',
    {
      givenName: 'Ines',
      familyName: family,
      sex: 'female',
      dateOfBirth: '1979-08-30',
      acknowledgeDuplicates: true,
      insurance: [{ rank: 1, payerName: payer, memberId: 'ZZ-0000-1', subscriberRelationship: 'self' }],
    },
    manager,
  );
  const name = label(patient);

  // Before: the payer owes nothing, so it has no row.
  await signIn(page, 'manager');
  let aging = await agingByPayer(page);
  const totalBefore = await agingTotal(aging);
  await expect(aging.getByRole('row', { name: new RegExp(payer) })).toHaveCount(0);
  await screenshot(page, 'billing-aging-before');
  await signOut(page);

  // The physician opens a visit, codes it, signs it, and picks the services.
  await signIn(page, 'physician');
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await page.getByRole('button', { name: 'Open chart' }).click();
  await page.getByRole('navigation', { name: 'Encounters' }).getByRole('button', { name: 'New encounter' }).click();
  const opening = page.getByRole('dialog', { name: 'New encounter' });
  await opening.getByLabel('Reason for the visit').fill('Blood pressure and sugar review');
  await opening.getByRole('button', { name: 'Open encounter' }).click();
  const draft = page.getByRole('article', { name: 'Draft note' });
  await draft.getByRole('textbox', { name: 'Assessment' }).fill('Hypertension and type 2 diabetes, both controlled.');
  await addDiagnosis(draft, 'i10', /^I10 Essential \(primary\) hypertension/);
  await addDiagnosis(draft, 'e11.9', /^E11\.9 Type 2 diabetes mellitus without complications/);
  const superbill = page.getByRole('region', { name: 'Superbill' });
  await expect(superbill).toContainText(`Billed to ${payer}`);
  await expect(superbill).toContainText('No charges yet.');
  await draft.getByRole('button', { name: 'Sign note' }).click();
  await page.getByRole('dialog', { name: 'Sign this note?' }).getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('article', { name: 'Signed note' })).toBeVisible();

  await addService(page, superbill, 'office visit, low', '99213', '25');
  await addService(page, superbill, 'venipuncture', '36415');
  const lines = superbill.getByRole('table', { name: 'Charge lines' });
  await expect(lines.getByRole('row').filter({ hasText: '99213' })).toContainText('$110.00');
  await expect(lines.getByRole('row').filter({ hasText: '99213' })).toContainText('I10, E11.9');
  await expect(lines.locator('tfoot')).toContainText('$125.00');
  // A physician captures; posting is the desk's or the manager's.
  await expect(superbill.getByRole('button', { name: 'Post charges' })).toHaveCount(0);
  await expect(superbill).toContainText('The front desk or a practice manager posts these charges');
  await superbill.scrollIntoViewIfNeeded();
  await screenshot(page, 'billing-superbill');
  await signOut(page);

  // The manager posts the visit from the patient's account.
  await signIn(page, 'manager');
  await nav(page).getByRole('button', { name: 'Billing' }).click();
  await page.getByRole('combobox', { name: 'Patient', exact: true }).fill(family);
  await page
    .getByRole('listbox', { name: 'Matching patients' })
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .click();
  const account = page.getByRole('region', { name: `Account of ${name}` });
  await expect(account).toContainText('2 captured charges are not posted yet');
  await account.getByRole('button', { name: 'Review and post' }).click();
  const review = page.getByRole('dialog', { name: 'Charges waiting to be posted' });
  await review.getByRole('button', { name: 'Post charges' }).click();
  await expect(review.getByRole('status').filter({ hasText: 'Posted 2 charges, $125.00.' })).toBeVisible();
  await expect(review.getByRole('button', { name: 'Post charges' })).toBeDisabled();
  await review.getByRole('button', { name: 'Close' }).click();

  const figures = account.getByRole('definition');
  const summary = account.getByLabel('Account summary');
  await expect(summary).toContainText('Balance$125.00');
  await expect(summary).toContainText('Insurance due$125.00');
  await screenshot(page, 'billing-account-posted');

  aging = await agingByPayer(page);
  await expect(aging.getByRole('row', { name: new RegExp(payer) })).toContainText('$125.00');
  await screenshot(page, 'billing-aging-owed');
  await page.getByRole('radio', { name: 'Patient' }).check();
  await expect(aging.getByRole('row', { name: new RegExp(family) })).toContainText('$125.00');
  const download = page.waitForEvent('download');
  await aging.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain(`"${name} (${patient.mrn})",125.00,0.00,0.00,0.00,125.00`);
  await nav(page).getByRole('button', { name: 'Billing' }).click();
  await page.getByRole('combobox', { name: 'Patient', exact: true }).fill(family);
  await page
    .getByRole('listbox', { name: 'Matching patients' })
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .click();

  // The insurer's remittance: $70.00 on the visit.
  await account.getByRole('button', { name: 'Take payment' }).click();
  let dialog = page.getByRole('dialog', { name: 'Take payment' });
  await dialog.getByLabel('Amount', { exact: true }).fill('70');
  await dialog.getByLabel('Paid by').selectOption(payer);
  await expect(dialog.getByLabel('Method')).toHaveValue('insurance');
  await dialog.getByLabel('Reference').fill('TRN 4471');
  await dialog.getByRole('checkbox', { name: 'Apply to specific charges' }).check();
  // More than the visit is owed is refused by the core, and nothing typed is lost.
  await dialog.getByRole('textbox', { name: 'Apply to 99213-25' }).fill('$1,200');
  await dialog.getByRole('button', { name: 'Post payment' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText(/more than/);
  await expect(dialog.getByLabel('Reference')).toHaveValue('TRN 4471');
  await screenshot(page, 'billing-payment-refused');
  await dialog.getByRole('textbox', { name: 'Apply to 99213-25' }).fill('70.00');
  await post(dialog, 'Post payment');
  await expect(summary).toContainText('Balance$55.00');

  // The contractual adjustment of what the payer's fees do not cover.
  await account.getByRole('button', { name: 'Adjust / write off' }).click();
  dialog = page.getByRole('dialog', { name: 'Adjust or write off' });
  await chooseCharge(dialog, '99213-25');
  await dialog.getByLabel('Amount').fill('25');
  await expect(dialog.getByLabel('Reason')).toHaveValue('CO-45');
  await expect(dialog.getByLabel('Whose part')).toHaveValue(payer);
  await post(dialog, 'Post adjustment');
  await expect(summary).toContainText('Balance$30.00');

  // What the insurer leaves becomes the patient's: the rest of the visit, and the blood draw.
  for (const [code, amount] of [
    ['99213-25', '15'],
    ['36415', '15.00'],
  ] as const) {
    await account.getByRole('button', { name: 'Move balance to patient' }).click();
    dialog = page.getByRole('dialog', { name: 'Move balance to patient' });
    await chooseCharge(dialog, code);
    await dialog.getByLabel('Amount').fill(amount);
    await post(dialog, 'Move to patient');
  }
  await expect(summary).toContainText('Patient due$30.00');
  await expect(summary).toContainText('Insurance due$0.00');

  // The patient pays at the desk, for whatever is oldest.
  await account.getByRole('button', { name: 'Take payment' }).click();
  dialog = page.getByRole('dialog', { name: 'Take payment' });
  await dialog.getByLabel('Amount', { exact: true }).fill('30.00');
  await expect(dialog.getByLabel('Paid by')).toHaveValue('');
  await dialog.getByLabel('Method').selectOption('Cash');
  await post(dialog, 'Post payment');
  await expect(summary).toContainText('Balance$0.00');
  await expect(account).toContainText('Nothing owed.');
  await expect(figures.first()).toHaveText('$0.00');
  const charges = account.getByRole('table', { name: 'Charges' });
  await expect(charges.getByRole('row').filter({ hasText: 'Paid' })).toHaveCount(2);
  const ledger = account.getByRole('table', { name: 'Ledger, newest first' });
  await expect(ledger.getByRole('row').nth(1)).toContainText('Payment');
  await expect(ledger.getByRole('row').nth(1)).toContainText('Cash');
  await expect(ledger.getByRole('row').filter({ hasText: 'TRN 4471' })).toContainText(payer);
  await expect(ledger.getByRole('row').filter({ hasText: 'CO-45' })).toContainText('-$25.00');
  await screenshot(page, 'billing-account-settled');

  // After: the payer owes nothing again, and the clinic's total is back where it was.
  aging = await agingByPayer(page);
  await expect(aging.getByRole('row', { name: new RegExp(payer) })).toHaveCount(0);
  expect(await agingTotal(aging)).toBe(totalBefore);
  await screenshot(page, 'billing-aging-after');
});

/** A signed, coded visit of a new self-pay patient with one draft 99212 line, made through the API. */
async function selfPayVisit(page: Page): Promise<{ family: string; name: string }> {
  return codedVisit(page, {
    familyPrefix: 'Ledger',
    givenName: 'Tomas',
    diagnoses: [{ code: 'J02.9', title: 'Acute pharyngitis, unspecified' }],
    codes: ['99212'],
  });
}

test('the desk posts and takes payment; the manager keeps fee schedules, reverses a payment and closes the books', async ({ page }) => {
  test.setTimeout(240_000);
  const { family, name } = await selfPayVisit(page);

  // The front desk posts the visit and takes a payment, and is offered nothing a manager does.
  await signIn(page, 'frontdesk');
  let account = await openAccount(page, family, name);
  await expect(page.getByRole('tab', { name: 'Fee schedules' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Close books…' })).toHaveCount(0);
  await expect(account.getByRole('button', { name: 'Adjust / write off' })).toHaveCount(0);
  await expect(account.getByRole('button', { name: 'Move balance to patient' })).toHaveCount(0); // self-pay: no insurer to move from
  await account.getByRole('button', { name: 'Review and post' }).click();
  const review = page.getByRole('dialog', { name: 'Charges waiting to be posted' });
  await expect(review.getByRole('region', { name: 'Superbill' })).toContainText('Billed to Patient (self-pay)');
  await review.getByRole('button', { name: 'Post charges' }).click();
  await expect(review.getByRole('status').filter({ hasText: 'Posted 1 charge, $75.00.' })).toBeVisible();
  await review.getByRole('button', { name: 'Close' }).click();
  await account.getByRole('button', { name: 'Take payment' }).click();
  let dialog = page.getByRole('dialog', { name: 'Take payment' });
  await dialog.getByLabel('Amount', { exact: true }).fill('twenty');
  await dialog.getByRole('button', { name: 'Post payment' }).click();
  await expect(dialog.getByLabel('Amount', { exact: true })).toHaveAccessibleDescription('Type dollars, e.g. 45.50');
  await dialog.getByLabel('Amount', { exact: true }).fill('20');
  await post(dialog, 'Post payment');
  const summary = account.getByLabel('Account summary');
  await expect(summary).toContainText('Balance$55.00');
  await expect(account.getByRole('button', { name: /^Reverse/ })).toHaveCount(0);
  await screenshot(page, 'billing-front-desk');
  await signOut(page);

  // The manager prices a payer's codes: one by hand, the rest from a file checked in a dry run.
  await signIn(page, 'manager');
  await nav(page).getByRole('button', { name: 'Billing' }).click();
  await page.getByRole('tab', { name: 'Fee schedules' }).click();
  await page.getByRole('button', { name: 'New payer schedule' }).click();
  dialog = page.getByRole('dialog', { name: 'New payer schedule' });
  const payer = `${uniqueName('Summit')} Care`;
  await dialog.getByLabel('Payer').fill(payer);
  await dialog.getByLabel('Schedule name').fill(`${payer} 2026`);
  await post(dialog, 'Create schedule');
  await expect(page.getByRole('heading', { level: 2, name: `${payer} 2026` })).toBeVisible();
  await expect(page.getByText('No codes on this schedule yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add code' }).click();
  dialog = page.getByRole('dialog', { name: 'Add code' });
  await dialog.getByLabel('Code').fill('99212');
  await dialog.getByLabel('Description').fill('Established patient visit, straightforward');
  await dialog.getByLabel('Price').fill('$70');
  await post(dialog, 'Save code');
  const codes = page.getByRole('table', { name: `Codes of ${payer} 2026` });
  await expect(codes.getByRole('row').filter({ hasText: '99212' })).toContainText('$70.00');

  await page.getByRole('button', { name: 'Import CSV' }).click();
  dialog = page.getByRole('dialog', { name: `Import fees into ${payer} 2026` });
  const file = dialog.getByLabel('CSV file');
  await file.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('code,description,price\n99213,Visit,95.00\n9921,Typo,10.00\n'),
  });
  await expect(dialog.getByRole('alert')).toContainText('Line 3: "9921" is not a CPT or HCPCS code. Nothing was imported.');
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  const good =
    'code,description,price\n99212,Established patient visit,70.00\n99213,Established patient visit,95.00\n36415,Blood draw,12.50\n';
  await file.setInputFiles({ name: 'summit.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await expect(dialog.getByRole('status')).toContainText('summit.csv: 2 new, 1 changed, 0 unchanged. Nothing is saved until you import.');
  await expect(codes.getByRole('row')).toHaveCount(2); // the header and 99212: the dry run saved nothing
  await screenshot(page, 'billing-fee-import');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported: 2 new, 1 changed, 0 unchanged.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(codes.getByRole('row')).toHaveCount(4);
  await page.getByLabel('Search codes').fill('blood');
  await expect(codes.getByRole('row')).toHaveCount(2);
  await expect(codes).toContainText('$12.50');
  await page.getByLabel('Search codes').fill('');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(exported).toMatch(/99213,Established patient visit,95\.00/);
  await screenshot(page, 'billing-fee-schedules');

  // The desk's payment was entered twice by mistake, say: the manager reverses it, with a reason.
  await page.getByRole('tab', { name: 'Patient accounts' }).click();
  account = await openAccount(page, family, name);
  await account.getByRole('button', { name: /^Reverse payment of/ }).click();
  dialog = page.getByRole('dialog', { name: 'Reverse this posting?' });
  await dialog.getByRole('button', { name: 'Reverse' }).click();
  await expect(dialog.getByRole('alert').first()).toBeVisible();
  await dialog.getByLabel('Reason').fill('Entered on the wrong account');
  await post(dialog, 'Reverse');
  await expect(summary).toContainText('Balance$75.00');
  const ledger = account.getByRole('table', { name: 'Ledger, newest first' });
  await expect(ledger.getByRole('row').filter({ hasText: 'Reversed' })).toContainText('-$20.00');
  await expect(ledger.getByRole('row').filter({ hasText: 'Reversal' })).toContainText('Entered on the wrong account');
  await screenshot(page, 'billing-reversed');

  // Books closed before today: a payment dated yesterday is refused, and says why.
  await page.getByRole('button', { name: 'Close books…' }).click();
  dialog = page.getByRole('dialog', { name: 'Close the books' });
  // The clinic's today, as the core counts days (its zone, not the browser's).
  const zoneToday = (await call(page, 'reports.arAging', {})).asOf;
  await dialog.getByLabel('Books closed before').fill(zoneToday);
  await post(dialog, 'Close the books');
  await expect(page.getByText(/^Books closed before /)).toBeVisible();
  await account.getByRole('button', { name: 'Take payment' }).click();
  dialog = page.getByRole('dialog', { name: 'Take payment' });
  await dialog.getByLabel('Amount', { exact: true }).fill('10');
  const yesterday = new Date(Date.parse(`${zoneToday}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('Date').fill(yesterday);
  await dialog.getByRole('button', { name: 'Post payment' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText(/closed|lock/i);
  await screenshot(page, 'billing-lock-refused');
});
