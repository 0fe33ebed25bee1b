/** The administrator's view of who may use the workstation (and the screenshot of it). */
import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './support';

test('the administrator sees every user of the clinic with their role', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
  const users = page.getByRole('table', { name: 'Users' });
  for (const username of ['admin', 'manager', 'frontdesk', 'physician', 'nurse']) {
    await expect(users.getByRole('cell', { name: username, exact: true })).toBeVisible();
  }
  await expect(users.getByRole('row').filter({ hasText: 'frontdesk' })).toContainText('Front desk');
  await expect(users.getByRole('button', { name: /^Reset password of / }).first()).toBeVisible();
  await screenshot(page, 'admin-users');
});
