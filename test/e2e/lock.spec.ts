/**
 * Automatic logoff, the user's side: locking hides the workstation behind a
 * password prompt without losing what was being typed; a wrong password is
 * refused in place; the right one brings the same screen back as it was.
 */
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, open, screenshot, signIn } from './support';

test('locking keeps unsaved work behind the lock screen until the user unlocks', async ({ page }) => {
  await open(page);
  await signIn(page, 'frontdesk');
  const search = page.getByRole('combobox', { name: 'Find patient' });
  await search.fill('half-typed search');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  const lock = page.getByRole('dialog', { name: 'Outpost is locked' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('Locked for');
  // Behind the lock nothing can be reached: the shell is inert and hidden from assistive technology.
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
  await screenshot(page, 'lock-screen');

  await lock.getByLabel('Password').fill('not-the-password');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock.getByText('That password is incorrect.')).toBeVisible();
  await screenshot(page, 'lock-wrong-password');

  // Reloading does not get around it: the session itself is locked.
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Outpost is locked' })).toBeVisible();
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('dialog', { name: 'Outpost is locked' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
});

test('unsaved text survives a lock and unlock', async ({ page }) => {
  await open(page);
  await signIn(page, 'frontdesk');
  const search = page.getByRole('combobox', { name: 'Find patient' });
  await search.fill('Okonkwo');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('dialog', { name: 'Outpost is locked' }).getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(search).toHaveValue('Okonkwo');
});
