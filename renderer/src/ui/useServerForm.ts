/**
 * Submit state shared by the forms: the server is the authority on what is
 * valid, so its error is shown twice — the message in an alert at the top of
 * the form and each `fields` entry next to its control. Forms that keep their
 * own field state use the two helpers below to read a refusal the same way.
 */
import { useState } from 'react';
import { ApiError, type ApiErrorShape } from '../../../main/contract';

/** What was thrown, as an error for the desk (anything unexpected becomes a plain "try again"). */
export function toApiError(caught: unknown): ApiError {
  if (caught instanceof ApiError) return caught;
  if (ApiError.is(caught)) return new ApiError(caught.code, caught.message, caught.fields, caught.details);
  return new ApiError('INTERNAL', 'That did not go through. Try again.');
}

/** The server's field errors keyed by the form's own field names (paths the form does not show are left to the alert). */
export function fieldErrorsOf<K extends string>(error: ApiErrorShape, fieldFor: Record<string, K>): Partial<Record<K, string>> {
  const found: Partial<Record<K, string>> = {};
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const key = fieldFor[path];
    if (key) found[key] = message;
  }
  return found;
}

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
        setError(toApiError(e));
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
