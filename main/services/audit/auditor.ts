/**
 * What dispatch hands every call to: decides whether and as what it is
 * audited, finds the patient it concerned, and writes the row. Chart reads
 * are recorded once per user, patient and kind of read in a window: screens
 * refetch what they show after every change, and each refetch is not a new
 * opening of the chart.
 */
import { eq } from 'drizzle-orm';
import {
  allergies,
  attachments,
  charges,
  encounters,
  genomicResults,
  immunizations,
  medications,
  notes,
  problems,
  users,
  vitalSigns,
} from '../../../db/schema';
import type { Store } from '../store';
import { auditedAs, recordAudit, subjectOf, type AuditEntry } from './record';

export const READ_REPEAT_WINDOW_MS = 10 * 60 * 1000;
const READ_ACTIONS = new Set(['chart.open', 'chart.read', 'record.open']);

/** Chart entries whose id alone names the patient (a note, a reading…), looked up by primary key. */
const CHART_TABLES = [
  notes,
  encounters,
  vitalSigns,
  medications,
  problems,
  allergies,
  genomicResults,
  immunizations,
  attachments,
  charges,
] as const;

export class Auditor {
  private readonly lastRead = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  record(method: string, userId: string | null, input: unknown, output: unknown, outcome: AuditEntry['outcome']): void {
    // A refusal is worth recording whatever was tried, even a plain read.
    const action = auditedAs(method) ?? (outcome === 'denied' ? 'read' : null);
    if (!action) return;
    const subject = subjectOf(method, input, output);
    const patientId = subject.patientId ?? this.patientOf(subject.entityId);
    const login = method === 'auth.login';
    const loggedIn = login && outcome === 'success' ? (output as { user?: { id?: unknown } }).user?.id : undefined;
    const user = userId ?? (typeof loggedIn === 'string' ? loggedIn : null);
    // A failed login names the account tried when there is one; what was typed is never kept (it may be a password).
    const entityId = login && outcome !== 'success' ? this.accountNamed(input) : subject.entityId;
    if (
      outcome === 'success' &&
      READ_ACTIONS.has(action) &&
      this.seenRecently(`${user ?? ''}|${action}|${patientId ?? subject.entityId ?? ''}`)
    ) {
      return;
    }
    try {
      recordAudit(this.store, { userId: user, action, method, entityId, patientId, outcome });
    } catch (error) {
      this.log(`[outpost] audit row of ${method} not written: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }

  private seenRecently(key: string): boolean {
    const now = this.now();
    const last = this.lastRead.get(key);
    if (last !== undefined && now - last < READ_REPEAT_WINDOW_MS) return true;
    this.lastRead.set(key, now);
    if (this.lastRead.size > 5000) for (const [k, at] of this.lastRead) if (now - at >= READ_REPEAT_WINDOW_MS) this.lastRead.delete(k);
    return false;
  }

  private patientOf(entityId: string | null): string | null {
    if (!entityId) return null;
    for (const table of CHART_TABLES) {
      const row = this.store.db.select({ patientId: table.patientId }).from(table).where(eq(table.id, entityId)).get();
      if (row) return row.patientId;
    }
    return null;
  }

  private accountNamed(input: unknown): string | null {
    const typed = input && typeof input === 'object' ? (input as Record<string, unknown>).username : undefined;
    if (typeof typed !== 'string') return null;
    const account = this.store.db.select({ id: users.id }).from(users).where(eq(users.username, typed.trim().toLowerCase())).get();
    return account?.id ?? null;
  }
}
