/**
 * One patient's account as the desk reads it: what is owed and by whom,
 * how old it is, the charges with what is left on each, and every posting
 * (the ledger) newest first. The actions open one dialog each; what a role
 * cannot do is not offered (dispatch refuses it anyway).
 */
import { useState } from 'react';
import { patientDisplayName, type Charge, type PatientAccount } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { formatDate, formatCents } from '../../ui/format';
import { PatientStatementButton } from '../reports/Statements';
import { AccountClaims } from './AccountClaims';
import { chargeName } from './billingText';
import { AdjustmentDialog, RefundDialog, TransferDialog } from './LedgerDialogs';
import { LedgerTable } from './LedgerTable';
import { PaymentDialog } from './PaymentDialog';
import { ChargeStatus, Superbill } from './Superbill';

type Action = 'payment' | 'adjust' | 'transfer' | 'refund';

export function AccountView({ patientId }: { patientId: string }) {
  const query = useApi('billing.account', { patientId });
  const patient = useApi('patients.get', { id: patientId });
  const session = useSession();
  const [action, setAction] = useState<Action | null>(null);
  const [reviewing, setReviewing] = useState<string | null>(null);
  if (query.isPending) return <Loading label="Opening the account…" />;
  if (query.error) return <ErrorMessage error={query.error} />;
  const account = query.data;
  const name = patient.data ? patientDisplayName(patient.data) : 'this patient';
  // The patient's insurers in billing order, then any other payer the ledger already names.
  const payers = [
    ...new Set([
      ...(patient.data?.insurance ?? []).sort((a, b) => a.rank - b.rank).map((p) => p.payerName),
      ...account.entries.map((e) => e.payer).filter((p): p is string => p !== null),
    ]),
  ];
  const posted = account.charges.filter((c) => c.status === 'posted');
  const open = posted.filter((c) => c.balanceCents > 0);
  const drafts = account.charges.filter((c) => c.status === 'draft');
  const draftEncounters = [...new Set(drafts.map((c) => c.encounterId).filter((id): id is string => id !== null))];
  const close = () => setAction(null);

  return (
    <section className="account" aria-label={`Account of ${name}`}>
      <h2>Account of {name}</h2>
      <Summary account={account} />
      <div className="account__actions" role="group" aria-label="Account actions">
        {session.can('billing.post') && (
          <button type="button" className="button button--primary" onClick={() => setAction('payment')}>
            Take payment
          </button>
        )}
        {session.can('billing.manage') && (
          <button type="button" className="button" disabled={open.length === 0} onClick={() => setAction('adjust')}>
            Adjust / write off
          </button>
        )}
        {session.can('billing.post') && payers.length > 0 && (
          <button type="button" className="button" disabled={open.length === 0} onClick={() => setAction('transfer')}>
            Move balance to patient
          </button>
        )}
        {session.can('billing.manage') && (
          <button type="button" className="button" disabled={account.unappliedCents <= 0} onClick={() => setAction('refund')}>
            Refund credit
          </button>
        )}
        <PatientStatementButton patientId={patientId} patientName={name} />
      </div>
      {draftEncounters.length > 0 && (
        <div className="warning-banner account__drafts">
          <span>
            {drafts.length} captured charge{drafts.length === 1 ? ' is' : 's are'} not posted yet ({drafts.map(chargeName).join(', ')}).
          </span>
          {draftEncounters.map((encounterId) => (
            <button key={encounterId} type="button" className="button button--small" onClick={() => setReviewing(encounterId)}>
              Review and post
            </button>
          ))}
        </div>
      )}
      <ChargesTable charges={account.charges.filter((c) => c.status !== 'draft')} />
      <AccountClaims patientId={patientId} policies={patient.data?.insurance ?? []} />
      <LedgerTable account={account} />
      {action === 'payment' && <PaymentDialog account={account} payers={payers} onClose={close} />}
      {action === 'adjust' && <AdjustmentDialog account={account} payers={payers} onClose={close} />}
      {action === 'transfer' && <TransferDialog account={account} payers={payers} onClose={close} />}
      {action === 'refund' && <RefundDialog account={account} onClose={close} />}
      <Dialog title="Charges waiting to be posted" open={reviewing !== null} onClose={() => setReviewing(null)} wide>
        {reviewing && <Superbill encounterId={reviewing} />}
      </Dialog>
    </section>
  );
}

function Summary({ account }: { account: PatientAccount }) {
  const figures: [string, number][] = [
    ['Balance', account.balanceCents],
    ['Patient due', account.patientDueCents],
    ['Insurance due', account.insuranceDueCents],
    ['Credit on account', account.unappliedCents],
  ];
  const aging: [string, number][] = [
    ['Current', account.aging.current],
    ['31–60 days', account.aging.days31to60],
    ['61–90 days', account.aging.days61to90],
    ['Over 90 days', account.aging.over90],
  ];
  return (
    <div className="account__summary">
      <dl className="account__figures" aria-label="Account summary">
        {figures.map(([label, cents]) => (
          <div key={label} className={`account__figure${label === 'Balance' ? ' account__figure--main' : ''}`}>
            <dt>{label}</dt>
            <dd>{formatCents(cents)}</dd>
          </div>
        ))}
      </dl>
      <dl className="account__aging" aria-label="Aging">
        {aging.map(([label, cents]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatCents(cents)}</dd>
          </div>
        ))}
      </dl>
      {account.balanceCents === 0 && account.charges.length > 0 && <p className="account__settled">Nothing owed.</p>}
    </div>
  );
}

function ChargesTable({ charges }: { charges: Charge[] }) {
  return (
    <section aria-labelledby="account-charges-title">
      <h3 id="account-charges-title">Charges</h3>
      {charges.length === 0 ? (
        <Empty>No charges yet.</Empty>
      ) : (
        <table className="table billing-table" aria-label="Charges">
          <thead>
            <tr>
              <th scope="col">Service date</th>
              <th scope="col">Code</th>
              <th scope="col">Description</th>
              <th scope="col">Diagnoses</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col" className="num">
                Balance
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {charges.map((c) => (
              <tr key={c.id} className={c.status === 'voided' ? 'billing-row--void' : undefined}>
                <td>{formatDate(c.serviceDate)}</td>
                <td className="mono">{chargeName(c)}</td>
                <td>{c.description}</td>
                <td className="mono">{c.diagnosisCodes.join(', ')}</td>
                <td className="num">{formatCents(c.totalCents)}</td>
                <td className="num">{formatCents(c.balanceCents)}</td>
                <td>
                  <ChargeStatus charge={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
