/** Shown while the signed-in user still has a password an administrator set: they choose their own before anything else. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../main/contract';
import { api } from '../api/client';
import { TextInput } from '../ui/Field';
import { ErrorMessage } from '../ui/feedback';

export function ChangePasswordScreen({ displayName, onDone, onSignOut }: { displayName: string; onDone(): void; onSignOut(): void }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (newPassword !== confirm) {
      setError(new ApiError('VALIDATION', 'The two new passwords differ.', { confirm: 'Type the same password twice' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.call('auth.changePassword', { currentPassword, newPassword });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 'Changing the password failed. Try again.'));
      setBusy(false);
    }
  }

  return (
    <main className="centered">
      <form className="card card--narrow" onSubmit={(e) => void submit(e)} aria-labelledby="change-password-title">
        <h1 id="change-password-title">Choose your password</h1>
        <p>{displayName}, your password was set by an administrator. Choose your own to continue; nobody else should know it.</p>
        <ErrorMessage error={error} />
        <TextInput
          label="Current (temporary) password"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={error?.fields?.currentPassword}
          required
        />
        <TextInput
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A short sentence is easy to remember and hard to guess."
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={error?.fields?.newPassword}
          required
        />
        <TextInput
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={error?.fields?.confirm}
          required
        />
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save password'}
        </button>
        <button className="button button--ghost" type="button" onClick={onSignOut}>
          Sign out
        </button>
      </form>
    </main>
  );
}
