/**
 * Shown when someone else saved the patient while this form was open: the
 * save is refused and nothing typed is lost. Reloading brings in their
 * version but throws away what was typed here, so it asks first.
 */
import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { toApiError } from '../../ui/useServerForm';

interface Props {
  message: string;
  /** Loads the record as saved now and reopens the form with it. */
  onReload(): Promise<void>;
}

export function StaleEditNotice({ message, onReload }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function reload() {
    setBusy(true);
    setFailure(null);
    try {
      await onReload();
    } catch (caught) {
      setFailure(toApiError(caught).message);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="error-banner stale-notice" role="alert">
        <span>
          {message}
          {failure && <> The record could not be reloaded: {failure}</>}
        </span>
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          Reload the record
        </button>
      </div>
      <Dialog title="Reload the record?" open={confirming} onClose={() => setConfirming(false)}>
        <p>What you typed in this form will be discarded, and the form will show the patient as saved now, with their changes.</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Keep editing
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void reload()}>
            {busy ? 'Reloading…' : 'Discard my changes and reload'}
          </button>
        </div>
      </Dialog>
    </>
  );
}
