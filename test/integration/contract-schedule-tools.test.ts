/**
 * Contract: the scheduling tools around the calendar — next free slots, the
 * day's queue and provider unavailability (blocks) — success with its real
 * effect, then bad input, unknown ids and wrong roles. Every refusal leaves
 * the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';
import { addDays, at, awaitTimeLeftToday, plusMinutes, today, upcoming } from '../support/time';

let clinic: Clinic;
let other: Output<'patients.create'>;
const tue = upcoming(2, 14);
const thu = addDays(tue, 2);

beforeAll(async () => {
  clinic = await makeClinic({ seed: 97 });
  other = await clinic.addPatient();
});
afterAll(() => clinic.close());

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
    await awaitTimeLeftToday(1); // "today" must not turn into tomorrow halfway through
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
