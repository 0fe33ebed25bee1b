/**
 * The claims of the whole clinic, newest first, filtered by status. Claims
 * marked ready are chosen and sent together as one 837P file, saved where
 * the person chooses, after which they show as submitted. A claim opens in
 * its own dialog for what is missing and what the payer said.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { claimStatuses, type ClaimStatus } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Select } from '../../ui/Field';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { saveFile } from '../../ui/files';
import { useServerForm } from '../../ui/useServerForm';
import { ClaimDialog } from './ClaimDialog';
import { ClaimsTable } from './ClaimsTable';
import { claimStatusLabel } from './claimsText';
import './claims.css';

export function ClaimsTab() {
  const { can } = useSession();
  const [status, setStatus] = useState<ClaimStatus | ''>('');
  const query = useApi('claims.list', status ? { status } : {}, { placeholderData: keepPreviousData });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [opened, setOpened] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const exportFile = useApiMutation('claims.export837');
  const form = useServerForm();
  const claims = query.data?.claims ?? [];
  // Only what is on screen and still ready can be sent (a filter change or another workstation may have moved it).
  const sendable = claims.filter((c) => c.status === 'ready' && chosen.has(c.id)).map((c) => c.id);

  async function send() {
    setSent(null);
    const ok = await form.run(async () => {
      const file = await exportFile.mutateAsync({ ids: sendable });
      saveFile(file.fileName, new Blob([file.content], { type: 'application/edi-x12' }));
      setSent(
        `${file.claims} claim${file.claims === 1 ? '' : 's'} saved in ${file.fileName}, now submitted. Send the file to the clearinghouse.`,
      );
    });
    if (ok) setChosen(new Set());
  }

  return (
    <section className="claims" aria-labelledby="claims-title">
      <div className="billing-heading">
        <h2 id="claims-title">Claims</h2>
        {can('billing.post') && (
          <div className="billing-heading__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={sendable.length === 0 || form.busy}
              onClick={() => void send()}
            >
              {form.busy ? 'Preparing…' : `Export 837P${sendable.length > 0 ? ` (${sendable.length})` : ''}`}
            </button>
          </div>
        )}
      </div>
      <div className="claims__filter">
        <Select label="Status" value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus | '')}>
          <option value="">All claims</option>
          {claimStatuses.map((s) => (
            <option key={s} value={s}>
              {claimStatusLabel(s)}
            </option>
          ))}
        </Select>
        {can('billing.post') && <p className="billing-muted">Tick the claims ready to send, then export them as one 837P file.</p>}
      </div>
      <ErrorMessage error={form.error} />
      {sent && (
        <p className="success-banner" role="status">
          {sent}
        </p>
      )}
      {query.isPending ? (
        <Loading label="Loading the claims…" />
      ) : query.error ? (
        <ErrorMessage error={query.error} />
      ) : claims.length === 0 ? (
        <Empty>
          {status
            ? `No claims are ${claimStatusLabel(status).toLowerCase()}.`
            : 'No claims yet. Create one from a patient’s account once their charges are posted.'}
        </Empty>
      ) : (
        <ClaimsTable
          label="Claims"
          claims={claims}
          onOpen={setOpened}
          selection={can('billing.post') ? { chosen, onChange: setChosen } : undefined}
        />
      )}
      {opened && <ClaimDialog claimId={opened} onClose={() => setOpened(null)} />}
    </section>
  );
}
