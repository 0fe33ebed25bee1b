/**
 * Production: charges posted in the range, by provider and by procedure code,
 * with voided charges beside them (a void counts on the day it was made). The
 * bars compare providers' net production.
 */
import { keepPreviousData } from '@tanstack/react-query';
import type { Output } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { countColumn, moneyColumn, textColumn, type Column } from './columns';
import { Figure } from './Figure';
import { QueryState } from './QueryState';
import { palette, ReportChart } from './ReportChart';
import { rangeInput, type Filters } from './filters';
import { ReportTable } from './ReportTable';

type Production = Output<'reports.production'>;
type ProviderRow = Production['providers'][number];
interface CodeRow {
  code: string;
  description: string;
  units: number;
  chargesCents: number;
}

const providerColumns: Column<ProviderRow>[] = [
  textColumn('provider', 'Provider', (r) => r.providerName, true),
  countColumn('units', 'Units', (r) => r.units),
  moneyColumn('charges', 'Charges', (r) => r.chargesCents),
  moneyColumn('voided', 'Voided', (r) => r.voidedCents),
  moneyColumn('net', 'Net', (r) => r.chargesCents - r.voidedCents),
];

const codeColumns: Column<CodeRow>[] = [
  textColumn('code', 'Code', (r) => r.code, true),
  textColumn('description', 'Description', (r) => r.description),
  countColumn('units', 'Units', (r) => r.units),
  moneyColumn('charges', 'Charges', (r) => r.chargesCents),
];

/** The providers' codes added together, largest first. */
function byCode(providers: ProviderRow[]): CodeRow[] {
  const codes = new Map<string, CodeRow>();
  for (const row of providers.flatMap((p) => p.codes)) {
    const found = codes.get(row.code) ?? { code: row.code, description: row.description, units: 0, chargesCents: 0 };
    found.units += row.units;
    found.chargesCents += row.chargesCents;
    codes.set(row.code, found);
  }
  return [...codes.values()].sort((a, b) => b.chargesCents - a.chargesCents || a.code.localeCompare(b.code));
}

export function ProductionReport({ filters, summary }: { filters: Filters; summary: string }) {
  const input = rangeInput(filters);
  const query = useApi('reports.production', input ?? { from: filters.from, to: filters.to }, {
    placeholderData: keepPreviousData,
    enabled: Boolean(input),
  });
  return (
    <QueryState
      query={query}
      ready={Boolean(input)}
      loading="Adding up the charges…"
      isEmpty={(data) => data.providers.length === 0}
      empty="No charges were posted in this range."
    >
      {(data) => {
        const codes = byCode(data.providers);
        const file = (table: string) => `production-${table}-${filters.from}-to-${filters.to}.csv`;
        return (
          <>
            <dl className="reports-figures" aria-label="Production totals">
              <Figure label="Charges" cents={data.totals.chargesCents} />
              <Figure label="Voided" cents={data.totals.voidedCents} />
              <Figure label="Net production" cents={data.totals.netCents} main />
            </dl>
            <ReportTable
              title="By provider"
              csvTitle={`Production by provider · ${summary}`}
              fileName={file('by-provider')}
              columns={providerColumns}
              rows={data.providers}
              rowKey={(r) => r.providerId ?? 'none'}
              totals={{
                units: data.totals.units,
                charges: data.totals.chargesCents,
                voided: data.totals.voidedCents,
                net: data.totals.netCents,
              }}
            />
            <ReportChart
              label="Net production by provider"
              data={data.providers.map((p) => ({ provider: p.providerName, net: p.chargesCents - p.voidedCents }))}
              xKey="provider"
              series={[{ key: 'net', label: 'Net production', colour: palette[0] ?? '#1d4ed8' }]}
              kind="money"
            />
            <ReportTable
              title="By procedure code"
              csvTitle={`Production by procedure code · ${summary}`}
              fileName={file('by-code')}
              columns={codeColumns}
              rows={codes}
              rowKey={(r) => r.code}
              totals={{ units: data.totals.units, charges: data.totals.chargesCents }}
            />
            <ReportChart
              label="Charges by procedure code"
              data={codes.map((c) => ({ code: c.code, charges: c.chargesCents }))}
              xKey="code"
              series={[{ key: 'charges', label: 'Charges', colour: palette[5] ?? '#0e7490' }]}
              kind="money"
            />
          </>
        );
      }}
    </QueryState>
  );
}
