/**
 * Files attached to the chart (scans, PDFs, images, DICOM studies). The row
 * is metadata only: the content lives in the encrypted, content-addressed
 * blob store (main/sync/blobs.ts), named by the sha256 of the plaintext, so
 * the same file attached twice is stored once and syncs lazily. An
 * attachment is never deleted: "remove from chart" keeps the row with who
 * removed it and why, and tombstones it.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const attachments = sqliteTable(
  'attachments',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    encounterId: text('encounter_id'),
    title: text('title').notNull(),
    /** The name the file had on the disk it came from, for saving a copy. */
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Hex sha256 of the plaintext content: the blob's address, checked on every open. */
    sha256: text('sha256').notNull(),
    /** Open enum: scan, pdf, image, dicom, other. */
    category: text('category').notNull(),
    dicomModality: text('dicom_modality'),
    /** As a plain date (YYYY-MM-DD) when the file's DA value was valid. */
    dicomStudyDate: text('dicom_study_date'),
    dicomStudyDescription: text('dicom_study_description'),
    dicomBodyPart: text('dicom_body_part'),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
    removedBy: text('removed_by'),
    removedReason: text('removed_reason'),
  },
  (t) => [index('attachments_patient').on(t.patientId, t.addedAt)],
);
