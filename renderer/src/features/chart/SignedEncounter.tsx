/**
 * A locked note as read: the four sections, who signed it and when, the diagnoses,
 * then the addenda in the order they were written. An addendum that holds
 * edits typed on another workstation after the signing is flagged, since it
 * was not written as an addendum by its author. Text typed here that never
 * reached the note (it was locked elsewhere first) is offered for an addendum.
 */
import { useState } from 'react';
import { noteSections, sectionLabels, type Addendum, type EncounterDetail } from '../../../../main/contract';
import { useSession } from '../../app/session';
import { api } from '../../api/client';
import { FileButton } from '../../ui/FileButton';
import { pdfBlob } from '../../ui/files';
import { formatDateTime } from '../../ui/format';
import { AddendumForm } from './AddendumForm';
import { Signatures } from './Signatures';
import { DiagnosesSection } from './DiagnosesSection';
import { EncounterTitle } from './EncounterPanel';
import { UnsavedText } from './UnsavedText';
import { discardUnsaved } from './unsavedDrafts';

const articleLabels: Record<string, string> = {
  signed: 'Signed note',
  awaiting_cosign: 'Note awaiting co-signature',
  draft: 'Draft note (read only)',
};

export function SignedEncounter({ detail, zone }: { detail: EncounterDetail; zone: string }) {
  const { note } = detail;
  const session = useSession();
  const [addendumText, setAddendumText] = useState('');
  /** The unsaved draft text went into the addendum being written: it can be let go once that addendum is saved. */
  const [holdsUnsaved, setHoldsUnsaved] = useState(false);
  const locked = note.signatures.length > 0;

  return (
    <article className="chart-encounter-view" aria-label={articleLabels[note.status] ?? 'Note (read only)'}>
      <EncounterTitle detail={detail} zone={zone}>
        <Signatures detail={detail} zone={zone} />
      </EncounterTitle>
      {!locked && (
        <p className="warning-banner">This note is still a draft, written by {note.authorName}. Your role can read it but not change it.</p>
      )}
      {session.can('chart.write') && (
        <UnsavedText
          note={note}
          onCopy={(text) => {
            setAddendumText((old) => (old ? `${old}\n\n${text}` : text));
            setHoldsUnsaved(true);
          }}
        />
      )}
      <div className="chart-note chart-note--read">
        {noteSections.map((section) => (
          <section key={section} className="chart-read" aria-labelledby={`chart-read-${section}`}>
            <h3 id={`chart-read-${section}`}>{sectionLabels[section]}</h3>
            {note.content[section].trim() ? (
              <p className="chart-read__text">{note.content[section]}</p>
            ) : (
              <p className="chart-muted">Nothing recorded.</p>
            )}
          </section>
        ))}
      </div>
      <DiagnosesSection encounter={detail.encounter} editable={false} />
      {note.status === 'signed' && (
        <div className="chart-file-actions">
          <FileButton
            label="Visit summary for the patient (PDF)"
            make={async () => {
              const summary = await api.call('encounters.visitSummary', { id: detail.encounter.id });
              return { fileName: summary.fileName, content: pdfBlob(summary.pdfBase64) };
            }}
          />
        </div>
      )}
      {locked && (
        <section className="chart-addenda" aria-labelledby="chart-addenda-title">
          <h3 id="chart-addenda-title">Addenda</h3>
          {note.addenda.length === 0 ? (
            <p className="chart-muted">No addenda.</p>
          ) : (
            <ol className="chart-addenda__list">
              {note.addenda.map((addendum) => (
                <AddendumItem key={addendum.id} addendum={addendum} zone={zone} />
              ))}
            </ol>
          )}
          {session.can('chart.write') && (
            <AddendumForm
              noteId={note.id}
              text={addendumText}
              onText={setAddendumText}
              onAdded={() => {
                if (holdsUnsaved) discardUnsaved(session.user.id, note.id);
                setHoldsUnsaved(false);
              }}
            />
          )}
        </section>
      )}
    </article>
  );
}

function AddendumItem({ addendum, zone }: { addendum: Addendum; zone: string }) {
  const late = addendum.kind === 'late_edit';
  return (
    <li className={`chart-addendum${late ? ' chart-addendum--late' : ''}`}>
      <p className="chart-addendum__meta">
        <strong>{addendum.authorName}</strong> · {formatDateTime(addendum.writtenAt, zone)}
        {late && <span className="badge chart-addendum__flag">Edited on another workstation after signing</span>}
      </p>
      <p className="chart-read__text">{addendum.text}</p>
    </li>
  );
}
