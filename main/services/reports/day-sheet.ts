/**
 * The daily close: every counted ledger row posted on a date, totalled by
 * provider and by payment method. The totals reconcile by construction —
 * charges − payments − adjustments + refunds + reversals + transfers + rows of
 * unknown kinds is the sum of the day's rows, i.e. how much A/R moved that
 * day — and the tests check that against the balances before and after.
 */
import { paymentMethodLabels, type DaySheetTotals, type Output, type ParsedInput } from '../../contract';
import { namesOf } from '../charting/notes';
import type { Store } from '../store';
import { describeLine, linesOfDay, NO_PROVIDER, patientLabels, providerNames, type CountedLine } from './lines';

export function emptyTotals(): DaySheetTotals {
  return {
    chargesCents: 0,
    paymentsCents: 0,
    paymentsByMethod: {},
    adjustmentsCents: 0,
    refundsCents: 0,
    reversalsCents: 0,
    transfersCents: 0,
    otherCents: 0,
    netChangeCents: 0,
  };
}

/** Add one row to running totals (payments and adjustments are kept as positive amounts). */
export function addLine(totals: DaySheetTotals, line: Pick<CountedLine, 'kind' | 'amountCents' | 'method'>): void {
  const cents = line.amountCents;
  totals.netChangeCents += cents;
  switch (line.kind) {
    case 'charge':
      totals.chargesCents += cents;
      break;
    case 'payment': {
      totals.paymentsCents -= cents;
      const method = line.method ?? 'unknown';
      totals.paymentsByMethod[method] = (totals.paymentsByMethod[method] ?? 0) - cents;
      break;
    }
    case 'adjustment':
      totals.adjustmentsCents -= cents;
      break;
    case 'refund':
      totals.refundsCents += cents;
      break;
    case 'reversal':
      totals.reversalsCents += cents;
      break;
    case 'transfer':
      totals.transfersCents += cents;
      break;
    default:
      totals.otherCents += cents;
  }
}

const methodLabel = (method: string) =>
  method in paymentMethodLabels ? paymentMethodLabels[method as keyof typeof paymentMethodLabels] : method;

export function daySheet(store: Store, input: ParsedInput<'reports.daySheet'>): Output<'reports.daySheet'> {
  const lines = linesOfDay(store, input.date, input.providerId);
  const patients = patientLabels(
    store,
    lines.map((line) => line.patientId),
  );
  const users = namesOf(
    store,
    lines.map((line) => line.enteredBy),
  );
  const providers = providerNames(store);
  const totals = emptyTotals();
  const byProvider = new Map<string, Output<'reports.daySheet'>['byProvider'][number]>();
  const byMethod = new Map<string, { method: string; label: string; groups: Set<string>; cents: number }>();
  for (const line of lines) {
    addLine(totals, line);
    const key = line.providerId ?? '';
    const group = byProvider.get(key) ?? {
      key,
      label: line.providerId ? (providers.get(line.providerId) ?? 'Unknown provider') : NO_PROVIDER,
      ...emptyTotals(),
    };
    addLine(group, line);
    byProvider.set(key, group);
    if (line.kind === 'payment') {
      const method = line.method ?? 'unknown';
      const entry = byMethod.get(method) ?? { method, label: methodLabel(method), groups: new Set<string>(), cents: 0 };
      entry.groups.add(line.groupId);
      entry.cents -= line.amountCents;
      byMethod.set(method, entry);
    }
  }
  return {
    date: input.date,
    totals,
    byProvider: [...byProvider.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label))),
    byMethod: [...byMethod.values()]
      .sort((a, b) => a.label.localeCompare(b.label))
      .map(({ method, label, groups, cents }) => ({ method, label, payments: groups.size, cents })),
    lines: lines.map((line) => {
      const patient = patients.get(line.patientId);
      return {
        id: line.id,
        patientId: patient?.survivorId ?? line.patientId,
        patientName: patient?.name ?? 'Unknown patient',
        mrn: patient?.mrn ?? '',
        kind: line.kind,
        description: describeLine(line),
        providerId: line.providerId,
        payer: line.payer,
        method: line.method,
        amountCents: line.amountCents,
        enteredByName: users.get(line.enteredBy) ?? 'Unknown user',
        enteredAt: line.enteredAt,
      };
    }),
  };
}
