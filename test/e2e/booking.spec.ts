/**
 * Booking, moving and cancelling at the front desk, on future weekdays picked
 * in the clinic's zone (America/Chicago) while the browser runs in Tokyo: the
 * calendar must speak clinic time. Free times come from the server's own
 * "find next available", so the tests hold whatever day and hour they run.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Reference } from '../../main/contract';
import { DateTime } from 'luxon';
import {
  call,
  createPatient,
  freeSlotsOn,
  futureWeekday,
  reference,
  showDay,
  typeNamed,
  typeOption,
  uniqueName,
  type FreeSlot,
} from './clinic';
import { screenshot, signIn } from './support';

/**
 * Two free times of one provider on that day that do not overlap, as close
 * together as possible (a drag needs both on screen at once).
 */
async function twoFreeTimes(page: Page, ref: Reference, day: DateTime, typeId: string): Promise<[FreeSlot, FreeSlot]> {
  const at = (s: FreeSlot) => Date.parse(s.startAt);
  for (const provider of ref.providers.filter((p) => p.active)) {
    const slots = await freeSlotsOn(page, ref, day, typeId, [provider.id]);
    for (const first of slots) {
      const apart = (s: FreeSlot) => Math.abs(at(s) - at(first));
      const [second] = slots.filter((s) => s.start >= first.end || s.end <= first.start).sort((a, b) => apart(a) - apart(b));
      if (second && apart(second) <= 2 * 3600_000) return [first, second];
    }
  }
  throw new Error(`no provider has two free times close together on ${day.toISODate()}`);
}

function dayLabel(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).toFormat('ccc d LLL');
}

async function openSchedule(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('toolbar', { name: 'Schedule' })).toBeVisible();
}

test('book from the patient record, see it on the calendar, then move it to another time', async ({ page }) => {
  await signIn(page, 'frontdesk');
  const ref = await reference(page);
  const zone = ref.clinic.timeZone;
  const family = uniqueName('Lindqvist');
  await createPatient(page, 'Ines', family);
  const name = `${family}, Ines`;
  const followUp = typeNamed(ref, 'Follow-up');
  const day = futureWeekday(zone, 2);
  const [slot, other] = await twoFreeTimes(page, ref, day, followUp.id);

  // The record, found from the header box.
  await page.keyboard.press('Control+k');
  await page.keyboard.type(family.slice(0, -2));
  await expect(
    page.getByRole('listbox', { name: 'Matching patients' }).getByRole('option', { name: new RegExp(`^${name}`) }),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Book appointment' }).click();

  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  await expect(booking).toBeVisible();
  await expect(booking.getByRole('combobox', { name: 'Patient' })).toHaveValue(name);
  await booking.getByLabel('Provider').selectOption({ label: slot.providerName });
  await booking.getByLabel('Type').selectOption({ label: typeOption(followUp) });
  await booking.getByLabel('Date').fill(slot.date);
  await booking.getByLabel('Start').fill(slot.start);
  // The end follows the type's 20 minutes.
  await expect(booking.getByLabel('End')).toHaveValue(slot.end);
  await booking.getByLabel('Notes (optional)').fill('First visit after moving to the area');
  await screenshot(page, 'booking-dialog');
  await booking.getByRole('button', { name: 'Book appointment' }).click();

  await expect(booking).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `Booked: ${name}, ${dayLabel(slot.date, zone)} at ${slot.start}.` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(day.toFormat('cccc d LLLL yyyy'));
  const event = page.getByRole('button', { name: new RegExp(`${name}.*${slot.start} · Follow-up · Booked`) });
  await expect(event).toBeVisible();
  await screenshot(page, 'schedule-day');

  // Move it: change the start in the appointment's own dialog.
  await event.click();
  const detail = page.getByRole('dialog', { name: 'Appointment' });
  await expect(detail).toContainText(`${day.toFormat('ccc d LLL yyyy')}, ${slot.start}–${slot.end}`);
  await expect(detail).toContainText(slot.providerName);
  await detail.getByRole('button', { name: 'Edit' }).click();
  const change = page.getByRole('dialog', { name: 'Change appointment' });
  await expect(change.getByLabel('Start')).toHaveValue(slot.start);
  await change.getByLabel('Start').fill(other.start);
  await expect(change.getByLabel('End')).toHaveValue(other.end);
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(change).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `Changed: ${name}, ${dayLabel(other.date, zone)} at ${other.start}.` }),
  ).toBeVisible();
  const moved = page.getByRole('button', { name: new RegExp(`${name}.*${other.start} · Follow-up`) });
  await expect(moved).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`${name}.*${slot.start} · Follow-up`) })).toHaveCount(0);
  await moved.click();
  await expect(detail).toContainText(`${other.start}–${other.end}`);
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // The same appointment in the provider's week.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' }).click();
  await page.getByRole('toolbar', { name: 'Schedule' }).getByLabel('Provider').selectOption({ label: slot.providerName });
  await expect(page.getByRole('button', { name: new RegExp(`${name}.*${other.start} · Follow-up`) })).toBeVisible();
  await screenshot(page, 'schedule-week');
});

test('drag an appointment to a free time in the same column', async ({ page }) => {
  await signIn(page, 'frontdesk');
  const ref = await reference(page);
  const zone = ref.clinic.timeZone;
  const family = uniqueName('Achterberg');
  const patient = await createPatient(page, 'Tomas', family);
  const name = `${family}, Tomas`;
  const followUp = typeNamed(ref, 'Follow-up');
  const day = futureWeekday(zone, 3);
  const [slot, target] = await twoFreeTimes(page, ref, day, followUp.id);
  await call(page, 'appointments.book', {
    patientId: patient.id,
    providerId: slot.providerId,
    typeId: followUp.id,
    startAt: slot.startAt,
    endAt: DateTime.fromISO(slot.startAt).plus({ minutes: followUp.durationMinutes }).toUTC().toISO() ?? '',
  });

  await openSchedule(page);
  await showDay(page, slot.date);
  const event = page.getByRole('button', { name: new RegExp(`${name}.*${slot.start} · Follow-up`) });
  await event.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await event.boundingBox();
  // Half an hour of the grid is one gutter row: pixels per minute, as the eye reads it.
  const rows = page.locator('.rbc-time-gutter .rbc-timeslot-group');
  const [row1, row2] = [await rows.nth(0).boundingBox(), await rows.nth(1).boundingBox()];
  if (!box || !row1 || !row2) throw new Error('the calendar is not laid out');
  const perMinute = (row2.y - row1.y) / 30;
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const dy = (minutes(target.start) - minutes(slot.start)) * perMinute + 3;

  // Grab the middle: the top and bottom edges are resize handles.
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  expect(y + dy, 'the target time is on screen').toBeGreaterThan(0);
  expect(y + dy, 'the target time is on screen').toBeLessThan(page.viewportSize()?.height ?? 0);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x, y + (dy * i) / 10);
  await page.mouse.up();

  await expect(
    page.getByRole('status').filter({ hasText: `Moved ${name} to ${dayLabel(target.date, zone)} ${target.start}–${target.end}.` }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`${name}.*${target.start} · Follow-up`) })).toBeVisible();
  const [saved] = await call(page, 'appointments.forPatient', { patientId: patient.id });
  expect(DateTime.fromISO(saved?.startAt ?? '', { zone }).toFormat('HH:mm')).toBe(target.start);
});

test('cancel an appointment with a reason: it leaves the calendar and shows under "Show cancelled"', async ({ page }) => {
  await signIn(page, 'frontdesk');
  const ref = await reference(page);
  const zone = ref.clinic.timeZone;
  const family = uniqueName('Moreau');
  const patient = await createPatient(page, 'Elodie', family);
  const name = `${family}, Elodie`;
  const followUp = typeNamed(ref, 'Follow-up');
  const day = futureWeekday(zone, 4);
  const [slot] = await freeSlotsOn(page, ref, day, followUp.id);
  if (!slot) throw new Error(`no free time on ${day.toISODate()}`);
  await call(page, 'appointments.book', {
    patientId: patient.id,
    providerId: slot.providerId,
    typeId: followUp.id,
    startAt: slot.startAt,
    endAt: DateTime.fromISO(slot.startAt).plus({ minutes: followUp.durationMinutes }).toUTC().toISO() ?? '',
  });

  await openSchedule(page);
  await showDay(page, slot.date);
  const event = page.getByRole('button', { name: new RegExp(`${name}.*${slot.start} · Follow-up`) });
  await event.click();
  const detail = page.getByRole('dialog', { name: 'Appointment' });
  await detail.getByRole('button', { name: 'Cancel appointment' }).click();
  // A reason is required.
  await detail.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(detail.getByRole('alert')).toContainText('Give a reason for the cancellation.');
  await detail.getByLabel('Reason for cancelling').fill('Patient has a work trip');
  await detail.getByRole('button', { name: 'Confirm cancellation' }).click();

  await expect(detail).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Appointment of ${name} cancelled.` })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(name) })).toHaveCount(0);

  await page.getByLabel('Show cancelled').check();
  const cancelled = page.getByRole('button', { name: new RegExp(`${name}.*${slot.start} · Follow-up · Cancelled`) });
  await expect(cancelled).toBeVisible();
  await cancelled.click();
  await expect(detail).toContainText('Reason: Patient has a work trip');
  const [saved] = await call(page, 'appointments.forPatient', { patientId: patient.id });
  expect(saved?.status).toBe('cancelled');
});
