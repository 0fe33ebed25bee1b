/** Reads of the clinic's reference data, shared by the settings and scheduling services. */
import { asc, isNull } from 'drizzle-orm';
import { appointmentTypes, clinicSettings, providers, rooms } from '../../../db/schema';
import { ApiError, type AppointmentType, type Clinic, type Provider, type Room, type WeeklyHours } from '../../contract';
import type { Store } from '../store';

export function getClinic(store: Store): Clinic {
  // Two workstations set up offline could each create a row; the oldest wins deterministically.
  const row = store.db.select().from(clinicSettings).where(isNull(clinicSettings.deletedAt)).orderBy(asc(clinicSettings.id)).get();
  if (!row) throw new ApiError('NOT_FOUND', 'This workstation is not set up yet.');
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    hours: JSON.parse(row.hours) as WeeklyHours,
    slotMinutes: row.slotMinutes,
    idleLockMinutes: row.idleLockMinutes,
  };
}

export function listProviders(store: Store): Provider[] {
  return store.db
    .select()
    .from(providers)
    .where(isNull(providers.deletedAt))
    .orderBy(asc(providers.displayName))
    .all()
    .map((p) => ({
      id: p.id,
      displayName: p.displayName,
      credentials: p.credentials,
      specialty: p.specialty,
      colour: p.colour,
      npi: p.npi,
      weeklyHours: JSON.parse(p.weeklyHours) as WeeklyHours,
      breaks: JSON.parse(p.breaks) as Provider['breaks'],
      active: p.active,
    }));
}

export function listRooms(store: Store): Room[] {
  return store.db
    .select()
    .from(rooms)
    .where(isNull(rooms.deletedAt))
    .orderBy(asc(rooms.name))
    .all()
    .map((r) => ({ id: r.id, name: r.name, locationId: r.locationId, active: r.active }));
}

export function listAppointmentTypes(store: Store): AppointmentType[] {
  return store.db
    .select()
    .from(appointmentTypes)
    .where(isNull(appointmentTypes.deletedAt))
    .orderBy(asc(appointmentTypes.name))
    .all()
    .map((t) => ({ id: t.id, name: t.name, durationMinutes: t.durationMinutes, colour: t.colour, active: t.active }));
}

export function findById<T extends { id: string }>(list: T[], id: string, what: string): T {
  const found = list.find((item) => item.id === id);
  if (!found)
    throw new ApiError('NOT_FOUND', `That ${what} no longer exists. Refresh and choose again.`, { [`${what}Id`]: `Unknown ${what}` });
  return found;
}
