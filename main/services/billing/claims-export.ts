/**
 * Exporting ready claims as one 837P file: gathers what each claim needs from
 * the patient, the policies and the provider, writes the file, and marks the
 * claims submitted with the file's batch id, all or nothing. The interchange
 * control number (ISA13, nine digits) is three digits from the workstation's
 * prefix and its own counter, so two offline workstations do not reuse one.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { claims, insurancePolicies, providers } from '../../../db/schema';
import { ApiError } from '../../contract';
import { findPatientRow } from '../patients/records';
import type { Store } from '../store';
import { claimDetail, findClaim, nameParts, policyOf } from './claims';
import { accountIds } from './balances';
import { loadProfile } from './profile';
import { build837, type ClaimForFile, type Party } from './x12-837';

function party(row: ReturnType<typeof findPatientRow>): Party {
  return {
    lastName: row.familyName,
    firstName: row.givenName,
    dateOfBirth: row.dateOfBirth,
    sex: row.sex,
    addressLine1: row.addressLine1,
    city: row.city,
    region: row.region,
    postalCode: row.postalCode,
  };
}

/** What the 837 file and the printed claim form say about a claim, whatever its status. */
export function claimContents(store: Store, id: string) {
  const row = findClaim(store, id);
  const detail = claimDetail(store, id);
  const policy = store.db
    .select()
    .from(insurancePolicies)
    .where(eq(insurancePolicies.id, row.policyId ?? ''))
    .get();
  const provider = store.db
    .select()
    .from(providers)
    .where(eq(providers.id, row.providerId ?? ''))
    .get();
  if (!policy || !provider) throw new ApiError('VALIDATION', `Claim ${row.number} has lost its policy or provider; recreate it.`);
  const patientRow = findPatientRow(store, row.patientId);
  const patient = party(patientRow);
  const [subscriberLast = '', ...subscriberFirst] = (policy.subscriberName ?? '').split(',').map((part) => part.trim());
  const subscriber: Party =
    policy.subscriberRelationship === 'self'
      ? patient
      : {
          ...patient,
          lastName: subscriberLast,
          firstName: subscriberFirst.join(' '),
          dateOfBirth: policy.subscriberDateOfBirth ?? '',
          sex: 'unknown',
        };
  const primaryPolicy = row.rank > 1 ? policyOf(store, accountIds(store, row.patientId), 1) : undefined;
  const form: ClaimForFile = {
    number: row.number,
    rank: row.rank,
    payerName: policy.payerName,
    payerId: policy.payerId ?? '',
    memberId: policy.memberId,
    groupNumber: policy.groupNumber,
    relationship: policy.subscriberRelationship,
    subscriber,
    patient,
    primary: primaryPolicy
      ? { payerName: primaryPolicy.payerName, payerId: primaryPolicy.payerId ?? '', memberId: primaryPolicy.memberId }
      : null,
    rendering: { ...nameParts(provider.displayName), npi: provider.npi ?? '' },
    diagnoses: detail.diagnoses,
    lines: detail.charges.map((charge) => ({
      code: charge.code,
      modifiers: charge.modifiers,
      units: charge.units,
      totalCents: charge.totalCents,
      pointers: charge.pointers,
      serviceDate: charge.serviceDate,
    })),
  };
  return { form, detail, mrn: patientRow.mrn, renderingName: provider.displayName, totalCents: detail.totalCents };
}

function forFile(store: Store, id: string): ClaimForFile {
  const row = findClaim(store, id);
  if (row.status !== 'ready') throw new ApiError('CONFLICT', `Claim ${row.number} is ${row.status}; only claims marked ready can be sent.`);
  const { form, detail } = claimContents(store, id);
  if (detail.problems.length > 0) throw new ApiError('VALIDATION', `Claim ${row.number} is missing: ${detail.problems.join('; ')}.`);
  return form;
}

export function export837(store: Store, ids: string[]) {
  const unique = [...new Set(ids)];
  const forms = unique.map((id) => forFile(store, id));
  const batchId = uuidv7();
  return store.capture.mutate(() => {
    const serial = store.nextNumber('interchange').slice(-6);
    const site = String(parseInt(createHash('sha256').update(store.workstationPrefix).digest('hex').slice(0, 6), 16) % 1000).padStart(
      3,
      '0',
    );
    const interchange = `${site}${serial}`;
    const content = build837(loadProfile(store), forms, { interchange, group: Number(serial), now: new Date(), test: false });
    const now = new Date().toISOString();
    store.capture.mutate((w) => {
      for (const id of unique) w.update(claims, id, { status: 'submitted', statusAt: now, batchId, statusReason: null });
    });
    return { fileName: `claims-837p-${interchange}.x12`, content, claims: unique.length };
  });
}
