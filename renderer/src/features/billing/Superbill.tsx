/**
 * The superbill of one encounter: the services billed for the visit, priced
 * from the schedule of whoever is billed, each pointing at the visit's
 * diagnoses. Physicians capture draft lines; posting them to the ledger
 * waits for the signed note (the claim must match the record), and the
 * button says so instead of being refused. Posted lines are read only and
 * show what is still owed on them.
 */
import { useId, useState } from 'react';
import type { Charge, Superbill as SuperbillData } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { useSession } from '../../app/session';
import { TextInput } from '../../ui/Field';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { formatDate, formatCents } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';
import { clinicToday } from './billingText';
import { ChargeLineDialog } from './ChargeLineDialog';
import './billing.css';

export function Superbill({ encounterId }: { encounterId: string }) {
  const headingId = useId();
  const query = useApi('charges.superbill', { encounterId });
  const session = useSession();
  const [editing, setEditing] = useState<Charge | 'new' | null>(null);
  return (
    <section className="superbill" aria-labelledby={headingId}>
      <header className="superbill__header">
        <h3 id={headingId}>Superbill</h3>
        {query.data && <BilledTo bill={query.data} />}
        {session.can('billing.capture') && query.data && (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            Add service
          </button>
        )}
      </header>
      {query.isPending ? (
        <Loading label="Loading the superbill…" />
      ) : query.error ? (
        <ErrorMessage error={query.error} />
      ) : (
        <>
          <ChargeLines bill={query.data} onEdit={session.can('billing.capture') ? setEditing : undefined} />
          {session.can('billing.post') ? (
            <PostCharges bill={query.data} />
          ) : (
            query.data.charges.some((c) => c.status === 'draft') && (
              <p className="field__hint">
                The front desk or a practice manager posts these charges from the patient’s account
                {query.data.signed ? '.' : ', once the note is signed.'}
              </p>
            )
          )}
          {editing && <ChargeLineDialog bill={query.data} charge={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
        </>
      )}
    </section>
  );
}

function BilledTo({ bill }: { bill: SuperbillData }) {
  return (
    <p className="superbill__billto">
      Billed to <strong>{bill.billTo ?? 'Patient (self-pay)'}</strong>
      {bill.schedule ? ` · prices from “${bill.schedule.name}”` : ' · no fee schedule: enter each price'}
      {` · service date ${formatDate(bill.serviceDate)}`}
    </p>
  );
}

function ChargeLines({ bill, onEdit }: { bill: SuperbillData; onEdit?: (charge: Charge) => void }) {
  const remove = useApiMutation('charges.remove');
  const live = bill.charges.filter((c) => c.status !== 'voided');
  if (bill.charges.length === 0) return <Empty>No charges yet.</Empty>;
  const total = live.reduce((sum, c) => sum + c.totalCents, 0);
  return (
    <>
      <ErrorMessage error={remove.error} />
      <table className="table billing-table" aria-label="Charge lines">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Description</th>
            <th scope="col">Modifiers</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">Diagnoses</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bill.charges.map((charge) => (
            <tr key={charge.id} className={charge.status === 'voided' ? 'billing-row--void' : undefined}>
              <td className="mono">{charge.code}</td>
              <td>{charge.description}</td>
              <td className="mono">{charge.modifiers.join(', ')}</td>
              <td className="num">{charge.units}</td>
              <td className="num">{formatCents(charge.unitPriceCents)}</td>
              <td className="num">{formatCents(charge.totalCents)}</td>
              <td className="mono">{charge.diagnosisCodes.join(', ')}</td>
              <td>
                <ChargeStatus charge={charge} />
              </td>
              <td>
                {charge.status === 'draft' && onEdit && (
                  <div className="billing-actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => onEdit(charge)}
                      aria-label={`Edit ${charge.code}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ id: charge.id })}
                      aria-label={`Remove ${charge.code}`}
                    >
                      Remove
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Total
            </th>
            <td className="num">
              <strong>{formatCents(total)}</strong>
            </td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
    </>
  );
}

export function ChargeStatus({ charge }: { charge: Charge }) {
  if (charge.status === 'draft') return <span className="badge">Draft</span>;
  if (charge.status === 'voided') return <span className="badge badge--cancelled">Voided</span>;
  if (charge.status === 'posted') {
    return charge.balanceCents === 0 ? (
      <span className="badge badge--completed">Paid</span>
    ) : (
      <span className="badge badge--booked">Owes {formatCents(charge.balanceCents)}</span>
    );
  }
  return <span className="badge">{charge.status}</span>;
}

function PostCharges({ bill }: { bill: SuperbillData }) {
  const hintId = useId();
  const { reference } = useReference();
  const zone = reference?.clinic.timeZone ?? 'UTC';
  const [postedOn, setPostedOn] = useState(() => clinicToday(zone));
  const post = useApiMutation('charges.post');
  const form = useServerForm();
  const [done, setDone] = useState<string | null>(null);
  const drafts = bill.charges.filter((c) => c.status === 'draft');
  const why = !bill.signed ? 'Charges can be posted once the note is signed.' : drafts.length === 0 ? 'No draft charges to post.' : null;

  async function submit() {
    setDone(null);
    let summary = '';
    const posted = await form.run(async () => {
      const result = await post.mutateAsync({ encounterId: bill.encounterId, postedOn });
      summary = `Posted ${result.posted} charge${result.posted === 1 ? '' : 's'}, ${formatCents(result.totalCents)}.`;
    });
    if (posted) setDone(summary);
  }

  return (
    <div className="superbill__post">
      <ErrorMessage error={form.error} />
      <div className="superbill__post-row">
        <TextInput
          label="Post on"
          type="date"
          value={postedOn}
          onChange={(e) => setPostedOn(e.target.value)}
          error={form.fieldError('postedOn')}
          disabled={Boolean(why)}
        />
        <button
          type="button"
          className="button button--primary"
          disabled={Boolean(why) || form.busy}
          aria-describedby={why ? hintId : undefined}
          onClick={() => void submit()}
        >
          {form.busy ? 'Posting…' : 'Post charges'}
        </button>
      </div>
      {why && (
        <p id={hintId} className="field__hint">
          {why}
        </p>
      )}
      {done && (
        <p className="success-banner" role="status">
          {done}
        </p>
      )}
    </div>
  );
}
