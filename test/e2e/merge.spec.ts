/**
 * The same person registered twice on the demo workstation, merged through
 * the API (the desk merges from the conflicts inbox, see conflicts.spec.ts):
 * the surviving record lists the merged one under "Merged records", the
 * retired one says where it went, and "Undo merge" (after asking) makes it a
 * record of its own again.
 */
import { expect, test } from '@playwright/test';
import { call, createPatient, label, uniqueName } from './clinic';
import { screenshot, signIn } from './support';

test('a merged duplicate is listed on the surviving record and the merge can be undone there', async ({ page }) => {
  await signIn(page, 'frontdesk');
  const family = uniqueName('Merge');
  const survivor = await createPatient(page, 'Ilse', family);
  const retired = await createPatient(page, 'Ilse', family);
  const merged = await call(page, 'patients.merge', { retiredId: retired.id, survivingId: survivor.id });
  expect(merged.mergedFrom.map((p) => p.mrn)).toEqual([retired.mrn]);

  // The surviving record (found by its MRN) lists the merged one.
  await page.keyboard.press('Control+k');
  await page.keyboard.type(survivor.mrn);
  await page
    .getByRole('listbox', { name: 'Matching patients' })
    .getByRole('option', { name: new RegExp(`MRN ${survivor.mrn}`) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: label(survivor) })).toBeVisible();
  const section = page.getByRole('region', { name: 'Merged records' });
  await expect(section).toContainText(retired.mrn);
  await screenshot(page, 'merge-surviving-record');

  // The retired record says where it went, and leads back.
  await section.getByRole('button', { name: label(retired) }).click();
  const banner = page.getByRole('note', { name: 'Merged record' });
  await expect(banner).toContainText(`This record was merged into ${label(survivor)} (MRN ${survivor.mrn})`);
  await expect(page.getByRole('button', { name: 'Book appointment' })).toHaveCount(0);
  await screenshot(page, 'merge-retired-record');
  await banner.getByRole('button', { name: new RegExp(survivor.mrn) }).click();
  await expect(banner).toHaveCount(0);
  await expect(section).toContainText(retired.mrn);

  // Undoing the merge asks first.
  await section.getByRole('button', { name: `Undo merge of record ${retired.mrn}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo the merge?' });
  await expect(dialog).toContainText(`Undo the merge of MRN ${retired.mrn} into MRN ${survivor.mrn}?`);
  await screenshot(page, 'merge-undo-confirm');
  await dialog.getByRole('button', { name: 'Undo merge' }).click();
  await expect(dialog).toBeHidden();
  await expect(section).toHaveCount(0);
  expect((await call(page, 'patients.get', { id: retired.id })).mergedInto).toBeNull();
});
