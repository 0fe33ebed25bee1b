/**
 * Files attached to the chart: scans, PDFs, images, DICOM studies. The file
 * travels as base64 in one call (the HTTP transport lets these methods carry
 * a large body); the core checks its real format from its first bytes, so a
 * renamed file is refused rather than stored under the wrong type.
 */
import { z } from 'zod';
import { Id, Ok, requiredText } from './common';
import { method } from './method';

/** The largest file the chart takes: a multi-page scan or a small DICOM series fits; a whole CT study does not. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** What can be attached, by media type; anything else is refused before it is stored. */
export const attachmentMediaTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'application/dicom',
  'text/plain',
] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

export const mediaTypeLabels: Record<AttachmentMediaType, string> = {
  'application/pdf': 'PDF document',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/tiff': 'TIFF image',
  'application/dicom': 'DICOM file',
  'text/plain': 'plain text file',
};

/** Open enum: a newer workstation may send another category; it is kept and shown as it is. */
export const attachmentCategories = ['scan', 'pdf', 'image', 'dicom', 'other'] as const;
export type AttachmentCategory = (typeof attachmentCategories)[number];

/** Base64 of at most MAX_ATTACHMENT_BYTES (4 characters per 3 bytes, padded). */
const MAX_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

export const DicomSummary = z.object({
  modality: z.string().nullable(),
  /** YYYY-MM-DD. */
  studyDate: z.string().nullable(),
  studyDescription: z.string().nullable(),
  bodyPart: z.string().nullable(),
});
export type DicomSummary = z.infer<typeof DicomSummary>;

export const Attachment = z.object({
  id: Id,
  patientId: Id,
  encounterId: z.string().nullable(),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  category: z.string(),
  dicom: DicomSummary.nullable(),
  addedBy: z.string(),
  addedByName: z.string().nullable(),
  addedAt: z.string(),
  /** Whether this workstation holds the content; if not, opening it downloads it first (needs the cloud). */
  availableLocally: z.boolean(),
});
export type Attachment = z.infer<typeof Attachment>;

export const attachmentsApi = {
  /** The chart's attachments, newest first; those removed from the chart are left out. */
  'attachments.list': method({
    input: z.object({ patientId: Id }).strict(),
    output: z.object({ attachments: z.array(Attachment) }),
    access: 'chart.read',
  }),
  /** Attach a file: its format is checked from its content, DICOM metadata is read, the content is stored encrypted. */
  'attachments.add': method({
    input: z
      .object({
        patientId: Id,
        encounterId: Id.nullish(),
        title: requiredText(200, 'Title'),
        fileName: requiredText(255, 'File name'),
        mediaType: z.enum(attachmentMediaTypes, {
          message: 'Outpost attaches PDF, JPEG, PNG, TIFF, DICOM and plain text files. Convert the file to one of these first.',
        }),
        category: z.enum(attachmentCategories, { message: 'Choose a category' }).optional(),
        content: z
          .string()
          .min(1, 'The file is empty. Choose the file again.')
          .max(
            MAX_BASE64_CHARS,
            `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Scan at a lower resolution or split it.`,
          )
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file did not arrive intact. Choose it again.'),
      })
      .strict(),
    output: Attachment,
    access: 'chart.write',
  }),
  /** The file's content, downloaded from the clinic's cloud first when this workstation does not have it yet. */
  'attachments.content': method({
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id, fileName: z.string(), mediaType: z.string(), content: z.string() }),
    access: 'chart.read',
  }),
  /** Take a file off the chart (attached to the wrong patient, a duplicate); it is kept with who removed it and why. */
  'attachments.remove': method({
    input: z.object({ id: Id, reason: requiredText(300, 'Reason') }).strict(),
    output: Ok,
    access: 'chart.write',
  }),
};
