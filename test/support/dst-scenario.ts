/**
 * Daylight-saving scenarios of the Chicago clinic, shared by two test files:
 * one runs in the machine's own time zone, the other with the process set to
 * Asia/Tokyo, and both must give the same answers — the clinic's wall clock,
 * not the workstation's, decides.
 *
 * The scenario uses the NEXT changes after today (US rules: CDT = UTC-5 ends
 * on the first Sunday of November, CST = UTC-6 ends on the second Sunday of
 * March), so it keeps working as years pass: next-available searches never
 * look into the past. Expected instants are built from those fixed offsets,
 * not from the time-zone database the code under test uses; a first test
 * checks that the database agrees with the rules.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from './clinic';
import { addDays, CLINIC_ZONE, local } from './time';

const CDT = -5;
const CST = -6;

/** A wall-clock time at a fixed UTC offset (hours), as the core's ISO instant. */
function utc(date: string, time: string, offsetHours: number): string {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: `UTC${offsetHours}` });
  return new Date(dt.toMillis()).toISOString();
}

/** The n-th Sunday of a month, as YYYY-MM-DD. */
function nthSunday(year: number, month: number, n: number): string {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' });
  return first.plus({ days: ((7 - first.weekday) % 7) + (n - 1) * 7 }).toFormat('yyyy-MM-dd');
}

/**
 * The next change (of the kind) whose Saturday before, 16:00 local, is more
 * than a day away: the whole weekend is still ahead for next-available searches.
 */
function nextChange(month: number, nth: number, offsetBefore: number): string {
  const soon = Date.now() + 86400_000;
  for (let year = DateTime.now().setZone(CLINIC_ZONE).year; ; year++) {
    const sunday = nthSunday(year, month, nth);
    if (Date.parse(utc(addDays(sunday, -1), '16:00', offsetBefore)) > soon) return sunday;
  }
}

export function dstScenario(): void {
  const autumn = nextChange(11, 1, CDT);
  const spring = nextChange(3, 2, CST);
  let clinic: Clinic;
  let patient: Output<'patients.create'>;
  const weekend = { wren: '', sol: '' };

  beforeAll(async () => {
    clinic = await makeClinic({ seed: 1101 });
    patient = await clinic.addPatient();
    const manager = await clinic.as('manager');
    const hours = { '6': [{ start: '08:00', end: '17:00' }], '7': [{ start: '08:00', end: '17:00' }] };
    weekend.wren = (await manager.ok('providers.save', { displayName: 'Dr. Wren Weekend', weeklyHours: hours })).id;
    weekend.sol = (await manager.ok('providers.save', { displayName: 'Dr. Sol Sunday', weeklyHours: hours })).id;
  });
  afterAll(() => clinic.close());

  const followUp = (startAt: string, endAt: string) => ({
    patientId: patient.id,
    providerId: clinic.providers.lane,
    typeId: clinic.types.followUp,
    startAt,
    endAt,
  });

  it(`the time-zone database agrees with the US rules for the changes used (${autumn}, ${spring})`, () => {
    const offset = (date: string) => DateTime.fromISO(`${date}T12:00`, { zone: CLINIC_ZONE }).offset / 60;
    expect([offset(addDays(autumn, -1)), offset(autumn)]).toEqual([CDT, CST]);
    expect([offset(addDays(spring, -1)), offset(spring)]).toEqual([CST, CDT]);
  });

  describe('weekly series across the autumn change', () => {
    let series: Output<'appointments.book'> = [];
    const tuesdays = [-12, -5, 2, 9, 16, 23, 30, 37].map((d) => addDays(autumn, d));
    /** The UTC form of a local time on the k-th Tuesday: CDT before the change, CST after. */
    const onTuesday = (k: number, time: string) => utc(tuesdays[k] ?? '', time, k < 2 ? CDT : CST);

    it('keeps 09:00 local on every date; the UTC hour moves from 14 to 15', async () => {
      const fd = await clinic.as('front_desk');
      series = await fd.ok('appointments.book', {
        ...followUp(onTuesday(0, '09:00'), onTuesday(0, '09:20')),
        recurrence: { frequency: 'weekly', interval: 1, count: 8 },
      });
      expect(series.map((a) => a.startAt)).toEqual(tuesdays.map((_d, k) => onTuesday(k, '09:00')));
      expect(series.map((a) => new Date(a.startAt).getUTCHours())).toEqual([14, 14, 15, 15, 15, 15, 15, 15]);
      expect(series.map((a) => Date.parse(a.endAt) - Date.parse(a.startAt))).toEqual(Array(8).fill(20 * 60_000));
      expect(series.map((a) => local(a.startAt)).every((l) => l.time === '09:00' && l.weekday === 2)).toBe(true);
    });

    it('moving "this and following" from before the change keeps the new local time after it', async () => {
      const fd = await clinic.as('front_desk');
      const second = series[1];
      if (!second) throw new Error('series of 8');
      const moved = await fd.ok('appointments.update', { id: second.id, startAt: onTuesday(1, '10:30'), scope: 'following' });
      expect(moved.map((a) => a.startAt)).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => onTuesday(k, '10:30')));
      expect(moved.map((a) => new Date(a.startAt).getUTCHours())).toEqual([15, 16, 16, 16, 16, 16, 16]);
      expect((await fd.ok('appointments.get', { id: series[0]?.id ?? '' })).startAt).toBe(onTuesday(0, '09:00'));
    });

    it('cancelling "following" from after the change leaves the earlier ones booked', async () => {
      const fd = await clinic.as('front_desk');
      const cancelled = await fd.ok('appointments.cancel', { id: series[4]?.id ?? '', reason: 'Therapy ended', scope: 'following' });
      expect(cancelled.map((a) => a.startAt).sort()).toEqual([4, 5, 6, 7].map((k) => onTuesday(k, '10:30')));
      const range = await fd.ok('appointments.range', {
        from: `${addDays(autumn, -13)}T00:00:00Z`,
        to: `${addDays(autumn, 29)}T00:00:00Z`,
        providerIds: [clinic.providers.lane],
      });
      expect(range.appointments.filter((a) => a.status === 'booked').map((a) => a.startAt)).toEqual([
        onTuesday(0, '09:00'),
        onTuesday(1, '10:30'),
        onTuesday(2, '10:30'),
        onTuesday(3, '10:30'),
      ]);
    });
  });

  describe('the spring change', () => {
    it('keeps 09:00 local; the UTC hour moves from 15 to 14', async () => {
      const tuesday = addDays(spring, -5);
      const series = await (
        await clinic.as('front_desk')
      ).ok('appointments.book', {
        ...followUp(utc(tuesday, '09:00', CST), utc(tuesday, '09:20', CST)),
        recurrence: { frequency: 'weekly', interval: 1, count: 3 },
      });
      expect(series.map((a) => a.startAt)).toEqual([
        utc(tuesday, '09:00', CST),
        utc(addDays(tuesday, 7), '09:00', CDT),
        utc(addDays(tuesday, 14), '09:00', CDT),
      ]);
      expect(series.map((a) => new Date(a.startAt).getUTCHours())).toEqual([15, 14, 14]);
    });
  });

  describe('working hours on the day of the change', () => {
    it('opens at 08:00 local on both sides of the autumn change', async () => {
      const fd = await clinic.as('front_desk');
      const saturday = addDays(autumn, -1);
      const booking = (startAt: string) => ({
        patientId: patient.id,
        providerId: weekend.wren,
        typeId: clinic.types.followUp,
        startAt,
        endAt: new Date(Date.parse(startAt) + 20 * 60_000).toISOString(),
      });
      expect((await fd('appointments.book', booking(utc(saturday, '08:00', CDT)))).ok).toBe(true);
      expect((await fd('appointments.book', booking(utc(autumn, '08:00', CST)))).ok).toBe(true);
      await fd.refuses('appointments.book', booking(utc(autumn, '07:30', CST)), 'CONFLICT');
      expect((await fd('appointments.book', booking(utc(autumn, '16:40', CST)))).ok).toBe(true);
      await fd.refuses('appointments.book', booking(utc(autumn, '16:50', CST)), 'CONFLICT'); // ends after 17:00
    });

    it('offers next free slots on the local grid across both changes', async () => {
      const fd = await clinic.as('front_desk');
      const next = (after: string) =>
        fd.ok('appointments.findNextAvailable', { typeId: clinic.types.telehealth, providerIds: [weekend.sol], after, count: 7 });
      const lastSlots = ['16:00', '16:10', '16:20', '16:30', '16:40'];
      const autumnSaturday = addDays(autumn, -1);
      expect((await next(utc(autumnSaturday, '16:00', CDT))).map((s) => s.startAt)).toEqual([
        ...lastSlots.map((t) => utc(autumnSaturday, t, CDT)),
        utc(autumn, '08:00', CST),
        utc(autumn, '08:10', CST),
      ]);
      const springSaturday = addDays(spring, -1);
      expect((await next(utc(springSaturday, '16:00', CST))).map((s) => s.startAt)).toEqual([
        ...lastSlots.map((t) => utc(springSaturday, t, CST)),
        utc(spring, '08:00', CDT),
        utc(spring, '08:10', CDT),
      ]);
    });
  });
}
