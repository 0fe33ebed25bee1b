/**
 * The practice manager's audit trail: a patient's accounting of disclosures
 * shows the physician who just opened the chart, exports as CSV and the
 * trail verifies intact; the front desk has no way in.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { call, createPatient, label, reference, sessionFor, uniqueName } from './clinic';
import { screenshot, signIn } from './support';

test('a manager reads a patient’s accounting of disclosures, exports it and verifies the trail', async ({ page }) => {
  await signIn(page, 'manager');
  const patient = await createPatient(page, uniqueName('Audra'), uniqueName('Trail'));
  const name = label(patient);
  // The physician opens the chart on another workstation, as far as the core can tell.
  const physician = await sessionFor(page, 'physician');
  await call(page, 'encounters.list', { patientId: patient.id }, physician);
  // The front desk tries too, and is refused: the refusal is part of the patient's history.
  const desk = await sessionFor(page, 'frontdesk');
  await expect(call(page, 'encounters.list', { patientId: patient.id }, desk)).rejects.toThrow(/FORBIDDEN/);
  const physicianName = (await call(page, 'users.list', {})).find((u) => u.username === 'physician')?.displayName ?? '';
  expect(physicianName).not.toBe('');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await screenshot(page, 'audit-trail');

  const filters = page.getByRole('form', { name: 'Filter the audit trail' });
  await filters.getByRole('combobox', { name: 'Patient' }).fill(patient.familyName);
  await page
    .getByRole('listbox', { name: 'Matching patients' })
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Accounting of disclosures: ${name}` })).toBeVisible();

  const table = page.getByRole('table', { name: `Who accessed or changed ${name}, newest first` });
  const opened = table.getByRole('row').filter({ hasText: 'Opened the chart' }).filter({ hasText: physicianName });
  await expect(opened).toHaveCount(1);
  await expect(opened).toContainText(physicianName);
  await expect(opened).toContainText(name);
  await expect(opened).toContainText('Success');
  const refused = table.getByRole('row').filter({ hasText: 'Opened the chart' }).filter({ hasText: 'Denied' });
  await expect(refused).toHaveCount(1);
  await expect(refused).not.toContainText(physicianName);
  // The registration by the manager is part of the same record's history.
  await expect(table.getByRole('row').filter({ hasText: 'Changed a record' }).first()).toContainText('patients.create');
  await screenshot(page, 'audit-disclosures');

  // Dates are clinic days: nothing has happened from tomorrow on; today (in the clinic's zone) finds the opening again.
  const today = DateTime.now().setZone((await reference(page)).clinic.timeZone);
  await filters.getByLabel('From').fill(today.plus({ days: 1 }).toISODate() ?? '');
  await expect(page.getByText('No audit entries match these filters.')).toBeVisible();
  await filters.getByLabel('From').fill(today.toISODate() ?? '');
  await filters.getByLabel('To').fill(today.toISODate() ?? '');
  await expect(opened).toHaveCount(1);

  // Narrowing by action and outcome keeps only the physician's chart opening.
  await filters.getByLabel('Action').selectOption({ label: 'Opened the chart' });
  await expect(page.getByRole('status').filter({ hasText: /^2 entries\./ })).toBeVisible();
  await filters.getByLabel('Outcome').selectOption({ label: 'Success' });
  await expect(table.getByRole('row')).toHaveCount(2); // the header and the one opening
  await expect(page.getByRole('status').filter({ hasText: /^1 entry\./ })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await file.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  expect(lines[0]).toMatch(/^"Time \([^)]+\)","Time \(UTC\)","User","Action","Method","Patient","Patient id","Workstation","Outcome"$/);
  expect(lines).toHaveLength(3); // header, the row, and the empty string after the final CRLF
  // The patient's name has a comma: quoting keeps it one field.
  expect(lines[1]).toContain(`"${physicianName}","Opened the chart","encounters.list","${name}","${patient.id}",`);
  expect(lines[1]).toMatch(/"Success"$/);

  await page.getByRole('button', { name: 'Verify the trail' }).click();
  await expect(page.getByText(/^[\d,]+ rows on \d+ workstations?: intact\.$/)).toBeVisible();
  await screenshot(page, 'audit-verified');
});

test('the front desk has no audit screen, and the API refuses them the trail', async ({ page }) => {
  await signIn(page, 'frontdesk');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Schedule' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Audit' })).toHaveCount(0);
  await expect(call(page, 'audit.search', {})).rejects.toThrow(/FORBIDDEN/);
});
