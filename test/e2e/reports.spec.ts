/**
 * The manager's reports and statements, on the demo clinic: the manager posts
 * a visit's charge and the patient's cash payment, then finds both on the day
 * sheet (which reconciles to the net change), the code in production, the
 * payment in collections, the patient among the month's new patients and the
 * appointment counts; sorts a table, exports a CSV, looks at the print
 * layout; and saves a patient statement and a batch of statements as PDFs.
 * Other tests post on the same demo clinic, so assertions look for this
 * test's own patient (a unique family name) rather than exact totals.
 */
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { call, createPatient, reference, uniqueName } from './clinic';
import { codedVisit, nav, openAccount, postWaitingCharges } from './billing-support';
import { screenshot, signIn } from './support';

async function downloaded(download: Promise<Download>): Promise<Buffer> {
  return readFileSync(await (await download).path());
}

async function openReport(page: Page, tab: string, title: string): Promise<Locator> {
  await page.getByRole('tablist', { name: 'Reports' }).getByRole('tab', { name: tab }).click();
  const report = page.getByRole('region', { name: title });
  await expect(report.getByRole('status').filter({ hasText: /…$/ })).toHaveCount(0);
  return report;
}

/** The texts of one column of a table's body, in the order shown. */
async function columnTexts(table: Locator, column: number): Promise<string[]> {
  return table
    .locator('tbody tr:not([aria-hidden])')
    .evaluateAll((rows, index) => rows.map((row) => row.children[index]?.textContent ?? ''), column);
}

const cents = (money: string) => Math.round(Number(money.replace(/[$,]/g, '')) * 100);

test('a day is posted, reported, sorted, exported and printed, and statements are saved as PDFs', async ({ page }) => {
  test.setTimeout(240_000);
  const { patient, family, name } = await codedVisit(page, {
    familyPrefix: 'Reporting',
    givenName: 'Rhea',
    sex: 'female',
    dateOfBirth: '1983-03-21',
    diagnoses: [{ code: 'I10', title: 'Essential (primary) hypertension' }],
    codes: ['99213'],
  });

  // The manager posts the visit and takes $40.00 in cash from the patient.
  await signIn(page, 'manager');
  const today = DateTime.now().setZone((await reference(page)).clinic.timeZone);
  const account = await openAccount(page, family, name);
  await postWaitingCharges(page, account, 'Posted 1 charge, $110.00.');
  await account.getByRole('button', { name: 'Take payment' }).click();
  const payment = page.getByRole('dialog', { name: 'Take payment' });
  await payment.getByLabel('Amount', { exact: true }).fill('40');
  await payment.getByLabel('Method').selectOption('cash');
  await payment.getByRole('button', { name: 'Post payment' }).click();
  await expect(payment).toBeHidden();
  await expect(account.getByLabel('Account summary')).toContainText('Balance$70.00');

  // A statement of the account, as a PDF.
  await account.getByRole('button', { name: 'Statement (PDF)…' }).click();
  const statementDialog = page.getByRole('dialog', { name: 'Patient statement' });
  await expect(statementDialog.getByLabel('From (optional)')).toBeFocused();
  const statement = page.waitForEvent('download');
  await statementDialog.getByRole('button', { name: 'Save statement (PDF)' }).click();
  expect((await downloaded(statement)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(statementDialog.getByRole('status')).toContainText(`${name} owes $70.00.`);
  await screenshot(page, 'reports-statement');
  await statementDialog.getByRole('button', { name: 'Done' }).click();
  await expect(statementDialog).toBeHidden();

  // Day sheet of today: the charge and the payment, and the lines add up to the net change.
  await nav(page).getByRole('button', { name: 'Reports' }).click();
  const daySheet = await openReport(page, 'Day sheet', 'Day sheet');
  await expect(daySheet.getByLabel('Date')).toHaveValue(today.toISODate() ?? '');
  const lines = daySheet.getByRole('table', { name: 'Lines' });
  const ours = lines.getByRole('row').filter({ hasText: family });
  await expect(ours.filter({ hasText: 'Charge' })).toContainText('$110.00');
  await expect(ours.filter({ hasText: 'Payment' })).toContainText('-$40.00');
  await expect(ours.filter({ hasText: 'Payment' })).toContainText('Cash');
  const byKind = daySheet.getByRole('table', { name: /^By kind/ });
  const net = await byKind.locator('tfoot td').last().innerText();
  await expect(byKind.locator('tfoot')).toContainText('Net change of A/R');
  await expect(daySheet.getByRole('status').filter({ hasText: 'Reconciled' })).toContainText(`add up to the net change, ${net}.`);
  const byMethod = daySheet.getByRole('table', { name: 'Payments by method' });
  await expect(byMethod.getByRole('row', { name: /^Cash/ })).toBeVisible();
  await screenshot(page, 'reports-day-sheet');

  // One provider's day: the visit's provider keeps both lines, and the heading says whose day it is.
  const provider = await ours.filter({ hasText: 'Charge' }).locator('td').nth(3).innerText();
  await daySheet.getByRole('combobox', { name: 'Provider' }).selectOption({ label: provider });
  await expect(daySheet.getByText(`${today.toFormat('d LLL yyyy')} · ${provider}`)).toBeVisible();
  await expect(ours).toHaveCount(2);
  await daySheet.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'All providers' });

  // Sorting the lines by amount, largest first, then smallest first.
  const amountHeader = lines.getByRole('columnheader', { name: 'Amount' });
  await amountHeader.getByRole('button').click();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'descending');
  let amounts = (await columnTexts(lines, 7)).map(cents);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  await amountHeader.getByRole('button').click();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'ascending');
  amounts = (await columnTexts(lines, 7)).map(cents);
  expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  await expect(lines.getByRole('columnheader', { name: 'Patient' })).toHaveAttribute('aria-sort', 'none');

  // The lines as a CSV: the payment in dollars, as a number.
  const csvDownload = page.waitForEvent('download');
  await daySheet.getByRole('button', { name: 'Export CSV: Lines' }).click();
  const csv = (await downloaded(csvDownload)).toString('utf8');
  expect((await csvDownload).suggestedFilename()).toBe(`day-sheet-lines-${today.toISODate()}.csv`);
  expect(csv.split('\r\n')[1]).toBe('"Time","Patient","Kind","Description","Provider","Payer","Method","Amount","Entered by"');
  const onSheet = `${patient.givenName} ${patient.familyName} (${patient.mrn})`;
  expect(csv).toContain(`"${onSheet}","Charge","99213 `);
  expect(csv).toContain(`"${onSheet}","Payment","Payment by cash for 99213","Dr. `);
  expect(csv).toMatch(/"Patient","Cash",-40\.00,"Morgan Manager"\r\n/);

  // The print layout: the report's title, figures and tables, without the app around them.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('form', { name: 'Report filters' })).toBeHidden();
  await expect(lines).toBeVisible();
  await screenshot(page, 'reports-print');
  await page.emulateMedia({ media: 'screen' });
  // "Print" opens the browser's print (headless Chromium returns at once) and leaves the report as it was.
  await daySheet.getByRole('button', { name: 'Print' }).click();
  await expect(lines).toBeVisible();

  // A/R aging by patient: the patient's $70.00 is current.
  const aging = await openReport(page, 'A/R aging', 'Accounts receivable aging');
  await aging.getByRole('radio', { name: 'Patient' }).check();
  const agingTable = aging.getByRole('table', { name: /^A\/R aging by patient/ });
  await expect(agingTable.getByRole('row', { name: new RegExp(family) })).toContainText('$70.00');
  await screenshot(page, 'reports-aging-by-patient');

  // Production this month, reached from the keyboard: the visit's code.
  await page.getByRole('tab', { name: 'A/R aging' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Production' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Production' })).toHaveAttribute('aria-selected', 'true');
  const production = await openReport(page, 'Production', 'Production');
  await expect(page.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true');
  const codes = production.getByRole('table', { name: 'By procedure code' });
  await expect(codes.getByRole('row', { name: /^99213/ })).toBeVisible();
  await expect(production.getByRole('table', { name: 'By provider' }).locator('tfoot')).toContainText('Total');
  await screenshot(page, 'reports-production');

  // Collections: the cash payment, by payer (the patient) and by method.
  const collections = await openReport(page, 'Collections', 'Collections');
  await collections.getByRole('radio', { name: 'Payer' }).check();
  const received = collections.getByRole('table', { name: 'Received by payer' });
  await expect(received.getByRole('columnheader', { name: 'Cash' })).toBeVisible();
  await expect(received.getByRole('row', { name: /^Patient/ })).toBeVisible();
  await collections.getByRole('radio', { name: 'Method' }).check();
  await expect(collections.getByRole('table', { name: 'Received by method' }).getByRole('row', { name: /^Cash/ })).toBeVisible();
  await screenshot(page, 'reports-collections');

  // New patients: this month counts the patient made today.
  const newPatients = await openReport(page, 'New patients', 'New patients');
  const month = newPatients.getByRole('table', { name: 'New patients by month' }).getByRole('row', { name: today.toFormat('LLL yyyy') });
  expect(Number((await month.getByRole('cell').innerText()).replace(/,/g, ''))).toBeGreaterThanOrEqual(1);
  await screenshot(page, 'reports-new-patients');

  // Appointments: counts and rates by provider and room.
  const appointments = await openReport(page, 'Appointments', 'Appointments');
  await expect(appointments.getByText(/^[\d,]+ booked: [\d,]+ completed/)).toBeVisible();
  const byProvider = appointments.getByRole('table', { name: 'By provider' });
  await expect(byProvider.getByRole('columnheader', { name: 'No-show rate' })).toBeVisible();
  await expect(byProvider.locator('tfoot')).toContainText('Total');
  await screenshot(page, 'reports-appointments');

  // A batch of statements for everyone who owes; then a minimum nobody reaches.
  await nav(page).getByRole('button', { name: 'Billing' }).click();
  await page.getByRole('button', { name: 'Statements for all balances…' }).click();
  const batchDialog = page.getByRole('dialog', { name: 'Statements for all balances' });
  await expect(batchDialog.getByLabel('Smallest balance')).toHaveValue('0.01');
  const batch = page.waitForEvent('download');
  await batchDialog.getByRole('button', { name: 'Save statements (PDF)' }).click();
  expect((await downloaded(batch)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const saved = batchDialog.getByRole('status');
  await expect(saved).toContainText(/^Saved statements-.*\.pdf: \d+ statements?, \$[\d,.]+ due in all\.$/);
  // The count it reports is the core's: everyone owing at least a cent, this test's patient among them.
  const counted = await call(page, 'statements.batch', { minimumCents: 1 });
  expect(counted.statements).toBeGreaterThanOrEqual(1);
  await expect(saved).toContainText(`: ${counted.statements} statement`);
  await screenshot(page, 'reports-batch');
  await batchDialog.getByLabel('Smallest balance').fill('1000000');
  await batchDialog.getByRole('button', { name: 'Save statements (PDF)' }).click();
  await expect(batchDialog.getByRole('alert')).toContainText('No patient owes that much');
  await screenshot(page, 'reports-batch-none');
});

test('a day sheet of many lines renders the rows in view and still adds up', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'manager');
  const family = uniqueName('Deposit');
  const patient = await createPatient(page, 'Dora', family);
  // 160 small cash deposits on account: more lines than the table renders at once.
  const deposits = 160;
  for (let i = 0; i < deposits; i++) {
    await call(page, 'payments.post', { patientId: patient.id, amountCents: 100 + i, method: 'cash' });
  }
  await nav(page).getByRole('button', { name: 'Reports' }).click();
  const daySheet = await openReport(page, 'Day sheet', 'Day sheet');
  const scroller = daySheet.getByRole('group', { name: /^Lines: \d+ rows, scroll for more$/ });
  await expect(scroller).toBeVisible();
  const lines = scroller.getByRole('table', { name: 'Lines' });
  const total = Number(await lines.getAttribute('aria-rowcount')) - 2;
  expect(total).toBeGreaterThanOrEqual(deposits);
  const rendered = await lines.locator('tbody tr:not([aria-hidden])').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(total);
  await expect(daySheet.getByRole('status').filter({ hasText: 'Reconciled' })).toContainText(`the ${total} lines below add up`);
  await screenshot(page, 'reports-day-sheet-many');

  // Largest first, then the keyboard scrolls to the smallest at the bottom of the window.
  await lines.getByRole('columnheader', { name: 'Amount' }).getByRole('button').click();
  await expect(lines.locator('tbody tr:not([aria-hidden])').first()).toHaveAttribute('aria-rowindex', '2');
  await scroller.focus();
  await page.keyboard.press('End');
  await expect(lines.locator(`tbody tr[aria-rowindex="${total + 1}"]`)).toBeVisible();
  const last = await lines
    .locator(`tbody tr[aria-rowindex="${total + 1}"] td`)
    .nth(6)
    .innerText();
  const amounts = (await columnTexts(lines, 7)).map(cents);
  expect(cents(last)).toBe(Math.min(...amounts));
  await screenshot(page, 'reports-day-sheet-many-end');
});
