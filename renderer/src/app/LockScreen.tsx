/**
 * The lock over a session left idle (or locked on purpose). The screen behind
 * stays mounted but inert, so a half-typed note or form is exactly as it was
 * once the same user unlocks; anyone else can only sign that user out.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../main/contract';
import { api } from '../api/client';
import { TextInput } from '../ui/Field';
import { ErrorMessage } from '../ui/feedback';

interface Props {
  displayName: string;
  onUnlocked(): void;
  onSignOut(): void;
}

export function LockScreen({ displayName, onUnlocked, onSignOut }: Props) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function unlock(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.call('auth.unlock', { password });
      onUnlocked();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 'Unlocking failed. Try again.'));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <form className="card card--narrow" onSubmit={(e) => void unlock(e)}>
        <h1 id="lock-title">Outpost is locked</h1>
        <p>
          Locked for <strong>{displayName}</strong>. Your open work is kept as it was; enter your password to continue.
        </p>
        <ErrorMessage error={error?.fields?.password ? null : error} />
        <TextInput
          label="Password"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.fields?.password ? error.message : undefined}
          required
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onSignOut}>
            Not {displayName}? Sign out
          </button>
          <button className="button button--primary" type="submit" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </div>
  );
}
