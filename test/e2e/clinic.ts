/**
 * Facts the e2e tests need about the live demo clinic, read through the same
 * API the renderer uses (from the page, with its transport token), never
 * hard-coded: the demo data is relative to "now", so tests pick future
 * weekdays in the clinic's zone and ask the server which times are free or
 * taken. Test data gets unique made-up names so a run never trips on itself.
 */
import { expect, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { Input, MethodName, Output, Reference } from '../../main/contract';
import { DEMO_PASSWORD } from './support';

type CallResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** One API call from the page, as the signed-in user or with another user's session token. */
export async function call<M extends MethodName>(page: Page, method: M, input: Input<M>, session?: string): Promise<Output<M>> {
  const result = await page.evaluate(
    async ({ method, input, session }) => {
      const token = sessionStorage.getItem('outpost.transport') ?? '';
      const response = await fetch('./api/call', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'X-Outpost-Session': session ?? sessionStorage.getItem('outpost.session') ?? '',
        },
        body: JSON.stringify({ method, input }),
      });
      return (await response.json()) as CallResult;
    },
    { method, input, session: session ?? null },
  );
  if (!result.ok) throw new Error(`${method} was refused: ${result.error.code} ${result.error.message}`);
  return result.value as Output<M>;
}

/** A session token for another demo user, without touching the page's own sign-in. */
export async function sessionFor(page: Page, username: string): Promise<string> {
  const session = await call(page, 'auth.login', { username, password: DEMO_PASSWORD });
  return session.token;
}

export async function reference(page: Page): Promise<Reference> {
  return call(page, 'reference.get', {});
}

/** "Family, Given (Preferred)", as the app labels a patient. */
export function label(p: { givenName: string; familyName: string; preferredName?: string | null }): string {
  return `${p.familyName}, ${p.givenName}${p.preferredName ? ` (${p.preferredName})` : ''}`;
}

/** A made-up name nobody in the demo clinic has, different on every call (letters only, as a person would type). */
export function uniqueName(prefix: string): string {
  const letters = (Date.now() * 1000 + Math.floor(Math.random() * 1000))
    .toString(26)
    .split('')
    .map((c) => String.fromCharCode(97 + parseInt(c, 26)))
    .join('')
    .slice(-7);
  return `${prefix}${letters}`;
}

/** A made-up US mobile number, different on every call (so the duplicate check never matches it by phone). */
export function uniquePhone(): string {
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  return `(872) ${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/** Registers a patient through the API (for tests about something else) and returns it. */
export async function createPatient(page: Page, givenName: string, familyName: string): Promise<Output<'patients.create'>> {
  return call(page, 'patients.create', {
    givenName,
    familyName,
    sex: 'female',
    dateOfBirth: '1984-03-12',
    phoneMobile: uniquePhone(),
    acknowledgeDuplicates: true,
  });
}

/**
 * The first Monday–Friday at least `daysAhead` days after today in the clinic's
 * zone (never today, so late evenings and weekends do not matter).
 */
export function futureWeekday(zone: string, daysAhead: number): DateTime {
  let day = DateTime.now().setZone(zone).startOf('day').plus({ days: daysAhead });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day;
}

export interface FreeSlot {
  providerId: string;
  providerName: string;
  /** Clinic-local "yyyy-MM-dd", "HH:mm". */
  date: string;
  start: string;
  end: string;
  startAt: string;
}

/** Free times on one day for an appointment type, as the server's own "find next available" sees them. */
export async function freeSlotsOn(page: Page, ref: Reference, day: DateTime, typeId: string, providerIds?: string[]): Promise<FreeSlot[]> {
  const slots = await call(page, 'appointments.findNextAvailable', {
    typeId,
    after: day.toUTC().toISO() ?? '',
    count: 20,
    ...(providerIds ? { providerIds } : {}),
  });
  const zone = ref.clinic.timeZone;
  return slots
    .map((s) => {
      const start = DateTime.fromISO(s.startAt, { zone });
      return {
        providerId: s.providerId,
        providerName: ref.providers.find((p) => p.id === s.providerId)?.displayName ?? '',
        date: start.toFormat('yyyy-MM-dd'),
        start: start.toFormat('HH:mm'),
        end: DateTime.fromISO(s.endAt, { zone }).toFormat('HH:mm'),
        startAt: s.startAt,
      };
    })
    .filter((s) => s.date === day.toFormat('yyyy-MM-dd'));
}

/** One active booked appointment of an active provider on that day: a taken time to try to double-book. */
export async function takenSlotOn(page: Page, ref: Reference, day: DateTime): Promise<Output<'appointments.get'>> {
  const { appointments } = await call(page, 'appointments.range', {
    from: day.toUTC().toISO() ?? '',
    to: day.plus({ days: 1 }).toUTC().toISO() ?? '',
  });
  const active = new Set(ref.providers.filter((p) => p.active).map((p) => p.id));
  const taken = appointments.find((a) => a.status === 'booked' && active.has(a.providerId) && !a.overbooked);
  expect(taken, `the demo clinic has booked appointments on ${day.toISODate()}`).toBeTruthy();
  return taken as Output<'appointments.get'>;
}

export function typeNamed(ref: Reference, name: string): Reference['appointmentTypes'][number] {
  const type = ref.appointmentTypes.find((t) => t.name === name && t.active);
  if (!type) throw new Error(`The demo clinic has no active appointment type "${name}"`);
  return type;
}

/** How the type is offered in the booking form's "Type" list. */
export function typeOption(type: { name: string; durationMinutes: number }): string {
  return `${type.name} (${type.durationMinutes} min)`;
}

/** The schedule shows this day (typed into the toolbar's date box, as a person would). */
export async function showDay(page: Page, date: string): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Schedule' });
  await toolbar.getByLabel('Date').fill(date);
  const title = DateTime.fromISO(date).toFormat('cccc d LLLL yyyy');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

/** Find a patient by family name, open the chart, and return its clinical summary. */
export async function openClinicalSummary(page: Page, family: string, name: string) {
  await page.getByRole('combobox', { name: 'Find patient' }).fill(family);
  await page.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
  await page.getByRole('button', { name: 'Open chart' }).click();
  await expect(page.getByRole('region', { name: 'Patient' }).getByRole('heading', { level: 1, name })).toBeVisible();
  return page.getByRole('region', { name: 'Clinical summary' });
}
