/** Clinic settings, providers, rooms and appointment types. */
import { clinicSettings, appointmentTypes, providers, rooms } from '../../../db/schema';
import type { Handlers } from '../handler';
import { assertTimeZone } from '../accounts/handlers';
import { findById, getClinic, listAppointmentTypes, listProviders, listRooms } from './reference';

export const settingsHandlers: Handlers<'reference.get' | 'clinic.update' | 'providers.save' | 'rooms.save' | 'appointmentTypes.save'> = {
  'reference.get': (_input, { store }) => ({
    clinic: getClinic(store),
    providers: listProviders(store),
    rooms: listRooms(store),
    appointmentTypes: listAppointmentTypes(store),
  }),

  'clinic.update': (input, { store }) => {
    const clinic = getClinic(store);
    if (input.timeZone) assertTimeZone(input.timeZone);
    store.capture.mutate((w) =>
      w.update(clinicSettings, clinic.id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
        ...(input.hours !== undefined && { hours: JSON.stringify(input.hours) }),
        ...(input.slotMinutes !== undefined && { slotMinutes: input.slotMinutes }),
        ...(input.idleLockMinutes !== undefined && { idleLockMinutes: input.idleLockMinutes }),
      }),
    );
    return getClinic(store);
  },

  'providers.save': (input, { store }) => {
    const values = {
      displayName: input.displayName,
      credentials: input.credentials,
      specialty: input.specialty,
      colour: input.colour,
      weeklyHours: JSON.stringify(input.weeklyHours),
      breaks: JSON.stringify(input.breaks),
      active: input.active,
      // Left as it was when the form does not send it.
      ...(input.npi !== undefined && { npi: input.npi }),
    };
    const { id } = input;
    const savedId = store.capture.mutate((w) => {
      if (id === undefined) return w.insert(providers, { npi: null, ...values });
      findById(listProviders(store), id, 'provider');
      w.update(providers, id, values);
      return id;
    });
    return findById(listProviders(store), savedId, 'provider');
  },

  'rooms.save': (input, { store }) => {
    const { id } = input;
    const savedId = store.capture.mutate((w) => {
      if (id === undefined) return w.insert(rooms, { name: input.name, active: input.active, locationId: null });
      findById(listRooms(store), id, 'room');
      w.update(rooms, id, { name: input.name, active: input.active });
      return id;
    });
    return findById(listRooms(store), savedId, 'room');
  },

  'appointmentTypes.save': (input, { store }) => {
    const { id, ...values } = input;
    const savedId = store.capture.mutate((w) => {
      if (id === undefined) return w.insert(appointmentTypes, values);
      findById(listAppointmentTypes(store), id, 'appointment type');
      w.update(appointmentTypes, id, values);
      return id;
    });
    return findById(listAppointmentTypes(store), savedId, 'appointment type');
  },
};
