/**
 * The few DICOM attributes the chart shows beside a study (modality, study
 * date, description, body part), read with dicom-parser. Parsing stops at
 * the pixel data: the header is all we need, and a huge image costs nothing.
 * The patient attributes in the file are not kept: the chart already knows
 * whose file it is, and a second copy of a name is one more place for PHI.
 */
import dicomParser, { type DataSet } from 'dicom-parser';
import { ApiError, type DicomSummary } from '../../contract';

const TAG = {
  studyDate: 'x00080020',
  modality: 'x00080060',
  studyDescription: 'x00081030',
  bodyPart: 'x00180015',
  pixelData: 'x7fe00010',
} as const;

/** DICOM DA "YYYYMMDD" as "YYYY-MM-DD", or null when it is missing or not a real date. */
function plainDate(value: string | undefined): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

const textOf = (value: string | undefined, max: number): string | null => {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed.slice(0, max) : null;
};

/** Read a DICOM Part 10 file's study attributes; refuses bytes that are not a readable DICOM file. */
export function readDicomSummary(bytes: Uint8Array): DicomSummary {
  let dataSet: DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, { untilTag: TAG.pixelData });
  } catch {
    throw new ApiError(
      'VALIDATION',
      'This DICOM file could not be read: it is damaged, incomplete, or uses an encoding Outpost does not read. Export the study again from the imaging system.',
      { content: 'Unreadable DICOM file' },
    );
  }
  return {
    modality: textOf(dataSet.string(TAG.modality), 16),
    studyDate: plainDate(dataSet.string(TAG.studyDate)),
    studyDescription: textOf(dataSet.string(TAG.studyDescription), 200),
    bodyPart: textOf(dataSet.string(TAG.bodyPart), 64),
  };
}
