/**
 * Denials: claims the payers denied, by reason and by payer, over the range in
 * which the denial was recorded (by hand or from a remittance). Reasons are
 * CARC codes as the payer sent them (CO-50) or a person's words; known codes
 * get their meaning.
 */
import type { Output, ParsedInput } from '../../contract';
import type { Store } from '../store';

const CARC: Record<string, string> = {
  'CO-4': 'Procedure inconsistent with the modifier',
  'CO-11': 'Diagnosis inconsistent with the procedure',
  'CO-16': 'Claim lacks information needed for adjudication',
  'CO-18': 'Duplicate claim or service',
  'CO-22': 'Another payer may be primary (coordination of benefits)',
  'CO-27': 'Coverage ended before the service',
  'CO-29': 'Filed too late',
  'CO-45': 'Charge exceeds the fee schedule',
  'CO-50': 'Not deemed medically necessary',
  'CO-96': 'Non-covered charge',
  'CO-97': 'Bundled into another service',
  'CO-109': 'Not covered by this payer',
  'CO-167': 'Diagnosis not covered',
  'CO-197': 'Precertification or authorization absent',
  'PR-1': 'Deductible',
  'PR-2': 'Coinsurance',
  'PR-3': 'Copay',
};

export function denials(store: Store, input: ParsedInput<'reports.denials'>): Output<'reports.denials'> {
  const provider = input.providerId ? 'AND c.provider_id = :provider' : '';
  const rows = store.sqlite
    .prepare(
      `SELECT coalesce(nullif(trim(c.status_reason), ''), 'No reason recorded') AS reason, c.payer_name AS payer,
              (SELECT coalesce(sum(ch.units * ch.unit_price_cents), 0) FROM claim_lines l JOIN charges ch ON ch.id = l.charge_id
               WHERE l.claim_id = c.id AND l.deleted_at IS NULL) AS billed
       FROM claims c
       WHERE c.deleted_at IS NULL AND c.status = 'denied' AND substr(c.status_at, 1, 10) BETWEEN :from AND :to ${provider}`,
    )
    .all({ from: input.from, to: input.to, ...(input.providerId ? { provider: input.providerId } : {}) }) as {
    reason: string;
    payer: string;
    billed: number;
  }[];
  const group = <K extends string>(key: (row: (typeof rows)[number]) => K) => {
    const groups = new Map<K, { claims: number; billedCents: number }>();
    for (const row of rows) {
      const g = groups.get(key(row)) ?? { claims: 0, billedCents: 0 };
      g.claims += 1;
      g.billedCents += row.billed;
      groups.set(key(row), g);
    }
    return [...groups].sort((a, b) => b[1].claims - a[1].claims || b[1].billedCents - a[1].billedCents);
  };
  return {
    byReason: group((row) => row.reason).map(([reason, g]) => ({ reason, label: CARC[reason.toUpperCase()] ?? reason, ...g })),
    byPayer: group((row) => row.payer).map(([payer, g]) => ({ payer, ...g })),
    totals: { claims: rows.length, billedCents: rows.reduce((sum, row) => sum + row.billed, 0) },
  };
}
