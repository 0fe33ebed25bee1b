/**
 * Calendar rules: working hours and breaks, schedule blocks, provider and
 * room clashes, what frees a slot, status transitions, series edits and the
 * next-available search. Expected answers come from the rules as the clinic
 * states them (hours, lunch, blocks), not from the implementation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { BookingConflict, Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';
import { announceSeed, seededRandom } from '../support/random';
import { addDays, at, CLINIC_ZONE, local, plusMinutes, upcoming } from '../support/time';

let clinic: Clinic;
let patient: Output<'patients.create'>;
const monday = upcoming(1, 21);

beforeAll(async () => {
  clinic = await makeClinic({ seed: 31 });
  patient = await clinic.addPatient();
});
afterAll(() => clinic.close());

type Who = 'lane' | 'moss' | 'park';
function slot(who: Who, date: string, time: string, minutes = 20, roomId: string | null = null) {
  return {
    patientId: patient.id,
    providerId: clinic.providers[who],
    roomId,
    typeId: clinic.types.followUp,
    startAt: at(date, time),
    endAt: plusMinutes(at(date, time), minutes),
  };
}

/** The clinic's stated hours, independently of the service: Lane and Moss weekdays 8–12 and 13–17; Park Mon 8–12, Wed 13–17. */
function insideHours(who: Who, startIso: string, endIso: string): boolean {
  const start = local(startIso);
  const end = local(endIso);
  if (start.date !== end.date && end.time !== '00:00') return false;
  const windows: Record<Who, Record<number, [string, string][]>> = {
    lane: Object.fromEntries(
      [1, 2, 3, 4, 5].map((d) => [
        d,
        [
          ['08:00', '12:00'],
          ['13:00', '17:00'],
        ],
      ]),
    ),
    moss: Object.fromEntries(
      [1, 2, 3, 4, 5].map((d) => [
        d,
        [
          ['08:00', '12:00'],
          ['13:00', '17:00'],
        ],
      ]),
    ),
    park: { 1: [['08:00', '12:00']], 3: [['13:00', '17:00']] },
  };
  return (windows[who][start.weekday] ?? []).some(([from, to]) => start.time >= from && end.time <= to && start.date === end.date);
}

const overlaps = (a: { startAt: string; endAt: string }, b: { startAt: string; endAt: string }) =>
  Date.parse(a.startAt) < Date.parse(b.endAt) && Date.parse(b.startAt) < Date.parse(a.endAt);

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
    const fd = await clinic.as('front_desk');
    const [first] = await fd.ok('appointments.book', slot('moss', thu, '14:00'));
    await fd.refuses('appointments.book', slot('moss', thu, '14:00'), 'CONFLICT');
    await fd.ok('appointments.cancel', { id: first?.id ?? '', reason: 'Patient request' });
    const [second] = await fd.ok('appointments.book', slot('moss', thu, '14:00'));
    await fd.ok('appointments.setStatus', { id: second?.id ?? '', status: 'no_show', reason: 'Did not attend' });
    const [third] = await fd.ok('appointments.book', slot('moss', thu, '14:00'));
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

  it('allows exactly the transitions of the table, from every status', async () => {
    const fd = await clinic.as('front_desk');
    const fri = addDays(monday, 4);
    let minute = 8 * 60;
    for (const from of Object.keys(PATHS)) {
      for (const to of Object.keys(SPEC) as (keyof typeof SPEC)[]) {
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        minute += 10;
        if (minute === 12 * 60) minute = 13 * 60;
        const [appointment] = await fd.ok('appointments.book', slot('lane', fri, time, 10));
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

describe('series', () => {
  const week = addDays(monday, 7);

  it('books every second week, and refuses the whole series if one date clashes', async () => {
    const fd = await clinic.as('front_desk');
    const series = await fd.ok('appointments.book', {
      ...slot('moss', week, '11:00'),
      recurrence: { frequency: 'weekly', interval: 2, count: 3 },
    });
    expect(series.map((a) => local(a.startAt))).toEqual([0, 14, 28].map((d) => ({ date: addDays(week, d), time: '11:00', weekday: 1 })));
    expect(new Set(series.map((a) => a.seriesId)).size).toBe(1);
    await fd.ok('appointments.book', slot('lane', addDays(week, 14), '11:00'));
    const error = await fd.refuses(
      'appointments.book',
      { ...slot('lane', week, '11:00'), recurrence: { frequency: 'weekly', interval: 1, count: 4 } },
      'CONFLICT',
    );
    expect(error.message).toMatch(/1 of 4 dates/);
  });

  it('moves only this and the following appointments with scope "following", only one with scope "one"', async () => {
    const fd = await clinic.as('front_desk');
    const series = await fd.ok('appointments.book', {
      ...slot('moss', week, '09:00'),
      recurrence: { frequency: 'weekly', interval: 1, count: 4 },
    });
    const third = series[2];
    if (!third) throw new Error('series of 4');
    const moved = await fd.ok('appointments.update', { id: third.id, startAt: at(addDays(week, 14), '10:00'), scope: 'following' });
    expect(moved.map((a) => a.id)).toEqual(series.slice(2).map((a) => a.id));
    const times = async () => Promise.all(series.map(async (a) => local((await fd.ok('appointments.get', { id: a.id })).startAt).time));
    expect(await times()).toEqual(['09:00', '09:00', '10:00', '10:00']);
    const movedOne = await fd.ok('appointments.update', { id: series[0]?.id ?? '', startAt: at(week, '08:00'), scope: 'one' });
    expect(movedOne).toHaveLength(1);
    expect(await times()).toEqual(['08:00', '09:00', '10:00', '10:00']);
  });

  it('cancels this and the following appointments with scope "following"', async () => {
    const fd = await clinic.as('front_desk');
    const series = await fd.ok('appointments.book', {
      ...slot('lane', week, '15:00'),
      recurrence: { frequency: 'weekly', interval: 1, count: 4 },
    });
    const cancelled = await fd.ok('appointments.cancel', { id: series[1]?.id ?? '', reason: 'Course finished', scope: 'following' });
    expect(cancelled.map((a) => a.id).sort()).toEqual(
      series
        .slice(1)
        .map((a) => a.id)
        .sort(),
    );
    const statuses = await Promise.all(series.map(async (a) => (await fd.ok('appointments.get', { id: a.id })).status));
    expect(statuses).toEqual(['booked', 'cancelled', 'cancelled', 'cancelled']);
  });
});

describe('findNextAvailable', () => {
  const week = addDays(monday, 14);

  it('returns slots sorted, inside hours, clear of bookings, and each bookable, across providers', async () => {
    const fd = await clinic.as('front_desk');
    await fd.ok('appointments.book', slot('lane', week, '08:00', 60));
    await fd.ok('appointments.book', slot('moss', week, '08:00', 40));
    const providerIds = [clinic.providers.lane, clinic.providers.moss, clinic.providers.park];
    const slots = await fd.ok('appointments.findNextAvailable', {
      typeId: clinic.types.newPatient,
      after: at(week, '07:00'),
      providerIds,
      count: 12,
    });
    expect(slots).toHaveLength(12);
    const sorted = [...slots].sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt));
    expect(slots.map((s) => s.startAt)).toEqual(sorted.map((s) => s.startAt));
    expect(new Set(slots.map((s) => s.providerId)).size).toBe(3);
    const booked = (await fd.ok('appointments.range', { from: at(week, '00:00'), to: at(addDays(week, 7), '00:00') })).appointments.filter(
      (a) => a.status !== 'cancelled',
    );
    const whoOf = (id: string) => (Object.keys(clinic.providers) as Who[]).find((k) => clinic.providers[k] === id) ?? 'lane';
    for (const s of slots) {
      expect(Date.parse(s.startAt)).toBeGreaterThanOrEqual(Date.parse(at(week, '07:00')));
      expect(Date.parse(s.endAt) - Date.parse(s.startAt)).toBe(40 * 60_000);
      expect(insideHours(whoOf(s.providerId), s.startAt, s.endAt), JSON.stringify(local(s.startAt))).toBe(true);
      expect(booked.filter((b) => b.providerId === s.providerId && overlaps(b, s))).toEqual([]);
    }
    for (const s of slots) {
      const [taken] = await fd.ok('appointments.book', {
        ...slot(whoOf(s.providerId), week, '00:00'),
        typeId: clinic.types.newPatient,
        startAt: s.startAt,
        endAt: s.endAt,
      });
      await fd.ok('appointments.cancel', { id: taken?.id ?? '', reason: 'Checking the offered slot' });
    }
  });

  it('never offers a time in the past', async () => {
    const slots = await (
      await clinic.as('front_desk')
    ).ok('appointments.findNextAvailable', { typeId: clinic.types.telehealth, after: '2020-01-06T14:00:00Z', count: 3 });
    expect(slots.length).toBe(3);
    for (const s of slots) expect(Date.parse(s.startAt)).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
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
