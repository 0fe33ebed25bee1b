/**
 * The demo clinic: synthetic data from a fixed faker seed (no real person),
 * written through change capture like any other write. Used by `serve` on an
 * empty data folder, by the e2e tests and, scaled up, by the benchmarks.
 * Appointments are placed relative to today so the demo always has a live day.
 */
import { fakerEN_US as faker } from '@faker-js/faker';
import { DateTime } from 'luxon';
import { appointments, appointmentTypes, clinicSettings, patients, providers, rooms, users } from '../schema';
import type { Writer } from '../../main/sync/mutate';
import type { Store } from '../../main/services/store';
import { hashPassword } from '../../main/services/accounts/passwords';
import { DEFAULT_APPOINTMENT_TYPES } from '../../main/services/accounts/handlers';
import { seedPrimaryCareCodes } from '../../main/services/codes/seed';
import { seedFeeSchedules } from '../../main/services/billing/fees';
import { seedDemoCharts } from './demo-chart';

export const DEMO_SEED = 20261123;
export const DEMO_TIME_ZONE = 'America/Chicago';
/** Every demo account uses this password (documented in the README). */
export const DEMO_PASSWORD = 'outpost-demo';
export const DEMO_USERS = [
  { username: 'admin', displayName: 'Alex Admin', role: 'admin' },
  { username: 'manager', displayName: 'Morgan Manager', role: 'manager' },
  { username: 'frontdesk', displayName: 'Frankie Desk', role: 'front_desk' },
  { username: 'physician', displayName: 'Dr. Pat Physician', role: 'physician' },
  { username: 'nurse', displayName: 'Nico Nurse', role: 'nurse' },
] as const;

export interface DemoOptions {
  scryptLog2N: number;
  patients?: number;
  providers?: number;
  rooms?: number;
  /** Days of appointments before and after today. */
  daysBack?: number;
  daysAhead?: number;
  /** Share of free slots that get booked, 0..1. */
  fill?: number;
  /** Past completed visits that get a signed note, vitals and chart lists. */
  chartedVisits?: number;
}

const WEEKDAY_HOURS = {
  '1': [{ start: '08:00', end: '17:00' }],
  '2': [{ start: '08:00', end: '17:00' }],
  '3': [{ start: '08:00', end: '17:00' }],
  '4': [{ start: '08:00', end: '17:00' }],
  '5': [{ start: '08:00', end: '17:00' }],
};
const PART_TIME_HOURS = {
  '1': [{ start: '08:00', end: '12:00' }],
  '3': [{ start: '08:00', end: '17:00' }],
  '5': [{ start: '08:00', end: '17:00' }],
};
const LUNCH = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '12:00', end: '13:00', label: 'Lunch' }));
const COLOURS = ['#2563eb', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#be123c', '#4d7c0f', '#7c3aed'];
const CANCEL_REASONS = ['Patient request', 'Feeling better', 'Transport problem', 'Rescheduled by clinic'];

function phone(): string {
  return faker.phone.number({ style: 'national' });
}

function seedPatients(w: Writer, store: Store, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const sex = faker.helpers.weightedArrayElement([
      { value: 'female' as const, weight: 50 },
      { value: 'male' as const, weight: 48 },
      { value: 'other' as const, weight: 1 },
      { value: 'unknown' as const, weight: 1 },
    ]);
    const givenName = faker.person.firstName(sex === 'female' || sex === 'male' ? sex : undefined);
    const familyName = faker.person.lastName();
    const id = w.insert(patients, {
      mrn: store.nextMrn(),
      givenName,
      middleName: faker.datatype.boolean(0.3) ? faker.person.middleName() : null,
      familyName,
      preferredName: faker.datatype.boolean(0.08) ? faker.person.firstName() : null,
      sex,
      dateOfBirth: faker.date.birthdate({ min: 0, max: 95, mode: 'age' }).toISOString().slice(0, 10),
      phoneMobile: phone(),
      phoneHome: faker.datatype.boolean(0.3) ? phone() : null,
      email: faker.datatype.boolean(0.7) ? faker.internet.email({ firstName: givenName, lastName: familyName }).toLowerCase() : null,
      addressLine1: faker.location.streetAddress(),
      city: faker.location.city(),
      region: faker.location.state({ abbreviated: true }),
      postalCode: faker.location.zipCode('#####'),
      country: 'US',
      emergencyContactName: faker.person.fullName(),
      emergencyContactRelationship: faker.helpers.arrayElement(['Spouse', 'Parent', 'Child', 'Friend', 'Sibling']),
      emergencyContactPhone: phone(),
      preferredLanguage: faker.helpers.weightedArrayElement([
        { value: 'English', weight: 80 },
        { value: 'Spanish', weight: 15 },
        { value: 'Vietnamese', weight: 5 },
      ]),
      active: true,
    });
    ids.push(id);
  }
  return ids;
}

/** Fill each provider's working days with appointments, statuses consistent with their date. */
function seedAppointments(
  w: Writer,
  options: {
    providerIds: string[];
    partTime: Set<string>;
    roomIds: string[];
    patientIds: string[];
    types: { id: string; minutes: number }[];
  },
  zone: string,
  daysBack: number,
  daysAhead: number,
  fill: number,
): number {
  const now = DateTime.now().setZone(zone);
  const today = now.startOf('day');
  let written = 0;
  for (let offset = -daysBack; offset <= daysAhead; offset++) {
    const day = today.plus({ days: offset });
    if (day.weekday > 5) continue;
    options.providerIds.forEach((providerId, index) => {
      const hours = (options.partTime.has(providerId) ? PART_TIME_HOURS : WEEKDAY_HOURS)[String(day.weekday) as '1'];
      if (!hours) return;
      // One exam room per provider while rooms last; the others room patients on arrival, so the demo has no room clashes.
      const room = options.roomIds[index] ?? null;
      for (const span of hours) {
        let cursor = day.set({ hour: Number(span.start.slice(0, 2)), minute: 0 });
        const end = day.set({ hour: Number(span.end.slice(0, 2)), minute: 0 });
        while (cursor < end) {
          const type = faker.helpers.arrayElement(options.types);
          const finish = cursor.plus({ minutes: type.minutes });
          const inLunch = cursor.hour === 12 || (finish.hour === 12 && finish.minute > 0) || (cursor.hour < 12 && finish.hour > 12);
          if (finish > end || inLunch) {
            cursor = cursor.plus({ minutes: 20 });
            continue;
          }
          if (faker.number.float() < fill) {
            const past = finish < now;
            const current = cursor <= now && now < finish;
            const status = past
              ? faker.helpers.weightedArrayElement([
                  { value: 'completed', weight: 88 },
                  { value: 'no_show', weight: 5 },
                  { value: 'cancelled', weight: 7 },
                ])
              : current
                ? 'in_room'
                : faker.helpers.weightedArrayElement([
                    { value: 'booked', weight: 95 },
                    { value: 'cancelled', weight: 5 },
                  ]);
            const start = cursor.toUTC();
            w.insert(appointments, {
              patientId: faker.helpers.arrayElement(options.patientIds),
              providerId,
              roomId: room ?? null,
              typeId: type.id,
              startAt: start.toISO() ?? '',
              endAt: finish.toUTC().toISO() ?? '',
              status,
              statusReason:
                status === 'cancelled' ? faker.helpers.arrayElement(CANCEL_REASONS) : status === 'no_show' ? 'Did not attend' : null,
              arrivedAt: status === 'completed' || status === 'in_room' ? start.minus({ minutes: 10 }).toISO() : null,
              roomedAt: status === 'completed' || status === 'in_room' ? start.toISO() : null,
              completedAt: status === 'completed' ? finish.toUTC().toISO() : null,
              notes: null,
              overbookReason: null,
              seriesId: null,
            });
            written++;
          }
          cursor = finish;
        }
      }
    });
  }
  return written;
}

export async function seedDemoClinic(store: Store, options: DemoOptions): Promise<{ patients: number; appointments: number }> {
  faker.seed(DEMO_SEED);
  const passwordHashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD, options.scryptLog2N)));
  const providerCount = options.providers ?? 5;
  return store.capture.mutate((w) => {
    w.insert(clinicSettings, {
      name: 'Riverside Family Practice (demo)',
      timeZone: DEMO_TIME_ZONE,
      hours: JSON.stringify(WEEKDAY_HOURS),
      slotMinutes: 10,
    });
    const roomIds = Array.from({ length: options.rooms ?? 3 }, (_v, i) =>
      w.insert(rooms, { name: `Exam ${i + 1}`, active: true, locationId: null }),
    );
    const partTime = new Set<string>();
    const providerIds = Array.from({ length: providerCount }, (_v, i) => {
      const isPartTime = i === providerCount - 1 && providerCount > 1;
      const id = w.insert(providers, {
        displayName: `Dr. ${faker.person.firstName()} ${faker.person.lastName()}`,
        credentials: i % 3 === 2 ? 'DO' : 'MD',
        specialty: i === 0 ? 'Pediatrics' : 'Family medicine',
        npi: null,
        colour: COLOURS[i % COLOURS.length] ?? '#2563eb',
        weeklyHours: JSON.stringify(isPartTime ? PART_TIME_HOURS : WEEKDAY_HOURS),
        breaks: JSON.stringify(LUNCH),
        active: true,
      });
      if (isPartTime) partTime.add(id);
      return id;
    });
    const types = DEFAULT_APPOINTMENT_TYPES.map((t) => ({
      id: w.insert(appointmentTypes, { ...t, active: true }),
      minutes: t.durationMinutes,
    }));
    const userIds = DEMO_USERS.map((user, i) =>
      w.insert(users, {
        ...user,
        passwordHash: passwordHashes[i] ?? '',
        providerId: user.role === 'physician' ? (providerIds[0] ?? null) : null,
        disabled: false,
        mustChangePassword: false,
      }),
    );
    seedPrimaryCareCodes(store);
    seedFeeSchedules(w, store);
    const patientIds = seedPatients(w, store, options.patients ?? 2000);
    const written = seedAppointments(
      w,
      { providerIds, partTime, roomIds, patientIds, types: types.filter((t) => t.minutes <= 40) },
      DEMO_TIME_ZONE,
      options.daysBack ?? 91,
      options.daysAhead ?? 91,
      options.fill ?? 0.7,
    );
    const physicianId = userIds[DEMO_USERS.findIndex((u) => u.role === 'physician')] ?? '';
    seedDemoCharts(w, store, physicianId, options.chartedVisits ?? 300);
    return { patients: patientIds.length, appointments: written };
  });
}
