/** The manager's view of the audit trail. */
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { auditEvents, patients, users } from '../../../db/schema';
import { patientDisplayName } from '../../contract';
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { grantEmergencyAccess, listEmergencyAccesses } from './emergency';
import { withMergedRecords } from '../patients/records';
import { verifyAuditTrail } from './verify';

export const auditHandlers: Pick<Handlers, 'audit.search' | 'audit.verify' | 'chart.emergencyAccess' | 'audit.emergencyAccesses'> = {
  'chart.emergencyAccess': (input, ctx) => grantEmergencyAccess(ctx.store, requireUser(ctx), input.patientId, input.reason),
  'audit.emergencyAccesses': (_input, { store }) => ({ accesses: listEmergencyAccesses(store) }),
  'audit.search': (input, { store }) => {
    const conditions: SQL[] = [];
    // A patient's accounting of disclosures includes what was done under a record merged into theirs.
    if (input.patientId) conditions.push(inArray(auditEvents.patientId, withMergedRecords(store, input.patientId)));
    if (input.userId) conditions.push(eq(auditEvents.userId, input.userId));
    if (input.action) conditions.push(eq(auditEvents.action, input.action));
    if (input.outcome) conditions.push(eq(auditEvents.outcome, input.outcome));
    if (input.from) conditions.push(gte(auditEvents.at, input.from));
    if (input.to) conditions.push(lte(auditEvents.at, input.to));
    const rows = store.db
      .select()
      .from(auditEvents)
      .where(and(...conditions))
      .orderBy(desc(auditEvents.at), desc(auditEvents.seq))
      .limit(input.limit + 1)
      .all();
    const names = new Map(
      store.db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .all()
        .map((u) => [u.id, u.name]),
    );
    const patientIds = [...new Set(rows.flatMap((r) => (r.patientId ? [r.patientId] : [])))];
    const patientNames = new Map(
      patientIds.length
        ? store.db
            .select()
            .from(patients)
            .where(inArray(patients.id, patientIds))
            .all()
            .map((p) => [p.id, patientDisplayName(p)])
        : [],
    );
    return {
      truncated: rows.length > input.limit,
      events: rows.slice(0, input.limit).map((row) => ({
        id: row.id,
        at: row.at,
        workstation: row.workstation,
        userName: row.userId ? (names.get(row.userId) ?? 'Unknown user') : null,
        action: row.action,
        method: row.method,
        entityId: row.entityId,
        patientId: row.patientId,
        patientName: row.patientId ? (patientNames.get(row.patientId) ?? null) : null,
        outcome: row.outcome,
      })),
    };
  },
  'audit.verify': (_input, { store }) => verifyAuditTrail(store),
};
