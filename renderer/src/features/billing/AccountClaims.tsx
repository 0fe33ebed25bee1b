/**
 * The claims section of a patient's account: create the claims for what the
 * patient's primary (or secondary) insurer owes, one per rendering provider,
 * and the claims already made, each opening in the claim dialog.
 */
import { useState } from 'react';
import type { ClaimDetail, Patient } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { formatCents } from '../../ui/format';
import { useServerForm } from '../../ui/useServerForm';
import { ClaimDialog } from './ClaimDialog';
import { ClaimsTable } from './ClaimsTable';
import { rankName } from './claimsText';
import './claims.css';

function createdText(claims: ClaimDetail[]): string {
  const each = claims.map((c) => `${c.number} (${c.providerName ?? 'no rendering provider'}, ${formatCents(c.totalCents)})`);
  return `Created ${claims.length === 1 ? 'claim' : `${claims.length} claims`}: ${each.join(', ')}. Open a claim to see what it still needs.`;
}

export function AccountClaims({ patientId, policies }: { patientId: string; policies: Patient['insurance'] }) {
  const { can } = useSession();
  const query = useApi('claims.list', { patientId });
  const create = useApiMutation('claims.create');
  const form = useServerForm();
  const [created, setCreated] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const billable = [...policies].sort((a, b) => a.rank - b.rank).filter((p) => p.rank <= 3);

  async function createFor(rank: number) {
    setCreated(null);
    await form.run(async () => {
      const result = await create.mutateAsync({ patientId, rank });
      setCreated(createdText(result.claims));
    });
  }

  return (
    <section className="account-claims" aria-labelledby="account-claims-title">
      <div className="billing-heading">
        <h3 id="account-claims-title">Claims</h3>
        {can('billing.post') && billable.length > 0 && (
          <div className="billing-heading__actions" role="group" aria-label="Create claims">
            {billable.map((policy) => (
              <button key={policy.id} type="button" className="button" disabled={form.busy} onClick={() => void createFor(policy.rank)}>
                Create {rankName(policy.rank)} claim ({policy.payerName})
              </button>
            ))}
          </div>
        )}
      </div>
      <ErrorMessage error={form.error} />
      {created && (
        <p className="success-banner" role="status">
          {created}
        </p>
      )}
      {query.isPending ? (
        <Loading label="Loading the claims…" />
      ) : query.error ? (
        <ErrorMessage error={query.error} />
      ) : query.data.claims.length === 0 ? (
        <Empty>
          {billable.length === 0 ? 'No insurance on file, so nothing to claim: the patient pays their own charges.' : 'No claims yet.'}
        </Empty>
      ) : (
        <ClaimsTable label="Claims of this patient" claims={query.data.claims} onOpen={setOpened} showPatient={false} />
      )}
      {opened && <ClaimDialog claimId={opened} onClose={() => setOpened(null)} />}
    </section>
  );
}
