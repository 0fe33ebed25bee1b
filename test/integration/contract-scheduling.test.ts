/**
 * Contract: booking, reading and moving appointments — success with its real
 * effect, then each kind of bad input, unknown id, clash and wrong role. Every
 * refusal leaves the database unchanged. (Statuses and cancelling:
 * contract-appointment-status; free slots, queue and blocks:
 * contract-schedule-tools; calendar rules in depth: scheduling-*.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { BookingConflict, Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';
import { addDays, at, CLINIC_ZONE, pastWeekday, plusMinutes, upcoming } from '../support/time';

let clinic: Clinic;
let patient: Output<'patients.create'>;
let other: Output<'patients.create'>;
const tue = upcoming(2, 14);
const wed = addDays(tue, 1);
const thu = addDays(tue, 2);

beforeAll(async () => {
  clinic = await makeClinic({ seed: 99 });
  patient = await clinic.addPatient();
  other = await clinic.addPatient();
});
afterAll(() => clinic.close());

function booking(date: string, time: string, minutes = 20) {
  return {
    patientId: patient.id,
    providerId: clinic.providers.lane,
    typeId: clinic.types.followUp,
    startAt: at(date, time),
    endAt: plusMinutes(at(date, time), minutes),
  };
}

describe('appointments.book', () => {
  it('books an appointment as the front desk', async () => {
    const fd = await clinic.as('front_desk');
    const [appointment, ...rest] = await fd.ok('appointments.book', {
      ...booking(tue, '09:00'),
      roomId: clinic.rooms.exam1,
      notes: 'Bring results',
    });
    expect(rest).toEqual([]);
    expect(appointment).toMatchObject({
      patientId: patient.id,
      patientName: `${patient.familyName}, ${patient.givenName}`,
      providerId: clinic.providers.lane,
      roomId: clinic.rooms.exam1,
      status: 'booked',
      notes: 'Bring results',
      overbooked: false,
      seriesId: null,
    });
    expect(Date.parse(appointment?.startAt ?? '')).toBe(Date.parse(at(tue, '09:00')));
    expect(clinic.query('SELECT status, start_at FROM appointments WHERE id = ?', appointment?.id)).toEqual([
      { status: 'booked', start_at: appointment?.startAt },
    ]);
  });

  it('refuses bad timing, bad recurrence and missing or mistyped fields', async () => {
    const fd = await clinic.as('front_desk');
    const base = booking(tue, '10:00');
    const cases: [string, unknown][] = [
      ['patientId', { ...base, patientId: undefined }],
      ['typeId', { ...base, typeId: 5 }],
      ['startAt', { ...base, startAt: 1_800_000_000_000 }],
      ['startAt', { ...base, startAt: `${tue} 10:00` }],
      ['endAt', { ...base, endAt: base.startAt }],
      ['endAt', { ...base, endAt: plusMinutes(base.startAt, -20) }],
      ['endAt', { ...base, endAt: plusMinutes(base.startAt, 12 * 60 + 1) }],
      ['recurrence.count', { ...base, recurrence: { frequency: 'weekly', interval: 1, count: 60 } }],
      ['recurrence.count', { ...base, recurrence: { frequency: 'weekly', interval: 1, count: 1 } }],
      ['recurrence.interval', { ...base, recurrence: { frequency: 'weekly', interval: 0, count: 4 } }],
      ['recurrence.frequency', { ...base, recurrence: { frequency: 'daily', interval: 1, count: 4 } }],
      ['notes', { ...base, notes: 'n'.repeat(1001) }],
    ];
    for (const [field, input] of cases) {
      const error = await fd.refuses('appointments.book', input, 'VALIDATION');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toContain(field);
    }
  });

  it('refuses unknown patients, providers, rooms and types, and inactive providers', async () => {
    const fd = await clinic.as('front_desk');
    const base = booking(tue, '10:00');
    await fd.refuses('appointments.book', { ...base, patientId: 'no-such-patient' }, 'NOT_FOUND');
    await fd.refuses('appointments.book', { ...base, providerId: 'no-such-provider' }, 'NOT_FOUND');
    await fd.refuses('appointments.book', { ...base, roomId: 'no-such-room' }, 'NOT_FOUND');
    await fd.refuses('appointments.book', { ...base, typeId: 'no-such-type' }, 'NOT_FOUND');
    const retired = await (
      await clinic.as('manager')
    ).ok('providers.save', {
      displayName: 'Dr. Retired Example',
      weeklyHours: { '2': [{ start: '08:00', end: '17:00' }] },
      active: false,
    });
    await fd.refuses('appointments.book', { ...base, providerId: retired.id }, 'CONFLICT');
  });

  it('refuses roles without schedule.write', async () => {
    for (const role of ['physician', 'nurse'] as const)
      await (await clinic.as(role)).refuses('appointments.book', booking(tue, '10:00'), 'FORBIDDEN');
    await clinic.anonymous.refuses('appointments.book', booking(tue, '10:00'), 'UNAUTHENTICATED');
  });

  it('refuses a clash with CONFLICT and next free slots that are each really bookable', async () => {
    const fd = await clinic.as('front_desk');
    const error = await fd.refuses(
      'appointments.book',
      { ...booking(tue, '09:10', 20), patientId: other.id, roomId: clinic.rooms.exam2 },
      'CONFLICT',
    );
    const details = error.details as BookingConflict;
    expect(details.clashes.map((c) => c.kind)).toContain('provider');
    expect(details.nextFree.length).toBeGreaterThan(0);
    for (const slot of details.nextFree) {
      expect(slot.providerId).toBe(clinic.providers.lane);
      expect(Date.parse(slot.endAt) - Date.parse(slot.startAt)).toBe(20 * 60_000);
      const [taken] = await fd.ok('appointments.book', {
        patientId: other.id,
        providerId: slot.providerId,
        roomId: slot.roomId,
        typeId: clinic.types.followUp,
        startAt: slot.startAt,
        endAt: slot.endAt,
      });
      await fd.ok('appointments.cancel', { id: taken?.id ?? '', reason: 'Checking the offered slot' });
    }
  });

  it('lets a manager overbook with a reason (both appointments flagged), but not the front desk', async () => {
    const fd = await clinic.as('front_desk');
    const clash = { ...booking(tue, '09:00', 20), patientId: other.id, overbookReason: 'Urgent, squeezed in' };
    await fd.refuses('appointments.book', clash, 'FORBIDDEN');
    const [overbooked] = await (await clinic.as('manager')).ok('appointments.book', clash);
    expect(overbooked).toMatchObject({ overbooked: true, overbookReason: 'Urgent, squeezed in' });
    const day = await fd.ok('appointments.range', { from: at(tue, '00:00'), to: at(wed, '00:00'), providerIds: [clinic.providers.lane] });
    const atNine = day.appointments.filter((a) => a.startAt === at(tue, '09:00') && a.status === 'booked');
    expect(atNine).toHaveLength(2);
    expect(atNine.every((a) => a.overbooked)).toBe(true);
    for (const a of atNine) expect((await fd.ok('appointments.get', { id: a.id })).overbooked).toBe(true);
  });
});

describe('appointments.get / forPatient / range', () => {
  it('reads one appointment, a patient’s appointments newest first, and a window', async () => {
    const fd = await clinic.as('front_desk');
    const [early] = await fd.ok('appointments.book', { ...booking(wed, '08:00'), patientId: other.id });
    const [late] = await fd.ok('appointments.book', { ...booking(thu, '08:00'), patientId: other.id });
    // An evening visit (after 18:00 in Chicago it is already the next day in UTC), booked over the hours on purpose.
    const [evening] = await (
      await clinic.as('manager')
    ).ok('appointments.book', { ...booking(wed, '18:30'), overbookReason: 'Evening clinic' });
    expect(await fd.ok('appointments.get', { id: early?.id ?? '' })).toEqual(early);
    const mine = await fd.ok('appointments.forPatient', { patientId: other.id });
    const ids = mine.map((a) => a.id);
    expect(ids.indexOf(late?.id ?? '')).toBeLessThan(ids.indexOf(early?.id ?? ''));
    expect(mine.every((a) => a.patientId === other.id)).toBe(true);
    const window = await fd.ok('appointments.range', { from: at(wed, '00:00'), to: at(thu, '00:00') });
    expect(window.appointments.map((a) => a.id)).toContain(early?.id);
    expect(window.appointments.map((a) => a.id)).toContain(evening?.id);
    expect(window.appointments.map((a) => a.id)).not.toContain(late?.id);
    // The same window written with a UTC offset instead of Z gives the same answer.
    const offsetForm = (iso: string) => DateTime.fromISO(iso).setZone(CLINIC_ZONE).toISO({ suppressMilliseconds: true }) ?? '';
    const same = await fd.ok('appointments.range', { from: offsetForm(at(wed, '00:00')), to: offsetForm(at(thu, '00:00')) });
    expect(same.appointments.map((a) => a.id)).toEqual(window.appointments.map((a) => a.id));
    const onlyMoss = await fd.ok('appointments.range', {
      from: at(wed, '00:00'),
      to: at(thu, '00:00'),
      providerIds: [clinic.providers.moss],
    });
    expect(onlyMoss.appointments).toEqual([]);

    await fd.refuses('appointments.get', { id: 'no-such-appointment' }, 'NOT_FOUND');
    await fd.refuses('appointments.get', {}, 'VALIDATION');
    await fd.refuses('appointments.forPatient', { patientId: 'no-such-patient' }, 'NOT_FOUND');
    await fd.refuses('appointments.forPatient', { patientId: 3 }, 'VALIDATION');
    await fd.refuses('appointments.range', { from: at(thu, '00:00'), to: at(wed, '00:00') }, 'VALIDATION');
    await fd.refuses('appointments.range', { from: at(wed, '00:00'), to: at(addDays(wed, 44), '00:00') }, 'VALIDATION');
    await fd.refuses('appointments.range', { to: at(wed, '00:00') }, 'VALIDATION');
    await fd.refuses('appointments.range', { from: 'yesterday', to: at(wed, '00:00') }, 'VALIDATION');
    await clinic.anonymous.refuses('appointments.range', { from: at(wed, '00:00'), to: at(thu, '00:00') }, 'UNAUTHENTICATED');
  });
});

describe('appointments.update', () => {
  it('moves an appointment, and refuses bad moves', async () => {
    const fd = await clinic.as('front_desk');
    const [appointment] = await fd.ok('appointments.book', booking(wed, '14:00'));
    const id = appointment?.id ?? '';
    const [moved] = await fd.ok('appointments.update', { id, startAt: at(wed, '15:00'), endAt: at(wed, '15:30'), notes: 'Moved by phone' });
    expect(moved).toMatchObject({ id, startAt: at(wed, '15:00'), endAt: at(wed, '15:30'), notes: 'Moved by phone' });
    // Keeping the duration when only the start is given.
    const [kept] = await fd.ok('appointments.update', { id, startAt: at(wed, '15:10') });
    expect(kept?.endAt).toBe(at(wed, '15:40'));

    await fd.ok('appointments.book', { ...booking(wed, '16:00'), patientId: other.id }); // blocks 16:00–16:20
    await fd.refuses('appointments.update', { id, startAt: at(wed, '16:10') }, 'CONFLICT');
    await fd.refuses('appointments.update', { id: 'no-such-appointment', startAt: at(wed, '15:00') }, 'NOT_FOUND');
    await fd.refuses('appointments.update', { id, providerId: 'no-such-provider' }, 'NOT_FOUND');
    await fd.refuses('appointments.update', { id, roomId: 'no-such-room' }, 'NOT_FOUND');
    await fd.refuses('appointments.update', { id, typeId: 'no-such-type' }, 'NOT_FOUND');
    await fd.refuses('appointments.update', { id, startAt: at(wed, '15:00'), endAt: at(wed, '14:00') }, 'VALIDATION');
    await fd.refuses('appointments.update', { id, endAt: at(wed, '15:00') }, 'VALIDATION');
    await fd.refuses('appointments.update', { id, startAt: at(wed, '08:00'), endAt: at(wed, '20:30') }, 'VALIDATION');
    await fd.refuses('appointments.update', { id, endAt: plusMinutes(at(wed, '15:10'), 13 * 60) }, 'VALIDATION');
    await fd.refuses('appointments.update', { id, scope: 'all' }, 'VALIDATION');
    await fd.refuses('appointments.update', { startAt: at(wed, '15:00') }, 'VALIDATION');
    await (await clinic.as('physician')).refuses('appointments.update', { id, startAt: at(wed, '15:20') }, 'FORBIDDEN');
  });

  it('refuses moving a completed appointment', async () => {
    // On a past day: a visit is marked arrived and completed on its day or later, never ahead.
    const past = pastWeekday(7);
    const fd = await clinic.as('front_desk');
    const [done] = await fd.ok('appointments.book', { ...booking(past, '16:00'), patientId: other.id });
    const id = done?.id ?? '';
    await fd.ok('appointments.setStatus', { id, status: 'arrived' });
    await fd.ok('appointments.setStatus', { id, status: 'completed' });
    const error = await fd.refuses('appointments.update', { id, startAt: at(past, '16:30') }, 'CONFLICT');
    expect(error.message).toMatch(/completed/);
  });

  it('edits the notes and type of an overbooked appointment without a new overbooking; moving it still needs one', async () => {
    const fd = await clinic.as('front_desk');
    const manager = await clinic.as('manager');
    await manager.ok('appointments.book', booking(wed, '10:00'));
    const [squeezed] = await manager.ok('appointments.book', { ...booking(wed, '10:00'), patientId: other.id, overbookReason: 'Urgent' });
    const id = squeezed?.id ?? '';
    const [edited] = await fd.ok('appointments.update', { id, notes: 'Interpreter needed', typeId: clinic.types.procedure });
    expect(edited).toMatchObject({
      notes: 'Interpreter needed',
      typeId: clinic.types.procedure,
      overbooked: true,
      overbookReason: 'Urgent',
    });
    // Restating the same provider, room and times is not a move either.
    const same = { providerId: clinic.providers.lane, roomId: null, startAt: at(wed, '10:00'), endAt: at(wed, '10:20') };
    expect((await fd.ok('appointments.update', { id, ...same, notes: 'Interpreter booked' }))[0]?.notes).toBe('Interpreter booked');
    // Any change of placement is checked again: still clashing, so refused for the front desk.
    await fd.refuses('appointments.update', { id, startAt: at(wed, '10:10') }, 'CONFLICT');
    await fd.refuses('appointments.update', { id, roomId: clinic.rooms.exam2 }, 'CONFLICT');
    await fd.refuses('appointments.update', { id, endAt: at(wed, '10:30') }, 'CONFLICT');
    await fd.refuses('appointments.update', { id, startAt: at(wed, '10:10'), overbookReason: 'Still urgent' }, 'FORBIDDEN');
    const [moved] = await manager.ok('appointments.update', { id, startAt: at(wed, '10:10'), overbookReason: 'Still urgent' });
    expect(moved).toMatchObject({ startAt: at(wed, '10:10'), overbooked: true, overbookReason: 'Still urgent' });
    // A clash-free move needs nothing.
    expect((await fd.ok('appointments.update', { id, startAt: at(wed, '10:40') }))[0]?.overbooked).toBe(false);
  });
});
