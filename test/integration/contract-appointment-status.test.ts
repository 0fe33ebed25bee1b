/**
 * Contract: appointments.setStatus and appointments.cancel — success with its
 * real effect, then bad input, unknown ids, wrong roles and finished
 * appointments. Status changes happen on a past weekday: arrivals and
 * no-shows are refused ahead of the day (scheduling-status.test.ts has the
 * timing rules), while late data entry for past days is allowed.
 * Every refusal leaves the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';
import { at, pastWeekday, plusMinutes, upcoming } from '../support/time';

let clinic: Clinic;
let patient: Output<'patients.create'>;
const past = pastWeekday(7);
const thu = upcoming(4, 14);

beforeAll(async () => {
  clinic = await makeClinic({ seed: 98 });
  patient = await clinic.addPatient();
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

describe('appointments.setStatus', () => {
  it('checks in, rooms and completes; refuses bad statuses, unknown ids and rooms', async () => {
    const nurse = await clinic.as('nurse');
    const [appointment] = await (await clinic.as('front_desk')).ok('appointments.book', booking(past, '09:00'));
    const id = appointment?.id ?? '';
    const arrived = await nurse.ok('appointments.setStatus', { id, status: 'arrived' });
    expect(arrived.status).toBe('arrived');
    expect(arrived.arrivedAt).not.toBeNull();
    await nurse.refuses('appointments.setStatus', { id, status: 'in_room', roomId: 'no-such-room' }, 'NOT_FOUND');
    const roomed = await (await clinic.as('physician')).ok('appointments.setStatus', { id, status: 'in_room', roomId: clinic.rooms.exam2 });
    expect(roomed).toMatchObject({ status: 'in_room', roomId: clinic.rooms.exam2, arrivedAt: arrived.arrivedAt });
    expect(roomed.roomedAt).not.toBeNull();
    expect((await nurse.ok('appointments.setStatus', { id, status: 'completed' })).completedAt).not.toBeNull();
    expect(clinic.query('SELECT status, room_id FROM appointments WHERE id = ?', id)).toEqual([
      { status: 'completed', room_id: clinic.rooms.exam2 },
    ]);
    await nurse.refuses('appointments.setStatus', { id, status: 'arrived' }, 'CONFLICT');
    await nurse.refuses('appointments.setStatus', { id, status: 'cancelled' }, 'VALIDATION');
    await nurse.refuses('appointments.setStatus', { id }, 'VALIDATION');
    await nurse.refuses('appointments.setStatus', { id: 'no-such-appointment', status: 'arrived' }, 'NOT_FOUND');
    await clinic.anonymous.refuses('appointments.setStatus', { id, status: 'arrived' }, 'UNAUTHENTICATED');
  });

  it('requires a reason for a no-show', async () => {
    const fd = await clinic.as('front_desk');
    const [appointment] = await fd.ok('appointments.book', booking(past, '10:00'));
    const id = appointment?.id ?? '';
    await fd.refuses('appointments.setStatus', { id, status: 'no_show' }, 'VALIDATION');
    await fd.refuses('appointments.setStatus', { id, status: 'no_show', reason: '   ' }, 'VALIDATION');
    expect(await fd.ok('appointments.setStatus', { id, status: 'no_show', reason: 'No answer when called' })).toMatchObject({
      status: 'no_show',
      statusReason: 'No answer when called',
    });
  });
});

describe('appointments.cancel', () => {
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
    // A completed visit (on a past day) cannot be cancelled either.
    const [done] = await fd.ok('appointments.book', booking(past, '11:00'));
    await fd.ok('appointments.setStatus', { id: done?.id ?? '', status: 'arrived' });
    await fd.ok('appointments.setStatus', { id: done?.id ?? '', status: 'completed' });
    await fd.refuses('appointments.cancel', { id: done?.id, reason: 'Too late' }, 'CONFLICT');
  });
});
