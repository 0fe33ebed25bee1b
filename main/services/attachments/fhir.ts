/**
 * Attachments in the FHIR export: one DocumentReference each, describing the
 * file (type, title, size, date, encounter) without its content — an export
 * of a whole chart must stay small enough to send, and the receiving system
 * asks for the files it wants. R4's Attachment.hash is SHA-1, so our SHA-256
 * is not put there; it goes as the document's identifier instead.
 */
import type { DocumentReference } from '@medplum/fhirtypes';
import type { Store } from '../store';
import { listAttachments } from './attachments';

/** An imaging study has a LOINC document kind; other files are named by their category in words. */
const IMAGING_STUDY = { system: 'http://loinc.org', code: '18748-4', display: 'Diagnostic imaging study' };

export function attachmentDocuments(store: Store, patientId: string, patientRef: string): DocumentReference[] {
  return listAttachments(store, patientId).map((attachment) => {
    return {
      resourceType: 'DocumentReference',
      id: attachment.id,
      identifier: [{ system: 'urn:outpost:sha256', value: attachment.sha256 }],
      status: 'current',
      type: attachment.category === 'dicom' ? { coding: [IMAGING_STUDY], text: 'Imaging study' } : { text: attachment.category },
      subject: { reference: patientRef },
      date: attachment.addedAt,
      description: attachment.title,
      content: [
        {
          attachment: {
            contentType: attachment.mediaType,
            title: attachment.fileName,
            size: attachment.sizeBytes,
            creation: attachment.addedAt,
          },
        },
      ],
      ...(attachment.encounterId ? { context: { encounter: [{ reference: `Encounter/${attachment.encounterId}` }] } } : {}),
    };
  });
}
