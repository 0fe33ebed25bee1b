/**
 * Contract: every scheduling method — success with its real effect, then each
 * kind of bad input, unknown id, clash and wrong role. Every refusal leaves
 * the database unchanged. (Calendar rules in depth: scheduling.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { BookingConflict, Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';
import { addDays, at, CLINIC_ZONE, plusMinutes, today, upcoming } from '../support/time';

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

    const [blocker] = await fd.ok('appointments.book', { ...booking(wed, '16:00'), patientId: other.id });
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
    await fd.ok('appointments.setStatus', { id: blocker?.id ?? '', status: 'arrived' });
    await fd.ok('appointments.setStatus', { id: blocker?.id ?? '', status: 'completed' });
    await fd.refuses('appointments.update', { id: blocker?.id, startAt: at(wed, '16:30') }, 'CONFLICT');
  });
});

describe('appointments.setStatus / appointments.cancel', () => {
  it('checks in, rooms and completes; refuses bad statuses, unknown ids and rooms', async () => {
    const nurse = await clinic.as('nurse');
    const [appointment] = await (await clinic.as('front_desk')).ok('appointments.book', booking(thu, '09:00'));
    const id = appointment?.id ?? '';
    const arrived = await nurse.ok('appointments.setStatus', { id, status: 'arrived' });
    expect(arrived.status).toBe('arrived');
    expect(arrived.arrivedAt).not.toBeNull();
    await nurse.refuses('appointments.setStatus', { id, status: 'in_room', roomId: 'no-such-room' }, 'NOT_FOUND');
    const roomed = await (await clinic.as('physician')).ok('appointments.setStatus', { id, status: 'in_room', roomId: clinic.rooms.exam2 });
    expect(roomed).toMatchObject({ status: 'in_room', roomId: clinic.rooms.exam2, arrivedAt: arrived.arrivedAt });
    expect(roomed.roomedAt).not.toBeNull();
    expect((await nurse.ok('appointments.setStatus', { id, status: 'completed' })).completedAt).not.toBeNull();
    await nurse.refuses('appointments.setStatus', { id, status: 'arrived' }, 'CONFLICT');
    await nurse.refuses('appointments.setStatus', { id, status: 'cancelled' }, 'VALIDATION');
    await nurse.refuses('appointments.setStatus', { id }, 'VALIDATION');
    await nurse.refuses('appointments.setStatus', { id: 'no-such-appointment', status: 'arrived' }, 'NOT_FOUND');
    await clinic.anonymous.refuses('appointments.setStatus', { id, status: 'arrived' }, 'UNAUTHENTICATED');
  });

  it('requires a reason for a no-show', async () => {
    const fd = await clinic.as('front_desk');
    const [appointment] = await fd.ok('appointments.book', booking(thu, '10:00'));
    const id = appointment?.id ?? '';
    await fd.refuses('appointments.setStatus', { id, status: 'no_show' }, 'VALIDATION');
    await fd.refuses('appointments.setStatus', { id, status: 'no_show', reason: '   ' }, 'VALIDATION');
    expect(await fd.ok('appointments.setStatus', { id, status: 'no_show', reason: 'No answer when called' })).toMatchObject({
      status: 'no_show',
      statusReason: 'No answer when called',
    });
  });

  it('cancels with a reason; refuses other roles, unknown ids and finished appointments', async () => {
    const fd = await clinic.as('front_desk');
    const [appointment] = await fd.ok('appointments.book', booking(thu, '11:00'));
    const id = appointment?.id ?? '';
    await fd.refuses('appointments.cancel', { id }, 'VALIDATION');
    await fd.refuses('appointments.cancel', { id, reason: ' ' }, 'VALIDATION');
    await fd.refuses('appointments.cancel', { id, reason: 'r'.repeat(201) }, 'VALIDATION');
    await fd.refuses('appointments.cancel', { id, reason: 'x', scope: 'everything' }, 'VALIDATION');
    await fd.refuses('appointments.cancel', { id: 'no-such-appointment', reason: 'x' }, 'NOT_FOUND');
    for (const role of ['nurse', 'physician'] as const)
      await (await clinic.as(role)).refuses('appointments.cancel', { id, reason: 'x' }, 'FORBIDDEN');
    const [cancelled] = await fd.ok('appointments.cancel', { id, reason: 'Feeling better' });
    expect(cancelled).toMatchObject({ id, status: 'cancelled', statusReason: 'Feeling better', overbooked: false });
    await fd.refuses('appointments.cancel', { id, reason: 'Again' }, 'CONFLICT');
  });
});

describe('appointments.findNextAvailable', () => {
  it('offers slots and refuses bad input and unknown ids', async () => {
    const fd = await clinic.as('front_desk');
    const slots = await fd.ok('appointments.findNextAvailable', { typeId: clinic.types.newPatient, after: at(tue, '07:00'), count: 4 });
    expect(slots).toHaveLength(4);
    for (const slot of slots) expect(Date.parse(slot.endAt) - Date.parse(slot.startAt)).toBe(40 * 60_000);
    await fd.refuses(
      'appointments.findNextAvailable',
      { typeId: clinic.types.newPatient, after: at(tue, '07:00'), count: 0 },
      'VALIDATION',
    );
    await fd.refuses(
      'appointments.findNextAvailable',
      { typeId: clinic.types.newPatient, after: at(tue, '07:00'), count: 21 },
      'VALIDATION',
    );
    await fd.refuses('appointments.findNextAvailable', { typeId: clinic.types.newPatient, after: 'soon' }, 'VALIDATION');
    await fd.refuses('appointments.findNextAvailable', { after: at(tue, '07:00') }, 'VALIDATION');
    await fd.refuses('appointments.findNextAvailable', { typeId: 'no-such-type', after: at(tue, '07:00') }, 'NOT_FOUND');
    await fd.refuses(
      'appointments.findNextAvailable',
      { typeId: clinic.types.newPatient, after: at(tue, '07:00'), providerIds: ['no-such-provider'] },
      'NOT_FOUND',
    );
    await fd.refuses(
      'appointments.findNextAvailable',
      { typeId: clinic.types.newPatient, after: at(tue, '07:00'), roomId: 'no-such-room' },
      'NOT_FOUND',
    );
  });
});

describe('queue.today', () => {
  it('lists today’s appointments that are not cancelled', async () => {
    const manager = await clinic.as('manager');
    const allDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]]));
    const round = await manager.ok('providers.save', { displayName: 'Dr. Dana Round', weeklyHours: allDay });
    const book = (date: string, time: string) =>
      manager.ok('appointments.book', {
        patientId: other.id,
        providerId: round.id,
        typeId: clinic.types.telehealth,
        startAt: at(date, time),
        endAt: plusMinutes(at(date, time), 15),
      });
    const [kept] = await book(today(), '11:00');
    const [cancelled] = await book(today(), '11:30');
    const [tomorrow] = await book(addDays(today(), 1), '11:00');
    await manager.ok('appointments.cancel', { id: cancelled?.id ?? '', reason: 'Patient request' });
    const queue = await (await clinic.as('nurse')).ok('queue.today', {});
    const ids = queue.map((a) => a.id);
    expect(ids).toContain(kept?.id);
    expect(ids).not.toContain(cancelled?.id);
    expect(ids).not.toContain(tomorrow?.id);
    expect(queue.every((a) => a.status !== 'cancelled')).toBe(true);
    await manager.refuses('queue.today', { date: today() }, 'VALIDATION');
    await clinic.anonymous.refuses('queue.today', {}, 'UNAUTHENTICATED');
  });
});

describe('blocks.create / blocks.remove', () => {
  it('creates and removes unavailability; refuses bad spans, unknown ids and roles without schedule.write', async () => {
    const fd = await clinic.as('front_desk');
    const block = await fd.ok('blocks.create', {
      providerId: clinic.providers.moss,
      startAt: at(thu, '13:00'),
      endAt: at(thu, '17:00'),
      reason: 'Training',
    });
    expect(block).toMatchObject({ providerId: clinic.providers.moss, reason: 'Training' });
    expect(Date.parse(block.startAt)).toBe(Date.parse(at(thu, '13:00')));
    const window = await fd.ok('appointments.range', { from: at(thu, '00:00'), to: at(addDays(thu, 1), '00:00') });
    expect(window.blocks.map((b) => b.id)).toEqual([block.id]);
    const span = { providerId: clinic.providers.moss, startAt: at(thu, '13:00'), endAt: at(thu, '14:00'), reason: 'Meeting' };
    await fd.refuses('blocks.create', { ...span, endAt: span.startAt }, 'VALIDATION');
    await fd.refuses('blocks.create', { ...span, reason: '' }, 'VALIDATION');
    await fd.refuses('blocks.create', { ...span, startAt: 'noon' }, 'VALIDATION');
    await fd.refuses('blocks.create', { ...span, providerId: 'no-such-provider' }, 'NOT_FOUND');
    for (const role of ['nurse', 'physician'] as const) await (await clinic.as(role)).refuses('blocks.create', span, 'FORBIDDEN');
    await (await clinic.as('nurse')).refuses('blocks.remove', { id: block.id }, 'FORBIDDEN');
    await fd.refuses('blocks.remove', {}, 'VALIDATION');
    await fd.refuses('blocks.remove', { id: 'no-such-block' }, 'NOT_FOUND');
    expect(await fd.ok('blocks.remove', { id: block.id })).toEqual({ ok: true });
    expect((await fd.ok('appointments.range', { from: at(thu, '00:00'), to: at(addDays(thu, 1), '00:00') })).blocks).toEqual([]);
  });
});
