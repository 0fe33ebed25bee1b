import { expect, test } from '@playwright/test';
import { open, screenshot } from './support';

test('first run: create the clinic and its first administrator, then sign out and back in', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible();
  await page.getByLabel('Clinic name').fill('Hillside Clinic');
  await page.getByLabel('Clinic time zone').selectOption('America/Denver');
  await page.getByLabel('Your name').fill('Avery Admin');
  await page.getByLabel('User name').fill('avery');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await expect(page.getByRole('alert').first()).toContainText('at least 10 characters');
  await screenshot(page, 'setup-validation');

  await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('Confirm password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByText('Hillside Clinic')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Admin' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Outpost' })).toBeVisible();
  await page.getByLabel('User name').fill('avery');
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('User name or password is incorrect');
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
