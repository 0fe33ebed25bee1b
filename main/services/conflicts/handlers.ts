/** The conflicts inbox: list what clashed, with the rows involved, and record how a person resolved it. */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { appointments, conflicts, insurancePolicies, patients, scheduleBlocks, users } from '../../../db/schema';
import { ApiError, billingConflictKinds, can, clinicalConflictKinds, type Conflict } from '../../contract';
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { toSummary } from '../patients/records';
import { toAppointments } from '../scheduling/views';
import { listProviders, listRooms } from '../settings/reference';
import { toUser } from '../accounts/users';
import type { Store } from '../store';
import { stillClashing } from './detect';
import { describeLateEdit } from '../charting/late-edits';
import { describeLedgerFlag } from '../billing/flags';
import { describeDuplicateEncounters } from '../charting/duplicate-visits';

type ConflictRow = typeof conflicts.$inferSelect;

function subjectsOf(row: ConflictRow): string[] {
  try {
    const parsed: unknown = JSON.parse(row.subjects);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function toConflict(store: Store, row: ConflictRow): Conflict {
  const ids = subjectsOf(row);
  const clash = { kind: row.kind, subjects: ids, resourceId: row.resourceId };
  const appointmentRows = row.kind.startsWith('double_booking_')
    ? store.db.select().from(appointments).where(inArray(appointments.id, ids)).orderBy(asc(appointments.startAt)).all()
    : [];
  const deleted =
    row.kind === 'edit_after_delete'
      ? describeDeleted(store, row)
      : row.kind === 'edit_after_sign'
        ? describeLateEdit(store, subjectsOf(row))
        : row.kind === 'duplicate_encounter'
          ? describeDuplicateEncounters(store, ids)
          : BILLING_KINDS.has(row.kind)
            ? describeLedgerFlag(store, row.kind, ids, row.resourceId)
            : { detail: null, patientIds: [], encounterId: null };
  const patientIds = row.kind === 'duplicate_patient' || row.kind === 'opposite_merges' ? ids : deleted.patientIds;
  const patientRows = patientIds.length > 0 ? store.db.select().from(patients).where(inArray(patients.id, patientIds)).all() : [];
  const userRows = row.kind === 'duplicate_login' ? store.db.select().from(users).where(inArray(users.id, ids)).all() : [];
  const resources = [...listProviders(store).map((p) => ({ id: p.id, name: p.displayName })), ...listRooms(store)];
  const resolver = row.resolvedBy ? store.db.select().from(users).where(eq(users.id, row.resolvedBy)).get() : undefined;
  return {
    id: row.id,
    kind: row.kind,
    detectedAt: row.detectedAt,
    resolvedAt: row.resolvedAt,
    resolvedByName: resolver?.displayName ?? null,
    resolution: row.resolution,
    note: row.note,
    current: stillClashing(store, clash),
    detail: deleted.detail,
    encounterId: deleted.encounterId ?? null,
    resourceName: resources.find((r) => r.id === row.resourceId)?.name ?? null,
    appointments: toAppointments(store, appointmentRows),
    patients: patientRows.map(toSummary),
    users: userRows.map(toUser),
  };
}

const DELETABLE = { insurance_policies: insurancePolicies, schedule_blocks: scheduleBlocks } as const;

function restorable(row: ConflictRow): { table: (typeof DELETABLE)[keyof typeof DELETABLE]; id: string } | null {
  const table = row.resourceId && row.resourceId in DELETABLE ? DELETABLE[row.resourceId as keyof typeof DELETABLE] : null;
  const [id] = subjectsOf(row);
  return table && id ? { table, id } : null;
}

/** What was deleted and edited, in words for the inbox (an insurance policy, a block of unavailable time). */
interface Described {
  detail: string | null;
  patientIds: string[];
  encounterId?: string | null;
}

function describeDeleted(store: Store, row: ConflictRow): Described {
  const [id] = subjectsOf(row);
  if (!id) return { detail: null, patientIds: [] };
  if (row.resourceId === 'insurance_policies') {
    const policy = store.db.select().from(insurancePolicies).where(eq(insurancePolicies.id, id)).get();
    return policy
      ? { detail: `Insurance policy ${policy.payerName}, member ${policy.memberId}`, patientIds: [policy.patientId] }
      : { detail: null, patientIds: [] };
  }
  if (row.resourceId === 'schedule_blocks') {
    const block = store.db.select().from(scheduleBlocks).where(eq(scheduleBlocks.id, id)).get();
    const provider = block ? listProviders(store).find((p) => p.id === block.providerId) : undefined;
    return { detail: block ? `Unavailable time of ${provider?.displayName ?? 'a provider'} (${block.reason})` : null, patientIds: [] };
  }
  return { detail: null, patientIds: [] };
}

function findConflict(store: Store, id: string): ConflictRow {
  const row = store.db
    .select()
    .from(conflicts)
    .where(and(eq(conflicts.id, id), isNull(conflicts.deletedAt)))
    .get();
  if (!row) throw new ApiError('NOT_FOUND', 'That conflict no longer exists. Refresh the list.', { id: 'Unknown conflict' });
  return row;
}

const CLINICAL_KINDS = new Set(clinicalConflictKinds);
const BILLING_KINDS = new Set(billingConflictKinds);

export const conflictHandlers: Pick<Handlers, 'conflicts.list' | 'conflicts.resolve'> = {
  'conflicts.list': (input, ctx) => {
    const { store } = ctx;
    const role = requireUser(ctx).role;
    const clinical = can(role, 'chart.read');
    const billing = can(role, 'billing.manage');
    const open = store.db
      .select()
      .from(conflicts)
      .where(and(isNull(conflicts.resolvedAt), isNull(conflicts.deletedAt)))
      .orderBy(desc(conflicts.detectedAt))
      .all();
    const resolved = input.includeResolved
      ? store.db
          .select()
          .from(conflicts)
          .where(and(isNotNull(conflicts.resolvedAt), isNull(conflicts.deletedAt)))
          .orderBy(desc(conflicts.resolvedAt))
          .limit(200)
          .all()
      : [];
    // A note edited after it was signed is a clinical matter: only those who may read charts see it.
    // The ledger's findings go to those who can correct the ledger.
    const shown = [...open, ...resolved].filter(
      (row) => (clinical || !CLINICAL_KINDS.has(row.kind)) && (billing || !BILLING_KINDS.has(row.kind)),
    );
    return { conflicts: shown.map((row) => toConflict(store, row)) };
  },

  'conflicts.resolve': (input, ctx) => {
    const { store } = ctx;
    const user = requireUser(ctx);
    const row = findConflict(store, input.id);
    if (CLINICAL_KINDS.has(row.kind) && !can(user.role, 'chart.write')) {
      throw new ApiError('FORBIDDEN', 'Findings about the chart are reviewed by clinical staff (physicians and nurses).');
    }
    if (BILLING_KINDS.has(row.kind) && !can(user.role, 'billing.manage')) {
      throw new ApiError('FORBIDDEN', 'Findings about the ledger are reviewed by a practice manager.');
    }
    if (row.resolvedAt) throw new ApiError('CONFLICT', 'Someone already resolved this conflict. Refresh the list.');
    const current = toConflict(store, row);
    const fitting: Record<string, readonly string[]> = {
      double_booking_provider: ['kept_both', 'rebooked'],
      double_booking_room: ['kept_both', 'rebooked'],
      duplicate_patient: ['different_people', 'same_person'],
      duplicate_login: ['renamed'],
      edit_after_delete: ['restored', 'kept_deleted'],
      edit_after_sign: ['reviewed'],
      duplicate_encounter: ['reviewed'],
      opposite_merges: ['unmerged'],
      posting_before_lock: ['reviewed'],
      duplicate_posting: ['reviewed'],
    };
    const allowed = fitting[row.kind];
    if (allowed && !allowed.includes(input.resolution)) {
      throw new ApiError('VALIDATION', 'That answer does not fit this kind of conflict.', {
        resolution: 'Choose one of the offered answers',
      });
    }
    if (input.resolution === 'rebooked' && current.current) {
      const message = 'Both appointments still overlap. Move or cancel one of them first, or keep both on purpose.';
      throw new ApiError('VALIDATION', message, { resolution: message });
    }
    if (input.resolution === 'unmerged' && current.current) {
      const message = 'The two records are still merged into each other. Undo the merge on one of them first.';
      throw new ApiError('VALIDATION', message, { resolution: message });
    }
    if (input.resolution === 'renamed' && current.current) {
      const message = 'Both accounts still have the same login name. In Admin › Users, disable one and give that person a new login first.';
      throw new ApiError('VALIDATION', message, { resolution: message });
    }
    const restore = input.resolution === 'restored' ? restorable(row) : null;
    store.capture.mutate((w) => {
      // Bring the deleted row back with the edits made to it elsewhere.
      if (restore) w.restore(restore.table, restore.id);
      w.update(conflicts, row.id, {
        resolvedAt: new Date().toISOString(),
        resolvedBy: user.id,
        resolution: input.resolution,
        note: input.note || null,
      });
    });
    return toConflict(store, findConflict(store, row.id));
  },
};
