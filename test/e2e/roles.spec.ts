import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './support';

test('a physician cannot open the admin screen, and the API refuses them too', async ({ page }) => {
  await signIn(page, 'physician');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Schedule' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Admin' })).toHaveCount(0);
  // Not only hidden: dispatch refuses the admin API for this role.
  const result = await page.evaluate(async () => {
    const token = sessionStorage.getItem('outpost.transport') ?? '';
    const session = sessionStorage.getItem('outpost.session') ?? '';
    const response = await fetch('./api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Outpost-Session': session },
      body: JSON.stringify({ method: 'users.list', input: {} }),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string } };
  });
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe('FORBIDDEN');
  await screenshot(page, 'physician-shell');
});
