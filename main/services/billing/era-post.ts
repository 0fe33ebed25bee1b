/**
 * Posting a remittance: each claim the payer answered becomes one ledger
 * group — the payer's payment per service line, its contractual and other
 * adjustments, and the patient's share moved from the payer to the patient —
 * and the claim is marked paid or denied. A claim that cannot be posted as
 * the payer describes it (unknown, already posted, a service not on the claim,
 * more taken than owed) is skipped with the reason, never half-posted. The
 * whole file is one transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { claims, ledgerEntries } from '../../../db/schema';
import type { RemittanceClaim, RemittancePlan } from '../../contract';
import type { SessionUser } from '../handler';
import type { Writer } from '../../sync/mutate';
import type { Store } from '../store';
import { accountIds, balancesByCharge, owedBy } from './balances';
import { linesOf } from './claims';
import type { Era, EraAdjustment, EraClaim } from './era-read';
import { appendGroup, clinicToday, postingDate, type EntryValues } from './postings';
import { formatCents } from '../../contract';

type ChargeRow = ReturnType<typeof linesOf>[number];

interface Planned {
  summary: RemittanceClaim;
  post?: { claimId: string; patientId: string; rows: EntryValues[]; status: 'paid' | 'denied'; reason: string | null };
}

const sum = (adjustments: EraAdjustment[], groups: string[]) =>
  adjustments.filter((a) => groups.includes(a.group)).reduce((total, a) => total + a.cents, 0);

/** Pair the payer's service lines with the claim's charges (same code and modifiers, in order). */
function matchServices(era: EraClaim, charges: ChargeRow[]): { charge: ChargeRow; paid: number; adjustments: EraAdjustment[] }[] | string {
  if (era.services.length === 0) {
    // A claim-level answer: all of it on the first line, the usual case of a one-line claim.
    const [first] = charges;
    if (!first || charges.length > 1) return 'The payer answered the claim without its service lines; post it by hand.';
    return [{ charge: first, paid: era.paidCents, adjustments: era.adjustments }];
  }
  const unused = [...charges];
  const pairs = [];
  for (const service of era.services) {
    const index = unused.findIndex(
      (c) =>
        c.code === service.code &&
        (service.modifiers.length === 0 || service.modifiers.join() === (JSON.parse(c.modifiers) as string[]).join()),
    );
    const charge = unused[index];
    if (!charge) return `Service ${service.code} on the remittance is not on this claim.`;
    unused.splice(index, 1);
    pairs.push({ charge, paid: service.paidCents, adjustments: service.adjustments });
  }
  return pairs;
}

function planClaim(store: Store, era: Era, item: EraClaim): Planned {
  const patientShare = sum(item.services.flatMap((s) => s.adjustments).concat(item.adjustments), ['PR']);
  const adjusted = sum(item.services.flatMap((s) => s.adjustments).concat(item.adjustments), ['CO', 'OA', 'PI', 'CR']);
  const summary: RemittanceClaim = {
    number: item.number,
    patientName: item.patientName,
    outcome: item.status === '4' ? 'denied' : item.status === '22' ? 'reversed' : 'paid',
    chargedCents: item.chargedCents,
    paidCents: item.paidCents,
    adjustedCents: adjusted,
    patientCents: patientShare,
    skipped: null,
  };
  const skip = (reason: string): Planned => ({ summary: { ...summary, skipped: reason } });
  if (item.status === '22') return skip('A reversal of an earlier payment: reverse that posting on the patient’s account.');
  const claim = store.db.select().from(claims).where(eq(claims.number, item.number)).get();
  if (!claim || claim.deletedAt) return skip('No claim with this number in Outpost.');
  const charges = linesOf(store, claim.id);
  const reference = `ERA ${era.trace}`;
  const already = store.db
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.reference, reference),
        inArray(
          ledgerEntries.chargeId,
          charges.map((c) => c.id),
        ),
      ),
    )
    .get();
  if (already) return skip('Already posted from this remittance.');
  if (claim.status !== 'submitted' && claim.status !== 'accepted') {
    return skip(`Claim ${claim.number} is ${claim.status}, not waiting for the payer: post it by hand if this answer is right.`);
  }
  const matched = matchServices(item, charges);
  if (typeof matched === 'string') return skip(matched);
  // Adjustments the payer made to the claim as a whole (claim-level CAS) go on its first line.
  const pairs =
    item.services.length > 0 && matched[0]
      ? [{ ...matched[0], adjustments: [...matched[0].adjustments, ...item.adjustments] }, ...matched.slice(1)]
      : matched;
  const balances = balancesByCharge(store, accountIds(store, claim.patientId));
  const rows: EntryValues[] = [];
  for (const { charge, paid, adjustments } of pairs) {
    const taken = paid + sum(adjustments, ['CO', 'OA', 'PI', 'CR', 'PR']);
    const owed = owedBy(balances, charge.id, claim.payerName);
    if (taken > owed)
      return skip(`It takes ${formatCents(taken)} on ${charge.code}, where ${claim.payerName} owes ${formatCents(owed)}; post it by hand.`);
    const base = { chargeId: charge.id, providerId: charge.providerId, reference };
    if (paid > 0) rows.push({ ...base, kind: 'payment', amountCents: -paid, payer: claim.payerName, method: 'insurance' });
    for (const a of adjustments) {
      const reasonCode = `${a.group}-${a.reason}`;
      if (a.group === 'PR') {
        rows.push({ ...base, kind: 'transfer', amountCents: -a.cents, payer: claim.payerName, reasonCode });
        rows.push({ ...base, kind: 'transfer', amountCents: a.cents, payer: null, reasonCode });
      } else rows.push({ ...base, kind: 'adjustment', amountCents: -a.cents, payer: claim.payerName, reasonCode });
    }
  }
  const denial = [...item.adjustments, ...item.services.flatMap((s) => s.adjustments)].map((a) => `${a.group}-${a.reason}`)[0] ?? null;
  // The payer's own status code says what happened (4: denied); a processed claim paid $0 (all to the deductible) is not a denial.
  const denied = item.status === '4';
  return {
    summary,
    post: { claimId: claim.id, patientId: claim.patientId, rows, status: denied ? 'denied' : 'paid', reason: denied ? denial : null },
  };
}

export function planEra(store: Store, era: Era): { plan: RemittancePlan; planned: Planned[] } {
  const seen = new Set<string>();
  const planned = era.claims.map((item): Planned => {
    const plan = planClaim(store, era, item);
    if (!plan.post) return plan;
    // Balances are read once per claim, before anything is written: the same claim twice in one file posts once.
    if (seen.has(plan.post.claimId)) return { summary: { ...plan.summary, skipped: 'Listed twice in this remittance: posted once.' } };
    seen.add(plan.post.claimId);
    return plan;
  });
  return {
    plan: {
      payer: era.payer,
      trace: era.trace,
      paidOn: era.paidOn,
      totalPaidCents: era.totalPaidCents,
      claims: planned.map((p) => p.summary),
    },
    planned,
  };
}

export function postEra(store: Store, user: SessionUser, era: Era): RemittancePlan & { postedClaims: number } {
  // An EFT dated ahead of today is posted today; a payment inside a closed period is refused whole (LOCKED).
  const postedOn = postingDate(store, era.paidOn > clinicToday(store) ? undefined : era.paidOn);
  return store.capture.mutate((w: Writer) => {
    const { plan, planned } = planEra(store, era);
    let posted = 0;
    for (const { post } of planned) {
      if (!post) continue;
      if (post.rows.length > 0)
        appendGroup(w, { patientId: post.patientId, postedOn, userId: user.id, note: `Remittance from ${era.payer}` }, post.rows);
      w.update(claims, post.claimId, { status: post.status, statusReason: post.reason, statusAt: new Date().toISOString() });
      posted += 1;
    }
    return { ...plan, postedClaims: posted };
  });
}
