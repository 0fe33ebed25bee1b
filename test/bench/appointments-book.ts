/**
 * appointments.book: one booking write, including the clash checks and change
 * capture (row + row versions + outbox op in one transaction), into slots
 * known to be free. Slots are found beforehand with findNextAvailable (not
 * timed) and kept apart from each other per provider and room, so bookings
 * succeed; any refusal is counted as a failure, not timed. Runs on the working
 * copy, never on the cached dataset. The goal is "p95 < 5 ms".
 */
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { ParsedInput, Slot } from '../../main/contract';
import { getClinic, listAppointmentTypes, listProviders, listRooms } from '../../main/services/settings/reference';
import type { BenchContext } from './context';
import { Rng, emit, latency, note, round, timeSync, timeAsync } from './stats';

const BOOKINGS_PER_PATH = 300;

interface Booking {
  patientId: string;
  providerId: string;
  roomId: string;
  typeId: string;
  startAt: string;
  endAt: string;
}

/** Free, mutually non-overlapping slots in the future part of the dataset. */
async function plannedBookings(context: BenchContext, count: number, seed: number): Promise<Booking[]> {
  const rng = new Rng(seed);
  const { store } = context;
  const zone = getClinic(store).timeZone;
  const providers = listProviders(store).filter((p) => p.active);
  const rooms = listRooms(store).filter((r) => r.active);
  const types = listAppointmentTypes(store).filter((t) => t.active);
  const maxRowid = store.db.get<{ n: number }>(sql`SELECT max(rowid) AS n FROM patients`).n;
  const today = DateTime.now().setZone(zone).startOf('day');
  const planned: Booking[] = [];
  const clashes = (slot: Slot, roomId: string) =>
    planned.some((b) => (b.providerId === slot.providerId || b.roomId === roomId) && b.startAt < slot.endAt && slot.startAt < b.endAt);
  for (let attempt = 0; planned.length < count && attempt < count * 5; attempt++) {
    const provider = providers[attempt % providers.length];
    if (!provider) throw new Error('the dataset has no providers');
    const room = rng.pick(rooms);
    const type = rng.pick(types);
    const after =
      today
        .plus({ days: rng.int(14, 800), hours: rng.int(7, 16) })
        .toUTC()
        .toISO() ?? '';
    const input = context.parse('appointments.findNextAvailable', {
      typeId: type.id,
      after,
      providerIds: [provider.id],
      roomId: room.id,
      count: 1,
    });
    const [slot] = await context.service('appointments.findNextAvailable', input);
    if (!slot || clashes(slot, room.id)) continue;
    const patient = store.db.get<{ id: string } | undefined>(sql`SELECT id FROM patients WHERE rowid = ${rng.int(1, maxRowid)}`);
    if (!patient) continue;
    planned.push({
      patientId: patient.id,
      providerId: provider.id,
      roomId: room.id,
      typeId: type.id,
      startAt: slot.startAt,
      endAt: slot.endAt,
    });
  }
  return planned;
}

export async function appointmentsBook(context: BenchContext): Promise<void> {
  const n = context.dataset.meta.appointments;
  const all = await plannedBookings(context, BOOKINGS_PER_PATH * 2 + 20, 21);
  const warmup = all.slice(0, 20);
  const forService = all.slice(20, 20 + BOOKINGS_PER_PATH);
  const forDispatch = all.slice(20 + BOOKINGS_PER_PATH);
  note(`appointments.book: ${all.length} free slots planned`);
  for (const b of warmup) await context.call('appointments.book', b);

  const paths = [
    {
      variant: 'service',
      bookings: forService,
      prepare: (b: Booking): unknown => context.parse('appointments.book', b),
      run: async (input: unknown) => {
        try {
          await context.service('appointments.book', input as ParsedInput<'appointments.book'>);
          return true;
        } catch {
          return false;
        }
      },
    },
    {
      variant: 'dispatch',
      bookings: forDispatch,
      prepare: (b: Booking): unknown => b,
      run: async (input: unknown) => (await context.core.call('appointments.book', input, context.token)).ok,
    },
  ];
  for (const path of paths) {
    const inputs = path.bookings.map((b) => path.prepare(b));
    const samples: number[] = [];
    let failed = 0;
    for (const input of inputs) {
      const { ms, value: ok } = await timeAsync(() => path.run(input));
      if (ok) samples.push(ms);
      else failed++;
    }
    emit({ bench: 'appointments.book', variant: path.variant, n, bookings: samples.length, failed, ...latency(samples) });
  }

  // Diagnostic: the core recounts pending outbox ops after every commit (for the sync.status event).
  const counts = Array.from({ length: 10 }, () => timeSync(() => context.store.pendingOps()));
  const sorted = counts.map((c) => c.ms).sort((a, b) => a - b);
  note(
    `appointments.book: store.pendingOps() over ${counts[0]?.value ?? 0} outbox ops takes ${round(sorted[5] ?? 0)} ms (median); the core runs it after every commit`,
  );
}
