/**
 * Immunizations and lab results. A lab report is recorded whole (its rows
 * share a panel id) and each numeric value is flagged against its reference
 * range; a wrong report is marked entered in error, never deleted.
 */
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { immunizations, labResults } from '../../../db/schema';
import { ApiError, type Immunization, type LabPanel, type ParsedInput } from '../../contract';
import type { SessionUser } from '../handler';
import { patientOf, withMergedRecords } from '../patients/records';
import type { Store } from '../store';
import type { Writer } from '../../sync/mutate';
import { existing } from './lists';

type LabRow = typeof labResults.$inferSelect;

export function listImmunizations(store: Store, patientId: string): Immunization[] {
  const ids = withMergedRecords(store, patientOf(store, patientId));
  return store.db
    .select()
    .from(immunizations)
    .where(and(inArray(immunizations.patientId, ids), isNull(immunizations.deletedAt), ne(immunizations.status, 'entered_in_error')))
    .orderBy(desc(immunizations.administeredOn), asc(immunizations.vaccine))
    .all()
    .map((row) => ({
      id: row.id,
      vaccine: row.vaccine,
      cvxCode: row.cvxCode,
      administeredOn: row.administeredOn,
      doseNumber: row.doseNumber,
      lot: row.lot,
      site: row.site,
      route: row.route,
      status: row.status,
      source: row.source,
      note: row.note,
    }));
}

export function saveImmunization(store: Store, user: SessionUser, input: ParsedInput<'immunizations.save'>): Immunization {
  const patientId = patientOf(store, input.patientId);
  if (input.id) existing(store, immunizations, input.id, patientId, 'immunization');
  if (input.administeredOn > new Date().toISOString().slice(0, 10)) {
    throw new ApiError('VALIDATION', 'A vaccine cannot be given in the future. Check the date.', { administeredOn: 'In the future' });
  }
  const { id: _id, patientId: _patient, ...fields } = input;
  const values = { ...fields, cvxCode: fields.cvxCode ?? null, doseNumber: fields.doseNumber ?? null };
  const id = store.capture.mutate((w) => {
    if (!input.id) return w.insert(immunizations, { patientId, recordedBy: user.id, ...values });
    w.update(immunizations, input.id, values);
    return input.id;
  });
  return { id, ...values };
}

/** Outside the reference range, which way (a text result has no flag unless the lab gave one). */
export function flagOf(value: number | string, refLow: number | null, refHigh: number | null): string | null {
  if (typeof value !== 'number') return null;
  if (refLow !== null && value < refLow) return 'low';
  if (refHigh !== null && value > refHigh) return 'high';
  return null;
}

function toPanels(rows: LabRow[]): LabPanel[] {
  const panels = new Map<string, LabPanel>();
  for (const row of rows) {
    const panel = panels.get(row.panelId) ?? {
      panelId: row.panelId,
      panel: row.panel,
      collectedAt: row.collectedAt,
      lab: row.lab,
      source: row.source,
      results: [],
    };
    panel.results.push({
      id: row.id,
      name: row.name,
      loinc: row.loinc,
      value: row.valueNum ?? row.valueText ?? '',
      unit: row.unit,
      refLow: row.refLow,
      refHigh: row.refHigh,
      flag: row.flag,
    });
    panels.set(row.panelId, panel);
  }
  return [...panels.values()];
}

export function listLabs(store: Store, patientId: string): LabPanel[] {
  const ids = withMergedRecords(store, patientOf(store, patientId));
  const rows = store.db
    .select()
    .from(labResults)
    .where(and(inArray(labResults.patientId, ids), isNull(labResults.deletedAt), ne(labResults.status, 'entered_in_error')))
    .orderBy(desc(labResults.collectedAt), asc(labResults.panelId), asc(labResults.id))
    .all();
  return toPanels(rows);
}

export interface LabReport {
  panel: string;
  collectedAt: string;
  lab: string | null;
  results: {
    name: string;
    loinc?: string | null;
    value: number | string;
    unit: string | null;
    refLow?: number | null;
    refHigh?: number | null;
  }[];
}

/** Insert one report's rows through the writer (also used by the FHIR import). */
export function insertLabReport(w: Writer, patientId: string, userId: string, report: LabReport, source: string): string {
  const panelId = uuidv7();
  report.results.forEach((r, i) => {
    const refLow = r.refLow ?? null;
    const refHigh = r.refHigh ?? null;
    w.insert(labResults, {
      // Ordered by id within a report: the order the lab listed them in.
      id: `${panelId}-${String(i).padStart(2, '0')}`,
      patientId,
      panelId,
      panel: report.panel,
      name: r.name,
      loinc: r.loinc ?? null,
      valueNum: typeof r.value === 'number' ? r.value : null,
      valueText: typeof r.value === 'string' ? r.value : null,
      unit: r.unit,
      refLow,
      refHigh,
      flag: flagOf(r.value, refLow, refHigh),
      collectedAt: report.collectedAt,
      lab: report.lab,
      source,
      recordedBy: userId,
    });
  });
  return panelId;
}

export function recordLabs(store: Store, user: SessionUser, input: ParsedInput<'labs.record'>): LabPanel {
  const patientId = patientOf(store, input.patientId);
  if (Date.parse(input.collectedAt) > Date.now() + 5 * 60_000) {
    throw new ApiError('VALIDATION', 'A sample cannot be collected in the future. Check the date and time.', {
      collectedAt: 'In the future',
    });
  }
  const panelId = store.capture.mutate((w) => insertLabReport(w, patientId, user.id, input, 'clinic'));
  const panel = listLabs(store, patientId).find((p) => p.panelId === panelId);
  if (!panel) throw new Error('Recorded lab report vanished');
  return panel;
}

export function markLabsInError(store: Store, panelId: string): void {
  const rows = store.db
    .select({ id: labResults.id, status: labResults.status })
    .from(labResults)
    .where(eq(labResults.panelId, panelId))
    .all();
  if (rows.length === 0) throw new ApiError('NOT_FOUND', 'That lab report was not found. Reopen the chart.', { panelId: 'Unknown report' });
  if (rows.every((r) => r.status === 'entered_in_error'))
    throw new ApiError('CONFLICT', 'That lab report is already marked as entered in error.');
  store.capture.mutate((w) => {
    for (const row of rows) w.update(labResults, row.id, { status: 'entered_in_error' });
  });
}
