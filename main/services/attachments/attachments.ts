/**
 * Attaching files to the chart, listing them, taking them off. A file is
 * checked before anything is stored (size, real format, DICOM header); its
 * content goes into the encrypted blob cache before its row is written, so a
 * crash can leave an unreferenced blob but never a row without content.
 * Removing keeps the row, with who removed it and why, as a tombstone.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { attachments, encounters } from '../../../db/schema';
import {
  ApiError,
  MAX_ATTACHMENT_BYTES,
  mediaTypeLabels,
  type Attachment,
  type AttachmentMediaType,
  type ParsedInput,
} from '../../contract';
import { LocalBlobs } from '../../sync/blobs';
import { sha256Hex } from '../../sync/crypto';
import { namesOf } from '../charting/notes';
import { existing } from '../clinical/lists';
import type { SessionUser } from '../handler';
import { patientOf, withMergedRecords } from '../patients/records';
import type { Store } from '../store';
import { readDicomSummary } from './dicom';
import { sniffMediaType } from './sniff';

type AttachmentRow = typeof attachments.$inferSelect;

const CATEGORY_OF: Record<AttachmentMediaType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/tiff': 'scan',
  'application/dicom': 'dicom',
  'text/plain': 'other',
};

/** Rounded up, so a file just over the limit never reads as exactly the limit. */
const megabytes = (bytes: number) => `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The file name without any folder a browser or another system put in front of it. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() || fileName.trim();
}

function toAttachment(row: AttachmentRow, names: Map<string, string>, local: LocalBlobs): Attachment {
  return {
    id: row.id,
    patientId: row.patientId,
    encounterId: row.encounterId,
    title: row.title,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    category: row.category,
    dicom:
      row.mediaType === 'application/dicom'
        ? {
            modality: row.dicomModality,
            studyDate: row.dicomStudyDate,
            studyDescription: row.dicomStudyDescription,
            bodyPart: row.dicomBodyPart,
          }
        : null,
    addedBy: row.addedBy,
    addedByName: names.get(row.addedBy) ?? null,
    addedAt: row.addedAt,
    availableLocally: local.has(row.sha256),
  };
}

export function listAttachments(store: Store, patientId: string): Attachment[] {
  const ids = withMergedRecords(store, patientOf(store, patientId));
  const rows = store.db
    .select()
    .from(attachments)
    .where(and(inArray(attachments.patientId, ids), isNull(attachments.deletedAt)))
    .orderBy(desc(attachments.addedAt), desc(attachments.id))
    .all();
  if (rows.length === 0) return [];
  const names = namesOf(
    store,
    rows.map((row) => row.addedBy),
  );
  const local = LocalBlobs.of(store.sqlite);
  return rows.map((row) => toAttachment(row, names, local));
}

/** The decoded file, refused (with what to do) when it is too big or not what it claims to be. */
function checkedContent(input: ParsedInput<'attachments.add'>): Buffer {
  const content = Buffer.from(input.content, 'base64');
  if (content.length === 0) throw new ApiError('VALIDATION', 'The file is empty. Choose the file again.', { content: 'Empty file' });
  if (content.length > MAX_ATTACHMENT_BYTES) {
    throw new ApiError(
      'VALIDATION',
      `This file is ${megabytes(content.length)}; attachments can be at most ${megabytes(MAX_ATTACHMENT_BYTES)}. Scan at a lower resolution or split the document.`,
      { content: 'Too large' },
    );
  }
  const actual = sniffMediaType(content);
  if (actual !== input.mediaType) {
    const claimed = mediaTypeLabels[input.mediaType];
    const found = actual ? `its content is a ${mediaTypeLabels[actual]}` : 'its content is not a format Outpost attaches';
    throw new ApiError(
      'VALIDATION',
      `This file is named as a ${claimed}, but ${found}. A renamed file keeps its old format: open it in the program that made it and save or export it as a ${claimed}.`,
      { content: 'Content does not match the file type' },
    );
  }
  return content;
}

export async function addAttachment(store: Store, user: SessionUser, input: ParsedInput<'attachments.add'>): Promise<Attachment> {
  const patientId = patientOf(store, input.patientId);
  if (input.encounterId) existing(store, encounters, input.encounterId, patientId, 'encounter');
  const content = checkedContent(input);
  const dicom = input.mediaType === 'application/dicom' ? readDicomSummary(content) : null;
  const sha256 = sha256Hex(content);
  const local = LocalBlobs.of(store.sqlite);
  await local.put(content, sha256);
  const id = store.capture.mutate((w) =>
    w.insert(attachments, {
      patientId,
      encounterId: input.encounterId ?? null,
      title: input.title,
      fileName: baseName(input.fileName),
      mediaType: input.mediaType,
      sizeBytes: content.length,
      sha256,
      category: input.category ?? CATEGORY_OF[input.mediaType],
      dicomModality: dicom?.modality ?? null,
      dicomStudyDate: dicom?.studyDate ?? null,
      dicomStudyDescription: dicom?.studyDescription ?? null,
      dicomBodyPart: dicom?.bodyPart ?? null,
      addedBy: user.id,
      addedAt: new Date().toISOString(),
    }),
  );
  const row = store.db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw new Error('Attachment row vanished after insert');
  return toAttachment(row, new Map([[user.id, user.displayName]]), local);
}

/** The attachment's row while it is on the chart; NOT_FOUND once removed (or never there). */
export function attachmentRow(store: Store, id: string): AttachmentRow {
  const row = store.db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row || row.deletedAt) {
    throw new ApiError('NOT_FOUND', 'That attachment is no longer on the chart. Reopen the chart to see its current files.', {
      id: 'Unknown attachment',
    });
  }
  return row;
}

export function removeAttachment(store: Store, user: SessionUser, input: ParsedInput<'attachments.remove'>): void {
  attachmentRow(store, input.id);
  store.capture.mutate((w) => {
    w.update(attachments, input.id, { removedBy: user.id, removedReason: input.reason });
    w.remove(attachments, input.id);
  });
}
