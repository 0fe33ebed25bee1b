/** Immunizations and lab reports in FHIR R4: Immunization, and DiagnosticReport with its laboratory Observations. */
import type { DiagnosticReport, Immunization, Observation } from '@medplum/fhirtypes';
import type { Immunization as ChartImmunization, LabPanel } from '../../contract';
import type { LabReport } from '../clinical/results';
import { codeIn, conceptText, read, type Loose } from './read';

const CVX = 'http://hl7.org/fhir/sid/cvx';
const LOINC = 'http://loinc.org';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const LABORATORY = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] };
const FLAG_CODES: Record<string, string> = { low: 'L', high: 'H', abnormal: 'A' };

export function immunizationResource(i: ChartImmunization, patientRef: string): Immunization {
  return {
    resourceType: 'Immunization',
    id: i.id,
    status: i.status === 'refused' ? 'not-done' : 'completed',
    vaccineCode: { ...(i.cvxCode ? { coding: [{ system: CVX, code: i.cvxCode }] } : {}), text: i.vaccine },
    patient: { reference: patientRef },
    occurrenceDateTime: i.administeredOn,
    // Given by this clinic (or imported from the system that gave it) versus reported by the patient.
    primarySource: i.source !== 'historical',
    ...(i.lot ? { lotNumber: i.lot } : {}),
    ...(i.site ? { site: { text: i.site } } : {}),
    ...(i.route ? { route: { text: i.route } } : {}),
    ...(i.doseNumber ? { protocolApplied: [{ doseNumberPositiveInt: i.doseNumber }] } : {}),
    ...(i.note ? { note: [{ text: i.note }] } : {}),
  };
}

export function labResources(panel: LabPanel, patientRef: string): (DiagnosticReport | Observation)[] {
  const observations: Observation[] = panel.results.map((r) => ({
    resourceType: 'Observation',
    id: r.id,
    status: 'final',
    category: [LABORATORY],
    code: { ...(r.loinc ? { coding: [{ system: LOINC, code: r.loinc }] } : {}), text: r.name },
    subject: { reference: patientRef },
    effectiveDateTime: panel.collectedAt,
    ...(typeof r.value === 'number'
      ? { valueQuantity: { value: r.value, ...(r.unit ? { unit: r.unit } : {}) } }
      : { valueString: r.value }),
    ...(r.refLow !== null || r.refHigh !== null
      ? {
          referenceRange: [
            {
              ...(r.refLow !== null ? { low: { value: r.refLow, ...(r.unit ? { unit: r.unit } : {}) } } : {}),
              ...(r.refHigh !== null ? { high: { value: r.refHigh, ...(r.unit ? { unit: r.unit } : {}) } } : {}),
            },
          ],
        }
      : {}),
    ...(r.flag && FLAG_CODES[r.flag] ? { interpretation: [{ coding: [{ system: INTERPRETATION, code: FLAG_CODES[r.flag] }] }] } : {}),
  }));
  const report: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: panel.panelId,
    status: 'final',
    category: [LABORATORY],
    code: { text: panel.panel },
    subject: { reference: patientRef },
    effectiveDateTime: panel.collectedAt,
    ...(panel.lab ? { performer: [{ display: panel.lab }] } : {}),
    result: observations.map((o) => ({ reference: `Observation/${o.id ?? ''}` })),
  };
  return [report, ...observations];
}

export interface ImportedImmunization {
  vaccine: string;
  cvxCode: string | null;
  administeredOn: string;
  doseNumber: number | null;
  lot: string | null;
  site: string | null;
  route: string | null;
  status: string;
  source: string;
  note: string | null;
}

export function immunizationFrom(r: Loose): ImportedImmunization | string {
  const vaccine = conceptText(r.vaccineCode);
  const date = read.string(r.occurrenceDateTime);
  if (!vaccine || !date) return 'It names no vaccine or no date.';
  const dose = read.object(read.array(r.protocolApplied)[0]).doseNumberPositiveInt;
  return {
    vaccine,
    cvxCode: codeIn(r.vaccineCode, CVX),
    administeredOn: date.slice(0, 10),
    doseNumber: typeof dose === 'number' ? dose : null,
    lot: read.string(r.lotNumber),
    site: conceptText(r.site),
    route: conceptText(r.route),
    status: r.status === 'not-done' ? 'refused' : r.status === 'entered-in-error' ? 'entered_in_error' : 'completed',
    source: r.primarySource === false ? 'historical' : 'fhir',
    note: read.string(read.object(read.array(r.note)[0]).text),
  };
}

/** Laboratory observations grouped into reports: by the DiagnosticReport that lists them, else by collection time. */
export function labReportsFrom(observations: Loose[], reports: Loose[]): LabReport[] {
  const reportOf = new Map<string, Loose>();
  for (const report of reports)
    for (const ref of read.array(report.result)) {
      const id = read.reference(ref)?.split('/').pop();
      if (id) reportOf.set(id, report);
    }
  const grouped = new Map<string, LabReport>();
  for (const o of observations) {
    const collectedAt = read.string(o.effectiveDateTime) ?? '';
    const report = o.id ? reportOf.get(o.id) : undefined;
    const key = report?.id ?? `time:${collectedAt}`;
    const quantity = read.quantity(o.valueQuantity);
    const range = read.object(read.array(o.referenceRange)[0]);
    const group = grouped.get(key) ?? {
      panel: (report && conceptText(report.code)) ?? 'Imported results',
      collectedAt: new Date(collectedAt).toISOString(),
      lab: report ? read.string(read.object(read.array(report.performer)[0]).display) : null,
      results: [],
    };
    group.results.push({
      name: conceptText(o.code) ?? 'Unnamed result',
      loinc: codeIn(o.code, LOINC),
      value: quantity?.value ?? read.string(o.valueString) ?? '',
      unit: quantity?.unit ?? null,
      refLow: read.quantity(range.low)?.value ?? null,
      refHigh: read.quantity(range.high)?.value ?? null,
    });
    grouped.set(key, group);
  }
  return [...grouped.values()];
}
