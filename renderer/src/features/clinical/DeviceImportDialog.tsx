/**
 * Importing a home device's readings in two steps: choosing the file shows
 * at once what will be imported and what is skipped and why (nothing is
 * written yet); confirming imports exactly that. The file is read here and
 * sent as text; the core decides what it holds, so a CSV and a FHIR Bundle
 * take the same path.
 */
import { useState, type ChangeEvent } from 'react';
import { ApiError, MAX_DEVICE_FILE_CHARS, type DevicePreview, type DeviceReading } from '../../../../main/contract';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { toApiError } from '../../ui/useServerForm';
import { glucoseText, weightText, type UnitHabit } from './units';
import './devices.css';

interface Props {
  patientId: string;
  zone: string;
  habit: UnitHabit;
  open: boolean;
  onClose(): void;
}

interface ChosenFile {
  fileName: string;
  content: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function DeviceImportDialog({ patientId, zone, habit, open, onClose }: Props) {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [device, setDevice] = useState('');
  const [preview, setPreview] = useState<DevicePreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ imported: number; sourceLabel: string } | null>(null);
  const importing = useApiMutation('deviceReadings.import');

  function close() {
    setFile(null);
    setDevice('');
    setPreview(null);
    setError(null);
    setDone(null);
    onClose();
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setError(null);
    setDone(null);
    if (!chosen) return;
    if (chosen.size > MAX_DEVICE_FILE_CHARS) {
      setError(new ApiError('VALIDATION', 'This file is too large for one patient’s readings (over 5 MB). Export a shorter period.'));
      return;
    }
    const next = { fileName: chosen.name, content: await chosen.text() };
    setFile(next);
    setPreviewing(true);
    try {
      setPreview(await api.call('deviceReadings.preview', { patientId, ...next }));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPreviewing(false);
    }
  }

  async function confirm() {
    if (!file) return;
    setError(null);
    try {
      const result = await importing.mutateAsync({ patientId, ...file, device: device.trim() || null });
      setDone(result);
      setPreview(null);
    } catch (caught) {
      setError(toApiError(caught));
    }
  }

  const sourceLabel = preview && file && device.trim() ? `${device.trim()} (${file.fileName})` : preview?.sourceLabel;

  return (
    <Dialog title="Import device readings" open={open} onClose={close} wide>
      <div className="clinical-form device-import">
        {done ? (
          <>
            <p role="status" className="device-import__done">
              Imported {plural(done.imported, 'reading', 'readings')} from {done.sourceLabel}.{' '}
              {done.imported > 0 ? 'They are in the vital signs and their trends.' : 'Everything in the file was already in the chart.'}
            </p>
            <div className="form-actions">
              <button type="button" className="button button--primary" data-autofocus onClick={close}>
                Done
              </button>
            </div>
          </>
        ) : (
          <>
            <div className="device-import__fields">
              <TextInput
                label="Device file"
                type="file"
                accept=".csv,.txt,.json,text/csv,application/json"
                hint="A CSV export (a date column, then systolic, diastolic, pulse, weight or glucose) or a FHIR Bundle (.json)"
                onChange={(e) => void choose(e)}
              />
              <TextInput
                label="Device"
                maxLength={80}
                autoComplete="off"
                hint="Shown as the readings’ source, e.g. Omron M7. Leave blank to name it by what it measures."
                value={device}
                onChange={(e) => setDevice(e.target.value)}
              />
            </div>
            <ErrorMessage error={error} />
            {previewing && <Loading label="Reading the file…" />}
            {preview && <PreviewTables preview={preview} sourceLabel={sourceLabel ?? ''} zone={zone} habit={habit} />}
            <div className="form-actions">
              <button type="button" className="button" onClick={close}>
                Cancel
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={!preview || preview.readings.length === 0 || importing.isPending}
                onClick={() => void confirm()}
              >
                {importing.isPending
                  ? 'Importing…'
                  : preview
                    ? `Import ${plural(preview.readings.length, 'reading', 'readings')}`
                    : 'Import readings'}
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}

function PreviewTables({
  preview,
  sourceLabel,
  zone,
  habit,
}: {
  preview: DevicePreview;
  sourceLabel: string;
  zone: string;
  habit: UnitHabit;
}) {
  const cell = (value: number | null, text: (v: number) => string) => (value === null ? '' : text(value));
  const pressure = (r: DeviceReading) => (r.systolic !== null && r.diastolic !== null ? `${r.systolic}/${r.diastolic} mmHg` : '');
  return (
    <section className="device-import__preview" aria-label="Preview">
      <p className="device-import__counts" role="status">
        <strong>{plural(preview.readings.length, 'reading', 'readings')} to import</strong>
        {' · '}
        {plural(preview.skipped.length, 'row', 'rows')} skipped
        <span className="device-import__source"> · Source: {sourceLabel}</span>
      </p>
      {preview.ignoredColumns.length > 0 && (
        <p className="clinical-muted">Columns not imported (not a measurement Outpost records): {preview.ignoredColumns.join(', ')}.</p>
      )}
      {preview.readings.length > 0 && (
        <div className="device-import__scroll">
          <table className="table clinical-table">
            <caption>Readings to import</caption>
            <thead>
              <tr>
                <th scope="col">In the file</th>
                <th scope="col">Taken</th>
                <th scope="col">Blood pressure</th>
                <th scope="col">Pulse</th>
                <th scope="col">Weight</th>
                <th scope="col">Glucose</th>
              </tr>
            </thead>
            <tbody>
              {preview.readings.map((r) => (
                <tr key={r.origin}>
                  <td>{r.origin}</td>
                  <td>{formatDateTime(r.takenAt, zone)}</td>
                  <td>{pressure(r)}</td>
                  <td>{cell(r.pulseBpm, (v) => `${v} bpm`)}</td>
                  <td>{cell(r.weightKg, (v) => weightText(v, habit.weight))}</td>
                  <td>{cell(r.glucoseMgDl, (v) => glucoseText(v, habit.glucose))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.skipped.length > 0 && (
        <div className="device-import__scroll">
          <table className="table clinical-table device-import__skipped">
            <caption>Skipped</caption>
            <thead>
              <tr>
                <th scope="col">In the file</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {preview.skipped.map((s, i) => (
                <tr key={`${s.origin}-${i}`}>
                  <td>{s.origin}</td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
