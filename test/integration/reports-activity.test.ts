/**
 * Practice activity reports over appointments and registrations made through
 * the API on one past clinic day: outcome counts and rates per provider and
 * room, utilization against working hours, and new patients by month (a
 * record merged into another is not a new patient).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClinic, type Clinic } from '../support/clinic';
import { addDays, at, pastWeekday, plusMinutes, today } from '../support/time';

let clinic: Clinic;
const DAY = pastWeekday(7);

async function book(patientId: string, provider: 'lane' | 'moss', time: string, roomId: string | null = null) {
  const [appointment] = await (
    await clinic.as('front_desk')
  ).ok('appointments.book', {
    patientId,
    providerId: clinic.providers[provider],
    roomId,
    typeId: clinic.types.followUp,
    startAt: at(DAY, time),
    endAt: plusMinutes(at(DAY, time), 20),
  });
  if (!appointment) throw new Error('booking failed');
  return appointment.id;
}

beforeAll(async () => {
  clinic = await makeClinic({ seed: 3131 });
  const first = await clinic.addPatient();
  const second = await clinic.addPatient();
  const third = await clinic.addPatient();
  const duplicate = await clinic.addPatient();
  const desk = await clinic.as('front_desk');
  const nurse = await clinic.as('nurse');
  await desk.ok('patients.merge', { retiredId: duplicate.id, survivingId: third.id });

  // Dr. Lane: one seen in Exam 1, one no-show, one cancelled, one still booked in Exam 1. Dr. Moss: one seen in Exam 2.
  const seen = await book(first.id, 'lane', '09:00');
  await nurse.ok('appointments.setStatus', { id: seen, status: 'arrived' });
  await nurse.ok('appointments.setStatus', { id: seen, status: 'in_room', roomId: clinic.rooms.exam1 });
  await nurse.ok('appointments.setStatus', { id: seen, status: 'completed' });
  await desk.ok('appointments.setStatus', {
    id: await book(first.id, 'lane', '09:30'),
    status: 'no_show',
    reason: 'No answer when called',
  });
  await desk.ok('appointments.cancel', { id: await book(first.id, 'lane', '10:00'), reason: 'Patient asked to move it' });
  await book(first.id, 'lane', '10:30', clinic.rooms.exam1);
  const moss = await book(second.id, 'moss', '09:00');
  await nurse.ok('appointments.setStatus', { id: moss, status: 'arrived' });
  await nurse.ok('appointments.setStatus', { id: moss, status: 'in_room', roomId: clinic.rooms.exam2 });
  await nurse.ok('appointments.setStatus', { id: moss, status: 'completed' });
});
afterAll(() => clinic.close());

describe('reports.appointments', () => {
  it('counts outcomes and rates per provider and room, and utilization against working hours', async () => {
    const manager = await clinic.as('manager');
    const report = await manager.ok('reports.appointments', { from: DAY, to: DAY });
    const lane = report.providers.find((p) => p.key === clinic.providers.lane);
    // 8:00–17:00 less an hour's lunch: 480 minutes open; the completed and the still-booked visit keep 40 of them.
    expect(lane).toMatchObject({
      label: 'Dr. Avery Lane',
      total: 4,
      open: 1,
      completed: 1,
      noShow: 1,
      cancelled: 1,
      completedRate: 0.25,
      noShowRate: 0.25,
      cancellationRate: 0.25,
      bookedMinutes: 40,
      availableMinutes: 480,
      utilization: 0.083,
    });
    expect(report.providers.find((p) => p.key === clinic.providers.moss)).toMatchObject({ total: 1, completed: 1, bookedMinutes: 20 });
    const rooms = Object.fromEntries(report.rooms.map((r) => [r.label, [r.total, r.bookedMinutes]]));
    expect(rooms).toEqual({ 'Exam 1': [2, 40], 'Exam 2': [1, 20], 'No room assigned': [2, 0] });
    const exam1 = report.rooms.find((r) => r.label === 'Exam 1');
    expect(exam1?.availableMinutes).toBeGreaterThan(0);
    expect(exam1?.utilization).toBeCloseTo(40 / (exam1?.availableMinutes ?? 1), 3);
    expect(report.totals).toMatchObject({ total: 5, open: 1, completed: 2, noShow: 1, cancelled: 1, bookedMinutes: 60 });
    expect(report.totals.availableMinutes).toBe(report.providers.reduce((sum, p) => sum + p.availableMinutes, 0));
  });

  it('narrows to one provider, and counts nothing on a day with no bookings', async () => {
    const manager = await clinic.as('manager');
    const lane = await manager.ok('reports.appointments', { from: DAY, to: DAY, providerId: clinic.providers.lane });
    expect(lane.providers.map((p) => p.label)).toEqual(['Dr. Avery Lane']);
    expect(lane.rooms.map((r) => r.label).sort()).toEqual(['Exam 1', 'No room assigned']);
    expect(lane.totals.total).toBe(4);
    const quiet = await manager.ok('reports.appointments', { from: addDays(DAY, -40), to: addDays(DAY, -35) });
    expect(quiet.totals).toMatchObject({ total: 0, completedRate: 0, utilization: 0 });
  });

  it('refuses a backwards range and staff without reports', async () => {
    const manager = await clinic.as('manager');
    const backwards = await manager.refuses('reports.appointments', { from: DAY, to: addDays(DAY, -1) }, 'VALIDATION');
    expect(backwards.message).toMatch(/start date is after the end date/);
    await (await clinic.as('nurse')).refuses('reports.appointments', { from: DAY, to: DAY }, 'FORBIDDEN');
  });
});

describe('reports.newPatients', () => {
  it('counts the patients registered in the range by month, leaving out a record merged into another', async () => {
    const manager = await clinic.as('manager');
    const report = await manager.ok('reports.newPatients', { from: addDays(today(), -3), to: today() });
    expect(report.total).toBe(3);
    expect(report.months.reduce((sum, m) => sum + m.patients, 0)).toBe(3);
    expect(report.months.at(-1)).toEqual({ month: today().slice(0, 7), patients: 3 });
    const moss = await manager.ok('reports.newPatients', { from: today(), to: today(), providerId: clinic.providers.moss });
    expect(moss.total).toBe(1);
    const past = await manager.ok('reports.newPatients', { from: '2025-01-15', to: '2025-03-10' });
    expect(past).toEqual({
      months: [
        { month: '2025-01', patients: 0 },
        { month: '2025-02', patients: 0 },
        { month: '2025-03', patients: 0 },
      ],
      total: 0,
    });
  });

  it('refuses a range longer than two years, a malformed date and staff without reports', async () => {
    const manager = await clinic.as('manager');
    const long = await manager.refuses('reports.newPatients', { from: '2020-01-01', to: '2026-01-01' }, 'VALIDATION');
    expect(long.message).toBe('A report covers at most two years. Pick a shorter range.');
    await manager.refuses('reports.newPatients', { from: '01/02/2026', to: '2026-02-01' }, 'VALIDATION');
    await (await clinic.as('front_desk')).refuses('reports.newPatients', { from: today(), to: today() }, 'FORBIDDEN');
  });
});
