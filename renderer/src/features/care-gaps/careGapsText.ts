/**
 * Care gaps in words, as the chart summary shows them. The core decides what
 * is due; this only says it. Statuses and outcomes are open enums (a newer
 * workstation may send one this version does not know): shown as sent.
 */
import { careGapOutcomeLabels, type CareGap, type CareGapOutcome, type CareGapOutcomeKind } from '../../../../main/contract';
import { formatDate } from '../../ui/format';

const STATUS_WORDS: Record<string, string> = { overdue: 'Overdue', due: 'Due', due_soon: 'Due soon' };

export function statusLabel(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

/** "Overdue since 10 Jun 2026", "Due since 1 Sep 2026", "Due 1 Dec 2026". */
export function dueLine(gap: Pick<CareGap, 'status' | 'dueOn'>): string {
  const day = formatDate(gap.dueOn);
  if (gap.status === 'overdue') return `Overdue since ${day}`;
  if (gap.status === 'due') return `Due since ${day}`;
  return `Due ${day}`;
}

export function lastDoneLine(gap: Pick<CareGap, 'lastDone'>): string {
  return gap.lastDone ? `Last: ${gap.lastDone.what}, ${formatDate(gap.lastDone.on)}` : 'Never recorded in this chart';
}

export function outcomeLabel(outcome: string): string {
  return careGapOutcomeLabels[outcome as CareGapOutcomeKind] ?? outcome;
}

/** What an outcome says and does now, beside its label: "Colonoscopy on 3 Mar 2024", "On 3 Mar 2026 — shown again from 3 Mar 2027". */
export function outcomeLine(outcome: CareGapOutcome, recordedOn: string, today: string): string {
  if (outcome.outcome === 'done_elsewhere') return `${outcome.method ?? 'Done'} on ${formatDate(outcome.doneOn ?? recordedOn)}`;
  if (outcome.outcome === 'declined') {
    const back = outcome.snoozedUntil;
    return `On ${formatDate(recordedOn)}${back && back > today ? ` — shown again from ${formatDate(back)}` : ''}`;
  }
  if (outcome.outcome === 'not_applicable') return `Hidden for this patient until withdrawn (since ${formatDate(recordedOn)})`;
  return `On ${formatDate(recordedOn)}`;
}
