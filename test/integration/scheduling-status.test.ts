/**
 * The appointment's day at the desk: which status follows which, when a
 * status may change (on the day or later, never ahead; a no-show only once
 * the appointment's time has come), and rooming only into a free room.
 * Days are chosen relative to today in the clinic's zone (America/Chicago),
 * so the answers are the same whatever day, hour or machine zone the suite runs in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments as appointmentsTable } from '../../db/schema';
import type { BookingConflict, Output } from '../../main/contract';
import { hhmm, slotFor, type Who } from '../support/calendar';
import { makeClinic, type Clinic } from '../support/clinic';
import { openStore } from '../support/core';
import { addDays, at, awaitTimeLeftToday, pastWeekday, plusMinutes, today, upcoming } from '../support/time';

let clinic: Clinic;
let patient: Output<'patients.create'>;
let other: Output<'patients.create'>;
/** Providers who work around the clock, every day: any time of today can be booked without overbooking. */
const round = { dana: '', noor: '' };
const past = pastWeekday(7);
const future = upcoming(2, 14);

beforeAll(async () => {
  clinic = await makeClinic({ seed: 33 });
  patient = await clinic.addPatient();
  other = await clinic.addPatient();
  const allDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]));
  const manager = await clinic.as('manager');
  round.dana = (await manager.ok('providers.save', { displayName: 'Dr. Dana Round', weeklyHours: allDay })).id;
  round.noor = (await manager.ok('providers.save', { displayName: 'Dr. Noor Round', weeklyHours: allDay })).id;
});
afterAll(() => clinic.close());

const slot = (who: Who, date: string, time: string, minutes = 20, roomId: string | null = null) =>
  slotFor(clinic, patient.id, who, date, time, minutes, roomId);

/** Book with a round-the-clock provider from an instant, for `minutes`. */
async function bookRound(providerId: string, startAt: string, minutes: number): Promise<string> {
  const fd = await clinic.as('front_desk');
  const input = { patientId: patient.id, providerId, typeId: clinic.types.telehealth, startAt, endAt: plusMinutes(startAt, minutes) };
  const [appointment] = await fd.ok('appointments.book', input);
  if (!appointment) throw new Error('booked one appointment');
  return appointment.id;
}

describe('status transitions', () => {
  /** The rule as the front desk knows it: which statuses each status can be reached from. */
  const SPEC: Record<'booked' | 'arrived' | 'in_room' | 'completed' | 'no_show', string[]> = {
    booked: ['arrived', 'no_show'],
    arrived: ['booked'],
    in_room: ['booked', 'arrived'],
    completed: ['arrived', 'in_room'],
    no_show: ['booked'],
  };
  const PATHS: Record<string, string[]> = {
    booked: [],
    arrived: ['arrived'],
    in_room: ['arrived', 'in_room'],
    completed: ['arrived', 'in_room', 'completed'],
    no_show: ['no_show'],
    cancelled: [],
  };

  it('allows exactly the transitions of the table, from every status (on a past day, as late data entry)', async () => {
    const fd = await clinic.as('front_desk');
    let minute = 8 * 60;
    for (const from of Object.keys(PATHS)) {
      for (const to of Object.keys(SPEC) as (keyof typeof SPEC)[]) {
        const time = hhmm(minute);
        minute += 10;
        if (minute === 12 * 60) minute = 13 * 60;
        const [appointment] = await fd.ok('appointments.book', slot('lane', past, time, 10));
        const id = appointment?.id ?? '';
        for (const step of PATHS[from] ?? [])
          await fd.ok('appointments.setStatus', { id, status: step as 'arrived', reason: 'Walked out' });
        if (from === 'cancelled') await fd.ok('appointments.cancel', { id, reason: 'Patient request' });
        const input = { id, status: to, reason: 'No answer when called' };
        if (from === to || SPEC[to].includes(from)) {
          expect((await fd.ok('appointments.setStatus', input)).status, `${from} -> ${to}`).toBe(to);
        } else {
          await fd.refuses('appointments.setStatus', input, 'CONFLICT');
        }
      }
    }
  });
});

describe('when a status may change', () => {
  it('refuses arrival, rooming and no-show for an appointment on a later day', async () => {
    const fd = await clinic.as('front_desk');
    const nurse = await clinic.as('nurse');
    const [ahead] = await fd.ok('appointments.book', slot('moss', future, '09:00'));
    const id = ahead?.id ?? '';
    const error = await nurse.refuses('appointments.setStatus', { id, status: 'arrived' }, 'CONFLICT');
    expect(error.message).toMatch(/on the day/);
    await nurse.refuses('appointments.setStatus', { id, status: 'in_room', roomId: clinic.rooms.exam1 }, 'CONFLICT');
    await fd.refuses('appointments.setStatus', { id, status: 'no_show', reason: 'No answer when called' }, 'CONFLICT');
    // Staying booked is no change, and allowed.
    expect((await fd.ok('appointments.setStatus', { id, status: 'booked' })).status).toBe('booked');
    expect(clinic.query('SELECT status, arrived_at, roomed_at FROM appointments WHERE id = ?', id)).toEqual([
      { status: 'booked', arrived_at: null, roomed_at: null },
    ]);
  });

  it('refuses completing a later day’s appointment that another workstation marked arrived', async () => {
    const [ahead] = await (await clinic.as('front_desk')).ok('appointments.book', slot('moss', future, '10:00'));
    const id = ahead?.id ?? '';
    // Written through a second connection, as a sync from another (older) workstation could.
    const opened = openStore(clinic.dataDir);
    try {
      opened.store.capture.mutate((w) => w.update(appointmentsTable, id, { status: 'arrived', arrivedAt: new Date().toISOString() }));
    } finally {
      opened.close();
    }
    const nurse = await clinic.as('nurse');
    await nurse.refuses('appointments.setStatus', { id, status: 'completed' }, 'CONFLICT');
    await nurse.refuses('appointments.setStatus', { id, status: 'in_room' }, 'CONFLICT');
    // Undoing the arrival is always possible.
    expect((await nurse.ok('appointments.setStatus', { id, status: 'booked' })).arrivedAt).toBeNull();
  });

  // Near the clinic's midnight these wait (at most 3 minutes) for the new day rather than straddle it.
  const nearMidnight = { timeout: 5 * 60_000 };

  it('decides "today" by the clinic’s calendar: late tonight is today, just after midnight is not', nearMidnight, async () => {
    await awaitTimeLeftToday(3);
    const nurse = await clinic.as('nurse');
    const tonight = await bookRound(round.dana, at(today(), '23:40'), 15);
    const afterMidnight = await bookRound(round.dana, at(addDays(today(), 1), '00:10'), 15);
    expect((await nurse.ok('appointments.setStatus', { id: tonight, status: 'arrived' })).status).toBe('arrived');
    await nurse.refuses('appointments.setStatus', { id: afterMidnight, status: 'arrived' }, 'CONFLICT');
  });

  it('refuses a no-show before the appointment’s start, allows it after; an early arrival is fine', nearMidnight, async () => {
    const now = await awaitTimeLeftToday(3);
    const fd = await clinic.as('front_desk');
    // Starts a minute from now (still today); the other started up to 30 minutes ago (today too).
    const later = await bookRound(round.noor, new Date(now.toMillis() + 60_000).toISOString(), 1);
    const earlier = await bookRound(
      round.noor,
      new Date(Math.max(now.startOf('day').toMillis(), now.toMillis() - 30 * 60_000)).toISOString(),
      1,
    );
    const error = await fd.refuses('appointments.setStatus', { id: later, status: 'no_show', reason: 'Not here yet' }, 'CONFLICT');
    expect(error.message).toMatch(/after that time/);
    expect(await fd.ok('appointments.setStatus', { id: earlier, status: 'no_show', reason: 'No answer when called' })).toMatchObject({
      status: 'no_show',
      statusReason: 'No answer when called',
    });
    expect((await fd.ok('appointments.setStatus', { id: later, status: 'arrived' })).status).toBe('arrived');
  });
});

describe('rooming', () => {
  it('refuses a room that another active appointment uses at that time, nothing else', async () => {
    const fd = await clinic.as('front_desk');
    const nurse = await clinic.as('nurse');
    const [inExam1] = await fd.ok('appointments.book', slot('lane', past, '14:00', 40, clinic.rooms.exam1));
    const [waiting] = await fd.ok('appointments.book', { ...slot('moss', past, '14:10'), patientId: other.id });
    const id = waiting?.id ?? '';
    await nurse.ok('appointments.setStatus', { id, status: 'arrived' });
    const error = await nurse.refuses('appointments.setStatus', { id, status: 'in_room', roomId: clinic.rooms.exam1 }, 'CONFLICT');
    expect((error.details as BookingConflict).clashes.map((c) => c.kind)).toEqual(['room']);
    // Also when the room is given at arrival.
    const [late] = await fd.ok('appointments.book', { ...slot('moss', past, '14:30'), patientId: other.id });
    await nurse.refuses('appointments.setStatus', { id: late?.id, status: 'arrived', roomId: clinic.rooms.exam1 }, 'CONFLICT');
    // A free room is fine; so is the busy room once its appointment is cancelled.
    expect(await nurse.ok('appointments.setStatus', { id, status: 'in_room', roomId: clinic.rooms.exam2 })).toMatchObject({
      status: 'in_room',
      roomId: clinic.rooms.exam2,
    });
    await fd.ok('appointments.cancel', { id: inExam1?.id ?? '', reason: 'Patient request' });
    expect((await nurse.ok('appointments.setStatus', { id: late?.id ?? '', status: 'arrived', roomId: clinic.rooms.exam1 })).roomId).toBe(
      clinic.rooms.exam1,
    );
  });

  it('rooms both patients of an overbooked slot into free rooms (the provider clash is the overbooking itself)', async () => {
    const manager = await clinic.as('manager');
    const nurse = await clinic.as('nurse');
    const [first] = await manager.ok('appointments.book', slot('lane', past, '15:00'));
    const [second] = await manager.ok('appointments.book', {
      ...slot('lane', past, '15:00'),
      patientId: other.id,
      overbookReason: 'Urgent',
    });
    for (const [appointment, room] of [
      [first, clinic.rooms.exam1],
      [second, clinic.rooms.exam2],
    ] as const) {
      await nurse.ok('appointments.setStatus', { id: appointment?.id ?? '', status: 'arrived' });
      expect(await nurse.ok('appointments.setStatus', { id: appointment?.id ?? '', status: 'in_room', roomId: room })).toMatchObject({
        status: 'in_room',
        roomId: room,
        overbooked: true,
      });
    }
  });
});
