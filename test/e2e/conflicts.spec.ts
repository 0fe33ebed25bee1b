/**
 * Two workstations of one clinic, each in its own browser context: A is the
 * demo workstation, B ("peer", see playwright.config.ts) joined the demo
 * clinic from the same cloud folder at start. Both managers switch to "Work
 * offline", book the same provider at the same time for two different
 * patients through the booking dialog, register the same walk-in and give
 * the same login to a new colleague, and go back online. Sync keeps
 * everything and both workstations show the same three conflicts (nav badge
 * and the Conflicts screen). A settles the duplicates (different people; the
 * login after disabling one account), B moves one appointment and marks the
 * double booking rebooked; after the next sync each shows the other's
 * answers, with who, when and how.
 */
import { expect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { Reference } from '../../main/contract';
import {
  call,
  createPatient,
  freeSlotsOn,
  futureWeekday,
  reference,
  sessionFor,
  showDay,
  typeNamed,
  typeOption,
  uniqueName,
  type FreeSlot,
} from './clinic';
import { open, screenshot, signIn } from './support';

const PEER_URL = `http://127.0.0.1:${process.env.OUTPOST_E2E_PEER_PORT ?? 4904}`;

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

function conflictsLink(page: Page) {
  return nav(page).getByRole('button', { name: /^Conflicts/ });
}

/** Cut a workstation off from the cloud, or reconnect it, with the sync panel's "Work offline" switch. */
async function workOffline(page: Page, offline: boolean): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Sync status:/ })
    .click();
  const panel = page.getByRole('dialog', { name: 'Sync' });
  const toggle = panel.getByRole('switch', { name: 'Work offline' });
  await expect(toggle).toHaveAttribute('aria-checked', String(!offline));
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', String(offline));
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
}

/** Book through the schedule's booking dialog, as the desk does. */
async function bookThroughDialog(page: Page, ref: Reference, name: string, family: string, slot: FreeSlot): Promise<void> {
  await nav(page).getByRole('button', { name: 'Schedule' }).click();
  await showDay(page, slot.date);
  await page.getByRole('button', { name: 'New appointment' }).click();
  const booking = page.getByRole('dialog', { name: 'Book appointment' });
  await expect(booking.getByRole('combobox', { name: 'Patient' })).toBeFocused();
  await page.keyboard.type(family.slice(0, -1));
  await expect(booking.getByRole('option', { name: new RegExp(name) })).toBeVisible();
  await page.keyboard.press('Enter');
  await booking.getByLabel('Provider').selectOption({ label: slot.providerName });
  await booking.getByLabel('Type').selectOption({ label: typeOption(typeNamed(ref, 'Follow-up')) });
  await booking.getByLabel('Date').fill(slot.date);
  await booking.getByLabel('Start').fill(slot.start);
  await expect(booking.getByLabel('End')).toHaveValue(slot.end);
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  await expect(booking).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Booked: ${name},` })).toBeVisible();
}

/** The card of the conflict between these two patients' appointments. */
function cardOf(page: Page, names: string[]) {
  return names.reduce((card, name) => card.filter({ hasText: name }), page.getByRole('article'));
}

test.describe('two workstations of one clinic', () => {
  let peer: Page | null = null;

  // Whatever happens, neither workstation may stay cut off for the next test.
  test.afterEach(async ({ page }) => {
    for (const p of [page, peer]) {
      if (!p) continue;
      const manager = await sessionFor(p, 'manager').catch(() => null);
      if (manager) await call(p, 'sync.setPaused', { paused: false }, manager).catch(() => undefined);
    }
    await peer?.context().close();
    peer = null;
  });

  test('what two offline workstations both did shows as conflicts on both; each one settled on one shows settled on the other', async ({
    page: a,
    browser,
  }) => {
    test.setTimeout(180_000);
    const b = await (await browser.newContext({ baseURL: PEER_URL })).newPage();
    peer = b;

    // B joined the demo clinic by itself at start (it retries until the clinic is in the folder).
    await open(b);
    await expect.poll(async () => (await call(b, 'setup.status', {})).needsSetup, { timeout: 60_000 }).toBe(false);
    await signIn(a, 'manager');
    await signIn(b, 'manager');
    const ref = await reference(a);
    const zone = ref.clinic.timeZone;
    const before = (await call(a, 'sync.status', {})).openConflicts;
    const badge = (n: number) => (n ? `Conflicts, ${n} open` : 'Conflicts');

    // Nothing to settle yet on A.
    if (before === 0) {
      await expect(conflictsLink(a)).toHaveAccessibleName('Conflicts');
      await conflictsLink(a).click();
      await expect(a.getByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible();
      await expect(a.getByText('No conflicts. When two workstations change the same thing while offline, it shows up here.')).toBeVisible();
      await screenshot(a, 'conflicts-empty');
    }

    // One new patient on each workstation; each one arriving on the other shows both are caught up.
    const familyA = uniqueName('Okonkwo');
    const familyB = uniqueName('Haavisto');
    const patientA = await createPatient(a, 'Adaeze', familyA);
    const patientB = await createPatient(b, 'Aino', familyB);
    const nameA = `${familyA}, Adaeze`;
    const nameB = `${familyB}, Aino`;
    await expect.poll(async () => (await call(b, 'patients.search', { query: familyA, limit: 1 })).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await call(a, 'patients.search', { query: familyB, limit: 1 })).length, { timeout: 30_000 }).toBe(1);

    // Both cut off, as a lost internet line would.
    await workOffline(a, true);
    await workOffline(b, true);

    // A time free on both, then the same provider booked at that time on each.
    const followUp = typeNamed(ref, 'Follow-up');
    const day = futureWeekday(zone, 8);
    const freeOnB = new Set((await freeSlotsOn(b, ref, day, followUp.id)).map((s) => `${s.providerId} ${s.startAt}`));
    const slot = (await freeSlotsOn(a, ref, day, followUp.id)).find((s) => freeOnB.has(`${s.providerId} ${s.startAt}`));
    if (!slot) throw new Error(`no time is free on both workstations on ${day.toISODate()}`);
    await bookThroughDialog(a, ref, nameA, familyA, slot);
    await bookThroughDialog(b, ref, nameB, familyB, slot);
    // Neither knows of the other's booking yet: no clash flagged.
    await expect(a.getByRole('button', { name: new RegExp(`${nameA}.*${slot.start} · Follow-up · Booked`) })).not.toContainText(
      'Overbooked',
    );
    // The same walk-in registered at both desks, and the same new colleague given a login on both.
    const familyDup = uniqueName('Lindgren');
    const dupName = `${familyDup}, Mirela`;
    const [dupA, dupB] = [await createPatient(a, 'Mirela', familyDup), await createPatient(b, 'Mirela', familyDup)];
    const login = uniqueName('temp');
    const newUser = { username: login, role: 'front_desk', password: 'temporary-pass-1' } as const;
    const userA = await call(a, 'users.create', { ...newUser, displayName: 'Sam Temp (desk A)' });
    await call(b, 'users.create', { ...newUser, displayName: 'Sam Temp (desk B)' });

    // Back online: everything is kept, and both workstations raise the same three conflicts.
    await workOffline(a, false);
    await workOffline(b, false);
    await expect(conflictsLink(a)).toHaveAccessibleName(badge(before + 3), { timeout: 30_000 });
    await expect(conflictsLink(b)).toHaveAccessibleName(badge(before + 3), { timeout: 30_000 });
    await expect(conflictsLink(a)).toContainText(String(before + 3));

    // A: the double booking, in plain words, the two appointments side by side.
    const when = `${DateTime.fromISO(slot.startAt, { zone }).toFormat('ccc d LLL')}, ${slot.start}–${slot.end}`;
    const summary = `${slot.providerName} was booked twice for ${when} by two workstations while offline.`;
    await conflictsLink(a).click();
    await expect(a.getByRole('heading', { level: 2, name: `${before + 3} open conflicts` })).toBeVisible();
    const bookingA = cardOf(a, [nameA, nameB]);
    await expect(bookingA).toHaveCount(1);
    await expect(bookingA.getByRole('heading', { level: 3 })).toHaveText(`Provider booked twice: ${slot.providerName}`);
    await expect(bookingA).toContainText(summary);
    await expect(bookingA).toContainText('The two appointments still overlap.');
    await expect(bookingA.getByRole('region', { name: new RegExp(`^Appointment \\d: ${nameA}$`) })).toContainText(
      `${slot.start}–${slot.end}`,
    );
    const rebookA = bookingA.getByRole('button', { name: 'Mark as rebooked' });
    await expect(rebookA).toBeDisabled();
    await expect(rebookA).toHaveAccessibleDescription('Move or cancel one of them first.');
    await expect(bookingA.getByRole('button', { name: 'Keep both' })).toBeEnabled();
    await screenshot(a, 'conflicts-open');

    // A: the patient registered twice: both records, told apart by MRN; settled as different people.
    const patientCard = cardOf(a, [dupName]);
    await expect(patientCard.getByRole('heading', { level: 3 })).toHaveText('Patient registered twice');
    await expect(patientCard).toContainText(`Mirela ${familyDup} was registered twice, with the same name and date of birth`);
    for (const p of [dupA, dupB])
      await expect(patientCard.getByRole('button', { name: `Open record ${p.mrn} of ${dupName}` })).toBeVisible();
    for (const p of [dupA, dupB])
      await expect(patientCard.getByRole('button', { name: `Keep this record (${p.mrn}) and merge the other into it` })).toBeEnabled();
    await patientCard.scrollIntoViewIfNeeded();
    await screenshot(a, 'conflicts-duplicate-patient');
    await patientCard.getByLabel('Note (optional)').fill('Twins: checked their ID cards.');
    await patientCard.getByRole('button', { name: 'Different people' }).click();
    await expect(a.getByRole('status').filter({ hasText: 'Resolved: Patient registered twice' })).toContainText(
      'Different people: both records kept.',
    );
    await expect(patientCard).toHaveCount(0);
    await expect(a.getByRole('heading', { level: 2, name: `${before + 2} open conflicts` })).toBeFocused();

    // A: the login given twice cannot be marked renamed while both accounts are active under it.
    const loginCard = cardOf(a, [`“${login}”`]);
    await expect(loginCard.getByRole('heading', { level: 3 })).toHaveText('Login name used twice');
    await expect(loginCard).toContainText('Sam Temp (desk A)');
    await expect(loginCard).toContainText('Sam Temp (desk B)');
    const renamed = loginCard.getByRole('button', { name: 'Mark as renamed' });
    await expect(renamed).toBeDisabled();
    await expect(renamed).toHaveAccessibleDescription(/^In Admin › Users, disable one of the two accounts/);
    await loginCard.scrollIntoViewIfNeeded();
    await screenshot(a, 'conflicts-duplicate-login');
    await call(a, 'users.update', { id: userA.id, disabled: true });
    await expect(loginCard).toContainText('The two accounts no longer share an active login name.');
    await renamed.click();
    await expect(a.getByRole('status').filter({ hasText: 'Resolved: Login name used twice' })).toBeVisible();
    await expect(conflictsLink(a)).toHaveAccessibleName(badge(before + 1));

    // "Open in calendar": the day, with both appointments flagged.
    await bookingA.getByRole('button', { name: 'Open in calendar' }).click();
    await expect(a.getByRole('heading', { level: 1 })).toContainText(day.toFormat('cccc d LLLL yyyy'));
    for (const name of [nameA, nameB]) {
      await expect(a.getByRole('button', { name: new RegExp(`${name}.*Overbooked.*${slot.start} · Follow-up`) })).toBeVisible();
    }
    await screenshot(a, 'conflicts-calendar');

    // B: the double booking; move B's appointment to another free time of that provider.
    await conflictsLink(b).click();
    const bookingB = cardOf(b, [nameA, nameB]);
    await expect(bookingB).toContainText(summary);
    const [other] = (await freeSlotsOn(b, ref, day, followUp.id, [slot.providerId])).filter(
      (s) => s.start >= slot.end || s.end <= slot.start,
    );
    if (!other) throw new Error(`${slot.providerName} has no other free time on ${slot.date}`);
    await bookingB.getByRole('button', { name: `Open appointment of ${nameB}` }).click();
    const detail = b.getByRole('dialog', { name: 'Appointment' });
    await expect(detail).toContainText(nameB);
    await expect(detail).toContainText('Overbooked.');
    await detail.getByRole('button', { name: 'Edit' }).click();
    const change = b.getByRole('dialog', { name: 'Change appointment' });
    await change.getByLabel('Start').fill(other.start);
    await expect(change.getByLabel('End')).toHaveValue(other.end);
    await change.getByRole('button', { name: 'Save changes' }).click();
    await expect(change).toBeHidden();
    await expect(b.getByRole('status').filter({ hasText: `Changed: ${nameB},` })).toBeVisible();

    // B: no longer overlapping, so it can be marked rebooked, with a note.
    await conflictsLink(b).click();
    await expect(bookingB).toContainText('They no longer overlap: one of them has been moved or cancelled.');
    const rebookB = bookingB.getByRole('button', { name: 'Mark as rebooked' });
    await expect(rebookB).toBeEnabled();
    const note = `Moved ${familyB} to ${other.start}, patient agreed by phone.`;
    await bookingB.getByLabel('Note (optional)').fill(note);
    await bookingB.scrollIntoViewIfNeeded();
    await screenshot(b, 'conflicts-ready-to-mark');
    await rebookB.click();
    await expect(b.getByRole('status').filter({ hasText: 'Resolved: Provider booked twice' })).toContainText(
      'Rebooked: one of the appointments was moved or cancelled.',
    );
    await expect(bookingB).toHaveCount(0);

    // B, after sync: all three settled, the two settled on A with who, when and how.
    await expect(conflictsLink(b)).toHaveAccessibleName(badge(before), { timeout: 30_000 });
    await b.getByLabel('Show resolved').check();
    const resolvedOnB = b.getByRole('region', { name: 'Resolved' });
    await expect(cardOf(b, [dupName])).toContainText('Different people: both records kept');
    await expect(cardOf(b, [dupName])).toContainText('Note: Twins: checked their ID cards.');
    await expect(resolvedOnB.getByRole('article').filter({ hasText: `“${login}”` })).toContainText('Login renamed');
    await expect(cardOf(b, [nameA, nameB])).toContainText(/Resolved by .+ on \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d/);
    await expect(cardOf(b, [nameA, nameB])).toContainText(`Note: ${note}`);
    await screenshot(b, 'conflicts-resolved-peer');

    // A, after sync: the double booking settled on B shows resolved, by whom and how; no badge left.
    await conflictsLink(a).click();
    await expect(a.getByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible();
    await expect(cardOf(a, [nameA, nameB])).toHaveCount(0, { timeout: 30_000 });
    await expect(conflictsLink(a)).toHaveAccessibleName(badge(before));
    await a.getByLabel('Show resolved').check();
    const resolvedA = cardOf(a, [nameA, nameB]);
    await expect(resolvedA).toContainText('Rebooked: one of the appointments was moved or cancelled');
    await expect(resolvedA).toContainText(`Note: ${note}`);
    await expect(resolvedA.getByRole('region', { name: new RegExp(nameB) })).toContainText(`${other.start}–${other.end}`);
    await screenshot(a, 'conflicts-resolved');

    const [bookedA] = await call(a, 'appointments.forPatient', { patientId: patientA.id });
    const [bookedB] = await call(a, 'appointments.forPatient', { patientId: patientB.id });
    expect(bookedA?.overbooked).toBe(false);
    expect(bookedB?.overbooked).toBe(false);
  });
});

test('the conflicts inbox is offered to the front desk and to clinical staff', async ({ page }) => {
  await signIn(page, 'frontdesk');
  await expect(conflictsLink(page)).toBeVisible();
  await conflictsLink(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible();
  await expect(page.getByLabel('Show resolved')).not.toBeChecked();
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Physicians review notes edited after they were signed, so the inbox is theirs too.
  await signIn(page, 'physician');
  await expect(nav(page).getByRole('button', { name: 'Schedule' })).toBeVisible();
  await conflictsLink(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible();
});
