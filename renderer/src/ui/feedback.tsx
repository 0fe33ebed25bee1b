/** Loading, empty and error states, shown the same way on every screen. */
import type { ReactNode } from 'react';
import type { ApiErrorShape } from '../../../main/contract';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

export function ErrorMessage({ error }: { error: ApiErrorShape | null | undefined }) {
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      {error.message}
    </div>
  );
}
