/**
 * A draft being written: the SOAP note with autosave, the visit reason and
 * diagnoses, and signing (or, for those who may not sign, submitting it for a
 * physician's co-signature). If the note turns out to be signed on another
 * workstation, saving stops, the reason is shown and the typed text stays on
 * screen (read-only) to be copied into an addendum.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { EncounterDetail, NoteTemplate } from '../../../../main/contract';
import { useSession } from '../../app/session';
import { isEmptyNote, visitLine } from './chartText';
import { DiagnosesSection } from './DiagnosesSection';
import { EncounterTitle } from './EncounterPanel';
import { NoteEditor, SaveStatus } from './NoteEditor';
import { SignDialog } from './SignDialog';
import { TemplateOffer } from './TemplateOffer';
import { useDraftAutosaver } from './useDraftAutosaver';

export function DraftEncounter({ detail, zone }: { detail: EncounterDetail; zone: string }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const { typed, state, saver } = useDraftAutosaver(detail.note, session.user.id);
  const [signing, setSigning] = useState(false);
  const firstSection = useRef<HTMLTextAreaElement>(null);
  const conflict = state.kind === 'conflict';
  const mode = session.can('notes.sign') ? 'sign' : 'submit';

  useEffect(() => {
    // Refused because it was signed elsewhere: fetch the signed note now rather than at the next sync event.
    if (conflict) void queryClient.invalidateQueries({ queryKey: ['encounters.get'] });
  }, [conflict, queryClient]);

  function applyTemplate(template: NoteTemplate) {
    saver.fill(template.content);
    // The offer disappears with the click: carry on typing at the end of the template's first line.
    requestAnimationFrame(() => {
      const box = firstSection.current;
      if (!box) return;
      box.focus();
      const lineEnd = box.value.indexOf('\n');
      box.setSelectionRange(lineEnd < 0 ? box.value.length : lineEnd, lineEnd < 0 ? box.value.length : lineEnd);
    });
  }

  return (
    <article className="chart-encounter-view" aria-label="Draft note">
      <EncounterTitle detail={detail} zone={zone}>
        <SaveStatus state={state} zone={zone} onSaveNow={() => void saver.flush()} />
        {/* Who may not sign (a nurse) locks the note for a physician's co-signature instead. */}
        <button type="button" className="button button--primary" disabled={conflict} onClick={() => setSigning(true)}>
          {mode === 'sign' ? 'Sign note' : 'Submit for co-signature'}
        </button>
      </EncounterTitle>
      {conflict && (
        <div className="error-banner" role="alert">
          {state.message} What you typed is kept below: copy it into an addendum.
        </div>
      )}
      <div className="chart-note">
        {!conflict && isEmptyNote(typed) && <TemplateOffer onChoose={applyTemplate} />}
        <NoteEditor
          typed={typed}
          readOnly={conflict}
          firstSection={firstSection}
          patient={detail.patient}
          onType={(section, text) => saver.type(section, text)}
          onLeave={() => void saver.flush()}
        />
      </div>
      <DiagnosesSection encounter={detail.encounter} editable={!conflict} />
      <SignDialog
        mode={mode}
        what={visitLine(detail, zone)}
        noteId={detail.note.id}
        encounterId={detail.encounter.id}
        content={typed}
        open={signing}
        onClose={() => setSigning(false)}
        flush={() => saver.flush()}
      />
    </article>
  );
}
