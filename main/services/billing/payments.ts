/**
 * Money in and out of an account: payments (applied to charges, the rest on
 * account), adjustments and write-offs, moving a balance between payers,
 * refunds of a credit, and reversals. Each is one ledger group; amounts are
 * checked against the ledger so nothing is ever applied twice.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { charges, insurancePolicies, ledgerEntries } from '../../../db/schema';
import { ApiError, type ParsedInput, formatCents } from '../../contract';
import type { SessionUser } from '../handler';
import type { Store } from '../store';
import { accountIds, balancesByCharge, owedBy, PATIENT } from './balances';
import { findCharge } from './charges';
import { appendGroup, postingDate, type EntryValues } from './postings';

const whose = (payer: string) => (payer === PATIENT ? 'the patient' : payer);

/** A posted charge of this account (any of its merged records). */
function accountCharge(store: Store, ids: string[], chargeId: string) {
  const row = findCharge(store, chargeId);
  if (!ids.includes(row.patientId))
    throw new ApiError('VALIDATION', 'That charge is on another patient’s account.', { chargeId: 'Another patient' });
  if (row.status !== 'posted')
    throw new ApiError('VALIDATION', `The ${row.code} charge is ${row.status}, not posted: nothing is owed on it.`, {
      chargeId: 'Not posted',
    });
  return row;
}

/** Open charges owed by `payer`, oldest service first (where an unallocated payment goes). */
function openCharges(store: Store, ids: string[], payer: string, balances: Map<string, Map<string, number>>) {
  return store.db
    .select({ id: charges.id, serviceDate: charges.serviceDate })
    .from(charges)
    .where(and(inArray(charges.patientId, ids), eq(charges.status, 'posted'), isNull(charges.deletedAt)))
    .all()
    .filter((row) => owedBy(balances, row.id, payer) > 0)
    .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.id.localeCompare(b.id));
}

export function postPayment(store: Store, user: SessionUser, input: ParsedInput<'payments.post'>) {
  const ids = accountIds(store, input.patientId);
  const [patientId = input.patientId] = ids;
  const payer = input.payer ?? PATIENT;
  const postedOn = postingDate(store, input.postedOn);
  const balances = balancesByCharge(store, ids);
  let allocations: { chargeId: string; amountCents: number }[];
  if (input.allocations) {
    allocations = input.allocations;
    const seen = new Set<string>();
    for (const a of allocations) {
      const row = accountCharge(store, ids, a.chargeId);
      if (seen.has(a.chargeId)) throw new ApiError('VALIDATION', `The ${row.code} charge is listed twice; combine the amounts.`);
      seen.add(a.chargeId);
      const owed = owedBy(balances, a.chargeId, payer);
      if (a.amountCents > owed) {
        throw new ApiError(
          'VALIDATION',
          `${formatCents(a.amountCents)} is more than ${whose(payer)} owes on the ${row.code} charge (${formatCents(owed)}).`,
          {
            allocations: 'More than owed',
          },
        );
      }
    }
    const applied = allocations.reduce((sum, a) => sum + a.amountCents, 0);
    if (applied > input.amountCents)
      throw new ApiError(
        'VALIDATION',
        `The amounts applied (${formatCents(applied)}) add up to more than the payment (${formatCents(input.amountCents)}).`,
      );
  } else {
    let left = input.amountCents;
    allocations = [];
    for (const open of openCharges(store, ids, payer, balances)) {
      if (left === 0) break;
      const share = Math.min(left, owedBy(balances, open.id, payer));
      allocations.push({ chargeId: open.id, amountCents: share });
      left -= share;
    }
  }
  const applied = allocations.reduce((sum, a) => sum + a.amountCents, 0);
  const common = { kind: 'payment', method: input.method, reference: input.reference ?? null, payer: input.payer ?? null };
  const rows: EntryValues[] = allocations.map((a) => ({
    ...common,
    amountCents: -a.amountCents,
    chargeId: a.chargeId,
    providerId: findCharge(store, a.chargeId).providerId,
  }));
  if (applied < input.amountCents) rows.push({ ...common, amountCents: -(input.amountCents - applied), chargeId: null, providerId: null });
  const groupId = store.capture.mutate((w) => appendGroup(w, { patientId, postedOn, userId: user.id, note: input.note }, rows));
  return { groupId, appliedCents: applied, unappliedCents: input.amountCents - applied };
}

export function postAdjustment(store: Store, user: SessionUser, input: ParsedInput<'adjustments.post'>) {
  const ids = accountIds(store, input.patientId);
  const row = accountCharge(store, ids, input.chargeId);
  const payer = input.payer ?? PATIENT;
  const owed = owedBy(balancesByCharge(store, ids), row.id, payer);
  if (input.amountCents > owed) {
    throw new ApiError(
      'VALIDATION',
      `${formatCents(input.amountCents)} is more than ${whose(payer)} owes on the ${row.code} charge (${formatCents(owed)}).`,
      {
        amountCents: 'More than owed',
      },
    );
  }
  const postedOn = postingDate(store, input.postedOn);
  const base = { chargeId: row.id, providerId: row.providerId, reasonCode: input.reasonCode };
  // A patient-responsibility reason (PR: deductible, coinsurance, copay) moves the amount to the patient rather than forgiving it.
  const rows: EntryValues[] =
    input.reasonCode.startsWith('PR-') && payer !== PATIENT
      ? [
          { ...base, kind: 'transfer', amountCents: -input.amountCents, payer: input.payer ?? null },
          { ...base, kind: 'transfer', amountCents: input.amountCents, payer: null },
        ]
      : [{ ...base, kind: 'adjustment', amountCents: -input.amountCents, payer: input.payer ?? null }];
  const groupId = store.capture.mutate((w) =>
    appendGroup(w, { patientId: row.patientId, postedOn, userId: user.id, note: input.note }, rows),
  );
  return { groupId };
}

/** Where a balance may be moved: the patient, or an insurer on the patient's policies or already owed on this charge. */
function assertKnownPayer(store: Store, ids: string[], chargeId: string, payer: string | null | undefined): void {
  if (!payer) return;
  const policies = store.db
    .select({ payer: insurancePolicies.payerName })
    .from(insurancePolicies)
    .where(and(inArray(insurancePolicies.patientId, ids), isNull(insurancePolicies.deletedAt)))
    .all()
    .map((row) => row.payer.toLowerCase());
  const owing = [...(balancesByCharge(store, ids).get(chargeId)?.keys() ?? [])].map((p) => p.toLowerCase());
  if (!policies.includes(payer.toLowerCase()) && !owing.includes(payer.toLowerCase())) {
    throw new ApiError('VALIDATION', `${payer} is not one of this patient's insurers. Add the policy to the patient's record first.`, {
      toPayer: 'Not one of the patient’s insurers',
    });
  }
}

export function transferBalance(store: Store, user: SessionUser, input: ParsedInput<'balances.transfer'>) {
  const ids = accountIds(store, input.patientId);
  const row = accountCharge(store, ids, input.chargeId);
  assertKnownPayer(store, ids, row.id, input.toPayer);
  const from = input.fromPayer ?? PATIENT;
  const owed = owedBy(balancesByCharge(store, ids), row.id, from);
  if (input.amountCents > owed) {
    throw new ApiError(
      'VALIDATION',
      `${whose(from)} owes ${formatCents(owed)} on the ${row.code} charge; ${formatCents(input.amountCents)} cannot be moved.`,
      {
        amountCents: 'More than owed',
      },
    );
  }
  const postedOn = postingDate(store, input.postedOn);
  const base = { kind: 'transfer', chargeId: row.id, providerId: row.providerId };
  const groupId = store.capture.mutate((w) =>
    appendGroup(w, { patientId: row.patientId, postedOn, userId: user.id, note: input.note }, [
      { ...base, amountCents: -input.amountCents, payer: input.fromPayer ?? null },
      { ...base, amountCents: input.amountCents, payer: input.toPayer ?? null },
    ]),
  );
  return { groupId };
}

export function postRefund(store: Store, user: SessionUser, input: ParsedInput<'refunds.post'>) {
  const ids = accountIds(store, input.patientId);
  const [patientId = input.patientId] = ids;
  // Only the credit of whoever is paid back: refunding an insurer's overpayment must not bill the patient.
  const payer = input.payer ?? PATIENT;
  const credit = 0 - owedBy(balancesByCharge(store, ids), '', payer);
  if (input.amountCents > credit) {
    throw new ApiError(
      'VALIDATION',
      `${whose(payer)} has ${formatCents(Math.max(credit, 0))} of credit on this account; a refund cannot be more than that.`,
      {
        amountCents: 'More than the credit',
      },
    );
  }
  const postedOn = postingDate(store, input.postedOn);
  const groupId = store.capture.mutate((w) =>
    appendGroup(w, { patientId, postedOn, userId: user.id, note: input.note }, [
      {
        kind: 'refund',
        amountCents: input.amountCents,
        chargeId: null,
        payer: input.payer ?? null,
        method: input.method,
        reference: input.reference ?? null,
      },
    ]),
  );
  return { groupId };
}

export function reverseGroup(store: Store, user: SessionUser, input: ParsedInput<'ledger.reverse'>) {
  const rows = store.db.select().from(ledgerEntries).where(eq(ledgerEntries.groupId, input.groupId)).all();
  if (rows.length === 0) throw new ApiError('NOT_FOUND', 'That posting was not found. Reload the account.');
  if (rows.some((row) => row.kind === 'reversal'))
    throw new ApiError('VALIDATION', 'A reversal cannot be reversed. Post the entry again instead.');
  const counted = store.sqlite.prepare('SELECT count(*) AS n FROM ledger_counted WHERE group_id = ?').get(input.groupId) as { n: number };
  if (counted.n < rows.length) {
    throw new ApiError(
      'CONFLICT',
      'This posting is a second copy made on another workstation before they synced. Only the first one counts, so there is nothing to reverse.',
    );
  }
  const already = store.db
    .select({ id: ledgerEntries.reversesId })
    .from(ledgerEntries)
    .where(
      inArray(
        ledgerEntries.reversesId,
        rows.map((row) => row.id),
      ),
    )
    .all();
  if (already.length > 0) throw new ApiError('CONFLICT', 'This posting has already been reversed.');
  const [first] = rows;
  if (!first) throw new Error('unreachable: rows is not empty');
  const voided = rows.filter((row) => row.kind === 'charge' && row.chargeId).map((row) => row.chargeId as string);
  if (voided.length > 0) {
    const balances = balancesByCharge(store, [...new Set(rows.map((row) => row.patientId))]);
    const total = voided.reduce((sum, id) => sum + [...(balances.get(id)?.values() ?? [])].reduce((a, b) => a + b, 0), 0);
    const charged = rows.reduce((sum, row) => sum + (row.kind === 'charge' ? row.amountCents : 0), 0);
    // Anything else still counted against the charge (a payment, an adjustment not reversed) must go first.
    if (total !== charged) {
      throw new ApiError('CONFLICT', 'Payments or adjustments are applied to this charge. Reverse them first, then void the charge.');
    }
  }
  const postedOn = postingDate(store, input.postedOn);
  const groupId = store.capture.mutate((w) => {
    const id = appendGroup(
      w,
      { patientId: first.patientId, postedOn, userId: user.id, note: input.reason },
      rows.map((row) => ({
        kind: 'reversal',
        amountCents: -row.amountCents,
        chargeId: row.chargeId,
        payer: row.payer,
        providerId: row.providerId,
        method: row.method,
        reasonCode: row.reasonCode,
        reversesId: row.id,
      })),
    );
    for (const chargeId of voided) w.update(charges, chargeId, { status: 'voided' });
    return id;
  });
  return { groupId, reversed: rows.length };
}
