/**
 * The manager's fee schedules: which exist (self-pay, and one per payer that
 * pays by its own fees), and the priced codes of the chosen one, searchable,
 * editable one by one or replaced from a CSV file (checked in a dry run
 * first, since an import touches hundreds of prices at once).
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { FeeItem, FeeSchedule } from '../../../../main/contract';
import { api } from '../../api/client';
import { useApi } from '../../api/hooks';
import { TextInput } from '../../ui/Field';
import { FileButton } from '../../ui/FileButton';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { formatCents } from '../../ui/format';
import { useDebouncedValue, SEARCH_DEBOUNCE_MS } from '../patients/usePatientSearch';
import { FeeItemDialog, ImportCsvDialog, ScheduleDialog } from './FeeScheduleDialogs';

export function FeeSchedulesTab() {
  const query = useApi('feeSchedules.list', {});
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (query.isPending) return <Loading label="Loading the fee schedules…" />;
  if (query.error) return <ErrorMessage error={query.error} />;
  const { schedules } = query.data;
  const chosen = schedules.find((s) => s.id === chosenId) ?? schedules[0];
  return (
    <div className="fees">
      <section aria-labelledby="fees-list-title">
        <div className="billing-heading">
          <h2 id="fees-list-title">Fee schedules</h2>
          <button type="button" className="button" onClick={() => setCreating(true)}>
            New payer schedule
          </button>
        </div>
        <table className="table billing-table" aria-label="Fee schedules">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prices for</th>
              <th scope="col" className="num">
                Codes
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <tr key={s.id} className={s.id === chosen?.id ? 'billing-row--chosen' : undefined}>
                <td>
                  <button type="button" className="link-button" aria-pressed={s.id === chosen?.id} onClick={() => setChosenId(s.id)}>
                    {s.name}
                  </button>
                </td>
                <td>{s.kind === 'payer' ? (s.payerName ?? 'A payer') : 'Self-pay patients'}</td>
                <td className="num">{s.itemCount}</td>
                <td>{s.active ? 'Active' : 'Inactive'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {chosen ? <ScheduleItems key={chosen.id} schedule={chosen} /> : <Empty>No fee schedules yet.</Empty>}
      {creating && (
        <ScheduleDialog
          onClose={(created) => {
            setCreating(false);
            if (created) setChosenId(created.id);
          }}
        />
      )}
    </div>
  );
}

function ScheduleItems({ schedule }: { schedule: FeeSchedule }) {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const items = useApi('feeSchedules.items', { scheduleId: schedule.id, query }, { placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<FeeItem | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  return (
    <section aria-labelledby="fees-items-title">
      <div className="billing-heading">
        <h2 id="fees-items-title">{schedule.name}</h2>
        <div className="billing-heading__actions">
          <button type="button" className="button" onClick={() => setEditing('new')}>
            Add code
          </button>
          <button type="button" className="button" onClick={() => setImporting(true)}>
            Import CSV
          </button>
          <FileButton
            label="Export CSV"
            make={async () => {
              const file = await api.call('feeSchedules.exportCsv', { scheduleId: schedule.id });
              return { fileName: file.fileName, content: new Blob([file.csv], { type: 'text/csv' }) };
            }}
          />
        </div>
      </div>
      <div className="billing-find">
        <TextInput
          label="Search codes"
          type="search"
          value={text}
          placeholder="Code or words of the description"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {items.isPending ? (
        <Loading label="Loading the codes…" />
      ) : items.error ? (
        <ErrorMessage error={items.error} />
      ) : items.data.items.length === 0 ? (
        <Empty>{query ? `No code matches “${query}”.` : 'No codes on this schedule yet. Add one or import a CSV file.'}</Empty>
      ) : (
        <table className="table billing-table" aria-label={`Codes of ${schedule.name}`}>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.data.items.map((item) => (
              <tr key={item.id} className={item.active ? undefined : 'billing-row--void'}>
                <td className="mono">{item.code}</td>
                <td>{item.description}</td>
                <td className="num">{formatCents(item.priceCents)}</td>
                <td>{item.active ? 'Active' : 'Inactive'}</td>
                <td>
                  <button type="button" className="button button--small" aria-label={`Edit ${item.code}`} onClick={() => setEditing(item)}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <FeeItemDialog scheduleId={schedule.id} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {importing && <ImportCsvDialog schedule={schedule} onClose={() => setImporting(false)} />}
    </section>
  );
}
