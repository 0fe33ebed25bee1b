/**
 * A small clinic built through the API itself (setup.create, then reference
 * saves, users and patients), so fixtures exercise the same paths as a real
 * first run. Everything is synthetic and deterministic: literal names for the
 * staff, a fixed-seed faker for patients, phone numbers and dates of birth
 * derived from a counter so that no two fixture patients look like duplicates.
 */
import { relationships, sexes, type Input, type Output, type Role } from '../../main/contract';
import { makeCore, type Caller, type MakeCoreOptions, type TestCore } from './core';
import { syntheticFaker } from './random';
import { addDays, CLINIC_ZONE } from './time';

export const PASSWORD = 'synthetic-pass-01';

const WEEKDAYS_9_TO_5 = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '08:00', end: '17:00' }]]));
const LUNCH = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '12:00', end: '13:00', label: 'Lunch' }));

export const STAFF: Record<Exclude<Role, 'admin'>, { username: string; displayName: string }> = {
  manager: { username: 'mia.manager', displayName: 'Mia Manager' },
  front_desk: { username: 'fran.desk', displayName: 'Fran Desk' },
  physician: { username: 'phil.physician', displayName: 'Phil Physician' },
  nurse: { username: 'nora.nurse', displayName: 'Nora Nurse' },
};

export interface Clinic extends TestCore {
  /** A caller signed in with the given role (one session per role, made on first use). */
  as(role: Role): Promise<Caller>;
  providers: { lane: string; moss: string; park: string };
  rooms: { exam1: string; exam2: string };
  types: { newPatient: string; followUp: string; physical: string; procedure: string; telehealth: string };
  /** Register a synthetic patient (front desk), unique by name, DOB and phone. */
  addPatient(overrides?: Partial<Input<'patients.create'>>): Promise<Output<'patients.create'>>;
  /** Fields of the n-th synthetic patient, without saving. */
  patientFields(n: number): Input<'patients.create'>;
}

export async function makeClinic(options: Omit<MakeCoreOptions, 'demo' | 'prepare'> & { seed?: number } = {}): Promise<Clinic> {
  const t = await makeCore(options);
  const setup = await t.anonymous.ok('setup.create', {
    clinicName: 'Test Family Clinic',
    timeZone: CLINIC_ZONE,
    admin: { username: 'ada.admin', displayName: 'Ada Admin', password: PASSWORD },
  });
  const admin = t.caller(setup.token, setup.user);
  await admin.ok('clinic.update', { slotMinutes: 10 });
  const provider = (displayName: string, weeklyHours: Input<'providers.save'>['weeklyHours'], breaks: typeof LUNCH) =>
    admin.ok('providers.save', { displayName, weeklyHours, breaks, credentials: 'MD' }).then((p) => p.id);
  const providers = {
    lane: await provider('Dr. Avery Lane', WEEKDAYS_9_TO_5, LUNCH),
    moss: await provider('Dr. Blake Moss', WEEKDAYS_9_TO_5, LUNCH),
    park: await provider('Dr. Casey Park', { '1': [{ start: '08:00', end: '12:00' }], '3': [{ start: '13:00', end: '17:00' }] }, []),
  };
  const rooms = {
    exam1: (await admin.ok('rooms.save', { name: 'Exam 1' })).id,
    exam2: (await admin.ok('rooms.save', { name: 'Exam 2' })).id,
  };
  const reference = await admin.ok('reference.get', {});
  const typeId = (name: string) => {
    const found = reference.appointmentTypes.find((type) => type.name === name);
    if (!found) throw new Error(`Setup did not create the appointment type ${name}`);
    return found.id;
  };
  const types = {
    newPatient: typeId('New patient'),
    followUp: typeId('Follow-up'),
    physical: typeId('Annual physical'),
    procedure: typeId('Procedure'),
    telehealth: typeId('Telehealth'),
  };
  for (const [role, staff] of Object.entries(STAFF)) {
    await admin.ok('users.create', {
      ...staff,
      role: role as Role,
      password: PASSWORD,
      providerId: role === 'physician' ? providers.lane : null,
      // Staff of the fixture clinic use their passwords as given; the forced change has its own tests.
      requirePasswordChange: false,
    });
  }

  const sessions = new Map<Role, Caller>([['admin', admin]]);
  async function as(role: Role): Promise<Caller> {
    let session = sessions.get(role);
    if (!session) {
      session = await t.login(role === 'admin' ? 'ada.admin' : STAFF[role].username, PASSWORD);
      sessions.set(role, session);
    }
    return session;
  }

  const faker = syntheticFaker(options.seed ?? 4242);
  let counter = 0;
  function patientFields(n: number): Input<'patients.create'> {
    faker.seed((options.seed ?? 4242) + n);
    const sex = n % 2 === 0 ? 'female' : 'male';
    return {
      givenName: faker.person.firstName(sex),
      familyName: `${faker.person.lastName()}${['', 'son', 'ley', 'ford'][n % 4]}`,
      sex,
      dateOfBirth: addDays('1940-01-01', (n * 29) % 31_000),
      phoneMobile: `(312) 555-${String(1000 + n).padStart(4, '0')}`,
      email: null,
      insurance: [],
    };
  }
  async function addPatient(overrides: Partial<Input<'patients.create'>> = {}) {
    counter += 1;
    return (await as('front_desk')).ok('patients.create', { ...patientFields(counter), ...overrides });
  }

  return Object.assign(t, { as, providers, rooms, types, addPatient, patientFields });
}

/** A patient as read, turned into patients.update input (the read side's `sex` is an open string). */
export function editable(patient: Output<'patients.get'>): Input<'patients.update'> {
  const sex = sexes.find((s) => s === patient.sex);
  if (!sex) throw new Error(`Fixture patient has an unexpected sex value`);
  const insurance = patient.insurance.map((policy) => {
    const subscriberRelationship = relationships.find((r) => r === policy.subscriberRelationship);
    if (!subscriberRelationship) throw new Error('Fixture policy has an unexpected relationship');
    return { ...policy, subscriberRelationship };
  });
  return { ...patient, sex, insurance };
}
