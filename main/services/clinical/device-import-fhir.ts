/**
 * A FHIR Bundle of home-monitoring Observations (collection, transaction or
 * searchset) read into candidate readings with the codes of the FHIR import
 * (fhir/vitals.ts). Observations taken at the same time are one reading (a
 * blood pressure panel and the pulse the cuff measured with it); anything that
 * is not a blood pressure, pulse, weight or glucose is skipped with the reason.
 */
import type { SkippedReading } from '../../contract';
import { bundleResources, codeIn, conceptText, read, type Loose } from '../fhir/read';
import { DERIVED_VITAL_CODES, vitalValuesOf, type VitalColumns } from '../fhir/vitals';
import type { Candidate, FileReadout, MeasuredValues } from './device-import-values';

const DEVICE_COLUMNS = new Set<keyof VitalColumns>(['systolic', 'diastolic', 'pulseBpm', 'weightKg', 'glucoseMgDl']);
const WITHDRAWN = new Set(['entered-in-error', 'cancelled']);

const originOf = (r: Loose, index: number) => (r.id ? `${r.resourceType} ${r.id}` : `${r.resourceType} (entry ${index + 1})`);

function timeOf(o: Loose): string | null {
  const time = read.string(o.effectiveDateTime) ?? read.string(o.effectiveInstant) ?? read.string(read.object(o.effectivePeriod).start);
  return time && !Number.isNaN(Date.parse(time)) ? new Date(time).toISOString() : null;
}

/** The device's name from the Observation's own reference, or the bundle's Device resource. */
function deviceNameOf(resources: Loose[]): string | null {
  for (const r of resources) {
    if (r.resourceType === 'Observation') {
      const display = read.object(r.device).display;
      if (typeof display === 'string' && display.trim()) return display.trim();
    }
    if (r.resourceType === 'Device') {
      const name = read.string(read.object(read.array(r.deviceName)[0]).name) ?? conceptText(r.type);
      if (name) return name;
    }
  }
  return null;
}

/** Weight and glucose keep the chart's unit here (kg, mg/dL): the FHIR codes already converted them. */
function measured(columns: Partial<VitalColumns>): MeasuredValues {
  return {
    ...(columns.systolic != null ? { systolic: columns.systolic } : {}),
    ...(columns.diastolic != null ? { diastolic: columns.diastolic } : {}),
    ...(columns.pulseBpm != null ? { pulse: columns.pulseBpm } : {}),
    ...(columns.weightKg != null ? { weight: { value: columns.weightKg, unit: 'kg' as const } } : {}),
    ...(columns.glucoseMgDl != null ? { glucose: { value: columns.glucoseMgDl, unit: 'mg/dL' as const } } : {}),
  };
}

export function readBundle(json: string): FileReadout {
  const resources = bundleResources(json);
  const skipped: SkippedReading[] = [];
  const byTime = new Map<string, Candidate[]>();
  for (const [index, r] of resources.entries()) {
    const origin = originOf(r, index);
    const skip = (reason: string) => skipped.push({ origin, reason });
    if (r.resourceType === 'Device') continue;
    if (r.resourceType !== 'Observation') {
      skip(
        r.resourceType === 'Patient'
          ? 'The bundle’s patient is not imported: the readings go to the chart that is open.'
          : `Only Observations are read from a device file, not ${r.resourceType}.`,
      );
      continue;
    }
    const code = codeIn(r.code, 'http://loinc.org');
    const columns = vitalValuesOf(r, true);
    const kept = Object.keys(columns).filter((c) => DEVICE_COLUMNS.has(c as keyof VitalColumns));
    const takenAt = timeOf(r);
    if (typeof r.status === 'string' && WITHDRAWN.has(r.status)) skip(`It is marked ${r.status} at the source.`);
    else if (code && DERIVED_VITAL_CODES.has(code)) skip('BMI is not imported: Outpost computes it from the weight and height.');
    else if (kept.length === 0) {
      const what = code ? `LOINC ${code}${conceptText(r.code) ? ` (${conceptText(r.code)})` : ''}` : 'It has no LOINC code and';
      const valueless = !read.quantity(r.valueQuantity) && read.array(r.component).length === 0;
      skip(valueless ? 'It has no value Outpost can read.' : `${what} is not a blood pressure, pulse, weight or glucose reading.`);
    } else if (!takenAt) skip('It has no time of measurement.');
    else {
      const group = byTime.get(takenAt) ?? [];
      group.push({ origin, takenAt, values: measured(columns) });
      byTime.set(takenAt, group);
    }
  }
  return { candidates: [...byTime.values()].flatMap(merged), skipped, ignoredColumns: [], device: deviceNameOf(resources) };
}

/** Observations of one moment as one reading, unless two of them disagree on a value (then each stays its own). */
function merged(group: Candidate[]): Candidate[] {
  const values: MeasuredValues = {};
  for (const candidate of group) {
    for (const [key, value] of Object.entries(candidate.values) as [keyof MeasuredValues, unknown][]) {
      if (values[key] !== undefined && JSON.stringify(values[key]) !== JSON.stringify(value)) return group;
    }
    Object.assign(values, candidate.values);
  }
  const origin =
    group.length === 1 ? (group[0]?.origin ?? '') : `Observations ${group.map((c) => c.origin.replace(/^Observation /, '')).join(', ')}`;
  return [{ origin, takenAt: group[0]?.takenAt ?? '', values }];
}
