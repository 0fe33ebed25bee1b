/**
 * What to look for in the trail. Each change applies at once (no "Search"
 * button to forget): the patient comes from the same picker the schedule
 * books with, the users from the clinic's accounts (disabled ones included,
 * since the trail outlives them), the dates are days in the clinic's zone.
 */
import { useState } from 'react';
import type { User } from '../../../../main/contract';
import { Select, TextInput } from '../../ui/Field';
import { PatientPicker, type PatientChoice } from '../schedule/PatientPicker';
// The picker's list styles live with the schedule; imported here so this screen does not depend on the schedule having loaded.
import '../schedule/schedule.css';
import { actionLabels, OUTCOMES, outcomeLabel, type Outcome } from './auditText';

export interface AuditFilterState {
  patient: PatientChoice | null;
  userId: string;
  action: string;
  outcome: Outcome | '';
  /** Clinic-local yyyy-MM-dd, or '' for open-ended. */
  fromDate: string;
  toDate: string;
  limit: number;
}

export const NO_FILTERS: AuditFilterState = { patient: null, userId: '', action: '', outcome: '', fromDate: '', toDate: '', limit: 200 };

export const LIMITS = [100, 200, 500, 1000];

interface AuditFiltersProps {
  value: AuditFilterState;
  onChange(next: AuditFilterState): void;
  users: User[] | undefined;
  usersError: string | undefined;
  rangeError: string | undefined;
}

export function AuditFilters({ value, onChange, users, usersError, rangeError }: AuditFiltersProps) {
  // The picker keeps its own typed text: clearing starts a fresh one rather than reaching into it.
  const [resets, setResets] = useState(0);
  const set = (patch: Partial<AuditFilterState>) => onChange({ ...value, ...patch });
  const sortedUsers = [...(users ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <form className="audit-filters" aria-label="Filter the audit trail" onSubmit={(e) => e.preventDefault()}>
      <div className="audit-filters__patient">
        <PatientPicker key={resets} value={value.patient} onChange={(patient) => set({ patient })} />
      </div>
      <Select label="User" value={value.userId} error={usersError} onChange={(e) => set({ userId: e.target.value })}>
        <option value="">Everyone</option>
        {sortedUsers.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName} ({u.username}){u.disabled ? ' — disabled' : ''}
          </option>
        ))}
      </Select>
      <Select label="Action" value={value.action} onChange={(e) => set({ action: e.target.value })}>
        <option value="">Any action</option>
        {Object.entries(actionLabels).map(([action, label]) => (
          <option key={action} value={action}>
            {label}
          </option>
        ))}
      </Select>
      <Select label="Outcome" value={value.outcome} onChange={(e) => set({ outcome: e.target.value as Outcome | '' })}>
        <option value="">Any outcome</option>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {outcomeLabel(o)}
          </option>
        ))}
      </Select>
      <div className="audit-filters__dates">
        <TextInput label="From" type="date" value={value.fromDate} onChange={(e) => set({ fromDate: e.target.value })} />
        <TextInput label="To" type="date" value={value.toDate} error={rangeError} onChange={(e) => set({ toDate: e.target.value })} />
      </div>
      <Select label="Show at most" value={String(value.limit)} onChange={(e) => set({ limit: Number(e.target.value) })}>
        {LIMITS.map((n) => (
          <option key={n} value={n}>
            {n} entries
          </option>
        ))}
      </Select>
      <div className="audit-filters__reset">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setResets((n) => n + 1);
            onChange(NO_FILTERS);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
