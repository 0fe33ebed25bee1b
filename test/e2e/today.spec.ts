/**
 * Check-in on the Today queue. Today may be a Sunday or already evening in
 * Chicago, so the test makes its own appointment for today first: a manager
 * books it before opening hours with an overbooking reason (allowed for that
 * role whatever the time), then the front desk checks the patient in.
 */
import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { call, sessionFor, typeNamed, uniqueName } from './clinic';
import { open, screenshot, signIn } from './support';

test('check a patient in from the Today queue', async ({ page }) => {
  await open(page);
  const manager = await sessionFor(page, 'manager');
  const ref = await call(page, 'reference.get', {}, manager);
  const zone = ref.clinic.timeZone;
  const family = uniqueName('Haddad');
  const name = `${family}, Rania`;
  const patient = await call(
    page,
    'patients.create',
    { givenName: 'Rania', familyName: family, sex: 'female', dateOfBirth: '1979-11-02', acknowledgeDuplicates: true },
    manager,
  );
  const provider = ref.providers.find((p) => p.active);
  if (!provider) throw new Error('the demo clinic has an active provider');
  const start = DateTime.now().setZone(zone).startOf('day').set({ hour: 7, minute: 10 });
  const type = typeNamed(ref, 'Follow-up');
  await call(
    page,
    'appointments.book',
    {
      patientId: patient.id,
      providerId: provider.id,
      typeId: type.id,
      startAt: start.toUTC().toISO() ?? '',
      endAt: start.plus({ minutes: type.durationMinutes }).toUTC().toISO() ?? '',
      overbookReason: 'Early walk-in before opening',
    },
    manager,
  );

  await signIn(page, 'frontdesk');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Today · ${DateTime.now().setZone(zone).toFormat('cccc d LLLL')}`);
  const expected = page.getByRole('region', { name: /^Expected/ });
  const waiting = page.getByRole('region', { name: /^Waiting/ });
  await expect(expected.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(expected.getByRole('listitem').filter({ hasText: name })).toContainText('07:10');
  await expect(waiting.getByRole('button', { name, exact: true })).toHaveCount(0);

  await expected.getByRole('button', { name: `Check in ${name}` }).click();

  await expect(waiting.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(expected.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Checked in ${name}.` })).toHaveCount(1);
  await expect(waiting.getByRole('listitem').filter({ hasText: name })).toContainText(/Waiting \d+/);
  await expect(waiting.getByRole('button', { name: `Room ${name}` })).toBeVisible();
  const [saved] = await call(page, 'appointments.forPatient', { patientId: patient.id });
  expect(saved?.status).toBe('arrived');
  expect(saved?.arrivedAt).toBeTruthy();
  await screenshot(page, 'today-queue');
});
