/**
 * Importing home-monitoring readings into a patient's vital signs. The
 * preview and the import run the same plan, so what the person confirmed is
 * what is written: each reading is checked (the limits of a reading typed in
 * the clinic, not in the future, not twice in the file, not already in the
 * chart), and the import writes the kept ones in one transaction with ids
 * derived from their content, so importing the same file again adds nothing.
 * The file itself is never stored; its name becomes part of the source label.
 */
import { inArray } from 'drizzle-orm';
import { vitalSigns } from '../../../db/schema';
import type { DevicePreview, DeviceReading, ParsedInput, SkippedReading } from '../../contract';
import type { SessionUser } from '../handler';
import { patientOf, withMergedRecords } from '../patients/records';
import { getClinic } from '../settings/reference';
import type { Store } from '../store';
import { readCsv } from './device-import-csv';
import { readBundle } from './device-import-fhir';
import { checkedValues, deviceKind, readingId, readingKey, type FileReadout } from './device-import-values';
import { isInTheFuture } from './vitals';

type DeviceFile = ParsedInput<'deviceReadings.preview'>;

interface Plan extends DevicePreview {
  patientId: string;
  ids: string[];
}

const looksLikeJson = (file: DeviceFile) => /\.json$/i.test(file.fileName) || /^\uFEFF?\s*[{[]/.test(file.content);

/** Every reading of the patient (merged records included, withdrawn ones too): what the chart already holds, by content. */
function chartReadings(store: Store, patientId: string): Map<string, { enteredInError: boolean }> {
  const rows = store.db
    .select()
    .from(vitalSigns)
    .where(inArray(vitalSigns.patientId, withMergedRecords(store, patientId)))
    .all();
  return new Map(
    rows.map((row) => [
      readingKey(row.takenAt, {
        systolic: row.systolic,
        diastolic: row.diastolic,
        pulseBpm: row.pulseBpm,
        weightKg: row.weightKg,
        glucoseMgDl: row.glucoseMgDl,
      }),
      { enteredInError: row.enteredInErrorAt !== null || row.deletedAt !== null },
    ]),
  );
}

function planOf(store: Store, file: DeviceFile): Plan {
  const patientId = patientOf(store, file.patientId);
  const format = looksLikeJson(file) ? 'fhir' : 'csv';
  const readout: FileReadout = format === 'fhir' ? readBundle(file.content) : readCsv(file.content, getClinic(store).timeZone);
  const inChart = chartReadings(store, patientId);
  const inFile = new Map<string, string>();
  const readings: DeviceReading[] = [];
  const ids: string[] = [];
  const skipped: SkippedReading[] = [];
  for (const candidate of readout.candidates) {
    const skip = (reason: string) => skipped.push({ origin: candidate.origin, reason });
    const values = checkedValues(candidate, patientId);
    if (typeof values === 'string') {
      skip(values);
      continue;
    }
    const key = readingKey(candidate.takenAt, values);
    const existing = inChart.get(key);
    const earlier = inFile.get(key);
    if (isInTheFuture(candidate.takenAt)) skip('Its time is in the future: check the clock of the device.');
    else if (existing?.enteredInError) skip('The same reading is already in the chart, marked entered in error.');
    else if (existing) skip('The same reading is already in the chart (imported before, or typed in).');
    else if (earlier) skip(`The same reading as ${earlier}.`);
    else {
      inFile.set(key, candidate.origin);
      readings.push({ origin: candidate.origin, takenAt: candidate.takenAt, ...values });
      ids.push(readingId(patientId, key));
    }
  }
  const device = file.device ?? readout.device ?? deviceKind(readings);
  return {
    patientId,
    format,
    sourceLabel: `${device} (${file.fileName})`,
    readings,
    ids,
    // In the order of the file: skipped while reading it, then skipped against the chart.
    skipped: [...readout.skipped, ...skipped].sort((a, b) => originOrder(a.origin) - originOrder(b.origin)),
    ignoredColumns: readout.ignoredColumns,
  };
}

/** "Row 12" sorts after "Row 9"; other origins keep their order. */
const originOrder = (origin: string) => Number(/^Row (\d+)$/.exec(origin)?.[1] ?? 0);

export function previewDeviceImport(store: Store, file: DeviceFile): DevicePreview {
  const { format, sourceLabel, readings, skipped, ignoredColumns } = planOf(store, file);
  return { format, sourceLabel, readings, skipped, ignoredColumns };
}

export function importDeviceReadings(
  store: Store,
  user: SessionUser,
  file: DeviceFile,
): { imported: number; sourceLabel: string; skipped: SkippedReading[] } {
  return store.capture.mutate((w) => {
    // Planned inside the transaction: a reading that arrived since the preview (sync, another window) is not added twice.
    const plan = planOf(store, file);
    plan.readings.forEach((reading, i) => {
      w.insert(vitalSigns, {
        id: plan.ids[i],
        patientId: plan.patientId,
        takenAt: reading.takenAt,
        recordedBy: user.id,
        systolic: reading.systolic,
        diastolic: reading.diastolic,
        pulseBpm: reading.pulseBpm,
        weightKg: reading.weightKg,
        glucoseMgDl: reading.glucoseMgDl,
        source: 'device',
        sourceLabel: plan.sourceLabel,
      });
    });
    return { imported: plan.readings.length, sourceLabel: plan.sourceLabel, skipped: plan.skipped };
  });
}
