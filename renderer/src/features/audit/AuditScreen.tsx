/**
 * The audit trail for practice managers: who opened, changed, signed,
 * printed or exported what, and who was refused. With a patient chosen it is
 * that patient's accounting of disclosures. The table shows what the filters
 * found, newest first; "Export CSV" saves exactly those rows; "Verify the
 * trail" asks the core to recheck every workstation's hash chain. The core
 * enforces `audit.read` whatever this screen shows.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { Input } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { useSession } from '../../app/session';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { saveFile } from '../../ui/files';
import { todayIn } from '../schedule/clinicTime';
import { AuditFilters, NO_FILTERS, type AuditFilterState } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { auditCsv, dayRange } from './auditText';
import { VerifyTrail } from './VerifyTrail';
import './audit.css';
import { EmergencyAccesses } from './EmergencyAccesses';

export function AuditScreen() {
  const { reference, isPending } = useReference();
  if (!reference)
    return isPending ? (
      <Loading label="Loading the audit trail…" />
    ) : (
      <ErrorMessage error={{ code: 'INTERNAL', message: 'The clinic settings could not be read. Try again.' }} />
    );
  return <AuditTrail zone={reference.clinic.timeZone} />;
}

function AuditTrail({ zone }: { zone: string }) {
  const session = useSession();
  const [filters, setFilters] = useState<AuditFilterState>(NO_FILTERS);
  // The user list is an admin method; a role that may read the trail without it still gets every other filter.
  const canListUsers = session.can('users.manage');
  const users = useApi('users.list', {}, { enabled: canListUsers, staleTime: 60_000 });

  const range = dayRange(filters.fromDate, filters.toDate, zone);
  const input: Input<'audit.search'> = {
    limit: filters.limit,
    ...(filters.patient ? { patientId: filters.patient.id } : {}),
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
  };
  // Previous rows stay while the next filter's answer loads, so the table does not flash empty on every change.
  const search = useApi('audit.search', input, { enabled: !range.error, placeholderData: keepPreviousData });
  // Rows kept from before an impossible date range would be exported as if they matched it.
  const events = range.error ? [] : (search.data?.events ?? []);
  const patientLabel = filters.patient?.label;
  // Names come with the trail: looking each patient up would itself be audited as opening their record.
  const names = new Map(
    events.flatMap((e) => (e.patientId ? [[e.patientId, e.patientName ?? `Unknown patient (${e.patientId.slice(0, 8)}…)`] as const] : [])),
  );
  const nameOf = (id: string) => names.get(id) ?? '—';

  const title = filters.patient ? `Accounting of disclosures${patientLabel ? `: ${patientLabel}` : ''}` : 'Audit trail';
  const caption = `${filters.patient ? `Who accessed or changed ${patientLabel ?? 'this patient’s record'}` : 'Audit entries'}, newest first`;

  function exportCsv() {
    const csv = auditCsv(events, zone, nameOf);
    const day = todayIn(zone);
    // The byte-order mark makes spreadsheet programs read the file as UTF-8 (accented names intact).
    saveFile(`audit-trail-${day}.csv`, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  }

  return (
    <div className="audit">
      <div className="audit__header">
        <div>
          <h1>{title}</h1>
          <p className="audit__intro">
            Every chart opening, change, signature, print, export and sign-in on every workstation, and every refusal. Choose a patient to
            see who accessed their record. Dates and times are the clinic’s ({zone}).
          </p>
        </div>
        <VerifyTrail />
      </div>
      <EmergencyAccesses zone={zone} />
      <AuditFilters
        value={filters}
        onChange={setFilters}
        users={users.data}
        usersError={canListUsers ? users.error?.message : 'The list of users is only available to administrators and managers.'}
        rangeError={range.error}
      />
      <div className="audit__results-bar">
        <div role="status" aria-live="polite" className={`audit__count${search.data?.truncated ? ' audit__count--truncated' : ''}`}>
          {search.data &&
            !range.error &&
            (search.data.truncated
              ? `Showing the newest ${events.length} entries; narrow the filters to see older ones.`
              : `${events.length} ${events.length === 1 ? 'entry' : 'entries'}.`)}
          {search.isFetching && search.data && <span className="audit__refreshing"> Updating…</span>}
        </div>
        <button type="button" className="button" disabled={events.length === 0} onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      {range.error ? null : search.isPending ? (
        <Loading label="Searching the audit trail…" />
      ) : search.error ? (
        <ErrorMessage error={search.error} />
      ) : events.length === 0 ? (
        <Empty>No audit entries match these filters.</Empty>
      ) : (
        <AuditTable events={events} caption={caption} zone={zone} patientName={nameOf} />
      )}
    </div>
  );
}
