/**
 * The front desk's patient work from the keyboard: find a chart from the
 * header box, register a new patient (with the form's own checks and the
 * duplicate guard). Patients are taken from the live demo clinic through the
 * API, never hard-coded.
 */
import { expect, test } from '@playwright/test';
import { call, label, uniqueName, uniquePhone } from './clinic';
import { screenshot, signIn } from './support';

test('find a patient by part of the name with Ctrl+K, arrows and Enter', async ({ page }) => {
  await signIn(page, 'frontdesk');
  // A real demo patient's family name, cut short: the kind of thing typed at the desk.
  const [someone] = await call(page, 'patients.search', { query: 'smi', limit: 5 });
  expect(someone, 'the demo clinic has patients matching "smi"').toBeTruthy();
  const typed = (someone?.familyName ?? '').slice(0, 4).toLowerCase();
  const matches = await call(page, 'patients.search', { query: typed, limit: 8 });
  expect(matches.length, `several patients match "${typed}"`).toBeGreaterThan(1);

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Find patient' });
  await expect(box).toBeFocused();
  await page.keyboard.type(typed);
  const list = page.getByRole('listbox', { name: 'Matching patients' });
  await expect(list).toHaveAttribute('aria-busy', 'false');
  await expect(list.getByRole('option', { name: /^Register new patient$/ })).toBeVisible();
  const options = list.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  // The highlighted patient is one of the matches the API gives for the same text.
  const highlighted = (await options.nth(1).getAttribute('aria-label')) ?? '';
  const chosen = matches.find((p) => highlighted.includes(`MRN ${p.mrn},`) || highlighted.endsWith(`MRN ${p.mrn}`));
  if (!chosen) throw new Error(`the highlighted option "${highlighted}" is not one of the API's matches`);
  expect(highlighted.startsWith(`${label(chosen)}, born `)).toBe(true);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: label(chosen) })).toBeVisible();
  await expect(page.getByText(chosen.mrn, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Upcoming appointments' })).toBeVisible();
  await expect(box).toHaveValue('');
  await screenshot(page, 'patient-record');
});

test('register a new patient after the form shows what is missing', async ({ page }) => {
  await signIn(page, 'frontdesk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  await page.getByLabel('Search patients').fill('smi');
  await expect(page.getByRole('heading', { name: 'Patients matching “smi”' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(2)).toBeVisible();
  await screenshot(page, 'patient-search');
  await page.getByLabel('Search patients').fill('');

  // Nothing filled in: every required field says what it needs, and nothing is saved.
  await page
    .getByRole('button', { name: /Register new patient/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register new patient' })).toBeVisible();
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('First name is required')).toBeVisible();
  await expect(page.getByText('Last name is required')).toBeVisible();
  await expect(page.getByText('Date of birth is required')).toBeVisible();
  await expect(page.getByLabel('Sex')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'fields need attention' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Register new patient' })).toBeVisible();

  // A real registration.
  const given = 'Maren';
  const family = uniqueName('Okafor');
  await page.getByLabel('First name').fill(given);
  await page.getByLabel('Last name').fill(family);
  await page.getByLabel('Sex').selectOption({ label: 'Female' });
  await page.getByLabel('Date of birth', { exact: true }).fill('1991-07-14');
  const phone = uniquePhone();
  await page.getByLabel('Mobile phone').fill(phone);
  await expect(page.getByText('First name is required')).toHaveCount(0);
  await screenshot(page, 'patient-form');
  await page.getByRole('button', { name: 'Register patient' }).click();

  const saved = page.getByRole('status').filter({ hasText: `Registered ${family}, ${given}` });
  await expect(saved).toBeVisible();
  const mrn = /MRN (\S+)\./.exec((await saved.textContent()) ?? '')?.[1] ?? '';
  expect(mrn).not.toBe('');
  await expect(page.getByRole('heading', { level: 1, name: `${family}, ${given}` })).toBeVisible();
  await expect(page.getByText(mrn, { exact: true })).toBeVisible();
  await expect(page.getByText(phone).first()).toBeVisible();
});

test('registering someone already on file is refused until "a different person" is confirmed', async ({ page }) => {
  await signIn(page, 'frontdesk');
  const [existing] = await call(page, 'patients.search', { query: 'smi', limit: 3 });
  if (!existing) throw new Error('the demo clinic has patients matching "smi"');
  const before = await call(page, 'patients.findDuplicates', {
    givenName: existing.givenName,
    familyName: existing.familyName,
    dateOfBirth: existing.dateOfBirth,
  });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  await page
    .getByRole('button', { name: /Register new patient/ })
    .first()
    .click();
  await page.getByLabel('First name').fill(existing.givenName);
  await page.getByLabel('Last name').fill(existing.familyName);
  await page.getByLabel('Sex').selectOption(existing.sex);
  await page.getByLabel('Date of birth', { exact: true }).fill(existing.dateOfBirth);
  await page.getByLabel('Mobile phone').focus();
  // Looked up while typing: a warning before anything is saved.
  const warning = page.getByRole('status', { name: /Possible duplicate/ });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(`MRN ${existing.mrn}`);
  await expect(warning.getByRole('button', { name: `Open ${label(existing)}` }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Register patient' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Not saved yet' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('Same name and date of birth');
  await expect(page.getByRole('heading', { level: 1, name: 'Register new patient' })).toBeVisible();
  const afterRefusal = await call(page, 'patients.findDuplicates', {
    givenName: existing.givenName,
    familyName: existing.familyName,
    dateOfBirth: existing.dateOfBirth,
  });
  expect(afterRefusal.length, 'the refused registration was not saved').toBe(before.length);

  await refusal.getByRole('button', { name: 'This is a different person — save anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Registered ${existing.familyName}, ${existing.givenName}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: label({ ...existing, preferredName: null }) })).toBeVisible();
  const afterSave = await call(page, 'patients.findDuplicates', {
    givenName: existing.givenName,
    familyName: existing.familyName,
    dateOfBirth: existing.dateOfBirth,
  });
  expect(afterSave.length).toBe(before.length + 1);
});
