/**
 * Daylight-saving scenarios of the Chicago clinic, shared by two test files:
 * one runs in the machine's own time zone, the other with the process set to
 * Asia/Tokyo, and both must give the same answers — the clinic's wall clock,
 * not the workstation's, decides. Expected UTC instants are written out from
 * the US rules (CDT = UTC-5 until 2026-11-01 02:00, CST = UTC-6 after;
 * CDT again from 2027-03-14), not computed by the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from './clinic';
import { local } from './time';

export function dstScenario(): void {
  let clinic: Clinic;
  let patient: Output<'patients.create'>;
  let weekend = '';

  beforeAll(async () => {
    clinic = await makeClinic({ seed: 1101 });
    patient = await clinic.addPatient();
    const manager = await clinic.as('manager');
    const hours = { '6': [{ start: '08:00', end: '17:00' }], '7': [{ start: '08:00', end: '17:00' }] };
    weekend = (await manager.ok('providers.save', { displayName: 'Dr. Wren Weekend', weeklyHours: hours })).id;
  });
  afterAll(() => clinic.close());

  const followUp = (startAt: string, endAt: string) => ({
    patientId: patient.id,
    providerId: clinic.providers.lane,
    typeId: clinic.types.followUp,
    startAt,
    endAt,
  });

  describe('weekly series across the autumn change (2026-11-01)', () => {
    let series: Output<'appointments.book'> = [];

    it('keeps 09:00 local on every date; the UTC hour moves from 14 to 15', async () => {
      const fd = await clinic.as('front_desk');
      series = await fd.ok('appointments.book', {
        ...followUp('2026-10-20T14:00:00.000Z', '2026-10-20T14:20:00.000Z'),
        recurrence: { frequency: 'weekly', interval: 1, count: 8 },
      });
      expect(series.map((a) => a.startAt)).toEqual([
        '2026-10-20T14:00:00.000Z',
        '2026-10-27T14:00:00.000Z',
        '2026-11-03T15:00:00.000Z',
        '2026-11-10T15:00:00.000Z',
        '2026-11-17T15:00:00.000Z',
        '2026-11-24T15:00:00.000Z',
        '2026-12-01T15:00:00.000Z',
        '2026-12-08T15:00:00.000Z',
      ]);
      expect(series.map((a) => Date.parse(a.endAt) - Date.parse(a.startAt))).toEqual(Array(8).fill(20 * 60_000));
      expect(series.map((a) => local(a.startAt)).every((l) => l.time === '09:00' && l.weekday === 2)).toBe(true);
    });

    it('moving "this and following" from before the change keeps the new local time after it', async () => {
      const fd = await clinic.as('front_desk');
      const second = series[1];
      if (!second) throw new Error('series of 8');
      // 10:30 CDT on 27 Oct.
      const moved = await fd.ok('appointments.update', { id: second.id, startAt: '2026-10-27T15:30:00.000Z', scope: 'following' });
      expect(moved.map((a) => a.startAt)).toEqual([
        '2026-10-27T15:30:00.000Z',
        '2026-11-03T16:30:00.000Z',
        '2026-11-10T16:30:00.000Z',
        '2026-11-17T16:30:00.000Z',
        '2026-11-24T16:30:00.000Z',
        '2026-12-01T16:30:00.000Z',
        '2026-12-08T16:30:00.000Z',
      ]);
      expect((await fd.ok('appointments.get', { id: series[0]?.id ?? '' })).startAt).toBe('2026-10-20T14:00:00.000Z');
    });

    it('cancelling "following" from after the change leaves the earlier ones booked', async () => {
      const fd = await clinic.as('front_desk');
      const cancelled = await fd.ok('appointments.cancel', { id: series[4]?.id ?? '', reason: 'Therapy ended', scope: 'following' });
      expect(cancelled.map((a) => a.startAt).sort()).toEqual([
        '2026-11-17T16:30:00.000Z',
        '2026-11-24T16:30:00.000Z',
        '2026-12-01T16:30:00.000Z',
        '2026-12-08T16:30:00.000Z',
      ]);
      const range = await fd.ok('appointments.range', {
        from: '2026-10-19T00:00:00Z',
        to: '2026-11-30T00:00:00Z',
        providerIds: [clinic.providers.lane],
      });
      expect(range.appointments.filter((a) => a.status === 'booked').map((a) => a.startAt)).toEqual([
        '2026-10-20T14:00:00.000Z',
        '2026-10-27T15:30:00.000Z',
        '2026-11-03T16:30:00.000Z',
        '2026-11-10T16:30:00.000Z',
      ]);
    });
  });

  describe('the spring change (2027-03-14)', () => {
    it('keeps 09:00 local; the UTC hour moves from 15 to 14', async () => {
      const series = await (
        await clinic.as('front_desk')
      ).ok('appointments.book', {
        ...followUp('2027-03-09T15:00:00.000Z', '2027-03-09T15:20:00.000Z'),
        recurrence: { frequency: 'weekly', interval: 1, count: 3 },
      });
      expect(series.map((a) => a.startAt)).toEqual(['2027-03-09T15:00:00.000Z', '2027-03-16T14:00:00.000Z', '2027-03-23T14:00:00.000Z']);
    });
  });

  describe('working hours on the day of the change', () => {
    it('opens at 08:00 local on both sides of the change', async () => {
      const fd = await clinic.as('front_desk');
      const book = (startAt: string) =>
        fd('appointments.book', {
          patientId: patient.id,
          providerId: weekend,
          typeId: clinic.types.followUp,
          startAt,
          endAt: new Date(Date.parse(startAt) + 20 * 60_000).toISOString(),
        });
      expect((await book('2026-10-31T13:00:00.000Z')).ok).toBe(true); // Sat 08:00 CDT
      expect((await book('2026-11-01T14:00:00.000Z')).ok).toBe(true); // Sun 08:00 CST
      await fd.refuses(
        'appointments.book',
        {
          patientId: patient.id,
          providerId: weekend,
          typeId: clinic.types.followUp,
          startAt: '2026-11-01T13:30:00.000Z',
          endAt: '2026-11-01T13:50:00.000Z',
        },
        'CONFLICT',
      ); // Sun 07:30 CST
      expect((await book('2026-11-01T22:40:00.000Z')).ok).toBe(true); // Sun 16:40 CST
      expect((await book('2026-11-01T22:50:00.000Z')).ok).toBe(false); // Sun 16:50 CST ends after 17:00
    });

    it('offers next free slots on the local grid across the change (2027-11-07)', async () => {
      const slots = await (
        await clinic.as('front_desk')
      ).ok('appointments.findNextAvailable', {
        typeId: clinic.types.telehealth,
        providerIds: [weekend],
        after: '2027-11-06T21:00:00.000Z', // Sat 16:00 CDT
        count: 7,
      });
      expect(slots.map((s) => s.startAt)).toEqual([
        '2027-11-06T21:00:00.000Z',
        '2027-11-06T21:10:00.000Z',
        '2027-11-06T21:20:00.000Z',
        '2027-11-06T21:30:00.000Z',
        '2027-11-06T21:40:00.000Z',
        '2027-11-07T14:00:00.000Z', // Sun 08:00 CST
        '2027-11-07T14:10:00.000Z',
      ]);
    });
  });
}
