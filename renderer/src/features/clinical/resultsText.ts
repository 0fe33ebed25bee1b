/**
 * Immunizations and lab results as the summary shows them, and what their
 * forms send. The core flags lab values against their ranges; nothing here
 * judges a value. Statuses and sources are open enums (a newer workstation
 * may send one this version does not know): shown as sent, never hidden.
 */
import type { Immunization, Input, LabPanel, LabResult } from '../../../../main/contract';
import { toInstant } from '../schedule/clinicTime';
import { capitalize } from './clinicalText';
import { readNumber } from './units';
import type { Series } from './vitalsText';

/** Newest first by the day given; the order of the API is not relied on, since the list is read top down as history. */
export function sortImmunizations(immunizations: Immunization[]): Immunization[] {
  return [...immunizations].sort((a, b) => b.administeredOn.localeCompare(a.administeredOn));
}

/** "Dose 2 · lot FLU-25A · left deltoid · intramuscular": the small print under the vaccine. */
export function immunizationDetail(shot: Pick<Immunization, 'doseNumber' | 'lot' | 'site' | 'route' | 'cvxCode'>): string {
  return [
    shot.doseNumber !== null ? `Dose ${shot.doseNumber}` : null,
    shot.lot ? `lot ${shot.lot}` : null,
    shot.site,
    shot.route,
    shot.cvxCode ? `CVX ${shot.cvxCode}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The status word beside a vaccine: nothing for a dose given, "Refused" stands out, an unknown status is shown as sent. */
export function immunizationStatusLabel(status: string): string | null {
  if (status === 'completed') return null;
  return capitalize(status.replace(/_/g, ' '));
}

/** The tag beside an entry not recorded here: "Historical" (reported by the patient), "Imported" (from another system's record). */
export function sourceTag(source: string): string | null {
  if (source === 'clinic') return null;
  if (source === 'historical') return 'Historical';
  if (source === 'fhir') return 'Imported';
  return capitalize(source.replace(/_/g, ' '));
}

type ImmunizationSave = Input<'immunizations.save'>;

/** The entry as immunizations.save wants it back, with a new status; unknown enum values go back as they came. */
export function immunizationStatusInput(patientId: string, shot: Immunization, status: 'entered_in_error'): ImmunizationSave {
  return {
    id: shot.id,
    patientId,
    vaccine: shot.vaccine,
    cvxCode: shot.cvxCode,
    administeredOn: shot.administeredOn,
    doseNumber: shot.doseNumber,
    lot: shot.lot,
    site: shot.site,
    route: shot.route,
    status,
    source: shot.source as ImmunizationSave['source'],
    note: shot.note,
  };
}

/** "5.8 mmol/L" or "negative". */
export function labValueText(result: Pick<LabResult, 'value' | 'unit'>): string {
  return result.unit ? `${result.value} ${result.unit}` : String(result.value);
}

/** "3.5–5.1", "≥ 3.5", "≤ 5.1", or "—" when the lab gave no range. */
export function referenceRangeText(result: Pick<LabResult, 'refLow' | 'refHigh'>): string {
  const { refLow: low, refHigh: high } = result;
  if (low !== null && high !== null) return `${low}–${high}`;
  if (low !== null) return `≥ ${low}`;
  if (high !== null) return `≤ ${high}`;
  return '—';
}

const analyteKey = (name: string) => name.trim().toLowerCase();

/**
 * One series per numeric analyte found in more than one report (same name,
 * case aside), oldest first. Only values in the unit of the newest report are
 * drawn: a line through mg/dL and mmol/L values would show a change that
 * never happened.
 */
export function labTrends(panels: LabPanel[]): Series[] {
  const newestFirst = [...panels].sort((a, b) => b.collectedAt.localeCompare(a.collectedAt));
  const byName = new Map<string, { name: string; unit: string | null; points: Series['points'] }>();
  for (const panel of newestFirst) {
    for (const result of panel.results) {
      if (typeof result.value !== 'number') continue;
      const key = analyteKey(result.name);
      const found = byName.get(key) ?? { name: result.name, unit: result.unit, points: [] };
      byName.set(key, found);
      if (result.unit !== found.unit) continue;
      const flag = result.flag === 'low' || result.flag === 'high' || result.flag === 'abnormal' ? result.flag : null;
      found.points.unshift({ takenAt: panel.collectedAt, values: [result.value], flag });
    }
  }
  return [...byName.values()]
    .filter((analyte) => analyte.points.length > 1)
    .map((analyte) => ({ title: analyte.name, unit: analyte.unit ?? '', lines: [analyte.name], points: analyte.points }));
}

/** One row of the lab report form, as typed. */
export interface LabRowDraft {
  key: string;
  name: string;
  /** The LOINC code, when the report gives one (lets the result be exchanged and matched). */
  loinc: string;
  value: string;
  unit: string;
  refLow: string;
  refHigh: string;
}

export interface LabDraft {
  panel: string;
  date: string;
  time: string;
  lab: string;
  rows: LabRowDraft[];
}

const isBlankRow = (row: LabRowDraft) =>
  [row.name, row.loinc, row.value, row.unit, row.refLow, row.refHigh].every((text) => text.trim() === '');

/** A number typed as a number ("5.8", "5,8") is charted and flagged; anything else ("negative", "<0.5") is kept as written. */
export function labValue(text: string): number | string {
  const number = readNumber(text);
  return number !== undefined && Number.isFinite(number) ? number : text.trim();
}

export type LabInputResult = { ok: true; input: Input<'labs.record'> } | { ok: false; message: string; fields: Record<string, string> };

/**
 * What labs.record is sent, or why it cannot be sent yet. Blank rows are left
 * out (the form always offers one more); a range bound that is not a number
 * is caught here because JSON would quietly turn it into "no bound". Field
 * paths are the core's ("results.0.refLow"), counted over the rows sent.
 */
export function labRecordInput(patientId: string, draft: LabDraft, zone: string): LabInputResult {
  const collectedAt = toInstant(draft.date, draft.time, zone);
  const rows = draft.rows.filter((row) => !isBlankRow(row));
  const fields: Record<string, string> = {};
  if (!collectedAt) fields.collectedAt = 'Enter the date and a time as HH:mm (24-hour)';
  const bound = (text: string, path: string) => {
    const number = readNumber(text);
    if (number === undefined) return null;
    if (!Number.isFinite(number)) fields[path] = 'Enter a number, or leave it blank';
    return number;
  };
  const results = rows.map((row, i) => ({
    name: row.name,
    ...(row.loinc.trim() ? { loinc: row.loinc.trim() } : {}),
    value: labValue(row.value),
    unit: row.unit.trim() || null,
    refLow: bound(row.refLow, `results.${i}.refLow`),
    refHigh: bound(row.refHigh, `results.${i}.refHigh`),
  }));
  if (Object.keys(fields).length > 0 || !collectedAt) {
    return { ok: false, message: 'Check the highlighted fields.', fields };
  }
  return { ok: true, input: { patientId, panel: draft.panel, collectedAt, lab: draft.lab.trim() || null, results } };
}

/** A row's place among the rows sent (blank ones are left out), to find the core's errors for it ("results.2.value"); null for a blank row. */
export function sentIndex(rows: LabRowDraft[], key: string): number | null {
  const index = rows.filter((row) => !isBlankRow(row)).findIndex((row) => row.key === key);
  return index === -1 ? null : index;
}
