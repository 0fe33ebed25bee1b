/**
 * Sync as the desk sees it. On the demo workstation (which syncs through the
 * folder <data>/demo/cloud): the header says "Synced", the panel shows where;
 * a manager works offline, edits a patient, sees the change waiting, goes back
 * online and sees it sent; the sync location form checks what is typed and
 * shows the core's refusal of a wrong passphrase (nothing is changed); the
 * front desk sees the state without the manager's controls. On a second,
 * empty workstation (@join, its own server): join the demo clinic from the
 * same folder, a wrong passphrase first, then sign in with a usual demo
 * account and find a demo patient.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../main/contract';
import { call, label, sessionFor, uniqueName } from './clinic';
import { DEMO_PASSWORD, open, screenshot, signIn, TOKEN } from './support';

/** The demo workstation's sync folder and passphrase (see playwright.config.ts: data folder "demo"; main/server.ts). */
const DEMO_CLOUD = join(process.env.OUTPOST_E2E_DATA ?? '', 'demo', 'cloud');
const DEMO_PASSPHRASE = 'outpost demo passphrase';
const DEMO_URL = `http://127.0.0.1:${process.env.OUTPOST_E2E_DEMO_PORT ?? 4901}`;

/** Matches a name that starts with `text`, taken literally. */
function startsWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

function indicator(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Sync status:/ });
}

async function openPanel(page: Page) {
  await indicator(page).click();
  const panel = page.getByRole('dialog', { name: 'Sync' });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('on the demo workstation', () => {
  // Whatever happens in a test, the shared demo workstation must not stay cut off for the next one.
  test.afterEach(async ({ page }) => {
    const manager = await sessionFor(page, 'manager').catch(() => null);
    if (manager) await call(page, 'sync.setPaused', { paused: false }, manager).catch(() => undefined);
  });

  test('a manager works offline: a patient edit waits, then goes out when back online', async ({ page }) => {
    await open(page);
    const manager = await sessionFor(page, 'manager');
    const given = 'Ines';
    const family = uniqueName('Kowalczyk');
    const patient = await call(
      page,
      'patients.create',
      { givenName: given, familyName: family, sex: 'female', dateOfBirth: '1988-05-21', acknowledgeDuplicates: true },
      manager,
    );

    await signIn(page, 'manager');
    await expect(indicator(page)).toHaveAccessibleName(/^Sync status: Synced · (just now|\d+ min ago)$/);
    await screenshot(page, 'sync-indicator');

    const panel = await openPanel(page);
    await expect(panel.getByText('None: everything saved here has reached the sync location')).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Sync location' })).toContainText(DEMO_CLOUD);
    await screenshot(page, 'sync-panel');

    // Cut off, as a lost internet line would.
    const offline = panel.getByRole('switch', { name: 'Work offline' });
    await expect(offline).toHaveAttribute('aria-checked', 'false');
    await offline.click();
    await expect(offline).toHaveAttribute('aria-checked', 'true');
    await expect(indicator(page)).toHaveAccessibleName(/^Sync status: Offline since \d\d:\d\d$/);
    await expect(panel.getByRole('button', { name: 'Sync now' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // A real edit while offline: saved here at once, waiting for the cloud.
    await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
    await page.getByRole('option', { name: startsWith(`${label(patient)}, born`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: label(patient) })).toBeVisible();
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Notes').fill('Prefers a call before 10:00.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Saved the changes to` })).toBeVisible();
    await expect(indicator(page)).toHaveAccessibleName(/^Sync status: Offline since \d\d:\d\d · \d+ changes? waiting$/);
    await screenshot(page, 'sync-offline-indicator');

    await openPanel(page);
    await expect(panel.getByText(/\d+ changes? saved on this workstation, not yet sent/)).toBeVisible();
    await expect(panel.getByText('working offline on purpose')).toBeVisible();
    await screenshot(page, 'sync-offline-panel');

    // Back online: the waiting change goes out by itself.
    await offline.click();
    await expect(offline).toHaveAttribute('aria-checked', 'false');
    await expect(indicator(page)).toHaveAccessibleName(/^Sync status: Synced · just now$/);
    await expect(panel.getByText('None: everything saved here has reached the sync location')).toBeVisible();
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await expect(panel.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    await expect(indicator(page)).toHaveAccessibleName(/^Sync status: Synced · just now$/);

    // The round that sent the edit is listed, newest first, at its clinic-local time.
    const activity = panel.getByRole('region', { name: 'Recent activity' });
    await expect(
      activity
        .getByRole('listitem')
        .filter({ hasText: /Sent \d+ changes?/ })
        .first(),
    ).toBeVisible();
    await activity.scrollIntoViewIfNeeded();
    await screenshot(page, 'sync-recent-activity');
  });

  test('the sync location form checks what is typed, and the core refuses a wrong passphrase next to its box', async ({ page }) => {
    await signIn(page, 'manager');
    const panel = await openPanel(page);
    const location = panel.getByRole('region', { name: 'Sync location' });
    await location.getByRole('button', { name: 'Change sync location…' }).click();
    const form = location.getByRole('form', { name: 'Sync location' });
    await expect(form.getByLabel('Folder path')).toBeFocused();
    await expect(form.getByLabel('Folder path')).toHaveValue(DEMO_CLOUD);
    await expect(form.getByRole('note')).toContainText('It cannot be recovered');

    // Checked in the form first: nothing is sent.
    await form.getByLabel('Clinic passphrase').fill('too short');
    await form.getByRole('button', { name: 'Save and sync' }).click();
    await expect(form.getByLabel('Clinic passphrase')).toHaveAccessibleDescription(/at least 12 characters/);
    await form.getByLabel('Clinic passphrase').fill('a different passphrase');
    await form.getByLabel('Confirm passphrase').fill('a different passphrase!');
    await form.getByRole('button', { name: 'Save and sync' }).click();
    await expect(form.getByLabel('Confirm passphrase')).toHaveAccessibleDescription('Type the same passphrase twice');

    // The S3 fields, then back to the folder.
    await form.getByRole('radio', { name: 'An S3-compatible bucket' }).check();
    await expect(form.getByLabel('Bucket', { exact: true })).toBeVisible();
    await expect(form.getByLabel('Region')).toHaveValue('us-east-1');
    await screenshot(page, 'sync-location-s3');
    await form.getByRole('radio', { name: 'A shared folder' }).check();

    // The folder already holds this clinic under another passphrase: refused, nothing changes.
    await form.getByLabel('Confirm passphrase').fill('a different passphrase');
    await form.getByRole('button', { name: 'Save and sync' }).click();
    const passphrase = form.getByLabel('Clinic passphrase');
    await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
    await expect(passphrase).toHaveAccessibleDescription(/The clinic passphrase is not correct/);
    await expect(passphrase).toBeFocused();
    await screenshot(page, 'sync-location-refused');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(location.getByRole('button', { name: 'Change sync location…' })).toBeFocused();
    await expect(indicator(page)).toHaveAccessibleName(/^Sync status: Synced/);
  });

  test('the front desk sees the sync state but cannot cut off or move the sync location', async ({ page }) => {
    await signIn(page, 'frontdesk');
    const panel = await openPanel(page);
    await expect(panel.getByRole('definition').filter({ hasText: DEMO_CLOUD })).toHaveText(`Shared folder ${DEMO_CLOUD}`);
    await expect(panel.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    await expect(panel.getByRole('switch', { name: 'Work offline' })).toHaveCount(0);
    await expect(panel.getByRole('region', { name: 'Sync location' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(indicator(page)).toBeFocused();
  });
});

/** A call to the demo workstation's core (not the page's own). */
async function demoCall<M extends MethodName>(
  request: APIRequestContext,
  method: M,
  input: Input<M>,
  session?: string,
): Promise<Output<M>> {
  const response = await request.post(`${DEMO_URL}/api/call`, {
    headers: { Authorization: `Bearer ${TOKEN}`, ...(session ? { 'X-Outpost-Session': session } : {}) },
    data: { method, input },
  });
  const result = (await response.json()) as { ok: true; value: Output<M> } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method} on the demo workstation was refused: ${result.error.message}`);
  return result.value;
}

test('join the demo clinic from its sync folder, then sign in with a usual account', { tag: '@join' }, async ({ page, request }) => {
  // The demo workstation has sent everything it has (it syncs on start); pick one of its patients to look for.
  const manager = (await demoCall(request, 'auth.login', { username: 'manager', password: DEMO_PASSWORD })).token;
  await expect.poll(async () => (await demoCall(request, 'sync.status', {}, manager)).pendingOps, { timeout: 30_000 }).toBe(0);
  const [someone] = await demoCall(request, 'patients.search', { query: 'smi', limit: 1 }, manager);
  if (!someone) throw new Error('the demo clinic has patients matching "smi"');

  await open(page);
  await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible();
  const joinTab = page.getByRole('tab', { name: 'Join an existing clinic' });
  await page.getByRole('tab', { name: 'Create a new clinic' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(joinTab).toBeFocused();
  await expect(joinTab).toHaveAttribute('aria-selected', 'true');
  const form = page.getByRole('form', { name: 'Join an existing clinic' });
  await expect(form.getByRole('radio', { name: 'A shared folder' })).toBeChecked();

  // A wrong passphrase is refused next to the passphrase box.
  await form.getByLabel('Folder path').fill(DEMO_CLOUD);
  await form.getByLabel('Clinic passphrase').fill('not the clinic passphrase');
  await form.getByRole('button', { name: 'Join clinic' }).click();
  const passphrase = form.getByLabel('Clinic passphrase');
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
  await expect(passphrase).toHaveAccessibleDescription(/The clinic passphrase is not correct/);
  await expect(passphrase).toBeFocused();
  await screenshot(page, 'sync-join-wrong-passphrase');

  await passphrase.fill(DEMO_PASSPHRASE);
  await form.getByRole('button', { name: 'Join clinic' }).click();
  const joined = page.getByRole('status').filter({ hasText: /^Joined / });
  await expect(joined).toBeVisible({ timeout: 30_000 });
  await expect(joined).toHaveText(/^Joined .+: [\d,]+ patients, [\d,]+ users\. Sign in with your usual account\.$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Outpost' })).toBeVisible();
  await screenshot(page, 'sync-joined');

  await page.getByLabel('User name').fill('frontdesk');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(indicator(page)).toHaveAccessibleName(/^Sync status: Synced/);

  await page.getByRole('combobox', { name: 'Find patient' }).fill(someone.mrn);
  await page.getByRole('option', { name: startsWith(`${label(someone)}, born`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: label(someone) })).toBeVisible();
  await expect(page.getByText(someone.mrn, { exact: true })).toBeVisible();
  await screenshot(page, 'sync-joined-patient');
});
