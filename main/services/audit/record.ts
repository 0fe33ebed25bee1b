/**
 * Writing the audit trail: which calls are audited and as what, and the
 * hash-chained row each one leaves. Reads are audited only where they open a
 * patient's chart (a search or a calendar read would flood the trail with
 * noise); every write, sign, print, export, import, login and refusal is.
 */
import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema';
import type { Store } from '../store';

/** Reads that open or carry a patient's chart, and what they are called in the trail. */
const AUDITED_READS: Record<string, string> = {
  'encounters.list': 'chart.open',
  'encounters.get': 'chart.read',
  'vitals.list': 'chart.read',
  'problems.list': 'chart.read',
  'allergies.list': 'chart.read',
  'medications.list': 'chart.read',
  'genomics.list': 'chart.read',
  'immunizations.list': 'chart.read',
  'labs.list': 'chart.read',
  'attachments.list': 'chart.read',
  'attachments.content': 'chart.read',
  'careGaps.list': 'chart.read',
  'patients.get': 'record.open',
  'encounters.visitSummary': 'print',
  'fhir.exportPatient': 'export',
  'fhir.previewImport': 'import.preview',
  'charges.superbill': 'chart.read',
  'charges.list': 'account.open',
  'billing.account': 'account.open',
  'feeSchedules.exportCsv': 'export',
  // Aging by patient lists names and what each owes.
  'reports.arAging': 'report',
  'claims.get': 'account.open',
  'claims.export837': 'export',
  'claims.pdf': 'print',
  'remittances.preview': 'import.preview',
  // The day sheet lists each posting with the patient's name; statements print a patient's account.
  'reports.daySheet': 'report',
  'statements.patient': 'print',
  'statements.batch': 'print',
};

/** Reports of counts and sums only (no patient in them): plain reads, not worth a row in the trail. */
const UNAUDITED_REPORTS = new Set([
  'reports.production',
  'reports.collections',
  'reports.newPatients',
  'reports.appointments',
  'reports.denials',
]);

const READ_VERB =
  /\.(list|get|search|recent|status|settings|check|range|forPatient|findDuplicates|findNextAvailable|today|me|items|lockDate|profile|emergencyAccesses)$/;

/** The action a call is audited as, or null for a plain read. */
export function auditedAs(method: string): string | null {
  const read = AUDITED_READS[method];
  if (read) return read;
  if (method === 'auth.login') return 'login';
  if (method === 'auth.logout') return 'logout';
  if (method === 'notes.sign' || method === 'notes.submitForCosign') return 'sign';
  if (method === 'chart.emergencyAccess') return 'emergency';
  if (method.startsWith('users.')) return READ_VERB.test(method) ? null : 'permission';
  if (UNAUDITED_REPORTS.has(method)) return null;
  if (READ_VERB.test(method) || method === 'reference.get' || method === 'setup.status' || method === 'queue.today') return null;
  // A draft autosaves every pause in typing: the trail records its opening and its signature, not each keystroke.
  if (method === 'notes.save' || method === 'sync.now') return null;
  return 'write';
}

export interface AuditEntry {
  userId: string | null;
  action: string;
  method: string;
  entityId: string | null;
  patientId: string | null;
  outcome: 'success' | 'denied' | 'failure';
}

export function chainHash(
  prevHash: string,
  row: Omit<AuditEntry, 'outcome'> & { outcome: string; workstation: string; seq: number; at: string },
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        prevHash,
        row.workstation,
        row.seq,
        row.at,
        row.userId,
        row.action,
        row.method,
        row.entityId,
        row.patientId,
        row.outcome,
      ]),
    )
    .digest('hex');
}

export const GENESIS = '0'.repeat(64);

/** Append one row to this workstation's chain, in its own transaction. */
export function recordAudit(store: Store, entry: AuditEntry): void {
  const workstation = store.deviceId;
  store.capture.mutate((w) => {
    const last = store.db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(eq(auditEvents.workstation, workstation))
      .orderBy(desc(auditEvents.seq))
      .limit(1)
      .get();
    const row = { ...entry, workstation, seq: (last?.seq ?? 0) + 1, at: new Date().toISOString() };
    const prevHash = last?.hash ?? GENESIS;
    w.insert(auditEvents, { ...row, prevHash, hash: chainHash(prevHash, row) });
  });
}

const field = (value: unknown, key: string): string | null => {
  if (!value || typeof value !== 'object') return null;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : null;
};

/** The record and the patient a call was about, read from its input and output (ids only, never names). */
export function subjectOf(method: string, input: unknown, output: unknown): { entityId: string | null; patientId: string | null } {
  const nested = (value: unknown, key: string) =>
    value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  const patientId =
    field(input, 'patientId') ??
    field(output, 'patientId') ??
    field(nested(output, 'patient'), 'id') ??
    field(nested(output, 'encounter'), 'patientId') ??
    null;
  const entityId = field(input, 'id') ?? field(input, 'noteId') ?? field(output, 'id') ?? field(nested(output, 'encounter'), 'id') ?? null;
  // For the patient record itself, the record is the patient.
  if (method.startsWith('patients.') && !patientId) return { entityId, patientId: field(input, 'retiredId') ?? entityId };
  return { entityId, patientId };
}
