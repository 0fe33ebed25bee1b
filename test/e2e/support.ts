/** Shared steps of the e2e tests: open the workstation, sign in, save screenshots as artifacts. */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const TOKEN = 'e2e-token';
export const DEMO_PASSWORD = 'outpost-demo';

export async function open(page: Page): Promise<void> {
  await page.goto(`/#token=${TOKEN}`);
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await open(page);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Screenshots of the main screens, kept as test artifacts in test-results/screens. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: false });
}
