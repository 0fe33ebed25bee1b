/**
 * The chart's attachments, newest first: what each is (title, category,
 * kind and size, the DICOM study it holds), when and by whom it was added,
 * and whether it still has to be downloaded. Opening one shows it; a file on
 * the wrong chart or attached twice comes off with a reason, after a
 * confirmation that names it (it is kept, never deleted).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Attachment } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Empty } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { ChangeStatusDialog } from '../clinical/ChangeStatusDialog';
import { Panel } from '../clinical/Panel';
import { AttachDialog } from './AttachDialog';
import { AttachmentViewer } from './AttachmentViewer';
import { categoryLabel, dicomLine, mediaTypeLabel, sizeText } from './attachmentsText';
import './attachments.css';

export function AttachmentsPanel({ patientId, zone }: { patientId: string; zone: string }) {
  const canWrite = useSession().can('chart.write');
  const list = useApi('attachments.list', { patientId });
  const remove = useApiMutation('attachments.remove');
  const queries = useQueryClient();
  const [attaching, setAttaching] = useState(false);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const attachments = list.data?.attachments ?? [];

  return (
    <Panel
      title="Attachments"
      className="clinical-attachments"
      pending={list.isPending}
      error={list.error}
      actions={
        canWrite && (
          <button type="button" className="button button--small" onClick={() => setAttaching(true)}>
            Attach file
          </button>
        )
      }
    >
      {attachments.length === 0 ? (
        <Empty>No files attached. Scans, letters, photos and imaging studies attached here stay with the chart.</Empty>
      ) : (
        <ul className="clinical-list" aria-label="Attachments">
          {attachments.map((attachment) => (
            <li key={attachment.id} className="clinical-row">
              <AttachmentText attachment={attachment} zone={zone} />
              <div className="clinical-row__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Open ${attachment.title}`}
                  onClick={() => setViewing(attachment)}
                >
                  Open
                </button>
                {canWrite && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Remove ${attachment.title} from the chart…`}
                    onClick={() => setRemoving(attachment)}
                  >
                    Remove…
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <AttachDialog patientId={patientId} zone={zone} open={attaching} onClose={() => setAttaching(false)} />
      <AttachmentViewer
        attachment={viewing}
        zone={zone}
        onClose={() => {
          setViewing(null);
          // Opening may have downloaded it: the list says so now.
          void queries.invalidateQueries({ queryKey: ['attachments.list'] });
        }}
      />
      <ChangeStatusDialog
        title="Remove from chart"
        open={removing !== null}
        onClose={() => setRemoving(null)}
        confirmLabel="Remove from chart"
        danger
        reason={{ label: 'Reason', path: 'reason' }}
        submit={({ reason }) => (removing ? remove.mutateAsync({ id: removing.id, reason }) : Promise.resolve())}
      >
        {removing && (
          <>
            <AttachmentText attachment={removing} zone={zone} />
            <p className="attachment-remove-note">It leaves this chart, and is kept in the record with your name and the reason.</p>
          </>
        )}
      </ChangeStatusDialog>
    </Panel>
  );
}

function AttachmentText({ attachment, zone }: { attachment: Attachment; zone: string }) {
  return (
    <div className="clinical-row__main">
      <span className="clinical-row__title">{attachment.title}</span>
      <span className="badge attachment-badge">{categoryLabel(attachment.category)}</span>
      {attachment.dicom && <div className="attachment-dicom">{dicomLine(attachment.dicom) || 'DICOM study without a description'}</div>}
      <div className="clinical-row__detail clinical-muted clinical-small">
        {mediaTypeLabel(attachment.mediaType)} · {sizeText(attachment.sizeBytes)} · added {formatDateTime(attachment.addedAt, zone)}
        {attachment.addedByName && ` by ${attachment.addedByName}`}
        {!attachment.availableLocally && ' · downloads when opened'}
      </div>
    </div>
  );
}
