/**
 * A/R aging in words: the bucket labels and colours shared by the table, the
 * chart and the CSV, so all three always agree.
 */
import type { AgingBuckets } from '../../../../main/contract';

export const buckets = [
  { key: 'current', label: 'Current', colour: '#15803d' },
  { key: 'days31to60', label: '31–60', colour: '#ca8a04' },
  { key: 'days61to90', label: '61–90', colour: '#ea580c' },
  { key: 'over90', label: '90+', colour: '#b91c1c' },
] as const satisfies readonly { key: keyof AgingBuckets; label: string; colour: string }[];
