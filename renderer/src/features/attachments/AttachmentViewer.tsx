/**
 * Opening an attachment. The content is fetched when the dialog opens (from
 * the cloud first if this workstation never had it, which can take a moment
 * and is said so), kept only while the dialog is open, and never refetched
 * by a data change elsewhere. Images and text show in the dialog, DICOM shows
 * its study attributes and, when simple enough, a preview; PDFs and TIFFs are
 * saved and opened in their own program (the page may not frame documents).
 */
import { useEffect, useMemo, useState } from 'react';
import type { ApiErrorShape, Attachment } from '../../../../main/contract';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { saveFile } from '../../ui/files';
import { formatDate, formatDateTime } from '../../ui/format';
import { toApiError } from '../../ui/useServerForm';
import { bytesOf, categoryLabel, mediaTypeLabel, previewKind, sizeText } from './attachmentsText';
import { dicomPreview, grayImageUrl } from './dicomPreview';

interface Opened {
  base64: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export function AttachmentViewer({ attachment, zone, onClose }: { attachment: Attachment | null; zone: string; onClose(): void }) {
  return (
    <Dialog title={attachment?.title ?? 'Attachment'} open={attachment !== null} onClose={onClose} wide>
      {attachment && <Viewer attachment={attachment} zone={zone} />}
    </Dialog>
  );
}

function Viewer({ attachment, zone }: { attachment: Attachment; zone: string }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<ApiErrorShape | null>(null);
  useEffect(() => {
    let current = true;
    api
      .call('attachments.content', { id: attachment.id })
      .then((content) => current && setOpened({ base64: content.content, bytes: bytesOf(content.content) }))
      .catch((caught: unknown) => current && setError(toApiError(caught)));
    return () => {
      current = false;
    };
  }, [attachment.id]);

  return (
    <div className="attachment-viewer">
      <dl className="attachment-facts">
        <dt>File</dt>
        <dd>
          {attachment.fileName} · {mediaTypeLabel(attachment.mediaType)} · {sizeText(attachment.sizeBytes)}
        </dd>
        <dt>Category</dt>
        <dd>{categoryLabel(attachment.category)}</dd>
        <dt>Added</dt>
        <dd>
          {formatDateTime(attachment.addedAt, zone)}
          {attachment.addedByName && ` by ${attachment.addedByName}`}
        </dd>
        {attachment.dicom && <DicomFacts dicom={attachment.dicom} />}
      </dl>
      {error ? (
        <ErrorMessage error={error} />
      ) : !opened ? (
        <Loading label={attachment.availableLocally ? 'Opening the file…' : 'Downloading the file from the clinic’s cloud…'} />
      ) : (
        <>
          <Preview attachment={attachment} opened={opened} />
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => saveFile(attachment.fileName, new Blob([opened.bytes], { type: attachment.mediaType }))}
            >
              Save a copy
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function DicomFacts({ dicom }: { dicom: NonNullable<Attachment['dicom']> }) {
  return (
    <>
      <dt>Modality</dt>
      <dd>{dicom.modality ?? 'Not stated'}</dd>
      <dt>Study date</dt>
      <dd>{dicom.studyDate ? formatDate(dicom.studyDate) : 'Not stated'}</dd>
      <dt>Study</dt>
      <dd>{dicom.studyDescription ?? 'No description'}</dd>
      {dicom.bodyPart && (
        <>
          <dt>Body part</dt>
          <dd>{dicom.bodyPart}</dd>
        </>
      )}
    </>
  );
}

function Preview({ attachment, opened }: { attachment: Attachment; opened: Opened }) {
  const kind = previewKind(attachment.mediaType);
  const dicomUrl = useMemo(() => {
    if (kind !== 'dicom') return null;
    const image = dicomPreview(opened.bytes);
    return image ? grayImageUrl(image) : null;
  }, [kind, opened.bytes]);
  if (kind === 'image') {
    return <img className="attachment-preview" src={`data:${attachment.mediaType};base64,${opened.base64}`} alt={attachment.title} />;
  }
  if (kind === 'text') return <pre className="attachment-text">{new TextDecoder().decode(opened.bytes)}</pre>;
  if (kind === 'dicom' && dicomUrl) {
    return (
      <figure className="attachment-figure">
        <img className="attachment-preview attachment-preview--dicom" src={dicomUrl} alt={`Preview of ${attachment.title}`} />
        <figcaption className="clinical-muted clinical-small">Preview only: read the study in the radiology viewer.</figcaption>
      </figure>
    );
  }
  return (
    <p className="clinical-muted">
      {kind === 'dicom'
        ? 'This DICOM image is compressed or in colour: save a copy and open it in the radiology viewer.'
        : `Save a copy to open this ${mediaTypeLabel(attachment.mediaType)} in its own program.`}
    </p>
  );
}
