/**
 * One patient's record as the desk needs it at check-in: who they are (so
 * the right chart is open), how to reach them, who to call, what insurance
 * to bill, and their appointments. Empty fields say so instead of vanishing,
 * so "no email on file" is visible at a glance.
 */
import { useState, type ReactNode } from 'react';
import { patientDisplayName, type Patient } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { MergedIntoBanner, MergedRecords } from './MergeNotices';
import { EmergencyAccessDialog } from './EmergencyAccessDialog';
import { PatientAppointments } from './PatientAppointments';
import { dobWithAge, primaryPhone, rankLabels, relationshipLabels, sexLabel } from './patientDisplay';

interface Props {
  patientId: string;
  flash: string | null;
  onDismissFlash(): void;
}

export function PatientDetail({ patientId, flash, onDismissFlash }: Props) {
  const { navigate } = useNavigation();
  const session = useSession();
  const query = useApi('patients.get', { id: patientId });
  const [emergency, setEmergency] = useState(false);

  const back = (
    <button type="button" className="patients-link patients-back" onClick={() => navigate({ screen: 'patients' })}>
      ← Back to patient search
    </button>
  );
  if (query.isPending) return <Loading label="Opening the patient…" />;
  if (query.error) {
    return (
      <div className="patients-page">
        {back}
        <ErrorMessage error={query.error} />
      </div>
    );
  }
  const p = query.data;
  const phone = primaryPhone(p);

  return (
    <div className="patients-page patient-detail">
      {back}
      {flash && (
        <div className="success-banner patients-flash" role="status">
          <span>{flash}</span>
          <button type="button" className="button button--ghost button--small" aria-label="Dismiss message" onClick={onDismissFlash}>
            ×
          </button>
        </div>
      )}
      <MergedIntoBanner patient={p} />
      <header className="patient-detail__header">
        <div>
          <h1 className="patient-detail__name">{patientDisplayName(p)}</h1>
          <div className="patient-detail__facts">
            <span>
              <span className="patient-detail__fact-label">MRN</span> <span className="patients-mono">{p.mrn}</span>
            </span>
            <span>
              <span className="patient-detail__fact-label">Born</span> {dobWithAge(p.dateOfBirth)}
            </span>
            <span>{sexLabel(p.sex)}</span>
            {phone && <span>{phone}</span>}
          </div>
        </div>
        <div className="patient-detail__actions">
          {session.can('patients.write') && !p.mergedInto && (
            <button type="button" className="button" onClick={() => navigate({ screen: 'patients', patientId, mode: 'edit' })}>
              Edit details
            </button>
          )}
          {session.can('chart.read') && !p.mergedInto && (
            <button
              type="button"
              className={`button${session.can('schedule.write') ? '' : ' button--primary'}`}
              onClick={() => navigate({ screen: 'chart', patientId })}
            >
              Open chart
            </button>
          )}
          {!session.can('chart.read') && !p.mergedInto && (
            <button type="button" className="button button--ghost" onClick={() => setEmergency(true)}>
              Emergency access…
            </button>
          )}
          {session.can('schedule.write') && !p.mergedInto && (
            <button type="button" className="button button--primary" onClick={() => navigate({ screen: 'schedule', patientId })}>
              Book appointment
            </button>
          )}
        </div>
      </header>

      <EmergencyAccessDialog
        patientId={p.id}
        patientName={patientDisplayName(p)}
        open={emergency}
        onClose={() => setEmergency(false)}
        onOpened={() => navigate({ screen: 'chart', patientId: p.id, emergency: true })}
      />
      <MergedRecords patient={p} />
      <div className="patient-detail__grid">
        <Panel title="Demographics">
          <Facts
            items={[
              ['First name', p.givenName],
              ['Middle name', p.middleName],
              ['Last name', p.familyName],
              ['Preferred name', p.preferredName],
              ['Sex', sexLabel(p.sex)],
              ['Date of birth', dobWithAge(p.dateOfBirth)],
              ['Preferred language', p.preferredLanguage],
            ]}
          />
        </Panel>
        <Panel title="Contact">
          <Facts
            items={[
              ['Mobile phone', p.phoneMobile],
              ['Home phone', p.phoneHome],
              ['Email', p.email],
              ['Address', addressLines(p)],
            ]}
          />
        </Panel>
        <Panel title="Emergency contact">
          {p.emergencyContactName || p.emergencyContactPhone ? (
            <Facts
              items={[
                ['Name', p.emergencyContactName],
                ['Relationship', p.emergencyContactRelationship],
                ['Phone', p.emergencyContactPhone],
              ]}
            />
          ) : (
            <p className="patients-muted">No emergency contact on file.</p>
          )}
        </Panel>
        <Panel title="Notes" wide>
          {p.notes ? <p className="patient-detail__notes">{p.notes}</p> : <p className="patients-muted">No notes.</p>}
        </Panel>
        <Panel title="Insurance" wide>
          <Insurance policies={p.insurance} />
        </Panel>
      </div>

      {session.can('schedule.read') && <PatientAppointments patientId={patientId} />}
    </div>
  );
}

function addressLines(p: Patient): ReactNode {
  const cityLine = [p.city, [p.region, p.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const lines = [p.addressLine1, p.addressLine2, cityLine, p.country].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return null;
  return lines.map((line) => (
    <span key={line} className="patient-detail__address-line">
      {line}
    </span>
  ));
}

function Panel({ title, wide, children }: { title: string; wide?: boolean; children: ReactNode }) {
  const id = `panel-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className={`patients-panel${wide ? ' patients-panel--wide' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? <span className="patients-muted">Not recorded</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Insurance({ policies }: { policies: Patient['insurance'] }) {
  if (policies.length === 0) return <Empty>No insurance on file — the patient is self-pay until a policy is added.</Empty>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Payer</th>
          <th scope="col">Member id</th>
          <th scope="col">Group</th>
          <th scope="col">Subscriber</th>
        </tr>
      </thead>
      <tbody>
        {[...policies]
          .sort((a, b) => a.rank - b.rank)
          .map((policy) => (
            <tr key={policy.id}>
              <td>{rankLabels[policy.rank] ?? policy.rank}</td>
              <td>
                {policy.payerName}
                {policy.payerId && <span className="patients-muted"> · payer id {policy.payerId}</span>}
              </td>
              <td className="patients-mono">{policy.memberId}</td>
              <td className="patients-mono">{policy.groupNumber ?? '—'}</td>
              <td>
                {policy.subscriberRelationship === 'self'
                  ? 'Patient (self)'
                  : `${policy.subscriberName ?? 'Not recorded'} (${relationshipLabels[policy.subscriberRelationship] ?? policy.subscriberRelationship})`}
                {policy.subscriberDateOfBirth && <span className="patients-muted"> · born {formatDate(policy.subscriberDateOfBirth)}</span>}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
