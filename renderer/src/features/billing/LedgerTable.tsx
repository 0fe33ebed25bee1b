/**
 * Every posting of the account, newest first, with the balance after each.
 * Rows are never changed: a reversed posting stays, struck through, next to
 * its reversal; a second copy of a posting made on another workstation
 * before the two synced is shown but not counted (its balance column says so).
 */
import { useState } from 'react';
import type { LedgerEntry, PatientAccount } from '../../../../main/contract';
import { useSession } from '../../app/session';
import { Empty } from '../../ui/feedback';
import { formatDate, formatCents } from '../../ui/format';
import { chargeName, kindLabel, methodAndReference, payerLabel, reasonLabel } from './billingText';
import { ReverseDialog } from './LedgerDialogs';

export function LedgerTable({ account }: { account: PatientAccount }) {
  const canReverse = useSession().can('billing.manage');
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  const codes = new Map(account.charges.map((c) => [c.id, chargeName(c)]));
  return (
    <section aria-labelledby="account-ledger-title">
      <h3 id="account-ledger-title">Ledger</h3>
      {account.entries.length === 0 ? (
        <Empty>Nothing posted yet.</Empty>
      ) : (
        <table className="table billing-table billing-ledger" aria-label="Ledger, newest first">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Kind</th>
              <th scope="col">Charge</th>
              <th scope="col">Payer</th>
              <th scope="col">Method / reference</th>
              <th scope="col">Reason</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Balance
              </th>
              <th scope="col">Entered by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {account.entries.map((entry) => {
              const reversible = canReverse && entry.kind !== 'reversal' && !entry.reversed && entry.counted;
              return (
                <tr
                  key={entry.id}
                  className={
                    `${entry.reversed ? 'billing-row--void' : ''}${entry.counted ? '' : ' billing-row--uncounted'}`.trim() || undefined
                  }
                >
                  <td>{formatDate(entry.postedOn)}</td>
                  <td className="billing-wrap">
                    <span className="billing-nowrap">{kindLabel(entry.kind)}</span>
                    {entry.reversed && <span className="badge badge--cancelled billing-flag">Reversed</span>}
                    {!entry.counted && <span className="badge billing-flag">Duplicate copy, not counted</span>}
                  </td>
                  <td className="mono">{entry.chargeId ? (codes.get(entry.chargeId) ?? '') : 'On account'}</td>
                  <td>{payerLabel(entry.payer)}</td>
                  <td>{methodAndReference(entry)}</td>
                  <td className="billing-wrap">
                    {reasonLabel(entry.reasonCode)}
                    {entry.note && <span className="billing-note">{entry.note}</span>}
                  </td>
                  <td className="num">{formatCents(entry.amountCents)}</td>
                  <td className="num">{entry.counted ? formatCents(entry.runningCents) : '—'}</td>
                  <td>{entry.enteredByName}</td>
                  <td>
                    {reversible && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Reverse ${kindLabel(entry.kind).toLowerCase()} of ${formatCents(entry.amountCents)} on ${formatDate(entry.postedOn)}`}
                        onClick={() => setReversing(entry)}
                      >
                        Reverse
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {reversing && <ReverseDialog entry={reversing} account={account} onClose={() => setReversing(null)} />}
    </section>
  );
}
