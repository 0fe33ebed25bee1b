/**
 * A button that asks the core for a file (a PDF, an export) and saves it,
 * saying "Preparing…" meanwhile and showing the core's message if it refuses.
 */
import { useState } from 'react';
import type { ApiErrorShape } from '../../../main/contract';
import { saveFile } from './files';
import { ErrorMessage } from './feedback';

export function FileButton({ label, make }: { label: string; make: () => Promise<{ fileName: string; content: Blob }> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorShape | null>(null);
  return (
    <span className="file-button">
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-busy={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          make()
            .then((file) => saveFile(file.fileName, file.content))
            .catch((caught: unknown) =>
              setError(isApiError(caught) ? caught : { code: 'INTERNAL', message: 'The file could not be prepared.' }),
            )
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Preparing…' : label}
      </button>
      <ErrorMessage error={error} />
    </span>
  );
}

function isApiError(value: unknown): value is ApiErrorShape {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}
