/**
 * Claims: a payer is billed for the posted charges it owes, one claim per
 * rendering provider (a CMS-1500 has one). A claim is checked before it may
 * be sent, with the list of what is missing in words; it moves through its
 * statuses only along claimTransitions. Its money lives in the ledger, not here.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { charges, claimLines, claims, insurancePolicies, patients, providers } from '../../../db/schema';
import { ApiError, claimTransitions, patientDisplayName, type ClaimDetail, type ClaimSummary, type ParsedInput } from '../../contract';
import { isValidNpi } from '../../contract/claims';
import type { SessionUser } from '../handler';
import { findPatientRow } from '../patients/records';
import type { Store } from '../store';
import { accountIds, balancesByCharge, owedBy, toCharge } from './balances';
import { loadProfile } from './profile';

type ClaimRow = typeof claims.$inferSelect;
type PolicyRow = typeof insurancePolicies.$inferSelect;

const RANK_NAMES = ['primary', 'secondary', 'tertiary'];

function policyOf(store: Store, ids: string[], rank: number): PolicyRow | undefined {
  return store.db
    .select()
    .from(insurancePolicies)
    .where(and(inArray(insurancePolicies.patientId, ids), eq(insurancePolicies.rank, rank), isNull(insurancePolicies.deletedAt)))
    .get();
}

function findClaim(store: Store, id: string): ClaimRow {
  const row = store.db.select().from(claims).where(eq(claims.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', 'That claim no longer exists. Reload the list.');
  return row;
}

function linesOf(store: Store, claimId: string) {
  const rows = store.db
    .select({ charge: charges, line: claimLines.lineNumber })
    .from(claimLines)
    .innerJoin(charges, eq(charges.id, claimLines.chargeId))
    .where(and(eq(claimLines.claimId, claimId), isNull(claimLines.deletedAt)))
    .orderBy(asc(claimLines.lineNumber))
    .all();
  return rows.map((row) => row.charge);
}

/** Split a provider's display name ("Dr. Avery Lane, MD") into the parts a claim form wants. */
function nameParts(displayName: string): { firstName: string; lastName: string } {
  const words = displayName
    .replace(/,.*$/, '')
    .replace(/^(dr|doctor)\.?\s+/i, '')
    .trim()
    .split(/\s+/);
  return { lastName: words.at(-1) ?? displayName, firstName: words.slice(0, -1).join(' ') };
}

function problemsOf(store: Store, row: ClaimRow, diagnoses: string[], lines: { code: string; pointers: number[] }[]): string[] {
  const problems: string[] = [];
  const profile = loadProfile(store);
  if (!profile.npi) problems.push('The clinic’s billing NPI (Billing › Billing profile)');
  if (!profile.taxId) problems.push('The clinic’s tax id (EIN)');
  if (!profile.addressLine1 || !profile.city || !profile.region || !profile.postalCode) problems.push('The clinic’s billing address');
  else if (profile.postalCode.replace(/\D/g, '').length !== 9) problems.push('The clinic’s billing ZIP+4 (nine digits, e.g. 62701-1234)');
  if (!profile.phone) problems.push('The clinic’s billing phone number (the claim file’s contact)');
  if (!profile.submitterId || !profile.receiverId) problems.push('The clearinghouse submitter and receiver ids');
  const policy = row.policyId ? store.db.select().from(insurancePolicies).where(eq(insurancePolicies.id, row.policyId)).get() : undefined;
  if (!policy || policy.deletedAt) problems.push(`The patient’s ${RANK_NAMES[row.rank - 1] ?? ''} insurance policy was removed`);
  else {
    if (!policy.payerId) problems.push(`The payer id of ${policy.payerName} (on the insurance card or the clearinghouse’s payer list)`);
    if (policy.subscriberRelationship !== 'self' && (!policy.subscriberName || !policy.subscriberDateOfBirth)) {
      problems.push('The subscriber’s name and date of birth (the patient is not the policy holder)');
    }
  }
  const patient = findPatientRow(store, row.patientId);
  if (!patient.addressLine1 || !patient.city || !patient.region || !patient.postalCode) problems.push('The patient’s address');
  const provider = row.providerId ? store.db.select().from(providers).where(eq(providers.id, row.providerId)).get() : undefined;
  if (!provider?.npi || !isValidNpi(provider.npi))
    problems.push(`A valid NPI for ${provider?.displayName ?? 'the rendering provider'} (Admin › Providers)`);
  if (diagnoses.length > 12) problems.push('At most 12 diagnoses fit on one claim; split the charges');
  for (const line of lines) if (line.pointers.length === 0) problems.push(`A diagnosis for the ${line.code} line`);
  if (lines.length === 0) problems.push('At least one service line');
  if (lines.length > 50) problems.push('At most 50 service lines fit on one claim');
  return problems;
}

export function claimDetail(store: Store, id: string): ClaimDetail {
  const row = findClaim(store, id);
  const ids = accountIds(store, row.patientId);
  const balances = balancesByCharge(store, ids);
  const chargeRows = linesOf(store, id);
  const diagnoses: string[] = [];
  const lines = chargeRows.map((charge) => {
    const view = toCharge(charge, balances);
    const pointers = view.diagnosisCodes.map((code) => {
      if (!diagnoses.includes(code)) diagnoses.push(code);
      return diagnoses.indexOf(code) + 1;
    });
    return { ...view, pointers: pointers.slice(0, 4) };
  });
  const patient = findPatientRow(store, row.patientId);
  const policy = row.policyId ? store.db.select().from(insurancePolicies).where(eq(insurancePolicies.id, row.policyId)).get() : undefined;
  const provider = row.providerId ? store.db.select().from(providers).where(eq(providers.id, row.providerId)).get() : undefined;
  const dates = lines.map((line) => line.serviceDate).sort();
  return {
    ...summaryOf(
      row,
      patientDisplayName(patient),
      lines.length,
      lines.reduce((sum, line) => sum + line.totalCents, 0),
      dates,
    ),
    memberId: policy?.memberId ?? null,
    payerId: policy?.payerId ?? null,
    providerName: provider?.displayName ?? null,
    diagnoses,
    charges: lines,
    problems: problemsOf(store, row, diagnoses, lines),
  };
}

function summaryOf(row: ClaimRow, patientName: string, lines: number, totalCents: number, dates: string[]): ClaimSummary {
  return {
    id: row.id,
    number: row.number,
    patientId: row.patientId,
    patientName,
    payerName: row.payerName,
    rank: row.rank,
    status: row.status,
    statusReason: row.statusReason,
    totalCents,
    serviceFrom: dates[0] ?? null,
    serviceTo: dates.at(-1) ?? null,
    lines,
  };
}

export function createClaims(store: Store, user: SessionUser, input: ParsedInput<'claims.create'>): ClaimDetail[] {
  const ids = accountIds(store, input.patientId);
  const [patientId = input.patientId] = ids;
  const policy = policyOf(store, ids, input.rank);
  if (!policy) {
    throw new ApiError(
      'VALIDATION',
      `This patient has no ${RANK_NAMES[input.rank - 1]} insurance on file. Add it to the patient’s record first.`,
    );
  }
  const balances = balancesByCharge(store, ids);
  const claimed = new Set(
    store.db
      .select({ chargeId: claimLines.chargeId })
      .from(claimLines)
      .innerJoin(claims, eq(claims.id, claimLines.claimId))
      .where(and(eq(claims.payerName, policy.payerName), isNull(claimLines.deletedAt), isNull(claims.deletedAt)))
      .all()
      .map((row) => row.chargeId),
  );
  const open = store.db
    .select()
    .from(charges)
    .where(and(inArray(charges.patientId, ids), eq(charges.status, 'posted'), isNull(charges.deletedAt)))
    .orderBy(asc(charges.serviceDate), asc(charges.id))
    .all()
    .filter((charge) => !claimed.has(charge.id) && owedBy(balances, charge.id, policy.payerName) > 0);
  if (open.length === 0) {
    throw new ApiError('VALIDATION', `Nothing to bill: no posted charges are owed by ${policy.payerName} that are not on a claim already.`);
  }
  const byProvider = new Map<string, typeof open>();
  for (const charge of open) byProvider.set(charge.providerId ?? '', [...(byProvider.get(charge.providerId ?? '') ?? []), charge]);
  const created = store.capture.mutate((w) =>
    [...byProvider].map(([providerId, group]) => {
      const claimId = w.insert(claims, {
        number: `CL${store.nextNumber('claim')}`,
        patientId,
        policyId: policy.id,
        payerName: policy.payerName,
        rank: input.rank,
        providerId: providerId || null,
        status: 'draft',
        createdBy: user.id,
      });
      group.forEach((charge, i) => w.insert(claimLines, { claimId, chargeId: charge.id, lineNumber: i + 1 }));
      return claimId;
    }),
  );
  return created.map((id) => claimDetail(store, id));
}

export function listClaims(store: Store, input: ParsedInput<'claims.list'>): ClaimSummary[] {
  const rows = store.db
    .select()
    .from(claims)
    .where(
      and(
        isNull(claims.deletedAt),
        input.status ? eq(claims.status, input.status) : undefined,
        input.patientId ? inArray(claims.patientId, accountIds(store, input.patientId)) : undefined,
      ),
    )
    .orderBy(desc(claims.createdAt))
    .limit(500)
    .all();
  return rows.map((row) => {
    const lines = linesOf(store, row.id);
    const patient = store.db.select().from(patients).where(eq(patients.id, row.patientId)).get();
    const dates = lines.map((line) => line.serviceDate).sort();
    const total = lines.reduce((sum, line) => sum + line.units * line.unitPriceCents, 0);
    return summaryOf(row, patient ? patientDisplayName(patient) : 'Unknown patient', lines.length, total, dates);
  });
}

export function markReady(store: Store, id: string): ClaimDetail {
  const detail = claimDetail(store, id);
  if (detail.status !== 'draft')
    throw new ApiError('CONFLICT', `Claim ${detail.number} is ${detail.status}; only a draft can be marked ready.`);
  if (detail.problems.length > 0) {
    throw new ApiError('VALIDATION', `Claim ${detail.number} cannot be sent yet. Missing: ${detail.problems.join('; ')}.`, {
      problems: detail.problems.join('\n'),
    });
  }
  store.capture.mutate((w) => w.update(claims, id, { status: 'ready', statusAt: new Date().toISOString(), statusReason: null }));
  return claimDetail(store, id);
}

export function setClaimStatus(store: Store, input: ParsedInput<'claims.setStatus'>): ClaimDetail {
  const row = findClaim(store, input.id);
  const allowed = claimTransitions[row.status] ?? [];
  if (!allowed.includes(input.status)) {
    const options = allowed.length > 0 ? `It can move to: ${allowed.join(', ')}.` : 'It cannot be changed by hand.';
    throw new ApiError('CONFLICT', `Claim ${row.number} is ${row.status}. ${options}`);
  }
  if ((input.status === 'rejected' || input.status === 'denied') && !input.reason) {
    throw new ApiError('VALIDATION', 'Say why the payer rejected or denied it (the reason or code on the response).', {
      reason: 'Required',
    });
  }
  store.capture.mutate((w) =>
    w.update(claims, row.id, { status: input.status, statusReason: input.reason ?? null, statusAt: new Date().toISOString() }),
  );
  return claimDetail(store, row.id);
}

export { findClaim, linesOf, nameParts, policyOf };
