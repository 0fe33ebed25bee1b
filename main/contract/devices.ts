/**
 * Home and remote monitoring: readings exported by a blood pressure cuff, a
 * glucose meter or a scale (a CSV file, or a FHIR Bundle of Observations)
 * come into the patient's vital signs in two steps — a preview that says what
 * will be imported and what is skipped and why, then the import, which adds
 * nothing that is already in the chart.
 */
import { z } from 'zod';
import { Id, optionalText, requiredText } from './common';
import { method } from './method';

/** Years of readings every few hours are well under a megabyte; bounded so a wrong file cannot exhaust memory. */
export const MAX_DEVICE_FILE_CHARS = 5 * 1024 * 1024;

const DeviceFile = z
  .object({
    patientId: Id,
    /** The file's name as chosen (shown in the readings' source, never used as a path). */
    fileName: requiredText(200, 'File name'),
    content: z
      .string()
      .min(1, 'This file is empty. Choose the file the device exported.')
      .max(MAX_DEVICE_FILE_CHARS, 'This file is too large for one patient’s readings (over 5 MB). Export a shorter period.'),
    /** The device in words ("Omron M7 cuff"); when left blank the kinds of reading name it. */
    device: optionalText(80, 'Device'),
  })
  .strict();

export const DeviceReading = z.object({
  /** Where the reading is in the file: "Row 4", "Observation bp-1". */
  origin: z.string(),
  takenAt: z.string(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  pulseBpm: z.number().nullable(),
  weightKg: z.number().nullable(),
  glucoseMgDl: z.number().nullable(),
});
export type DeviceReading = z.infer<typeof DeviceReading>;

export const SkippedReading = z.object({ origin: z.string(), reason: z.string() });
export type SkippedReading = z.infer<typeof SkippedReading>;

export const DevicePreview = z.object({
  format: z.enum(['csv', 'fhir']),
  /** What the chart will show as the readings' source, e.g. "Home BP monitor (omron-export.csv)". */
  sourceLabel: z.string(),
  readings: z.array(DeviceReading),
  skipped: z.array(SkippedReading),
  /** Columns of a CSV file that hold nothing Outpost records (a note, a cuff size): left out. */
  ignoredColumns: z.array(z.string()),
});
export type DevicePreview = z.infer<typeof DevicePreview>;

export const devices = {
  /** What importing this file would add to the patient's vital signs, and what it skips and why. Writes nothing. */
  'deviceReadings.preview': method({ input: DeviceFile, output: DevicePreview, access: 'chart.write' }),
  /** Import the readings of the preview in one transaction; a reading already in the chart is never added twice. */
  'deviceReadings.import': method({
    input: DeviceFile,
    output: z.object({ imported: z.number(), sourceLabel: z.string(), skipped: z.array(SkippedReading) }),
    access: 'chart.write',
  }),
};
