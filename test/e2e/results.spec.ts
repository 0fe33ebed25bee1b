/**
 * Immunizations and lab results in the clinical summary: a nurse records a
 * flu shot given here (a dose reported from elsewhere and a refusal are put
 * in through the API beforehand, to check how they are tagged); a physician
 * types in a lab report with a high potassium and sees it flagged "High" in
 * words, adds an older report so potassium gets a trend, opens the trend,
 * and takes the newer report off as entered in error.
 */
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { call, sessionFor, uniqueName } from './clinic';
import { open, screenshot, signIn } from './support';

async function openChart(page: Page, family: string, name: string) {
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await page.getByRole('button', { name: 'Open chart' }).click();
  await expect(page.getByRole('region', { name: 'Patient' }).getByRole('heading', { level: 1, name })).toBeVisible();
  return page.getByRole('region', { name: 'Clinical summary' });
}

test('a nurse records an immunization; a physician adds lab reports, sees the flag and the trend, and withdraws one', async ({ page }) => {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const nurse = await sessionFor(page, 'nurse');
  // reference.get needs a signed-in session; the page has none yet.
  const zone = (await call(page, 'reference.get', {}, manager)).clinic.timeZone;
  const family = uniqueName('Okafor');
  const name = `${family}, Adaeze`;
  const patient = await call(
    page,
    'patients.create',
    { givenName: 'Adaeze', familyName: family, sex: 'female', dateOfBirth: '1966-02-19', acknowledgeDuplicates: true },
    manager,
  );
  await call(
    page,
    'immunizations.save',
    { patientId: patient.id, vaccine: 'Tdap', administeredOn: '2019-03-12', source: 'historical' },
    nurse,
  );
  await call(
    page,
    'immunizations.save',
    { patientId: patient.id, vaccine: 'Zoster, recombinant', administeredOn: '2024-05-02', status: 'refused' },
    nurse,
  );

  // The nurse: a flu shot given today, with what a recall needs.
  await signIn(page, 'nurse');
  let summary = await openChart(page, family, name);
  const shots = summary.getByRole('region', { name: 'Immunizations' });
  await shots.getByRole('button', { name: 'Record immunization' }).click();
  const shotDialog = page.getByRole('dialog', { name: 'Record immunization' });
  await expect(shotDialog.getByRole('textbox', { name: 'Vaccine' })).toBeFocused();
  await expect(shotDialog.getByLabel('Date', { exact: true })).toHaveValue(DateTime.now().setZone(zone).toISODate() ?? '');
  await expect(shotDialog.getByRole('radio', { name: 'Given here' })).toBeChecked();
  await page.keyboard.type('Influenza, seasonal, injectable');
  await shotDialog.getByRole('textbox', { name: 'CVX code' }).fill('140');
  await shotDialog.getByRole('textbox', { name: 'Dose number' }).fill('1');
  await shotDialog.getByRole('textbox', { name: 'Lot number' }).fill('FLU-25A');
  await shotDialog.getByRole('textbox', { name: 'Site' }).fill('left deltoid');
  await shotDialog.getByRole('textbox', { name: 'Route' }).fill('intramuscular');
  await screenshot(page, 'results-immunization-dialog');
  await shotDialog.getByRole('button', { name: 'Save immunization' }).click();
  await expect(shotDialog).toBeHidden();
  const list = shots.getByRole('list', { name: 'Immunizations' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').first()).toContainText('Influenza, seasonal, injectable');
  await expect(list.getByRole('listitem').first()).toContainText('Dose 1 · lot FLU-25A · left deltoid · intramuscular · CVX 140');
  await expect(list.getByRole('listitem').filter({ hasText: 'Zoster' })).toContainText('Refused');
  await expect(list.getByRole('listitem').filter({ hasText: 'Tdap' })).toContainText('Historical');
  await expect(list.getByRole('listitem').filter({ hasText: 'Tdap' })).toContainText('12 Mar 2019');
  await shots.scrollIntoViewIfNeeded();
  await screenshot(page, 'results-immunizations');
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();

  // The physician: a report typed in from paper, with a row added and one removed.
  await signIn(page, 'physician');
  summary = await openChart(page, family, name);
  const labs = summary.getByRole('region', { name: 'Lab results' });
  await expect(labs).toContainText('No lab results recorded.');
  await labs.getByRole('button', { name: 'Add lab report' }).click();
  const labDialog = page.getByRole('dialog', { name: 'Add lab report' });
  await labDialog.getByRole('textbox', { name: 'Panel' }).fill('Basic metabolic panel');
  await labDialog.getByRole('textbox', { name: 'Laboratory' }).fill('Synthetic Labs');
  const fillRow = async (n: number, cells: [string, string, string, string, string]) => {
    const names = ['Test', 'Value', 'Unit', 'Range low', 'Range high'];
    for (const [i, text] of cells.entries()) await labDialog.getByRole('textbox', { name: `${names[i]}, row ${n}` }).fill(text);
  };
  await fillRow(1, ['Potassium', '5.8', 'mmol/L', '3.5', '5.1']);
  await fillRow(2, ['Sodium', '139', 'mmol/L', '136', '145']);
  await labDialog.getByRole('button', { name: 'Add row' }).click();
  await fillRow(3, ['Chloride', 'typo', '', '', '']);
  await labDialog.getByRole('button', { name: 'Remove row 3' }).click();
  await expect(labDialog.getByRole('textbox', { name: 'Test, row 3' })).toHaveCount(0);
  await screenshot(page, 'results-lab-dialog');
  await labDialog.getByRole('button', { name: 'Save lab report' }).click();
  await expect(labDialog).toBeHidden();

  const newer = labs.getByRole('article', { name: /^Basic metabolic panel, / });
  await expect(newer).toContainText('Synthetic Labs');
  const potassium = newer.getByRole('row', { name: /Potassium/ });
  await expect(potassium).toContainText('5.8 mmol/L');
  await expect(potassium).toContainText('3.5–5.1');
  await expect(potassium).toContainText('High');
  await expect(newer.getByRole('row', { name: /Sodium/ })).not.toContainText('High');
  await expect(labs.getByRole('list', { name: 'Lab trends' })).toHaveCount(0);

  // An older report: potassium now appears twice, so it gets a trend.
  const monthAgo = DateTime.now().setZone(zone).minus({ months: 1 });
  await labs.getByRole('button', { name: 'Add lab report' }).click();
  await labDialog.getByRole('textbox', { name: 'Panel' }).fill('Electrolytes');
  await labDialog.getByLabel('Collected on').fill(monthAgo.toISODate() ?? '');
  await labDialog.getByRole('textbox', { name: 'Time' }).fill('0815');
  await fillRow(1, ['Potassium', '4.4', 'mmol/L', '3.5', '5.1']);
  await labDialog.getByRole('button', { name: 'Save lab report' }).click();
  await expect(labDialog).toBeHidden();
  await expect(labs.getByRole('article')).toHaveCount(2);
  await expect(labs.getByRole('article').first()).toHaveAccessibleName(/^Basic metabolic panel/);
  const older = labs.getByRole('article', { name: /^Electrolytes, / });
  await expect(older).toContainText(`Collected ${monthAgo.toFormat('ccc d LLL yyyy')}, 08:15`);
  const trendButton = labs.getByRole('button', { name: 'Potassium trend, 2 results: open the chart' });
  await expect(trendButton).toBeVisible();
  await labs.scrollIntoViewIfNeeded();
  await screenshot(page, 'results-labs');

  await trendButton.click();
  const trend = page.getByRole('dialog', { name: 'Potassium over time' });
  await expect(trend.locator('svg.recharts-surface').first()).toBeVisible();
  await trend.getByText('Results as a table').click();
  await expect(trend.getByRole('row')).toHaveCount(3);
  await expect(trend.getByRole('row').nth(1)).toContainText('High');
  await screenshot(page, 'results-lab-trend');
  await page.keyboard.press('Escape');
  await expect(trend).toBeHidden();

  // The newer report was for someone else: it leaves the chart, and potassium is no longer trended.
  await newer.getByRole('button', { name: /^Mark Basic metabolic panel of .+ entered in error…$/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Mark lab report entered in error' });
  await expect(confirm).toContainText('Basic metabolic panel');
  await screenshot(page, 'results-lab-error');
  await confirm.getByRole('button', { name: 'Mark entered in error' }).click();
  await expect(confirm).toBeHidden();
  await expect(newer).toHaveCount(0);
  await expect(labs.getByRole('article')).toHaveCount(1);
  await expect(trendButton).toHaveCount(0);
});
