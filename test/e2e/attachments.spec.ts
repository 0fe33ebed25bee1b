/**
 * Attachments on the chart summary: a physician attaches a photo (PNG) and a
 * chest X-ray (DICOM, which the browser does not know by type), is told
 * plainly when a renamed file is refused, sees the study's modality, date and
 * description in the list, previews the photo and the X-ray, and takes the
 * photo off the chart with a reason.
 */
import { expect, test, type Page } from '@playwright/test';
import { dicomFile, pdfFile, pngFile } from '../fixtures/attachments/files';
import { call, sessionFor, uniqueName } from './clinic';
import { open, screenshot, signIn } from './support';

async function openChart(page: Page, family: string, name: string) {
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await page.getByRole('button', { name: 'Open chart' }).click();
  await expect(page.getByRole('region', { name: 'Patient' }).getByRole('heading', { level: 1, name })).toBeVisible();
  return page.getByRole('region', { name: 'Clinical summary' });
}

test('a physician attaches a photo and a DICOM study, previews both, and removes one with a reason', async ({ page }) => {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const family = uniqueName('Lindqvist');
  const name = `${family}, Maja`;
  await call(
    page,
    'patients.create',
    { givenName: 'Maja', familyName: family, sex: 'female', dateOfBirth: '1971-06-30', acknowledgeDuplicates: true },
    manager,
  );

  await signIn(page, 'physician');
  const summary = await openChart(page, family, name);
  const panel = summary.getByRole('region', { name: 'Attachments' });
  await expect(panel).toContainText('No files attached.');

  // The photo: the title starts as the file name; the physician writes a better one.
  await panel.getByRole('button', { name: 'Attach file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a file' });
  const file = dialog.getByLabel('File');
  await expect(file).toBeFocused();
  await file.setInputFiles({ name: 'wound_photo.png', mimeType: 'image/png', buffer: pngFile(96) });
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('wound photo');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Wound, left shin');
  await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(dialog).toBeHidden();
  const list = panel.getByRole('list', { name: 'Attachments' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toContainText('Wound, left shin');
  await expect(list.getByRole('listitem').first()).toContainText('PNG image');

  // A PDF renamed to .png is refused in words, and the dialog keeps what was typed.
  await panel.getByRole('button', { name: 'Attach file' }).click();
  await dialog.getByLabel('File').setInputFiles({ name: 'chest.png', mimeType: 'image/png', buffer: pdfFile('SYNTHETIC') });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Chest X-ray');
  await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('named as a PNG image, but its content is a PDF document');
  await screenshot(page, 'attachments-refused');

  // The X-ray as exported by the imaging system: a .dcm file the browser calls application/octet-stream.
  const study = dicomFile({ modality: 'CR', studyDate: '20260314', studyDescription: 'CHEST PA AND LATERAL', bodyPart: 'CHEST' });
  await dialog.getByLabel('File').setInputFiles({ name: 'chest.dcm', mimeType: 'application/octet-stream', buffer: study });
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Chest X-ray');
  await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const xray = list.getByRole('listitem').first();
  await expect(xray).toContainText('Chest X-ray');
  await expect(xray).toContainText('DICOM');
  await expect(xray).toContainText('CR · chest · study of 14 Mar 2026 · CHEST PA AND LATERAL');
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'attachments-panel');

  // The photo opens in the dialog, decoded.
  await list.getByRole('button', { name: 'Open Wound, left shin' }).click();
  const photo = page.getByRole('dialog', { name: 'Wound, left shin' });
  const image = photo.getByRole('img', { name: 'Wound, left shin' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
  await screenshot(page, 'attachments-image');
  await page.keyboard.press('Escape');
  await expect(photo).toBeHidden();

  // The X-ray: its study attributes and a preview drawn from its pixels.
  await list.getByRole('button', { name: 'Open Chest X-ray' }).click();
  const viewer = page.getByRole('dialog', { name: 'Chest X-ray' });
  await expect(viewer).toContainText('Modality');
  await expect(viewer).toContainText('CHEST PA AND LATERAL');
  const preview = viewer.getByRole('img', { name: 'Preview of Chest X-ray' });
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await screenshot(page, 'attachments-dicom');
  await viewer.getByRole('button', { name: 'Close' }).click();

  // The photo was of another patient: it comes off with a reason.
  await list.getByRole('button', { name: 'Remove Wound, left shin from the chart…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove from chart' });
  await expect(confirm).toContainText('Wound, left shin');
  await confirm.getByRole('textbox', { name: 'Reason' }).fill('Photo of another patient');
  await screenshot(page, 'attachments-remove');
  await confirm.getByRole('button', { name: 'Remove from chart' }).click();
  await expect(confirm).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).not.toContainText('Wound, left shin');
});
