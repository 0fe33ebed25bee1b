/**
 * Text typed on this workstation into a draft that was signed elsewhere
 * before the text could be saved. It is never thrown away silently: it stays
 * here, selectable, until the person copies it into an addendum or discards
 * it on purpose.
 */
import { noteSections, sectionLabels, type Note } from '../../../../main/contract';
import { useSession } from '../../app/session';
import { discardUnsaved, useUnsaved } from './unsavedDrafts';

export function UnsavedText({ note, onCopy }: { note: Note; onCopy(text: string): void }) {
  const { user } = useSession();
  const unsaved = useUnsaved(user.id, note.id);
  const sections = noteSections.filter((section) => {
    const typed = unsaved?.[section];
    return typed !== undefined && typed !== note.content[section];
  });
  if (!unsaved || sections.length === 0) return null;
  const asText = sections.map((section) => `${sectionLabels[section]}:\n${unsaved[section] ?? ''}`).join('\n\n');

  return (
    <section className="chart-unsaved warning-banner" aria-labelledby="chart-unsaved-title">
      <h3 id="chart-unsaved-title">Your text that was not saved</h3>
      <p>
        This note was signed (or submitted for co-signature) elsewhere before what you typed here could be saved, so the note does not
        include it. Copy it into an addendum (it is cleared from here once that addendum is added), or discard it.
      </p>
      {sections.map((section) => (
        <div key={section} className="chart-unsaved__section">
          <h4>{sectionLabels[section]}</h4>
          <p className="chart-read__text">{unsaved[section]}</p>
        </div>
      ))}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => discardUnsaved(user.id, note.id)}>
          Discard this text
        </button>
        <button type="button" className="button button--primary" onClick={() => onCopy(asText)}>
          Copy into the addendum
        </button>
      </div>
    </section>
  );
}
