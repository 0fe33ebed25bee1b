/**
 * Home-monitoring readings in the demo clinic: a nurse imports a blood
 * pressure cuff's CSV export into a patient who already has a reading taken
 * in the clinic, sees the preview (what is imported, what is skipped and
 * why), confirms, and finds the readings in the blood pressure trend marked
 * with their source; choosing the same file again imports nothing. The
 * vitals dialog offers the time taken (now unless changed), and the lab
 * report dialog a LOINC code per result.
 */
import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { join } from 'node:path';
import { call, openClinicalSummary, sessionFor, uniqueName } from './clinic';
import { open, screenshot, signIn } from './support';

const CUFF_EXPORT = join(import.meta.dirname, '..', 'fixtures', 'devices', 'omron-export.csv');
const SOURCE = 'Home BP monitor (omron-export.csv)';

test('a nurse imports a cuff’s CSV export and sees the readings in the trend with their source', async ({ page }) => {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const nurse = await sessionFor(page, 'nurse');
  const zone = (await call(page, 'reference.get', {}, manager)).clinic.timeZone;
  const family = uniqueName('Haddad');
  const name = `${family}, Samira`;
  const patient = await call(
    page,
    'patients.create',
    { givenName: 'Samira', familyName: family, sex: 'female', dateOfBirth: '1958-07-09', acknowledgeDuplicates: true },
    manager,
  );
  await call(page, 'vitals.record', { patientId: patient.id, takenAt: '2026-09-15T15:00:00Z', systolic: 124, diastolic: 80 }, nurse);

  await signIn(page, 'nurse');
  const summary = await openClinicalSummary(page, family, name);
  const vitals = summary.getByRole('region', { name: 'Vital signs' });

  // The vitals dialog: taken now unless the nurse says otherwise.
  await vitals.getByRole('button', { name: 'Record vitals' }).click();
  const record = page.getByRole('dialog', { name: 'Record vital signs' });
  await expect(record.getByRole('textbox', { name: 'Systolic' })).toBeFocused();
  await expect(record.getByLabel('Taken on')).toHaveValue(DateTime.now().setZone(zone).toISODate() ?? '');
  await expect(record.getByRole('textbox', { name: 'Blood glucose' })).toBeVisible();
  await screenshot(page, 'device-vitals-dialog');
  await record.getByRole('button', { name: 'Cancel' }).click();

  await vitals.getByRole('button', { name: 'Import device readings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import device readings' });
  const importButton = dialog.getByRole('button', { name: /^Import (\d+ )?readings?$/ });
  await expect(importButton).toBeDisabled();
  await dialog.getByLabel('Device file').setInputFiles(CUFF_EXPORT);
  await expect(dialog.getByRole('status')).toContainText('3 readings to import · 6 rows skipped');
  await expect(dialog.getByRole('status')).toContainText(`Source: ${SOURCE}`);
  await expect(dialog.getByText('Columns not imported (not a measurement Outpost records): Irregular heartbeat, Notes.')).toBeVisible();
  const toImport = dialog.getByRole('table', { name: 'Readings to import' });
  await expect(toImport.getByRole('row')).toHaveCount(4);
  await expect(toImport.getByRole('row', { name: /Row 3/ })).toContainText('151/95 mmHg');
  const skipped = dialog.getByRole('table', { name: 'Skipped' });
  await expect(skipped.getByRole('row', { name: /Row 4/ })).toContainText('That systolic pressure is not plausible (400 mmHg).');
  await expect(skipped.getByRole('row', { name: /Row 7/ })).toContainText('in the future');
  await expect(skipped.getByRole('row', { name: /Row 8/ })).toContainText('The same reading as Row 3.');
  await screenshot(page, 'device-import-preview');

  await dialog.getByRole('button', { name: 'Import 3 readings' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Imported 3 readings from ${SOURCE}. They are in the vital signs and their trends.`);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The newest reading came from the cuff, and says so.
  await expect(vitals).toContainText(`from ${SOURCE}, imported by`);
  const pressure = vitals.getByRole('listitem').filter({ hasText: 'Blood pressure' });
  await expect(pressure).toContainText('122/78 mmHg');
  await expect(pressure).toContainText(SOURCE);
  await vitals.scrollIntoViewIfNeeded();
  await screenshot(page, 'device-import-vitals');

  await vitals.getByRole('button', { name: 'Blood pressure trend, 4 readings: open the chart' }).click();
  const trend = page.getByRole('dialog', { name: 'Blood pressure over time' });
  await expect(trend.locator('svg.recharts-surface').first()).toBeVisible();
  const legend = trend.getByRole('list', { name: 'Sources of the readings' });
  await expect(legend.getByRole('listitem')).toHaveText(['Taken in the clinic', SOURCE]);
  await expect(trend.getByText(/readings not taken in the clinic are squares/)).toBeVisible();
  await trend.getByText('Readings as a table').click();
  const rows = trend.getByRole('table', { name: 'Blood pressure readings' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText(SOURCE);
  await expect(rows.nth(4)).toContainText('Clinic');
  // A reading's tooltip names its source too.
  await trend.locator('.recharts-line-dots rect').first().hover();
  await expect(trend.locator('.clinical-trend__tooltip')).toContainText(SOURCE);
  await screenshot(page, 'device-import-trend');
  await page.keyboard.press('Escape');
  await expect(trend).toBeHidden();

  // The same file again: everything is already in the chart.
  await vitals.getByRole('button', { name: 'Import device readings' }).click();
  await dialog.getByLabel('Device file').setInputFiles(CUFF_EXPORT);
  await expect(dialog.getByRole('status')).toContainText('0 readings to import · 9 rows skipped');
  await expect(dialog.getByRole('button', { name: 'Import 0 readings' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(vitals.getByRole('button', { name: 'Blood pressure trend, 4 readings: open the chart' })).toBeVisible();

  // A lab report typed in from paper carries each result's LOINC code.
  const labs = summary.getByRole('region', { name: 'Lab results' });
  await labs.getByRole('button', { name: 'Add lab report' }).click();
  const labDialog = page.getByRole('dialog', { name: 'Add lab report' });
  await labDialog.getByRole('textbox', { name: 'Panel' }).fill('Fasting glucose');
  await labDialog.getByRole('textbox', { name: 'Test, row 1' }).fill('Glucose');
  await labDialog.getByRole('textbox', { name: 'LOINC, row 1' }).fill('2345-7');
  await labDialog.getByRole('textbox', { name: 'Value, row 1' }).fill('104');
  await labDialog.getByRole('textbox', { name: 'Unit, row 1' }).fill('mg/dL');
  await screenshot(page, 'device-lab-loinc');
  await labDialog.getByRole('button', { name: 'Save lab report' }).click();
  await expect(labDialog).toBeHidden();
  const { panels } = await call(page, 'labs.list', { patientId: patient.id }, nurse);
  expect(panels[0]?.results[0]).toMatchObject({ name: 'Glucose', loinc: '2345-7', value: 104 });
});
