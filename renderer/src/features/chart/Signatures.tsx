/**
 * Who locked the note, in the sticky title bar so it stays in sight while the
 * note is read: "Signed by …", or "Submitted for co-signature by …" and then
 * "Co-signed by …". A note awaiting co-signature offers the co-signature to
 * those who may sign.
 */
import { useState } from 'react';
import type { EncounterDetail } from '../../../../main/contract';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../ui/format';
import { signatureLabel, visitLine } from './chartText';
import { SignDialog } from './SignDialog';

export function Signatures({ detail, zone }: { detail: EncounterDetail; zone: string }) {
  const { note } = detail;
  const session = useSession();
  const [cosigning, setCosigning] = useState(false);
  if (note.signatures.length === 0) return null;
  return (
    <>
      <p className={`chart-signature${note.status === 'signed' ? '' : ' chart-signature--pending'}`} tabIndex={-1} ref={focusIfLost}>
        {note.signatures.map((s, index) => (
          <span key={s.id}>
            {index > 0 && ' · '}
            {signatureLabel(s.role)} <strong>{s.signerName}</strong> on {formatDateTime(s.signedAt, zone)}
          </span>
        ))}
      </p>
      {note.status === 'awaiting_cosign' && session.can('notes.sign') && (
        <>
          <button type="button" className="button button--primary" onClick={() => setCosigning(true)}>
            Co-sign note
          </button>
          <SignDialog
            mode="cosign"
            what={visitLine(detail, zone)}
            noteId={note.id}
            encounterId={detail.encounter.id}
            content={note.content}
            open={cosigning}
            onClose={() => setCosigning(false)}
          />
        </>
      )}
    </>
  );
}

/** Signing here removes the button that had focus: start the keyboard at the signature instead of the page top. */
function focusIfLost(element: HTMLElement | null): void {
  if (element && document.activeElement === document.body) element.focus();
}
