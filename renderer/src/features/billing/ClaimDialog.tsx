/**
 * One claim as the practice manager checks it: who is billed for what, the
 * service lines with their diagnosis pointers (numbers into the claim's
 * ICD-10 list, as on a CMS-1500), and, first of all, what must be fixed
 * before it can be sent, in the core's words with where to fix it. Status
 * changes are offered only along claimTransitions; a rejection or denial
 * needs the payer's reason.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { claimTransitions, type ClaimDetail } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { Select, TextInput } from '../../ui/Field';
import { FileButton } from '../../ui/FileButton';
import { pdfBlob } from '../../ui/files';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { formatDate, formatCents } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';
import { chargeName } from './billingText';
import { ClaimStatusBadge } from './ClaimsTable';
import { claimStatusLabel, rankName, serviceDates } from './claimsText';

export function ClaimDialog({ claimId, onClose }: { claimId: string; onClose(): void }) {
  const query = useApi('claims.get', { id: claimId });
  const title = query.data ? `Claim ${query.data.number}` : 'Claim';
  return (
    <Dialog title={title} open onClose={onClose} wide>
      {query.isPending ? (
        <Loading label="Opening the claim…" />
      ) : query.error ? (
        <ErrorMessage error={query.error} />
      ) : (
        <ClaimView claim={query.data} />
      )}
    </Dialog>
  );
}

function ClaimView({ claim }: { claim: ClaimDetail }) {
  const { can } = useSession();
  const markReady = useApiMutation('claims.markReady');
  const form = useServerForm();
  // A refusal lists what the core found missing just now, which may differ from what was loaded.
  const refused = form.error?.fields?.problems?.split('\n');
  const problems = refused ?? claim.problems;
  const sendable = claim.status === 'draft' || claim.status === 'ready';

  return (
    <div className="claim">
      <dl className="claim__facts">
        <Fact term="Status">
          <ClaimStatusBadge claim={claim} />
        </Fact>
        <Fact term="Patient">{claim.patientName}</Fact>
        <Fact term="Payer">
          {claim.payerName} ({rankName(claim.rank)})
        </Fact>
        <Fact term="Payer id">{claim.payerId ?? 'Missing'}</Fact>
        <Fact term="Member id">{claim.memberId ?? '—'}</Fact>
        <Fact term="Rendering provider">{claim.providerName ?? 'None'}</Fact>
        <Fact term="Service dates">{serviceDates(claim)}</Fact>
        <Fact term="Total">{formatCents(claim.totalCents)}</Fact>
      </dl>
      {sendable && problems.length > 0 && (
        <section className="claim__todo" aria-labelledby="claim-todo-title" role={refused ? 'alert' : undefined}>
          <h3 id="claim-todo-title">
            {refused ? `Claim ${claim.number} cannot be sent yet. ` : ''}To fix before sending ({problems.length})
          </h3>
          <ul aria-label="To fix before sending">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </section>
      )}
      {sendable && problems.length === 0 && <p className="success-banner">Nothing is missing: this claim can be sent.</p>}
      {!refused && <ErrorMessage error={form.error} />}
      <Lines claim={claim} />
      <div className="claim__actions claim__actions--inline">
        <FileButton
          label="CMS-1500 (PDF)"
          make={async () => {
            const printed = await api.call('claims.pdf', { id: claim.id });
            return { fileName: printed.fileName, content: pdfBlob(printed.pdfBase64) };
          }}
        />
        <span className="billing-muted">The claim in the layout of the paper claim form, for payers that take paper.</span>
      </div>
      {can('billing.post') && claim.status === 'draft' && (
        <div className="claim__actions claim__actions--inline">
          <button
            type="button"
            className="button button--primary"
            disabled={form.busy}
            onClick={() => void form.run(() => markReady.mutateAsync({ id: claim.id }))}
          >
            {form.busy ? 'Checking…' : 'Mark ready'}
          </button>
          <span className="billing-muted">Checks the claim again and marks it ready to send.</span>
        </div>
      )}
      {can('billing.post') && <StatusForm claim={claim} />}
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Lines({ claim }: { claim: ClaimDetail }) {
  return (
    <section aria-labelledby="claim-lines-title" className="claim">
      <h3 id="claim-lines-title">Diagnoses and service lines</h3>
      <ol className="claim__diagnoses" aria-label="Diagnoses on the claim">
        {claim.diagnoses.map((code, i) => (
          <li key={code} className="mono">
            <span className="claim__pointer">{i + 1}</span>
            {code}
          </li>
        ))}
      </ol>
      <table className="table billing-table" aria-label="Service lines">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Service date</th>
            <th scope="col">Code</th>
            <th scope="col">Description</th>
            <th scope="col">Diagnoses</th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {claim.charges.map((line, i) => (
            <tr key={line.id}>
              <td>{i + 1}</td>
              <td className="billing-nowrap">{formatDate(line.serviceDate)}</td>
              <td className="mono">{chargeName(line)}</td>
              <td>{line.description}</td>
              <td className="mono">
                {line.pointers.length === 0 ? (
                  <span className="billing-muted">None</span>
                ) : (
                  line.pointers.map((pointer) => (
                    <span key={pointer} className="billing-nowrap">
                      <span className="claim__pointer">{pointer}</span>
                      {claim.diagnoses[pointer - 1]}{' '}
                    </span>
                  ))
                )}
              </td>
              <td className="num">{formatCents(line.totalCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Total
            </th>
            <td className="num">{formatCents(claim.totalCents)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** What the payer or the clearinghouse said, along the transitions the claim's status allows. */
function StatusForm({ claim }: { claim: ClaimDetail }) {
  const next = claimTransitions[claim.status] ?? [];
  const [status, setStatus] = useState<string>(next[0] ?? '');
  const [reason, setReason] = useState('');
  const setClaimStatus = useApiMutation('claims.setStatus');
  const form = useServerForm();
  if (next.length === 0) return null;
  const chosen = next.includes(status as (typeof next)[number]) ? status : (next[0] ?? '');
  const needsReason = chosen === 'rejected' || chosen === 'denied';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const target = next.find((s) => s === chosen);
    if (!target) return;
    if (await form.run(() => setClaimStatus.mutateAsync({ id: claim.id, status: target, reason: reason.trim() || null }))) setReason('');
  }

  return (
    <form className="claim__actions claim__status" aria-labelledby="claim-status-title" noValidate onSubmit={(e) => void submit(e)}>
      <h3 id="claim-status-title">Change status</h3>
      <ErrorMessage error={form.error} />
      <Select label="New status" value={chosen} onChange={(e) => setStatus(e.target.value)} error={form.fieldError('status')}>
        {next.map((s) => (
          <option key={s} value={s}>
            {claimStatusLabel(s)}
          </option>
        ))}
      </Select>
      <div className="claim__reason">
        <TextInput
          label={needsReason ? 'Reason (required)' : 'Reason or note'}
          maxLength={300}
          value={reason}
          hint={needsReason ? 'The reason or code on the payer’s response' : undefined}
          onChange={(e) => setReason(e.target.value)}
          error={form.fieldError('reason')}
        />
      </div>
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? 'Saving…' : 'Record status'}
      </button>
    </form>
  );
}
