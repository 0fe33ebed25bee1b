/**
 * Calendar rules: working hours and breaks, schedule blocks, provider and
 * room clashes, and what frees a slot, checked against the hours the clinic
 * states (support/calendar.ts), not against the implementation — including
 * a seeded random run of bookings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { BookingConflict, Output } from '../../main/contract';
import { insideHours, overlaps, slotFor, type Who } from '../support/calendar';
import { makeClinic, type Clinic } from '../support/clinic';
import { announceSeed, seededRandom } from '../support/random';
import { addDays, at, CLINIC_ZONE, pastWeekday, plusMinutes, upcoming } from '../support/time';

let clinic: Clinic;
let patient: Output<'patients.create'>;
const monday = upcoming(1, 21);

beforeAll(async () => {
  clinic = await makeClinic({ seed: 31 });
  patient = await clinic.addPatient();
});
afterAll(() => clinic.close());

const slot = (who: Who, date: string, time: string, minutes = 20, roomId: string | null = null) =>
  slotFor(clinic, patient.id, who, date, time, minutes, roomId);

describe('working hours and breaks', () => {
  const tue = addDays(monday, 1);

  it('books inside working hours, edge to edge', async () => {
    const fd = await clinic.as('front_desk');
    for (const time of ['08:00', '11:40', '13:00', '16:40']) await fd.ok('appointments.book', slot('lane', tue, time));
    await fd.ok('appointments.book', slot('park', monday, '08:00'));
    await fd.ok('appointments.book', slot('park', addDays(monday, 2), '16:40'));
  });

  it('refuses before opening, after closing, in the lunch break, on a weekend and on a part-timer’s day off', async () => {
    const fd = await clinic.as('front_desk');
    const refused: [Who, string, string][] = [
      ['moss', tue, '07:50'],
      ['moss', tue, '16:50'],
      ['moss', tue, '12:00'],
      ['moss', tue, '11:50'],
      ['moss', tue, '12:50'],
      ['moss', addDays(monday, 5), '10:00'],
      ['park', monday, '13:00'],
      ['park', addDays(monday, 2), '09:00'],
      ['park', tue, '09:00'],
    ];
    for (const [who, date, time] of refused) {
      expect(insideHours(who, at(date, time), plusMinutes(at(date, time), 20))).toBe(false);
      const error = await fd.refuses('appointments.book', slot(who, date, time), 'CONFLICT');
      expect((error.details as BookingConflict).clashes.map((c) => c.kind)).toEqual(['outside_hours']);
    }
  });
});

describe('blocks, clashes and freed slots', () => {
  const wed = addDays(monday, 2);
  const thu = addDays(monday, 3);

  it('a schedule block refuses bookings that overlap it, also when given with a UTC offset', async () => {
    const fd = await clinic.as('front_desk');
    const offsetForm = (date: string, time: string) =>
      DateTime.fromISO(`${date}T${time}`, { zone: CLINIC_ZONE }).toISO({ suppressMilliseconds: true }) ?? '';
    const block = await fd.ok('blocks.create', {
      providerId: clinic.providers.lane,
      startAt: offsetForm(wed, '14:00'),
      endAt: offsetForm(wed, '15:00'),
      reason: 'Team meeting',
    });
    const error = await fd.refuses('appointments.book', slot('lane', wed, '14:30'), 'CONFLICT');
    expect((error.details as BookingConflict).clashes.map((c) => c.kind)).toEqual(['unavailable']);
    await fd.refuses('appointments.book', slot('lane', wed, '13:50'), 'CONFLICT');
    // Another provider is not affected, and the slot right after the block is free.
    await fd.ok('appointments.book', slot('moss', wed, '14:30'));
    const [after] = await fd.ok('appointments.book', slot('lane', wed, '15:00'));
    await fd.ok('blocks.remove', { id: block.id });
    await fd.ok('appointments.book', slot('lane', wed, '14:30'));
    expect(after?.overbooked).toBe(false);
  });

  it('a room clash is refused even with a different provider', async () => {
    const fd = await clinic.as('front_desk');
    await fd.ok('appointments.book', slot('lane', thu, '09:00', 40, clinic.rooms.exam1));
    const error = await fd.refuses('appointments.book', slot('moss', thu, '09:20', 20, clinic.rooms.exam1), 'CONFLICT');
    expect((error.details as BookingConflict).clashes.map((c) => c.kind)).toEqual(['room']);
    for (const free of (error.details as BookingConflict).nextFree) {
      expect(free.roomId).toBe(clinic.rooms.exam1);
      expect(overlaps(free, { startAt: at(thu, '09:00'), endAt: at(thu, '09:40') })).toBe(false);
    }
    await fd.ok('appointments.book', slot('moss', thu, '09:20', 20, clinic.rooms.exam2));
    await fd.ok('appointments.book', slot('moss', thu, '09:40', 20, clinic.rooms.exam1));
  });

  it('a provider clash is refused; back-to-back appointments are not a clash', async () => {
    const fd = await clinic.as('front_desk');
    await fd.ok('appointments.book', slot('lane', thu, '10:00'));
    await fd.refuses('appointments.book', slot('lane', thu, '10:10'), 'CONFLICT');
    await fd.refuses('appointments.book', slot('lane', thu, '09:50'), 'CONFLICT');
    await fd.ok('appointments.book', slot('lane', thu, '10:20'));
    await fd.ok('appointments.book', slot('lane', thu, '09:40'));
  });

  it('cancelling or marking a no-show frees the slot', async () => {
    // A past day: a no-show can only be recorded once the appointment's time has come.
    const past = pastWeekday(7);
    const fd = await clinic.as('front_desk');
    const [first] = await fd.ok('appointments.book', slot('moss', past, '14:00'));
    await fd.refuses('appointments.book', slot('moss', past, '14:00'), 'CONFLICT');
    await fd.ok('appointments.cancel', { id: first?.id ?? '', reason: 'Patient request' });
    const [second] = await fd.ok('appointments.book', slot('moss', past, '14:00'));
    await fd.ok('appointments.setStatus', { id: second?.id ?? '', status: 'no_show', reason: 'Did not attend' });
    const [third] = await fd.ok('appointments.book', slot('moss', past, '14:00'));
    expect(third?.overbooked).toBe(false);
    // Undoing the no-show would now double-book the slot that was given away: refused, nothing changes.
    await fd.refuses('appointments.setStatus', { id: second?.id ?? '', status: 'booked' }, 'CONFLICT');
    await fd.ok('appointments.cancel', { id: third?.id ?? '', reason: 'Patient request' });
    expect(await fd.ok('appointments.setStatus', { id: second?.id ?? '', status: 'booked' })).toMatchObject({
      status: 'booked',
      overbooked: false,
    });
  });
});

describe('random bookings against the stated rules', () => {
  it('accepts a booking exactly when it is inside hours and clashes with no active appointment of its provider or room', async () => {
    const seed = 8675309;
    announceSeed('scheduling random bookings', seed);
    const random = seededRandom(seed);
    const fd = await clinic.as('front_desk');
    const day = addDays(monday, 22); // a Tuesday nobody else uses
    const accepted: (ReturnType<typeof slot> & { id: string })[] = [];
    let refused = 0;
    for (let i = 0; i < 60; i++) {
      const who: Who = random() < 0.5 ? 'lane' : 'moss';
      const minute = 7 * 60 + Math.floor(random() * 60) * 10 + (random() < 0.1 ? 5 : 0);
      const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const roomId = random() < 0.5 ? clinic.rooms.exam1 : random() < 0.5 ? clinic.rooms.exam2 : null;
      const candidate = slot(who, day, time, [10, 20, 30][Math.floor(random() * 3)] ?? 20, roomId);
      const clash = accepted.some(
        (a) => (a.providerId === candidate.providerId || (roomId !== null && a.roomId === roomId)) && overlaps(a, candidate),
      );
      const expectOk = insideHours(who, candidate.startAt, candidate.endAt) && !clash;
      const result = await fd('appointments.book', candidate);
      expect(result.ok, `attempt ${i} (seed ${seed}) ${who} ${time} room=${roomId ?? '-'}`).toBe(expectOk);
      if (result.ok && result.value[0]) accepted.push({ ...candidate, id: result.value[0].id });
      else refused += 1;
      if (accepted.length > 0 && random() < 0.15) {
        const [gone] = accepted.splice(Math.floor(random() * accepted.length), 1);
        await fd.ok('appointments.cancel', { id: gone?.id ?? '', reason: 'Random cancellation' });
      }
    }
    // Both outcomes were exercised.
    expect(accepted.length).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
  });
});
