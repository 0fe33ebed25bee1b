/**
 * Break-glass from the front desk's side: the chart is closed to their role;
 * stating a reason opens it read-only with a banner saying so; the practice
 * manager then sees who opened whose chart and why in the audit screen.
 */
import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './support';

test('the front desk opens a chart in an emergency, and the manager sees it in the audit', async ({ page }) => {
  await signIn(page, 'frontdesk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  const box = page.getByRole('combobox', { name: 'Find patient' });
  await box.fill('a');
  const first = page.getByRole('listbox', { name: 'Matching patients' }).getByRole('option').first();
  await first.click();
  await expect(page.getByRole('button', { name: 'Open chart' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Emergency access…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Emergency access to the chart' });
  await dialog.getByLabel('Why do you need the chart now?').fill('short');
  await dialog.getByRole('button', { name: 'Open the chart (recorded)' }).click();
  await expect(dialog.getByText('Say why in a few words (at least 10 characters)')).toBeVisible();
  await dialog.getByLabel('Why do you need the chart now?').fill('Fainted at the desk; the paramedics ask for allergies and medications');
  await screenshot(page, 'emergency-dialog');
  await dialog.getByRole('button', { name: 'Open the chart (recorded)' }).click();
  await expect(page.getByText(/Emergency access: read-only, for one hour/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /Allergies/ }).first()).toBeVisible();
  await screenshot(page, 'emergency-chart');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, 'manager');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit' }).click();
  const section = page.getByRole('region', { name: /Emergency access to charts/ });
  await expect(section).toContainText('Fainted at the desk; the paramedics ask for allergies and medications');
  await expect(section).toContainText('Frankie Desk');
  await screenshot(page, 'emergency-audit');
});
