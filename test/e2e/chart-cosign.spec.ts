/**
 * A nurse cannot sign: she writes the note of a standalone encounter, then
 * submits it for co-signature, which locks it; the physician co-signs exactly
 * what was submitted.
 */
import { expect, test, type Page } from '@playwright/test';
import { call, sessionFor, uniqueName } from './clinic';
import { open, screenshot, signIn } from './support';

async function openChart(page: Page, family: string, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await page.getByRole('button', { name: 'Open chart' }).click();
  await expect(page.getByRole('region', { name: 'Patient' }).getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a nurse submits a note for co-signature and the physician co-signs it', async ({ page }) => {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const family = uniqueName('Haavisto');
  const name = `${family}, Eero`;
  await call(
    page,
    'patients.create',
    { givenName: 'Eero', familyName: family, sex: 'male', dateOfBirth: '1949-12-01', acknowledgeDuplicates: true },
    manager,
  );

  await signIn(page, 'nurse');
  await openChart(page, family, name);
  const encounters = page.getByRole('navigation', { name: 'Encounters' });
  await expect(encounters).toContainText('None yet.');
  await encounters.getByRole('button', { name: 'New encounter' }).click();
  const dialog = page.getByRole('dialog', { name: 'New encounter' });
  await dialog.getByLabel('Reason for the visit').fill('Blood pressure check');
  await dialog.getByRole('button', { name: 'Open encounter' }).click();

  const draft = page.getByRole('article', { name: 'Draft note' });
  await draft.getByRole('textbox', { name: 'Objective' }).fill('BP 132/84 seated, left arm, after 5 minutes rest.');
  await expect(draft.getByRole('button', { name: 'Sign note' })).toHaveCount(0);
  await draft.getByRole('button', { name: 'Submit for co-signature' }).click();
  const submit = page.getByRole('dialog', { name: 'Submit for co-signature?' });
  await expect(submit).toContainText('Subjective, Assessment, Plan are empty.');
  await submit.getByRole('button', { name: 'Submit for co-signature' }).click();

  const awaiting = page.getByRole('article', { name: 'Note awaiting co-signature' });
  await expect(awaiting).toContainText(/Submitted for co-signature by .+ on /);
  await expect(awaiting).toContainText('BP 132/84 seated');
  await expect(awaiting.getByRole('button', { name: 'Co-sign note' })).toHaveCount(0);
  await expect(encounters.getByRole('button', { name: /Awaiting co-signature$/ })).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'physician');
  await openChart(page, family, name);
  await encounters.getByRole('button', { name: /Awaiting co-signature$/ }).click();
  await screenshot(page, 'chart-awaiting-cosign');
  await page.getByRole('article', { name: 'Note awaiting co-signature' }).getByRole('button', { name: 'Co-sign note' }).click();
  const cosign = page.getByRole('dialog', { name: 'Co-sign this note?' });
  await expect(cosign).toContainText('You attest the note exactly as it was submitted.');
  await cosign.getByRole('button', { name: 'Co-sign note' }).click();

  const signed = page.getByRole('article', { name: 'Signed note' });
  await expect(signed).toContainText(/Submitted for co-signature by .+ · Co-signed by .+ on /);
  await expect(signed).toContainText('BP 132/84 seated, left arm, after 5 minutes rest.');
  await expect(signed.getByRole('button', { name: 'Co-sign note' })).toHaveCount(0);
});
