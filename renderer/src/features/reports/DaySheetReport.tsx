/**
 * The day sheet of the daily close: what was posted on one day, by kind (the
 * sum that gives the net change of A/R), by provider, by payment method, and
 * every line. The lines are checked against the net change on screen, so the
 * close visibly reconciles.
 */
import { keepPreviousData } from '@tanstack/react-query';
import type { DaySheetLine, DaySheetTotals, Output } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { formatDate, formatCents, formatTime } from '../../ui/format';
import { kindLabel, methodLabel, payerLabel } from '../billing/billingText';
import { countColumn, moneyColumn, textColumn, type Column } from './columns';
import { Figure } from './Figure';
import { QueryState } from './QueryState';
import { dayInput, type Filters } from './filters';
import { ReportTable } from './ReportTable';

type DaySheet = Output<'reports.daySheet'>;
type KindRow = { key: string; label: string; cents: number };
type ProviderRow = DaySheet['byProvider'][number];
type MethodRow = DaySheet['byMethod'][number];

/** Each kind signed as it moves A/R, so the column adds up to the net change. */
function kindRows(totals: DaySheetTotals): KindRow[] {
  const rows: KindRow[] = [
    { key: 'charges', label: 'Charges', cents: totals.chargesCents },
    { key: 'payments', label: 'Payments', cents: -totals.paymentsCents },
    { key: 'adjustments', label: 'Adjustments and write-offs', cents: -totals.adjustmentsCents },
    { key: 'refunds', label: 'Refunds', cents: totals.refundsCents },
    { key: 'reversals', label: 'Reversals', cents: totals.reversalsCents },
    { key: 'transfers', label: 'Balance moved between payers', cents: totals.transfersCents },
  ];
  // Rows of a kind this version does not know are shown only when there are some.
  return totals.otherCents === 0 ? rows : [...rows, { key: 'other', label: 'Other postings', cents: totals.otherCents }];
}

const kindColumns: Column<KindRow>[] = [
  textColumn('kind', 'Kind', (r) => r.label, true),
  moneyColumn('cents', 'Change of A/R', (r) => r.cents),
];

const providerColumns: Column<ProviderRow>[] = [
  textColumn('provider', 'Provider', (r) => r.label, true),
  moneyColumn('charges', 'Charges', (r) => r.chargesCents),
  moneyColumn('payments', 'Payments', (r) => r.paymentsCents),
  moneyColumn('adjustments', 'Adjustments', (r) => r.adjustmentsCents),
  moneyColumn('refunds', 'Refunds', (r) => r.refundsCents),
  moneyColumn('reversals', 'Reversals', (r) => r.reversalsCents),
  moneyColumn('transfers', 'Moved', (r) => r.transfersCents),
  moneyColumn('net', 'Net change', (r) => r.netChangeCents),
];

const methodColumns: Column<MethodRow>[] = [
  textColumn('method', 'Method', (r) => r.label, true),
  countColumn('payments', 'Payments', (r) => r.payments),
  moneyColumn('cents', 'Received', (r) => r.cents),
];

export function DaySheetReport({ filters, summary }: { filters: Filters; summary: string }) {
  const input = dayInput(filters);
  const query = useApi('reports.daySheet', input ?? { date: filters.day }, { placeholderData: keepPreviousData, enabled: Boolean(input) });
  return (
    <QueryState
      query={query}
      ready={Boolean(input)}
      loading="Adding up the day…"
      isEmpty={(data) => data.lines.length === 0}
      empty={`Nothing was posted on ${formatDate(filters.day)}.`}
    >
      {(data) => <DaySheetBody data={data} summary={summary} />}
    </QueryState>
  );
}

function DaySheetBody({ data, summary }: { data: DaySheet; summary: string }) {
  const { reference } = useReference();
  const zone = reference?.clinic.timeZone ?? 'UTC';
  const providerName = (id: string | null) =>
    id ? (reference?.providers.find((p) => p.id === id)?.displayName ?? 'Unknown provider') : '';
  const lineColumns: Column<DaySheetLine>[] = [
    textColumn('time', 'Time', (l) => formatTime(l.enteredAt, zone)),
    textColumn('patient', 'Patient', (l) => `${l.patientName} (${l.mrn})`, true),
    textColumn('kind', 'Kind', (l) => kindLabel(l.kind)),
    textColumn('description', 'Description', (l) => l.description),
    textColumn('provider', 'Provider', (l) => providerName(l.providerId)),
    textColumn('payer', 'Payer', (l) => (l.kind === 'charge' ? '' : payerLabel(l.payer))),
    textColumn('method', 'Method', (l) => methodLabel(l.method)),
    moneyColumn('amount', 'Amount', (l) => l.amountCents),
    textColumn('by', 'Entered by', (l) => l.enteredByName),
  ];
  const { totals } = data;
  const linesSum = data.lines.reduce((sum, l) => sum + l.amountCents, 0);
  const day = formatDate(data.date);
  const csv = (table: string) => `Day sheet · ${table} · ${summary}`;
  const file = (table: string) => `day-sheet-${table}-${data.date}.csv`;
  return (
    <>
      <dl className="reports-figures" aria-label="Day sheet totals">
        <Figure label="Charges" cents={totals.chargesCents} />
        <Figure label="Payments" cents={totals.paymentsCents} />
        <Figure label="Adjustments" cents={totals.adjustmentsCents} />
        <Figure label="Net change of A/R" cents={totals.netChangeCents} main />
      </dl>
      <ReportTable
        title={`By kind, ${day}`}
        csvTitle={csv('by kind')}
        fileName={file('by-kind')}
        columns={kindColumns}
        rows={kindRows(totals)}
        rowKey={(r) => r.key}
        totals={{ kind: 'Net change of A/R', cents: totals.netChangeCents }}
      >
        <p className={linesSum === totals.netChangeCents ? 'reports__reconciled' : 'warning-banner'} role="status">
          {linesSum === totals.netChangeCents
            ? `Reconciled: the ${data.lines.length} lines below add up to the net change, ${formatCents(totals.netChangeCents)}.`
            : `The lines add up to ${formatCents(linesSum)} but the net change is ${formatCents(totals.netChangeCents)}. Run the report again; if it stays, tell support.`}
        </p>
      </ReportTable>
      <ReportTable
        title="By provider"
        csvTitle={csv('by provider')}
        fileName={file('by-provider')}
        columns={providerColumns}
        rows={data.byProvider}
        rowKey={(r) => r.key}
        totals={{
          charges: totals.chargesCents,
          payments: totals.paymentsCents,
          adjustments: totals.adjustmentsCents,
          refunds: totals.refundsCents,
          reversals: totals.reversalsCents,
          transfers: totals.transfersCents,
          net: totals.netChangeCents,
        }}
      />
      <ReportTable
        title="Payments by method"
        csvTitle={csv('payments by method')}
        fileName={file('by-method')}
        columns={methodColumns}
        rows={data.byMethod}
        rowKey={(r) => r.method}
        totals={{ payments: data.byMethod.reduce((sum, m) => sum + m.payments, 0), cents: totals.paymentsCents }}
      />
      <ReportTable
        title="Lines"
        csvTitle={csv('lines')}
        fileName={file('lines')}
        columns={lineColumns}
        rows={data.lines}
        rowKey={(l) => l.id}
        totals={{ time: 'Total', patient: '', amount: linesSum }}
        virtualizeOver={100}
      />
    </>
  );
}
