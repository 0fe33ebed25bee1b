/**
 * Submit state shared by the admin dialogs: the server is the authority on
 * what is valid, so its error is shown twice — the message in an alert at the
 * top of the form and each `fields` entry next to its control.
 */
import { useState } from 'react';
import { ApiError } from '../../../../main/contract';

export interface ServerForm {
  error: ApiError | null;
  busy: boolean;
  fieldError(path: string): string | undefined;
  /** Runs the call; true when it succeeded, false when an error is now on show. */
  run(call: () => Promise<unknown>): Promise<boolean>;
  fail(message: string, fields?: Record<string, string>): void;
}

export function useServerForm(): ServerForm {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    error,
    busy,
    fieldError: (path) => error?.fields?.[path],
    async run(call) {
      setBusy(true);
      setError(null);
      try {
        await call();
        return true;
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 'That did not go through. Try again.'));
        return false;
      } finally {
        setBusy(false);
      }
    },
    fail(message, fields) {
      setError(new ApiError('VALIDATION', message, fields));
    },
  };
}
