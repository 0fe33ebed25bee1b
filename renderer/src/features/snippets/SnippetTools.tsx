/**
 * The snippet bar above a draft's SOAP sections: the picker button (Ctrl+.),
 * the way to the snippet library, and a status line that says what was just
 * inserted (announced to screen readers too), with the picker and library
 * dialogs they open.
 */
import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { SnippetLibrary } from './SnippetLibrary';
import { SnippetPicker } from './SnippetPicker';
import type { SnippetInsertion } from './useSnippetInsertion';
import './snippets.css';

export function SnippetTools({ insertion }: { insertion: SnippetInsertion }) {
  const [managing, setManaging] = useState(false);
  return (
    <div className="snippet-bar">
      <button type="button" className="button button--small" aria-keyshortcuts="Control+." onClick={insertion.openPicker}>
        Insert snippet
      </button>
      <button type="button" className="button button--small button--ghost" onClick={() => setManaging(true)}>
        Manage snippets…
      </button>
      <span className="snippet-bar__status" role="status">
        {insertion.inserted
          ? `Inserted “${insertion.inserted}” (Ctrl+Z undoes it).`
          : 'Type a trigger such as .nrml, then Space or Tab; or press Ctrl+. to pick one.'}
      </span>
      <SnippetPicker
        open={insertion.pickerOpen}
        snippets={insertion.snippets}
        onPick={insertion.insert}
        onClose={insertion.closePicker}
        onManage={() => {
          insertion.closePicker();
          setManaging(true);
        }}
      />
      <Dialog title="Snippets" open={managing} onClose={() => setManaging(false)} wide>
        <SnippetLibrary />
      </Dialog>
    </div>
  );
}
