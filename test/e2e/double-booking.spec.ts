/**
 * The schedule refuses a double booking: the front desk is offered the next
 * free times instead (one click books one), while a manager may overbook on
 * purpose, with a reason, and the calendar then flags the clash. The taken
 * time is a real demo appointment on a future weekday, read from the API.
 */
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { Reference } from '../../main/contract';
import { createPatient, futureWeekday, reference, showDay, takenSlotOn, typeNamed, typeOption, uniqueName } from './clinic';
import { screenshot, signIn } from './support';

interface Attempt {
  ref: Reference;
  name: string;
  family: string;
  providerName: string;
  date: string;
  start: string;
}

/** Opens the schedule on the taken day and fills a booking onto the taken time (not yet submitted). */
async function tryToDoubleBook(page: Page, daysAhead: number, givenName: string, familyPrefix: string): Promise<Attempt> {
  const ref = await reference(page);
  const zone = ref.clinic.timeZone;
  const family = uniqueName(familyPrefix);
  await createPatient(page, givenName, family);
  const taken = await takenSlotOn(page, ref, futureWeekday(zone, daysAhead));
  const when = DateTime.fromISO(taken.startAt, { zone });
  const attempt: Attempt = {
    ref,
    family,
    name: `${family}, ${givenName}`,
    providerName: ref.providers.find((p) => p.id === taken.providerId)?.displayName ?? '',
    date: when.toFormat('yyyy-MM-dd'),
    start: when.toFormat('HH:mm'),
  };

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' }).click();
  await showDay(page, attempt.date);
  await page.getByRole('button', { name: 'New appointment' }).click();
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  const picker = booking.getByRole('combobox', { name: 'Patient' });
  // Keyboard-first: the dialog opens with the cursor in the patient box.
  await expect(picker).toBeFocused();
  await page.keyboard.type(family.slice(0, -1));
  await expect(booking.getByRole('option', { name: new RegExp(attempt.name) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(attempt.name);
  await booking.getByLabel('Provider').selectOption({ label: attempt.providerName });
  await booking.getByLabel('Type').selectOption({ label: typeOption(typeNamed(ref, 'Follow-up')) });
  await booking.getByLabel('Date').fill(attempt.date);
  await booking.getByLabel('Start').fill(attempt.start);
  return attempt;
}

test('the front desk cannot double-book: the refusal offers the next free times, and one click books one', async ({ page }) => {
  await signIn(page, 'frontdesk');
  const attempt = await tryToDoubleBook(page, 5, 'Jonas', 'Ekwueme');
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  await booking.getByRole('button', { name: 'Book appointment' }).click();

  const refusal = booking.getByRole('alert').filter({ hasText: 'Not booked:' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(`${attempt.providerName} is already booked`);
  await expect(refusal).toContainText('Choose one of the next free times');
  const nextFree = refusal.getByRole('list', { name: 'Next free times:' }).getByRole('button');
  await expect(nextFree.first()).toBeVisible();
  // Only roles allowed to overbook are offered to.
  await expect(booking.getByRole('button', { name: /overbook/ })).toHaveCount(0);
  await screenshot(page, 'double-booking-refused');

  const choice = (await nextFree.first().textContent()) ?? '';
  const [, day, time] = /^(\w{3} \d{1,2} \w{3}) (\d{2}:\d{2}) with /.exec(choice) ?? [];
  expect(choice).toContain(`with ${attempt.providerName}`);
  expect(time).toBeTruthy();
  await nextFree.first().click();
  await expect(booking.getByLabel('Start')).toHaveValue(time ?? '');
  await expect(refusal).toBeHidden();
  await booking.getByRole('button', { name: 'Book appointment' }).click();

  await expect(booking).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Booked: ${attempt.name}, ${day} at ${time}.` })).toBeVisible();
  const event = page.getByRole('button', { name: new RegExp(`${attempt.name}.*${time} · Follow-up · Booked`) });
  await expect(event).toBeVisible();
  await expect(event).not.toContainText('Overbooked');
});

test('a manager may overbook a taken time with a reason, and the calendar flags it', async ({ page }) => {
  await signIn(page, 'manager');
  const attempt = await tryToDoubleBook(page, 5, 'Priya', 'Vandermeer');
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  await booking.getByRole('button', { name: 'Book appointment' }).click();

  const refusal = booking.getByRole('alert').filter({ hasText: 'Not booked:' });
  await expect(refusal).toContainText(`${attempt.providerName} is already booked`);
  await refusal.getByRole('button', { name: 'Book anyway (overbook)' }).click();
  // Not without a reason.
  await refusal.getByRole('button', { name: 'Confirm overbooking' }).click();
  await expect(refusal.getByText('Give a reason for overbooking')).toBeVisible();
  await refusal.getByLabel('Reason for overbooking').fill('Urgent: wound check before travel');
  await refusal.getByRole('button', { name: 'Confirm overbooking' }).click();

  await expect(booking).toBeHidden();
  const zone = attempt.ref.clinic.timeZone;
  const day = DateTime.fromISO(attempt.date, { zone }).toFormat('ccc d LLL');
  await expect(page.getByRole('status').filter({ hasText: `Booked: ${attempt.name}, ${day} at ${attempt.start}.` })).toBeVisible();
  const event = page.getByRole('button', { name: new RegExp(`${attempt.name}.*Overbooked.*${attempt.start} · Follow-up · Booked`) });
  await expect(event).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).locator('..').getByRole('status')).toContainText(/\d+ overbooked/);
  await event.click();
  const detail = page.getByRole('dialog', { name: 'Appointment' });
  await expect(detail.getByRole('note')).toContainText('Overbooked. Reason: Urgent: wound check before travel');
});
