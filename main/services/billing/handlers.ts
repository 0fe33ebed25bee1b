/** Billing: fee schedules, charge capture, the ledger, the lock date and the A/R aging report. */
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { arAging } from './aging';
import { patientAccount } from './balances';
import { listCharges, postCharges, removeCharge, saveCharge, superbill } from './charges';
import { exportFeeCsv, importFeeCsv, listItems, listSchedules, saveItem, saveSchedule } from './fees';
import { currentLock, setLockDate } from './lock';
import { postAdjustment, postPayment, postRefund, reverseGroup, transferBalance } from './payments';
import { claimDetail, createClaims, listClaims, markReady, setClaimStatus } from './claims';
import { export837 } from './claims-export';
import { claimPdf } from './claim-pdf';
import { loadProfile, saveProfile } from './profile';
import { readEra } from './era-read';
import { planEra, postEra } from './era-post';

type BillingMethod =
  | 'feeSchedules.list'
  | 'feeSchedules.save'
  | 'feeSchedules.items'
  | 'feeSchedules.saveItem'
  | 'feeSchedules.importCsv'
  | 'feeSchedules.exportCsv'
  | 'charges.superbill'
  | 'charges.save'
  | 'charges.remove'
  | 'charges.post'
  | 'charges.list'
  | 'payments.post'
  | 'adjustments.post'
  | 'balances.transfer'
  | 'refunds.post'
  | 'ledger.reverse'
  | 'billing.account'
  | 'billing.lockDate'
  | 'billing.setLockDate'
  | 'reports.arAging'
  | 'billing.profile'
  | 'billing.saveProfile'
  | 'claims.create'
  | 'claims.list'
  | 'claims.get'
  | 'claims.markReady'
  | 'claims.setStatus'
  | 'claims.export837'
  | 'claims.pdf'
  | 'remittances.preview'
  | 'remittances.post';

export const billingHandlers: Pick<Handlers, BillingMethod> = {
  'feeSchedules.list': (_input, { store }) => ({ schedules: listSchedules(store) }),
  'feeSchedules.save': (input, { store }) => saveSchedule(store, input),
  'feeSchedules.items': (input, { store }) => ({ items: listItems(store, input.scheduleId, input.query) }),
  'feeSchedules.saveItem': (input, { store }) => saveItem(store, input),
  'feeSchedules.importCsv': (input, { store }) => importFeeCsv(store, input),
  'feeSchedules.exportCsv': (input, { store }) => exportFeeCsv(store, input.scheduleId),
  'charges.superbill': (input, { store }) => superbill(store, input.encounterId),
  'charges.save': (input, ctx) => saveCharge(ctx.store, requireUser(ctx), input),
  'charges.remove': (input, { store }) => {
    removeCharge(store, input.id);
    return { ok: true };
  },
  'charges.post': (input, ctx) => postCharges(ctx.store, requireUser(ctx), input),
  'charges.list': (input, { store }) => ({ charges: listCharges(store, input.patientId, input.status) }),
  'payments.post': (input, ctx) => postPayment(ctx.store, requireUser(ctx), input),
  'adjustments.post': (input, ctx) => postAdjustment(ctx.store, requireUser(ctx), input),
  'balances.transfer': (input, ctx) => transferBalance(ctx.store, requireUser(ctx), input),
  'refunds.post': (input, ctx) => postRefund(ctx.store, requireUser(ctx), input),
  'ledger.reverse': (input, ctx) => reverseGroup(ctx.store, requireUser(ctx), input),
  'billing.account': (input, { store }) => patientAccount(store, input.patientId),
  'billing.lockDate': (_input, { store }) => currentLock(store),
  'billing.setLockDate': (input, ctx) => setLockDate(ctx.store, requireUser(ctx), input.lockDate),
  'reports.arAging': (input, { store }) => arAging(store, input),
  'billing.profile': (_input, { store }) => loadProfile(store),
  'billing.saveProfile': (input, { store }) => saveProfile(store, input),
  'claims.create': (input, ctx) => ({ claims: createClaims(ctx.store, requireUser(ctx), input) }),
  'claims.list': (input, { store }) => ({ claims: listClaims(store, input) }),
  'claims.get': (input, { store }) => claimDetail(store, input.id),
  'claims.markReady': (input, { store }) => markReady(store, input.id),
  'claims.setStatus': (input, { store }) => setClaimStatus(store, input),
  'claims.export837': (input, { store }) => export837(store, input.ids),
  'claims.pdf': (input, { store }) => claimPdf(store, input.id),
  'remittances.preview': (input, { store }) => planEra(store, readEra(input.content)).plan,
  'remittances.post': (input, ctx) => postEra(ctx.store, requireUser(ctx), readEra(input.content)),
};
