/**
 * Recurring series (book, move and cancel "this and following") and the
 * next-available search. Offered slots are checked against the hours the
 * clinic states and against what is booked, then each is actually booked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { insideHours, overlaps, slotFor, whoOf, type Who } from '../support/calendar';
import { makeClinic, type Clinic } from '../support/clinic';
import { addDays, at, local, upcoming } from '../support/time';

let clinic: Clinic;
let patient: Output<'patients.create'>;
const monday = upcoming(1, 28);

beforeAll(async () => {
  clinic = await makeClinic({ seed: 32 });
  patient = await clinic.addPatient();
});
afterAll(() => clinic.close());

const slot = (who: Who, date: string, time: string, minutes = 20) => slotFor(clinic, patient.id, who, date, time, minutes);

describe('series', () => {
  const week = monday;

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
  const week = addDays(monday, 35);

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
    for (const s of slots) {
      expect(Date.parse(s.startAt)).toBeGreaterThanOrEqual(Date.parse(at(week, '07:00')));
      expect(Date.parse(s.endAt) - Date.parse(s.startAt)).toBe(40 * 60_000);
      expect(insideHours(whoOf(clinic, s.providerId), s.startAt, s.endAt), JSON.stringify(local(s.startAt))).toBe(true);
      expect(booked.filter((b) => b.providerId === s.providerId && overlaps(b, s))).toEqual([]);
    }
    for (const s of slots) {
      const [taken] = await fd.ok('appointments.book', {
        ...slot(whoOf(clinic, s.providerId), week, '00:00'),
        typeId: clinic.types.newPatient,
        startAt: s.startAt,
        endAt: s.endAt,
      });
      await fd.ok('appointments.cancel', { id: taken?.id ?? '', reason: 'Checking the offered slot' });
    }
  });

  it('never offers a time in the past', async () => {
    const before = Date.now();
    const slots = await (
      await clinic.as('front_desk')
    ).ok('appointments.findNextAvailable', { typeId: clinic.types.telehealth, after: '2020-01-06T14:00:00Z', count: 3 });
    expect(slots.length).toBe(3);
    // The search may start up to a minute back (a slot that is just beginning), never earlier.
    for (const s of slots) expect(Date.parse(s.startAt)).toBeGreaterThanOrEqual(before - 60_000);
  });
});
