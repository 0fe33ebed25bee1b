/**
 * A/R aging as words and as a file: the bucket labels shared by the table,
 * the chart and the CSV, so all three always agree. Money in the CSV is
 * dollars with two decimals, unquoted, so a spreadsheet reads it as a number.
 */
import type { AgingBuckets, AgingRow } from '../../../../main/contract';
import { csvField } from '../audit/auditText';

export const buckets = [
  { key: 'current', label: 'Current', colour: '#15803d' },
  { key: 'days31to60', label: '31–60', colour: '#ca8a04' },
  { key: 'days61to90', label: '61–90', colour: '#ea580c' },
  { key: 'over90', label: '90+', colour: '#b91c1c' },
] as const satisfies readonly { key: keyof AgingBuckets; label: string; colour: string }[];

const dollars = (cents: number) => (cents / 100).toFixed(2);

export function agingCsv(by: 'payer' | 'patient', asOf: string, rows: AgingRow[], totals: AgingBuckets): string {
  const header = [by === 'payer' ? 'Payer' : 'Patient', ...buckets.map((b) => b.label), 'Total'].map(csvField);
  const line = (label: string, figures: AgingBuckets) => [
    csvField(label),
    ...buckets.map((b) => dollars(figures[b.key])),
    dollars(figures.total),
  ];
  const lines = [[csvField(`A/R aging as of ${asOf}`)], header, ...rows.map((row) => line(row.label, row)), line('Total', totals)];
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}
