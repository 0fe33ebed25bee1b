/**
 * Charting a visit, as a physician does it: the patient is checked in for
 * today (made through the API: a manager books before opening hours with an
 * overbooking reason, the front desk checks in), the physician opens the
 * chart from the Today queue, starts from the "General visit" template,
 * writes the note, codes a diagnosis through the search, signs and adds an
 * addendum. After a reload everything is still there. The front desk never
 * sees a way into the chart.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { call, sessionFor, typeNamed, uniqueName } from './clinic';
import { open, screenshot, signIn } from './support';

/** A patient booked for today and checked in; returns the name as the queue shows it. */
async function checkedInToday(page: Page): Promise<{ name: string; patientId: string }> {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const frontDesk = await sessionFor(page, 'frontdesk');
  const ref = await call(page, 'reference.get', {}, manager);
  const zone = ref.clinic.timeZone;
  const family = uniqueName('Okonkwo');
  const patient = await call(
    page,
    'patients.create',
    { givenName: 'Adaeze', familyName: family, sex: 'female', dateOfBirth: '1968-05-21', acknowledgeDuplicates: true },
    manager,
  );
  const provider = ref.providers.find((p) => p.active);
  if (!provider) throw new Error('the demo clinic has an active provider');
  const type = typeNamed(ref, 'Follow-up');
  const start = DateTime.now().setZone(zone).startOf('day').set({ hour: 7, minute: 30 });
  const [appointment] = await call(
    page,
    'appointments.book',
    {
      patientId: patient.id,
      providerId: provider.id,
      typeId: type.id,
      startAt: start.toUTC().toISO() ?? '',
      endAt: start.plus({ minutes: type.durationMinutes }).toUTC().toISO() ?? '',
      overbookReason: 'Early visit before opening',
    },
    manager,
  );
  if (!appointment) throw new Error('the booking made an appointment');
  await call(page, 'appointments.setStatus', { id: appointment.id, status: 'arrived' }, frontDesk);
  return { name: `${family}, Adaeze`, patientId: patient.id };
}

/** The text of one section as the core has it now (autosave is checked on the server, not only on screen). */
async function savedSection(page: Page, patientId: string, section: 'subjective' | 'objective' | 'assessment' | 'plan'): Promise<string> {
  const { encounters } = await call(page, 'encounters.list', { patientId });
  const [latest] = encounters;
  if (!latest) return '';
  return (await call(page, 'encounters.get', { id: latest.id })).note.content[section];
}

/** The patient's record, found with the header search as the desk does, then their chart. */
async function openChartFromRecord(page: Page, family: string, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Open chart' }).click();
  await expect(page.getByRole('region', { name: 'Patient' }).getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a physician charts, codes, signs and amends a visit opened from the Today queue', async ({ page }) => {
  const { name, patientId } = await checkedInToday(page);
  await signIn(page, 'physician');

  const waiting = page.getByRole('region', { name: /^Waiting/ });
  await expect(waiting.getByRole('button', { name: `Open chart of ${name}` })).toBeVisible();
  await screenshot(page, 'chart-queue-physician');
  await waiting.getByRole('button', { name: `Open chart of ${name}` }).click();

  const patientHeader = page.getByRole('region', { name: 'Patient' });
  await expect(patientHeader.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(patientHeader).toContainText('MRN');
  await expect(patientHeader).toContainText('Female');
  const encounters = page.getByRole('navigation', { name: 'Encounters' });
  await expect(encounters.getByRole('button', { name: /Office visit.*Follow-up.*Draft$/ })).toHaveAttribute('aria-current', 'true');

  const draft = page.getByRole('article', { name: 'Draft note' });
  const status = draft.getByRole('status').first();
  await expect(draft.getByRole('group', { name: /start from a template/ })).toBeVisible();
  await screenshot(page, 'chart-empty-draft');
  await draft.getByRole('button', { name: 'General visit' }).click();
  await expect(draft.getByRole('textbox', { name: 'Subjective' })).toBeFocused();
  await expect(draft.getByRole('textbox', { name: 'Objective' })).toHaveValue(/^General: /);
  await expect(draft.getByRole('group', { name: /start from a template/ })).toHaveCount(0);

  // The template put the cursor after "Chief complaint: ".
  await page.keyboard.type('Headaches for two weeks, worse in the morning.');
  await draft.getByRole('textbox', { name: 'Assessment' }).fill('Essential hypertension, newly diagnosed.');
  await expect(status).toHaveText(/^Saved \d\d:\d\d$/);
  await expect.poll(() => savedSection(page, patientId, 'assessment')).toBe('Essential hypertension, newly diagnosed.');
  expect(await savedSection(page, patientId, 'subjective')).toMatch(/^Chief complaint: Headaches for two weeks, worse in the morning\.\n/);

  // Ctrl+S saves at once, without waiting for the pause in typing.
  const plan = draft.getByRole('textbox', { name: 'Plan' });
  await plan.press('Control+End');
  await plan.pressSequentially('Recheck blood pressure in 4 weeks.');
  await page.keyboard.press('Control+s');
  await expect(status).toHaveText(/^Saved \d\d:\d\d$/);
  await expect.poll(() => savedSection(page, patientId, 'plan')).toMatch(/Follow-up: Recheck blood pressure in 4 weeks\.$/);

  const search = draft.getByRole('combobox', { name: 'Add a diagnosis' });
  await search.fill('hypertension');
  const essential = draft.getByRole('option', { name: /^I10 Essential \(primary\) hypertension/ });
  await expect(essential).toBeVisible();
  await screenshot(page, 'chart-code-search');
  for (let step = 0; step < 10 && (await essential.getAttribute('aria-selected')) !== 'true'; step++) await search.press('ArrowDown');
  await search.press('Enter');
  const diagnoses = draft.getByRole('list', { name: 'Diagnoses' });
  await expect(diagnoses.getByRole('listitem')).toHaveCount(1);
  await expect(diagnoses.getByRole('listitem').first()).toContainText('I10');
  await expect(diagnoses.getByRole('listitem').first()).toContainText('Primary');
  await expect(search).toHaveValue('');
  // A second one by its code; put first it becomes the primary; removed from the keyboard, focus stays in the list.
  await search.fill('e11.9');
  await expect(draft.getByRole('option').first()).toHaveAccessibleName(/^E11\.9 Type 2 diabetes mellitus without complications/);
  await search.press('Enter');
  await expect(diagnoses.getByRole('listitem')).toHaveCount(2);
  await draft.getByRole('button', { name: 'Move E11.9 up' }).click();
  await expect(diagnoses.getByRole('listitem').first()).toContainText(/E11\.9.*Primary/);
  await expect(diagnoses.getByRole('listitem').nth(1)).toContainText('I10');
  await draft.getByRole('button', { name: /^Remove E11\.9/ }).press('Enter');
  await expect(diagnoses.getByRole('listitem')).toHaveCount(1);
  await expect(draft.getByRole('button', { name: /^Remove I10/ })).toBeFocused();
  await expect(diagnoses.getByRole('listitem').first()).toContainText(/I10.*Primary/);
  await expect(encounters.getByRole('button', { name: /diagnoses I10, Draft$/ })).toBeVisible();
  await screenshot(page, 'chart-draft');

  await draft.getByRole('button', { name: 'Sign note' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sign this note?' });
  await expect(confirm).toContainText('A signed note cannot be changed');
  await screenshot(page, 'chart-sign-dialog');
  await confirm.getByRole('button', { name: 'Sign note' }).click();
  await expect(confirm).toBeHidden();

  const signed = page.getByRole('article', { name: 'Signed note' });
  await expect(signed).toContainText(/Signed by .+ on \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d/);
  await expect(signed).toContainText('Headaches for two weeks, worse in the morning.');
  await expect(signed.getByRole('textbox', { name: 'Subjective' })).toHaveCount(0);
  await expect(signed.getByRole('button', { name: 'Sign note' })).toHaveCount(0);
  await expect(encounters.getByRole('button', { name: /Signed$/ })).toBeVisible();

  await signed.getByRole('textbox', { name: 'Addendum' }).fill('Home readings reviewed by phone: average 142/90.');
  await signed.getByRole('button', { name: 'Add addendum' }).click();
  const addenda = signed.getByRole('region', { name: 'Addenda' });
  await expect(addenda.getByRole('listitem')).toHaveCount(1);
  await expect(addenda.getByRole('listitem')).toContainText('Home readings reviewed by phone: average 142/90.');
  await expect(signed.getByRole('textbox', { name: 'Addendum' })).toHaveValue('');
  await screenshot(page, 'chart-signed');

  // Everything is in the core: after a reload the chart opens from the patient's record the same.
  await page.reload();
  await page.getByRole('button', { name, exact: true }).first().click();
  await page.getByRole('button', { name: 'Open chart' }).click();
  await page
    .getByRole('navigation', { name: 'Encounters' })
    .getByRole('button', { name: /Signed$/ })
    .click();
  const reopened = page.getByRole('article', { name: 'Signed note' });
  await expect(reopened).toContainText('Headaches for two weeks, worse in the morning.');
  await expect(reopened).toContainText('Recheck blood pressure in 4 weeks.');
  await expect(reopened.getByRole('list', { name: 'Diagnoses' })).toContainText('I10');
  await expect(reopened.getByRole('region', { name: 'Addenda' })).toContainText('average 142/90');

  // The patient's visit summary, and the whole record as FHIR, are saved as files.
  const pdfDownload = page.waitForEvent('download');
  await reopened.getByRole('button', { name: 'Visit summary for the patient (PDF)' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^visit-summary-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = await pdf.path();
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain('Recheck blood pressure in 4 weeks.');
  const fhirDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export record (FHIR)' }).click();
  const bundle = JSON.parse(readFileSync(await (await fhirDownload).path(), 'utf8')) as { resourceType: string; entry: unknown[] };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.entry.length).toBeGreaterThan(2);
  await expect(page.getByRole('navigation', { name: 'Encounters' }).getByRole('button')).toHaveCount(2); // "New encounter" and the one visit

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'frontdesk');
  await page.getByRole('button', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open chart' })).toHaveCount(0);
});

test('text typed into a draft that is signed elsewhere meanwhile is kept and goes into an addendum', async ({ page }) => {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  // The same physician signed in on another workstation: another session, as far as the core can tell.
  const elsewhere = await sessionFor(page, 'physician');
  const family = uniqueName('Virtanen');
  const name = `${family}, Aino`;
  const patient = await call(
    page,
    'patients.create',
    { givenName: 'Aino', familyName: family, sex: 'female', dateOfBirth: '1990-01-30', acknowledgeDuplicates: true },
    manager,
  );
  const { note } = await call(page, 'encounters.open', { patientId: patient.id, kind: 'telephone', reason: 'Cough' }, elsewhere);
  await call(page, 'notes.save', { id: note.id, content: { subjective: 'Cough for three days.' } }, elsewhere);

  await signIn(page, 'physician');
  await openChartFromRecord(page, family, name);
  await page
    .getByRole('navigation', { name: 'Encounters' })
    .getByRole('button', { name: /Telephone, .*Cough, Draft$/ })
    .click();
  const subjective = page.getByRole('article', { name: 'Draft note' }).getByRole('textbox', { name: 'Subjective' });
  await expect(subjective).toHaveValue('Cough for three days.');
  await subjective.press('End');
  await subjective.pressSequentially(' Fever since last night.');
  // Signed on the other workstation before the pause in typing let this text be saved.
  await call(page, 'notes.sign', { id: note.id }, elsewhere);

  const signed = page.getByRole('article', { name: 'Signed note' });
  const unsaved = signed.getByRole('region', { name: 'Your text that was not saved' });
  await expect(unsaved).toContainText('Cough for three days. Fever since last night.');
  await expect(signed.getByRole('region', { name: 'Subjective' })).toHaveText(/^Subjective\s*Cough for three days\.$/);
  await screenshot(page, 'chart-signed-elsewhere');

  await unsaved.getByRole('button', { name: 'Copy into the addendum' }).click();
  const addendum = signed.getByRole('textbox', { name: 'Addendum' });
  await expect(addendum).toHaveValue('Subjective:\nCough for three days. Fever since last night.');
  await addendum.press('Control+Enter');
  await expect(signed.getByRole('region', { name: 'Addenda' }).getByRole('listitem')).toContainText('Fever since last night.');
  await expect(unsaved).toHaveCount(0);
  await expect(addendum).toHaveValue('');

  // A call back with the results: a standalone encounter of its own, started from the telephone template.
  const list = page.getByRole('navigation', { name: 'Encounters' });
  await list.getByRole('button', { name: 'New encounter' }).click();
  const dialog = page.getByRole('dialog', { name: 'New encounter' });
  await dialog.getByLabel('Kind of encounter').selectOption({ label: 'Telephone' });
  await dialog.getByLabel('Reason for the visit').fill('Chest X-ray results');
  await dialog.getByLabel('Start the note from').selectOption({ label: 'Template: Telephone' });
  await screenshot(page, 'chart-new-encounter');
  await dialog.getByRole('button', { name: 'Open encounter' }).click();
  await expect(dialog).toBeHidden();
  const draft = page.getByRole('article', { name: 'Draft note' });
  await expect(draft.getByRole('textbox', { name: 'Subjective' })).toHaveValue(/^Caller: /);
  await expect(draft.getByRole('textbox', { name: 'Objective' })).toHaveValue('Not examined (telephone encounter).');
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first().getByRole('button')).toHaveAccessibleName(/Telephone, .*Chest X-ray results, Draft$/);
  await expect(items.first().getByRole('button')).toHaveAttribute('aria-current', 'true');
  await expect(items.nth(1).getByRole('button')).toHaveAccessibleName(/Telephone, .*Cough, Signed$/);
});
