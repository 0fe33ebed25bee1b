/**
 * Snippets in a draft note, as a physician writes one: a trigger typed then
 * Space expands in place (and the autosave sends it, checked on the server),
 * the picker (Ctrl+.) inserts at the caret by filter and Enter, Tab expands
 * a snippet whose placeholder takes the patient's first name, and a personal
 * snippet made in the library (a clashing trigger refused with a message
 * naming the clash) is used straight away. A manager curates the shared
 * snippets from the admin screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { call, sessionFor, uniqueName } from './clinic';
import { open, screenshot, signIn } from './support';

/** A new patient with an open draft (made through the API); returns what the chart shows. */
async function patientWithDraft(page: Page): Promise<{ family: string; name: string; patientId: string }> {
  await open(page);
  const frontDesk = await sessionFor(page, 'frontdesk');
  const physician = await sessionFor(page, 'physician');
  const family = uniqueName('Lindqvist');
  const patient = await call(
    page,
    'patients.create',
    { givenName: 'Maren', familyName: family, sex: 'female', dateOfBirth: '1979-09-14', acknowledgeDuplicates: true },
    frontDesk,
  );
  await call(page, 'encounters.open', { patientId: patient.id, reason: 'Cough' }, physician);
  return { family, name: `${family}, Maren`, patientId: patient.id };
}

async function savedSection(page: Page, patientId: string, section: 'subjective' | 'objective' | 'assessment' | 'plan'): Promise<string> {
  const { encounters } = await call(page, 'encounters.list', { patientId });
  const [latest] = encounters;
  if (!latest) return '';
  return (await call(page, 'encounters.get', { id: latest.id })).note.content[section];
}

test('a physician expands snippets by trigger and by the picker, and the autosave keeps them', async ({ page }) => {
  const { family, name, patientId } = await patientWithDraft(page);
  await signIn(page, 'physician');
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await page.getByRole('button', { name: 'Open chart' }).click();
  await page
    .getByRole('navigation', { name: 'Encounters' })
    .getByRole('button', { name: /Cough.*Draft$/ })
    .click();
  const draft = page.getByRole('article', { name: 'Draft note' });

  // A trigger, then Space: expanded in place, and saved like typing.
  const subjective = draft.getByRole('textbox', { name: 'Subjective' });
  await subjective.click();
  await page.keyboard.type('Dry cough for 5 days. .rosneg');
  await page.keyboard.press('Space');
  await page.keyboard.type('Sleeps well.');
  await expect(subjective).toHaveValue(
    /^Dry cough for 5 days\. Review of systems: negative for fever, .* except as noted above\. Sleeps well\.$/,
  );
  await expect(draft.getByRole('status').filter({ hasText: 'Inserted' })).toHaveText(/Inserted “Review of systems negative”/);
  await expect.poll(() => savedSection(page, patientId, 'subjective')).toMatch(/Review of systems: negative for fever.*Sleeps well\.$/);

  // The picker: Ctrl+. in Objective, filter, Enter; the text lands at the caret.
  const objective = draft.getByRole('textbox', { name: 'Objective' });
  await objective.click();
  await page.keyboard.type('Temp 37.1. ');
  await page.keyboard.press('Control+.');
  const picker = page.getByRole('dialog', { name: 'Insert snippet' });
  await expect(picker.getByRole('combobox', { name: 'Find a snippet' })).toBeFocused();
  await page.keyboard.type('normal ex');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'snippets-picker');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(objective).toHaveValue(/^Temp 37\.1\. General: alert, well-appearing, in no distress\.\nHEENT: /);
  await expect(objective).toBeFocused();
  await expect
    .poll(() => savedSection(page, patientId, 'objective'))
    .toMatch(/^Temp 37\.1\. General: alert.*\nNeuro: alert and oriented, no focal deficits\.$/s);

  // Tab expands too, with the patient's first name filled in; a Tab that expands nothing moves on as usual.
  const plan = draft.getByRole('textbox', { name: 'Plan' });
  await plan.click();
  await page.keyboard.type('.fu');
  await page.keyboard.press('Tab');
  await expect(plan).toHaveValue(/^Follow-up: return in 2 weeks.*\nMaren understands and agrees with the plan\.$/s);
  await expect(plan).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(plan).not.toBeFocused();
  await expect.poll(() => savedSection(page, patientId, 'plan')).toMatch(/Maren understands and agrees with the plan\.$/);
  await screenshot(page, 'snippets-note');

  // A personal snippet from the library, then used at once; a clash is refused naming the snippet it clashes with.
  const trigger = `.${uniqueName('w').toLowerCase()}`;
  await draft.getByRole('button', { name: 'Manage snippets…' }).click();
  const library = page.getByRole('dialog', { name: 'Snippets' });
  await library.getByRole('button', { name: 'New snippet' }).click();
  await library.getByRole('textbox', { name: 'Trigger' }).fill(trigger);
  await library.getByRole('textbox', { name: 'Title' }).fill('Wound care');
  await library.getByRole('textbox', { name: 'Text' }).fill('Keep the dressing dry for 48 hours, {patient.firstName}.');
  await library.getByRole('button', { name: 'Save snippet' }).click();
  const yours = library.getByRole('region', { name: 'Your snippets' });
  await expect(yours.getByRole('listitem')).toContainText([trigger]);
  await library.getByRole('button', { name: 'New snippet' }).click();
  await library.getByRole('textbox', { name: 'Trigger' }).fill(trigger.toUpperCase());
  await library.getByRole('textbox', { name: 'Title' }).fill('Duplicate');
  await library.getByRole('textbox', { name: 'Text' }).fill('Anything');
  await library.getByRole('button', { name: 'Save snippet' }).click();
  await expect(library.getByRole('alert').first()).toHaveText(
    `You already have a snippet with the trigger ${trigger} ("Wound care"). Choose another trigger, or edit that snippet instead.`,
  );
  await screenshot(page, 'snippets-clash');
  await library.getByRole('button', { name: 'Cancel' }).click();
  await screenshot(page, 'snippets-library');
  await library.getByRole('button', { name: 'Close' }).click();

  const assessment = draft.getByRole('textbox', { name: 'Assessment' });
  await assessment.click();
  await page.keyboard.type(`Small laceration. ${trigger}`);
  await page.keyboard.press('Space');
  await expect(assessment).toHaveValue('Small laceration. Keep the dressing dry for 48 hours, Maren. ');
  await expect
    .poll(() => savedSection(page, patientId, 'assessment'))
    .toBe('Small laceration. Keep the dressing dry for 48 hours, Maren. ');
});

test('a manager curates the shared snippets from the admin screen', async ({ page }) => {
  await signIn(page, 'manager');
  await page.getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'Snippets' }).click();
  const shared = page.getByRole('region', { name: 'Shared with the clinic' });
  await expect(shared.getByRole('button', { name: 'Edit .nrml Normal exam' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your snippets' })).toHaveCount(0);
  await screenshot(page, 'snippets-admin');
});
