/**
 * The chart's clinical summary, as a physician uses it before prescribing:
 * the chart opens on the summary with "Allergies not recorded" in the
 * header; an allergy to amoxicillin (a penicillin) is recorded; vital signs
 * are typed in pounds, inches and °F and read back in both systems with the
 * BMI and a high blood pressure flagged; then ampicillin is prescribed: the
 * allergy alert shows before saving, the save is refused without a reason
 * and goes through with one. Earlier readings are recorded through the API
 * so the trends have something to draw.
 */
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { call, sessionFor, uniqueName } from './clinic';
import { open, screenshot, signIn } from './support';

/** A new adult patient with three earlier readings (a nurse, months apart); returns the name as the app shows it. */
async function patientWithHistory(page: Page): Promise<{ family: string; name: string }> {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const nurse = await sessionFor(page, 'nurse');
  const family = uniqueName('Haugen');
  const patient = await call(
    page,
    'patients.create',
    { givenName: 'Ingrid', familyName: family, sex: 'female', dateOfBirth: '1971-06-02', acknowledgeDuplicates: true },
    manager,
  );
  const earlier = [
    { monthsAgo: 9, systolic: 128, diastolic: 82, weight: 168, pulse: 70, temperature: 98.2, spo2: 98 },
    { monthsAgo: 6, systolic: 134, diastolic: 86, weight: 171, pulse: 76, temperature: 98.6, spo2: 97 },
    { monthsAgo: 3, systolic: 141, diastolic: 91, weight: 173, pulse: 74, temperature: 98.4, spo2: 98 },
  ];
  for (const r of earlier) {
    await call(
      page,
      'vitals.record',
      {
        patientId: patient.id,
        takenAt: DateTime.now().minus({ months: r.monthsAgo }).toUTC().toISO() ?? '',
        systolic: r.systolic,
        diastolic: r.diastolic,
        pulse: r.pulse,
        spo2: r.spo2,
        weight: { value: r.weight, unit: 'lb' },
        height: { value: 69, unit: 'in' },
        temperature: { value: r.temperature, unit: 'F' },
      },
      nurse,
    );
  }
  return { family, name: `${family}, Ingrid` };
}

test('a physician records an allergy and vital signs, then prescribes past an allergy alert with a reason', async ({ page }) => {
  const { family, name } = await patientWithHistory(page);
  await signIn(page, 'physician');
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await page.getByRole('button', { name: 'Open chart' }).click();

  // The chart opens on the summary; the header says allergies were never asked about.
  const header = page.getByRole('region', { name: 'Patient' });
  await expect(header.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(header).toContainText('Allergies not recorded');
  const summary = page.getByRole('region', { name: 'Clinical summary' });
  await expect(page.getByRole('button', { name: /^Clinical summary/ })).toHaveAttribute('aria-current', 'page');
  const allergies = summary.getByRole('region', { name: 'Allergies' });
  await expect(allergies).toContainText('Allergies not recorded');
  await expect(allergies.getByRole('button', { name: 'No known allergies' })).toBeVisible();
  await screenshot(page, 'clinical-summary-new');

  await allergies.getByRole('button', { name: 'Add allergy' }).click();
  const allergyDialog = page.getByRole('dialog', { name: 'Add allergy' });
  await expect(allergyDialog.getByRole('textbox', { name: 'Substance' })).toBeFocused();
  await page.keyboard.type('Amoxicillin');
  await expect(allergyDialog.getByRole('radio', { name: 'Drug' })).toBeChecked();
  await allergyDialog.getByRole('textbox', { name: 'Drug class' }).fill('Penicillins');
  await allergyDialog.getByRole('textbox', { name: 'Reaction' }).fill('Hives');
  await allergyDialog.getByRole('combobox', { name: 'Severity' }).selectOption({ label: 'Severe' });
  await screenshot(page, 'clinical-allergy-dialog');
  await allergyDialog.getByRole('button', { name: 'Save allergy' }).click();
  await expect(allergyDialog).toBeHidden();
  await expect(allergies).toContainText('Allergies: Amoxicillin');
  await expect(allergies.getByRole('list', { name: 'Allergies' })).toContainText('Hives, severe');
  await expect(header).toContainText('Allergies: Amoxicillin (Hives, severe)');

  // Vital signs in the clinic's habit (a US clinic: pounds, inches, °F), converted as they are typed.
  const vitals = summary.getByRole('region', { name: 'Vital signs' });
  await vitals.getByRole('button', { name: 'Record vitals' }).click();
  const vitalsDialog = page.getByRole('dialog', { name: 'Record vital signs' });
  await expect(vitalsDialog.getByRole('radio', { name: 'lb' })).toBeChecked();
  await expect(vitalsDialog.getByRole('radio', { name: '°F' })).toBeChecked();
  await vitalsDialog.getByRole('radio', { name: 'in', exact: true }).check();
  await vitalsDialog.getByRole('textbox', { name: 'Systolic' }).fill('152');
  await vitalsDialog.getByRole('textbox', { name: 'Diastolic' }).fill('96');
  await vitalsDialog.getByRole('textbox', { name: 'Pulse' }).fill('78');
  await vitalsDialog.getByRole('textbox', { name: 'SpO₂' }).fill('97');
  await vitalsDialog.getByRole('textbox', { name: 'Temperature' }).fill('99.1');
  await vitalsDialog.getByRole('textbox', { name: 'Weight' }).fill('175');
  await vitalsDialog.getByRole('textbox', { name: 'Height' }).fill('69');
  await expect(vitalsDialog).toContainText('= 79.4 kg');
  await expect(vitalsDialog).toContainText('= 175.3 cm');
  await expect(vitalsDialog).toContainText('= 37.3 °C');
  await screenshot(page, 'clinical-vitals-dialog');
  await vitalsDialog.getByRole('button', { name: 'Save vital signs' }).click();
  await expect(vitalsDialog).toBeHidden();

  const latest = vitals.getByRole('list', { name: 'Latest vital signs' });
  const tile = (label: string) => latest.getByRole('listitem').filter({ hasText: label });
  await expect(tile('Blood pressure')).toContainText('152/96 mmHg');
  await expect(tile('Blood pressure')).toContainText('High');
  await expect(tile('Weight')).toContainText('175 lb');
  await expect(tile('Weight')).toContainText('79.4 kg');
  await expect(tile('Height')).toContainText('5 ft 9 in');
  await expect(tile('Height')).toContainText('175.3 cm');
  await expect(tile('Temperature')).toContainText('99.1 °F');
  await expect(tile('Temperature')).toContainText('37.3 °C');
  await expect(tile('BMI')).toContainText('25.8 kg/m²');
  await expect(tile('Pulse')).not.toContainText('High');
  await screenshot(page, 'clinical-summary-vitals');

  await latest.getByRole('button', { name: /^Blood pressure trend, 4 readings/ }).click();
  const trend = page.getByRole('dialog', { name: 'Blood pressure over time' });
  await expect(trend.locator('svg.recharts-surface').first()).toBeVisible();
  await trend.getByText('Readings as a table').click();
  await expect(trend.getByRole('table')).toContainText('152');
  await expect(trend.getByRole('row')).toHaveCount(5);
  await screenshot(page, 'clinical-trend');
  await page.keyboard.press('Escape');
  await expect(trend).toBeHidden();

  // Prescribing a penicillin to a patient allergic to one: the alert comes before saving.
  const medications = summary.getByRole('region', { name: 'Medications' });
  await expect(medications).toContainText('No current medications recorded.');
  await medications.getByRole('button', { name: 'Prescribe' }).click();
  const prescribe = page.getByRole('dialog', { name: 'Prescribe' });
  await expect(prescribe.getByRole('textbox', { name: 'Medication' })).toBeFocused();
  await page.keyboard.type('Ampicillin 500 mg');
  const alert = prescribe.getByRole('article', { name: 'Allergy: Amoxicillin (Hives, severe)' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('High severity');
  await expect(alert).toContainText('Penicillins');
  await expect(alert).toContainText('Recommendation: Choose a drug of another class, or confirm the allergy history with the patient.');
  await expect(alert).toContainText('Source: Allergy recorded in the chart');
  await prescribe.getByRole('textbox', { name: 'Dose' }).fill('500 mg');
  await prescribe.getByRole('combobox', { name: 'Route' }).fill('oral');
  await prescribe.getByRole('combobox', { name: 'Frequency' }).fill('four times daily');
  await screenshot(page, 'clinical-prescribe-alert');

  await prescribe.getByRole('button', { name: 'Prescribe despite alerts' }).click();
  const reason = alert.getByRole('textbox', { name: 'Reason to go ahead despite this alert' });
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toBeFocused();
  await expect(alert).toContainText('Give a reason to go ahead despite this alert');
  await expect(prescribe.getByRole('textbox', { name: 'Medication' })).toHaveValue('Ampicillin 500 mg');
  await expect(prescribe.getByRole('textbox', { name: 'Dose' })).toHaveValue('500 mg');
  await screenshot(page, 'clinical-prescribe-reason-needed');
  expect((await call(page, 'medications.list', { patientId: await patientIdOf(page, family) })).medications).toEqual([]);

  await reason.fill('Rash to amoxicillin was in childhood; tolerated ampicillin in 2024 without reaction.');
  await prescribe.getByRole('button', { name: 'Prescribe despite alerts' }).click();
  await expect(prescribe).toBeHidden();
  const current = medications.getByRole('list', { name: 'Current medications' });
  await expect(current.getByRole('listitem')).toHaveCount(1);
  await expect(current).toContainText('Ampicillin 500 mg');
  await expect(current).toContainText('500 mg · oral · four times daily');
  await screenshot(page, 'clinical-summary-done');
});

async function patientIdOf(page: Page, family: string): Promise<string> {
  const [found] = await call(page, 'patients.search', { query: family, limit: 1 });
  if (!found) throw new Error(`no patient named ${family}`);
  return found.id;
}

test('problems from the code search, "no known allergies", a genomic result and its alert, and a drug Outpost does not know', async ({
  page,
}) => {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const family = uniqueName('Lindqvist');
  const name = `${family}, Sven`;
  await call(
    page,
    'patients.create',
    { givenName: 'Sven', familyName: family, sex: 'male', dateOfBirth: '1958-10-14', acknowledgeDuplicates: true },
    manager,
  );
  await signIn(page, 'physician');
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await page.getByRole('button', { name: 'Open chart' }).click();
  const header = page.getByRole('region', { name: 'Patient' });
  const summary = page.getByRole('region', { name: 'Clinical summary' });

  const allergies = summary.getByRole('region', { name: 'Allergies' });
  await allergies.getByRole('button', { name: 'No known allergies' }).click();
  await expect(allergies).toContainText(/No known allergies \(recorded by .+ on \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d\)/);
  await expect(header).toContainText('No known allergies');

  const problems = summary.getByRole('region', { name: 'Problems' });
  await problems.getByRole('button', { name: 'Add problem' }).click();
  const problemDialog = page.getByRole('dialog', { name: 'Add problem' });
  const search = problemDialog.getByRole('combobox', { name: 'Add a diagnosis' });
  await expect(search).toBeFocused();
  await search.fill('hypertension');
  const essential = problemDialog.getByRole('option', { name: /^I10 Essential \(primary\) hypertension/ });
  await expect(essential).toBeVisible();
  await essential.click();
  await expect(problemDialog.getByRole('textbox', { name: 'Problem' })).toHaveValue('Essential (primary) hypertension');
  await expect(problemDialog.getByRole('textbox', { name: 'ICD-10-CM code' })).toHaveValue('I10');
  await problemDialog.getByLabel('Onset').fill('2019-04-01');
  await screenshot(page, 'clinical-problem-dialog');
  await problemDialog.getByRole('button', { name: 'Add problem' }).click();
  await expect(problemDialog).toBeHidden();
  const active = problems.getByRole('list', { name: 'Active problems' });
  await expect(active).toContainText('I10');
  await expect(active).toContainText('since 1 Apr 2019');

  await problems.getByRole('button', { name: 'Resolve Essential (primary) hypertension…' }).click();
  const resolve = page.getByRole('dialog', { name: 'Resolve problem' });
  await resolve.getByLabel('Resolved on').fill('2018-01-01');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve.getByText('Before the onset date')).toBeVisible();
  await resolve.getByLabel('Resolved on').fill('2026-01-15');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve).toBeHidden();
  await expect(problems).toContainText('No active problems recorded.');
  await problems.getByText('Resolved problems (1)').click();
  await expect(problems.getByRole('list', { name: 'Resolved problems' })).toContainText('resolved 15 Jan 2026');

  const genomics = summary.getByRole('region', { name: 'Genomic results' });
  await genomics.getByRole('button', { name: 'Add result' }).click();
  const genomicDialog = page.getByRole('dialog', { name: 'Add genomic result' });
  await genomicDialog.getByRole('textbox', { name: 'Gene' }).fill('cyp2c19');
  await genomicDialog.getByRole('button', { name: 'Add result' }).click();
  await expect(genomicDialog.getByRole('combobox', { name: 'Phenotype' })).toHaveAccessibleDescription('Choose the reported phenotype');
  await genomicDialog.getByRole('combobox', { name: 'Phenotype' }).selectOption({ label: 'Poor metabolizer' });
  await genomicDialog.getByLabel('Lab').fill('Synthetic Genomics Lab');
  await genomicDialog.getByRole('button', { name: 'Add result' }).click();
  await expect(genomicDialog).toBeHidden();
  await expect(genomics.getByRole('table')).toContainText('CYP2C19');
  await expect(genomics.getByRole('table')).toContainText('Poor metabolizer');

  const medications = summary.getByRole('region', { name: 'Medications' });
  await medications.getByRole('button', { name: 'Prescribe' }).click();
  const prescribe = page.getByRole('dialog', { name: 'Prescribe' });
  const drug = prescribe.getByRole('textbox', { name: 'Medication' });
  await drug.fill('Clopidogrel 75 mg');
  const pgx = prescribe.getByRole('article', { name: 'Pharmacogenomic: CYP2C19 poor metabolizer' });
  await expect(pgx).toContainText('High severity');
  await expect(pgx).toContainText('prasugrel or ticagrelor');
  await expect(pgx).toContainText('CPIC');
  await screenshot(page, 'clinical-prescribe-pgx');

  await drug.fill('Zyxotrin 10 mg');
  await expect(prescribe.getByRole('status').filter({ hasText: 'not in the medication knowledge file' })).toContainText(
    'no automatic checks',
  );
  await expect(prescribe.getByRole('article')).toHaveCount(0);
  await screenshot(page, 'clinical-prescribe-unknown');
  await prescribe.getByRole('button', { name: 'Prescribe', exact: true }).click();
  await expect(prescribe).toBeHidden();
  const current = medications.getByRole('list', { name: 'Current medications' });
  await expect(current).toContainText('Zyxotrin 10 mg');

  await current.getByRole('button', { name: 'Stop Zyxotrin 10 mg…' }).click();
  const stop = page.getByRole('dialog', { name: 'Stop medication' });
  await expect(stop.getByLabel('Stopped on')).not.toHaveValue('');
  await stop.getByRole('button', { name: 'Stop medication' }).click();
  await expect(stop).toBeHidden();
  await expect(medications).toContainText('No current medications recorded.');
  await expect(medications.getByText('Stopped medications (1)')).toBeVisible();
  await screenshot(page, 'clinical-summary-lists');
});
