/**
 * sync.bootstrap: a new workstation joins a large clinic from a snapshot
 * through s3rver on loopback. A holds ≥1M synced rows written through the
 * real write path (100,000 patients, 5 years of appointments for 20
 * providers); its outbox is marked pushed as setup (the log is not what is
 * measured here), it writes a snapshot (timed), and B joins from it (timed).
 */
import { v7 as uuidv7 } from 'uuid';
import { appointments, patients } from '../../db/schema';
import { emit, note, round, timeAsync } from './stats';
import { CLINIC_ID, PASSPHRASE, syncRig } from './sync-rig';

const PATIENTS = Number(process.env.OUTPOST_BENCH_BOOTSTRAP_PATIENTS ?? 100_000);
const APPOINTMENTS = Number(process.env.OUTPOST_BENCH_BOOTSTRAP_APPOINTMENTS ?? 1_000_000);
const PROVIDERS = 20;
const DAY_MS = 86_400_000;

export async function syncBootstrap(): Promise<void> {
  const rig = await syncRig();
  const a = rig.workstation();
  const b = rig.workstation();
  try {
    note(`writing ${PATIENTS} patients and ${APPOINTMENTS} appointments on A`);
    const patientIds: string[] = [];
    for (let done = 0; done < PATIENTS; done += 5000) {
      a.store.capture.mutate((w) => {
        for (let i = done; i < Math.min(PATIENTS, done + 5000); i += 1) {
          const id = uuidv7();
          patientIds.push(id);
          w.insert(patients, {
            id,
            mrn: `BST${String(i).padStart(7, '0')}`,
            givenName: `Given${i % 997}`,
            familyName: `Family${i % 1009}`,
            sex: i % 2 ? 'female' : 'male',
            dateOfBirth: '1980-01-01',
          });
        }
      });
    }
    const providers = Array.from({ length: PROVIDERS }, () => uuidv7());
    const start = Date.now() - 5 * 365 * DAY_MS;
    for (let done = 0; done < APPOINTMENTS; done += 10_000) {
      a.store.capture.mutate((w) => {
        for (let i = done; i < Math.min(APPOINTMENTS, done + 10_000); i += 1) {
          const startAt = new Date(start + Math.floor(i / PROVIDERS) * 20 * 60_000).toISOString();
          w.insert(appointments, {
            patientId: patientIds[i % patientIds.length] ?? '',
            providerId: providers[i % PROVIDERS] ?? '',
            roomId: null,
            typeId: 'bench-type',
            startAt,
            endAt: new Date(Date.parse(startAt) + 20 * 60_000).toISOString(),
            status: 'completed',
          });
        }
      });
    }
    a.store.sqlite.prepare('UPDATE sync_outbox SET pushed_at = ? WHERE pushed_at IS NULL').run(new Date().toISOString());
    const rows = (
      a.store.sqlite.prepare('SELECT (SELECT count(*) FROM patients) + (SELECT count(*) FROM appointments) AS n').get() as { n: number }
    ).n;

    await a.sync.configure(rig.target, PASSPHRASE, CLINIC_ID);
    const requestsBefore = rig.requests();
    const write = await timeAsync(() => a.sync.writeSnapshot());
    const writeRequests = rig.requests() - requestsBefore;
    note('B joins from the snapshot');
    const joinRequestsBefore = rig.requests();
    const join = await timeAsync(() => b.sync.join(rig.target, PASSPHRASE));
    const joined = (
      b.store.sqlite.prepare('SELECT (SELECT count(*) FROM patients) + (SELECT count(*) FROM appointments) AS n').get() as { n: number }
    ).n;
    emit({
      bench: 'sync.bootstrap',
      n: rows,
      snapshot_write_s: round(write.ms / 1000),
      snapshot_requests: writeRequests,
      bootstrap_s: round(join.ms / 1000),
      bootstrap_requests: rig.requests() - joinRequestsBefore,
      rows_on_b: joined,
    });
  } finally {
    await a.close();
    await b.close();
    await rig.close();
  }
}
