/**
 * Production (charges posted) and collections (money received) over a date
 * range, by provider. Both are grouped sums over `ledger_counted` by posting
 * date, the same rows the day sheet and the accounts read, so a month's
 * production is the sum of its day sheets' charges to the cent.
 */
import type { Output, ParsedInput } from '../../contract';
import type { Store } from '../store';
import { NO_PROVIDER, providerNames } from './lines';

interface Range {
  from: string;
  to: string;
  providerId?: string;
}

function rangeFilter(range: Range): { where: string; params: Record<string, string> } {
  const params: Record<string, string> = { from: range.from, to: range.to };
  if (range.providerId) params.providerId = range.providerId;
  return { where: `l.posted_on BETWEEN :from AND :to${range.providerId ? ' AND l.provider_id = :providerId' : ''}`, params };
}

export function production(store: Store, input: ParsedInput<'reports.production'>): Output<'reports.production'> {
  const { where, params } = rangeFilter(input);
  const rows = store.sqlite
    .prepare(
      `SELECT l.provider_id AS providerId, c.code, min(c.description) AS description, sum(c.units) AS units, sum(l.amount_cents) AS cents
       FROM ledger_counted l JOIN charges c ON c.id = l.charge_id
       WHERE l.kind = 'charge' AND ${where}
       GROUP BY l.provider_id, c.code`,
    )
    .all(params) as { providerId: string | null; code: string; description: string; units: number; cents: number }[];
  // A voided charge stays in the production of the day it was posted; its reversal is counted on the day of the void.
  const voids = store.sqlite
    .prepare(
      `SELECT l.provider_id AS providerId, -sum(l.amount_cents) AS cents
       FROM ledger_counted l JOIN ledger_entries o ON o.id = l.reverses_id
       WHERE l.kind = 'reversal' AND o.kind = 'charge' AND ${where}
       GROUP BY l.provider_id`,
    )
    .all(params) as { providerId: string | null; cents: number }[];
  const names = providerNames(store);
  type Row = Output<'reports.production'>['providers'][number];
  const byProvider = new Map<string, Row>();
  const providerRow = (providerId: string | null): Row => {
    const key = providerId ?? '';
    const found = byProvider.get(key);
    if (found) return found;
    const row: Row = {
      providerId,
      providerName: providerId ? (names.get(providerId) ?? 'Unknown provider') : NO_PROVIDER,
      units: 0,
      chargesCents: 0,
      voidedCents: 0,
      codes: [],
    };
    byProvider.set(key, row);
    return row;
  };
  for (const row of rows) {
    const provider = providerRow(row.providerId);
    provider.units += row.units;
    provider.chargesCents += row.cents;
    provider.codes.push({ code: row.code, description: row.description, units: row.units, chargesCents: row.cents });
  }
  for (const row of voids) providerRow(row.providerId).voidedCents += row.cents;
  const providers = [...byProvider.values()].sort(
    (a, b) => b.chargesCents - a.chargesCents || a.providerName.localeCompare(b.providerName),
  );
  for (const provider of providers) provider.codes.sort((a, b) => b.chargesCents - a.chargesCents || a.code.localeCompare(b.code));
  const units = providers.reduce((sum, p) => sum + p.units, 0);
  const chargesCents = providers.reduce((sum, p) => sum + p.chargesCents, 0);
  const voidedCents = providers.reduce((sum, p) => sum + p.voidedCents, 0);
  return { providers, totals: { units, chargesCents, voidedCents, netCents: chargesCents - voidedCents } };
}

export function collections(store: Store, input: ParsedInput<'reports.collections'>): Output<'reports.collections'> {
  const { where, params } = rangeFilter(input);
  const rows = store.sqlite
    .prepare(
      `SELECT l.provider_id AS providerId, l.payer, coalesce(l.method, 'unknown') AS method,
         count(DISTINCT l.group_id) AS payments, -sum(l.amount_cents) AS cents
       FROM ledger_counted l WHERE l.kind = 'payment' AND ${where}
       GROUP BY 1, 2, 3`,
    )
    .all(params) as { providerId: string | null; payer: string | null; method: string; payments: number; cents: number }[];
  const others = store.sqlite
    .prepare(
      `SELECT coalesce(sum(CASE WHEN l.kind = 'reversal' AND o.kind = 'payment' THEN l.amount_cents END), 0) AS reversed,
         coalesce(sum(CASE WHEN l.kind = 'refund' THEN l.amount_cents END), 0) AS refunds
       FROM ledger_counted l LEFT JOIN ledger_entries o ON o.id = l.reverses_id
       WHERE l.kind IN ('reversal', 'refund') AND ${where}`,
    )
    .get(params) as { reversed: number; refunds: number };
  const names = providerNames(store);
  const byMethod: Record<string, number> = {};
  let paymentsCents = 0;
  for (const row of rows) {
    byMethod[row.method] = (byMethod[row.method] ?? 0) + row.cents;
    paymentsCents += row.cents;
  }
  return {
    rows: rows
      .map((row) => ({
        ...row,
        providerName: row.providerId ? (names.get(row.providerId) ?? 'Unknown provider') : NO_PROVIDER,
      }))
      .sort((a, b) => a.providerName.localeCompare(b.providerName) || b.cents - a.cents),
    totals: {
      paymentsCents,
      byMethod,
      reversedCents: others.reversed,
      refundsCents: others.refunds,
      netCents: paymentsCents - others.reversed - others.refunds,
    },
  };
}
