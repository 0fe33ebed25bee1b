/**
 * The four SOAP sections of a draft, each a labelled text box that grows with
 * its text, and the autosave status beside the note's title. Leaving a box
 * saves at once; typing saves shortly after the last keystroke. Snippets
 * (a trigger then Space or Tab, or Ctrl+.) go in through the same onType.
 */
import type { Ref } from 'react';
import { noteSections, sectionLabels, type NoteContent, type NoteSection, type PatientSummary } from '../../../../main/contract';
import { Field } from '../../ui/Field';
import { SnippetTools } from '../snippets/SnippetTools';
import { useSnippetInsertion } from '../snippets/useSnippetInsertion';
import { saveStateText, type SaveState } from './chartText';

interface NoteEditorProps {
  typed: NoteContent;
  readOnly: boolean;
  firstSection?: Ref<HTMLTextAreaElement>;
  /** The chart's patient, for snippet placeholders such as {patient.firstName}. */
  patient?: PatientSummary;
  onType(section: NoteSection, text: string): void;
  onLeave(): void;
}

export function NoteEditor({ typed, readOnly, firstSection, patient, onType, onLeave }: NoteEditorProps) {
  const snippets = useSnippetInsertion(patient, !readOnly, onType);
  return (
    <div className="chart-soap">
      {!readOnly && <SnippetTools insertion={snippets} />}
      {noteSections.map((section, index) => (
        <Field key={section} label={sectionLabels[section]}>
          {({ id }) => (
            <textarea
              id={id}
              ref={index === 0 ? firstSection : undefined}
              className="chart-soap__text"
              value={typed[section]}
              readOnly={readOnly}
              rows={4}
              spellCheck
              data-note-section={section}
              onChange={(e) => onType(section, e.target.value)}
              onKeyDown={(e) => snippets.onKeyDown(section, e)}
              onFocus={(e) => snippets.onFocus(section, e)}
              onBlur={onLeave}
            />
          )}
        </Field>
      ))}
    </div>
  );
}

interface SaveStatusProps {
  state: SaveState;
  zone: string;
  onSaveNow(): void;
}

export function SaveStatus({ state, zone, onSaveNow }: SaveStatusProps) {
  const failing = state.kind === 'retrying' || state.kind === 'refused' || state.kind === 'conflict';
  // Offered only once saving has failed: during ordinary typing a button that comes and goes with every pause would jump around.
  const canSaveNow = state.kind === 'retrying' || state.kind === 'refused';
  return (
    <span className="chart-save">
      <span
        role="status"
        className={`chart-save__text${failing ? ' chart-save__text--failing' : ''}`}
        title={state.kind === 'retrying' ? state.message : undefined}
      >
        {saveStateText(state, zone)}
      </span>
      {canSaveNow && (
        <button type="button" className="button button--small" aria-keyshortcuts="Control+S Meta+S" onClick={onSaveNow}>
          {state.kind === 'retrying' ? 'Retry now' : 'Try again'}
        </button>
      )}
    </span>
  );
}
