/**
 * Words and small conversions for the attachments panel: sizes people read,
 * category names, the DICOM line, and the media type of a picked file (a
 * browser leaves `type` empty for DICOM and sometimes TIFF, so the name's
 * extension decides then; the core checks the content either way).
 */
import {
  attachmentCategories,
  attachmentMediaTypes,
  mediaTypeLabels,
  type Attachment,
  type AttachmentCategory,
  type AttachmentMediaType,
} from '../../../../main/contract';
import { formatDate } from '../../ui/format';

const BY_EXTENSION: Record<string, AttachmentMediaType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  dcm: 'application/dicom',
  dicom: 'application/dicom',
  txt: 'text/plain',
};

export const ACCEPTED_FILES =
  '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.dcm,.dicom,.txt,application/pdf,image/jpeg,image/png,image/tiff,application/dicom,text/plain';

function isAllowed(type: string): type is AttachmentMediaType {
  return (attachmentMediaTypes as readonly string[]).includes(type);
}

/** The media type to declare for a picked file, or null when Outpost does not attach its kind. */
export function mediaTypeOf(file: { name: string; type: string }): AttachmentMediaType | null {
  if (isAllowed(file.type)) return file.type;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

/** A title to start from: the file name without its extension, separators as spaces. */
export function titleFromFileName(name: string): string {
  return name
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const CATEGORY_LABELS: Record<AttachmentCategory, string> = { scan: 'Scan', pdf: 'PDF', image: 'Image', dicom: 'DICOM', other: 'Other' };

/** An unknown category (from a newer workstation) is shown as it is. */
export function categoryLabel(category: string): string {
  return (attachmentCategories as readonly string[]).includes(category) ? CATEGORY_LABELS[category as AttachmentCategory] : category;
}

export const categoryChoices = attachmentCategories.map((value) => ({ value, label: CATEGORY_LABELS[value] }));

export function mediaTypeLabel(mediaType: string): string {
  return isAllowed(mediaType) ? mediaTypeLabels[mediaType] : mediaType;
}

/** "CR · chest · study of 14 Mar 2026 · CHEST PA AND LATERAL", from what the file carried. */
export function dicomLine(dicom: NonNullable<Attachment['dicom']>): string {
  return [
    dicom.modality,
    dicom.bodyPart?.toLowerCase(),
    dicom.studyDate && `study of ${formatDate(dicom.studyDate)}`,
    dicom.studyDescription,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** What the viewer can show in the page itself; the rest is saved and opened in its own program. */
export function previewKind(mediaType: string): 'image' | 'text' | 'dicom' | 'none' {
  if (mediaType === 'image/png' || mediaType === 'image/jpeg') return 'image';
  if (mediaType === 'text/plain') return 'text';
  if (mediaType === 'application/dicom') return 'dicom';
  return 'none';
}

export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
