/**
 * Charge capture (the superbill): service lines of an encounter, priced from
 * the fee schedule of whoever is billed, editable while draft. Posting needs
 * the signed note (the record must support the bill) and writes one ledger
 * group per line, so each line can be voided on its own.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { charges, insurancePolicies } from '../../../db/schema';
import { ApiError, type Charge, type FeeSchedule, type ParsedInput, type Superbill } from '../../contract';
import { findEncounterRow, loadEncounter } from '../charting/encounters';
import type { SessionUser } from '../handler';
import { patientOf, withMergedRecords } from '../patients/records';
import { getClinic } from '../settings/reference';
import type { Store } from '../store';
import { balancesByCharge, toCharge } from './balances';
import { listSchedules, priceOf } from './fees';
import { appendGroup, postingDate } from './postings';

type ChargeRow = typeof charges.$inferSelect;

/** The primary insurer of the patient on a date (its payer name), or null when the patient pays. */
export function primaryPayer(store: Store, patientId: string, onDate: string): string | null {
  const policies = store.db
    .select()
    .from(insurancePolicies)
    .where(and(inArray(insurancePolicies.patientId, withMergedRecords(store, patientId)), isNull(insurancePolicies.deletedAt)))
    .orderBy(asc(insurancePolicies.rank))
    .all()
    .filter((p) => (!p.validFrom || p.validFrom <= onDate) && (!p.validTo || p.validTo >= onDate));
  return policies[0]?.payerName ?? null;
}

/** The payer's own schedule when there is one, else the self-pay schedule. */
export function scheduleFor(store: Store, payer: string | null): FeeSchedule | null {
  const active = listSchedules(store).filter((s) => s.active);
  const own = payer ? active.find((s) => s.kind === 'payer' && s.payerName?.toLowerCase() === payer.toLowerCase()) : undefined;
  return own ?? active.find((s) => s.kind === 'self_pay') ?? null;
}

function encounterFacts(store: Store, encounterId: string) {
  const row = findEncounterRow(store, encounterId);
  const detail = loadEncounter(store, encounterId);
  const patientId = patientOf(store, row.patientId);
  const serviceDate = DateTime.fromISO(row.startedAt).setZone(getClinic(store).timeZone).toISODate() ?? row.startedAt.slice(0, 10);
  const billTo = primaryPayer(store, patientId, serviceDate);
  return {
    row,
    patientId,
    serviceDate,
    billTo,
    signed: detail.encounter.noteStatus === 'signed',
    diagnoses: detail.encounter.diagnoses,
  };
}

function chargesOfEncounter(store: Store, encounterId: string): ChargeRow[] {
  return store.db
    .select()
    .from(charges)
    .where(and(eq(charges.encounterId, encounterId), isNull(charges.deletedAt)))
    .orderBy(asc(charges.id))
    .all();
}

export function superbill(store: Store, encounterId: string): Superbill {
  const facts = encounterFacts(store, encounterId);
  const balances = balancesByCharge(store, withMergedRecords(store, facts.patientId));
  return {
    encounterId,
    patientId: facts.patientId,
    providerId: facts.row.providerId,
    serviceDate: facts.serviceDate,
    signed: facts.signed,
    diagnoses: facts.diagnoses,
    schedule: scheduleFor(store, facts.billTo),
    billTo: facts.billTo,
    charges: chargesOfEncounter(store, encounterId).map((row) => toCharge(row, balances)),
  };
}

export function findCharge(store: Store, id: string): ChargeRow {
  const row = store.db.select().from(charges).where(eq(charges.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', 'That charge no longer exists. Reload the superbill.');
  return row;
}

function draftOnly(row: ChargeRow): void {
  if (row.status !== 'draft') {
    throw new ApiError(
      'CONFLICT',
      `This ${row.code} line is already ${row.status}; it cannot be changed. Reverse it in the patient's account instead.`,
    );
  }
}

export function saveCharge(store: Store, user: SessionUser, input: ParsedInput<'charges.save'>): Charge {
  const facts = encounterFacts(store, input.encounterId);
  if (input.id) {
    const current = findCharge(store, input.id);
    draftOnly(current);
    if (current.encounterId !== input.encounterId) throw new ApiError('VALIDATION', 'That charge belongs to another encounter.');
  }
  const schedule = scheduleFor(store, facts.billTo);
  const item = schedule ? priceOf(store, schedule.id, input.code) : undefined;
  const unitPriceCents = input.unitPriceCents ?? item?.priceCents;
  if (unitPriceCents === undefined) {
    throw new ApiError(
      'VALIDATION',
      `${input.code} is not on the fee schedule${schedule ? ` "${schedule.name}"` : ''}. Enter a price, or add the code to the schedule.`,
      {
        unitPriceCents: 'No price on the schedule',
      },
    );
  }
  const known = new Set(facts.diagnoses.map((d) => d.code.replace('.', '')));
  const stray = input.diagnosisCodes.find((code) => !known.has(code.replace('.', '').toUpperCase()));
  if (stray) {
    throw new ApiError('VALIDATION', `${stray} is not one of this encounter's diagnoses. Add it to the encounter first.`, {
      diagnosisCodes: 'Not on the encounter',
    });
  }
  const firstDiagnosis = facts.diagnoses[0]?.code;
  const values = {
    code: input.code,
    description: input.description ?? item?.description ?? input.code,
    modifiers: JSON.stringify(input.modifiers),
    units: input.units,
    unitPriceCents,
    // Prefilled from the note: a line with no pointer points at the primary diagnosis.
    diagnosisCodes: JSON.stringify(input.diagnosisCodes.length > 0 ? input.diagnosisCodes : firstDiagnosis ? [firstDiagnosis] : []),
  };
  const id = store.capture.mutate((w) => {
    if (input.id) {
      w.update(charges, input.id, values);
      return input.id;
    }
    return w.insert(charges, {
      ...values,
      patientId: facts.patientId,
      encounterId: input.encounterId,
      providerId: facts.row.providerId,
      serviceDate: facts.serviceDate,
      status: 'draft',
      capturedBy: user.id,
    });
  });
  return toCharge(findCharge(store, id), new Map());
}

export function removeCharge(store: Store, id: string): void {
  draftOnly(findCharge(store, id));
  store.capture.mutate((w) => w.remove(charges, id));
}

export function postCharges(store: Store, user: SessionUser, input: ParsedInput<'charges.post'>) {
  const facts = encounterFacts(store, input.encounterId);
  if (!facts.signed)
    throw new ApiError('VALIDATION', 'Sign the visit note before posting its charges: the bill must match a signed record.');
  const drafts = chargesOfEncounter(store, input.encounterId).filter((row) => row.status === 'draft');
  if (drafts.length === 0) throw new ApiError('VALIDATION', 'There are no draft charges to post on this encounter.');
  const postedOn = postingDate(store, input.postedOn);
  let total = 0;
  store.capture.mutate((w) => {
    const now = new Date().toISOString();
    for (const row of drafts) {
      const amount = row.units * row.unitPriceCents;
      total += amount;
      appendGroup(w, { patientId: facts.patientId, postedOn, userId: user.id }, [
        { kind: 'charge', amountCents: amount, chargeId: row.id, payer: facts.billTo, providerId: row.providerId },
      ]);
      w.update(charges, row.id, { status: 'posted', postedAt: now, postedBy: user.id });
    }
  });
  return { posted: drafts.length, totalCents: total };
}

export function listCharges(store: Store, patientId: string, status: string | undefined): Charge[] {
  const ids = withMergedRecords(store, patientOf(store, patientId));
  const balances = balancesByCharge(store, ids);
  return store.db
    .select()
    .from(charges)
    .where(and(inArray(charges.patientId, ids), isNull(charges.deletedAt), status ? eq(charges.status, status) : undefined))
    .orderBy(desc(charges.serviceDate), desc(charges.id))
    .all()
    .map((row) => toCharge(row, balances));
}
