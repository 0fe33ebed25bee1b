/**
 * Five years of a 20-provider clinic's billing, for the billing benchmarks:
 * patients written through the app's writer, then charges and their ledger
 * (charge, insurer payment, contractual adjustment, the patient's share moved
 * to them and mostly paid) bulk-inserted with plain SQL in one transaction —
 * the app's write path would take many minutes for a million rows, and what
 * is measured here is reading them and posting one more (ledger.post uses the
 * real path). Recent services are left partly unpaid so every aging bucket
 * holds money. Seeded: the same data on every run.
 */
import { v7 as uuidv7 } from 'uuid';
import { patients } from '../../db/schema';
import type { Store } from '../../main/services/store';
import { Rng, note } from './stats';

export interface BillingDataset {
  patientIds: string[];
  providerIds: string[];
  charges: number;
  ledgerRows: number;
}

const CODES = [
  ['99213', 11000],
  ['99214', 16500],
  ['99212', 7500],
  ['36415', 1500],
  ['81002', 1200],
  ['90471', 2500],
] as const;
const PAYERS = ['Acme Health', 'Blue Prairie', 'Medicare', 'Lakeside Mutual', null] as const;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function buildBillingDataset(store: Store, options: { patients: number; charges: number; today: string }): BillingDataset {
  const rng = new Rng(6_000_606);
  const providerIds = Array.from({ length: 20 }, () => uuidv7());
  const patientIds = store.capture.mutate((w) =>
    Array.from({ length: options.patients }, (_, i) =>
      w.insert(patients, {
        mrn: `B${String(i).padStart(7, '0')}`,
        givenName: `Given${i % 997}`,
        familyName: `Family${i}`,
        sex: i % 2 === 0 ? 'female' : 'male',
        dateOfBirth: isoDay(Date.parse('1940-01-01') + (i % 25_000) * 86_400_000),
        active: true,
      }),
    ),
  );
  note(`${patientIds.length} patients written`);
  const device = store.deviceId;
  const stamp = new Date().toISOString();
  let hlcCounter = 0;
  const hlc = () => `${String(Date.now()).padStart(15, '0')}-${String(hlcCounter++).padStart(6, '0')}-${device}`;
  const insertCharge = store.sqlite.prepare(
    `INSERT INTO charges (id, created_at, updated_at, hlc, origin_device, patient_id, encounter_id, provider_id, service_date, code, description,
       modifiers, units, unit_price_cents, diagnosis_codes, status, posted_at, posted_by, captured_by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, '[]', 1, ?, '["I10"]', 'posted', ?, 'bench', 'bench')`,
  );
  const insertEntry = store.sqlite.prepare(
    `INSERT INTO ledger_entries (id, created_at, updated_at, hlc, origin_device, patient_id, kind, amount_cents, posted_on, entered_at, entered_by,
       charge_id, payer, provider_id, group_id, method, reference, reason_code, reverses_id, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?, ?, ?, NULL, ?, NULL, NULL)`,
  );
  const end = Date.parse(options.today);
  const span = 5 * 365 * 86_400_000;
  let ledgerRows = 0;
  store.sqlite.transaction(() => {
    for (let i = 0; i < options.charges; i++) {
      const id = uuidv7();
      const patientId = rng.pick(patientIds);
      const providerId = rng.pick(providerIds);
      const serviceMs = end - Math.floor(rng.next() * span);
      const serviceDate = isoDay(serviceMs);
      const [code, price] = rng.pick(CODES);
      const payer = rng.pick(PAYERS);
      const age = (end - serviceMs) / 86_400_000;
      insertCharge.run(id, stamp, stamp, hlc(), device, patientId, providerId, serviceDate, code, `Service ${code}`, price, stamp);
      const entry = (
        kind: string,
        cents: number,
        daysAfter: number,
        rowPayer: string | null,
        method: string | null,
        reason: string | null,
      ) => {
        const postedOn = isoDay(Math.min(end, serviceMs + daysAfter * 86_400_000));
        insertEntry.run(
          uuidv7(),
          stamp,
          stamp,
          hlc(),
          device,
          patientId,
          kind,
          cents,
          postedOn,
          stamp,
          id,
          rowPayer,
          providerId,
          uuidv7(),
          method,
          reason,
        );
        ledgerRows++;
      };
      entry('charge', price, 0, payer, null, null);
      // Older services are settled; the last ~4 months are at every stage of being paid.
      const settled = age > 120 || rng.next() < age / 120;
      if (!settled) continue;
      if (payer) {
        const paid = Math.round(price * 0.6);
        const share = Math.round(price * 0.2);
        entry('payment', -paid, 25, payer, 'insurance', null);
        entry('adjustment', -(price - paid - share), 25, payer, null, 'CO-45');
        entry('transfer', -share, 25, payer, null, 'PR-2');
        entry('transfer', share, 25, null, null, 'PR-2');
        if (age > 150 || rng.next() < 0.7) entry('payment', -share, 40, null, rng.pick(['cash', 'card']), null);
      } else if (age > 150 || rng.next() < 0.8) {
        entry('payment', -price, 1, null, rng.pick(['cash', 'card', 'cheque']), null);
      }
    }
  })();
  note(`${options.charges} charges and ${ledgerRows} ledger rows inserted`);
  store.sqlite.exec('ANALYZE');
  return { patientIds, providerIds, charges: options.charges, ledgerRows };
}
