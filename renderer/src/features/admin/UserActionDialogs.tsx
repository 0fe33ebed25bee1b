/**
 * The two account actions that lock someone out until they act: disabling
 * (ends their sessions at once) and a password reset (they must pick a new
 * one at next sign-in). Both ask before doing it.
 */
import { useState, type FormEvent } from 'react';
import type { User } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';

interface ActionProps {
  user: User | null;
  onClose(): void;
  onDone(message: string): void;
}

export function ToggleDisabledDialog({ user, onClose, onDone }: ActionProps) {
  const disabling = !user?.disabled;
  return (
    <Dialog
      title={user ? `${disabling ? 'Disable' : 'Enable'} ${user.displayName}?` : 'Change account'}
      open={user !== null}
      onClose={onClose}
    >
      {user && <ToggleForm key={user.id} user={user} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function ToggleForm({ user, onClose, onDone }: ActionProps & { user: User }) {
  const update = useApiMutation('users.update');
  const form = useServerForm();
  const disabling = !user.disabled;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await form.run(() => update.mutateAsync({ id: user.id, disabled: disabling }));
    if (ok) onDone(disabling ? `${user.displayName} is disabled and was signed out.` : `${user.displayName} can sign in again.`);
  }

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)}>
      <ErrorMessage error={form.error} />
      <p>
        {disabling
          ? `${user.displayName} will be signed out everywhere and cannot sign in until enabled again. Their history is kept.`
          : `${user.displayName} will be able to sign in again with their current password.`}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className={`button ${disabling ? 'button--danger' : 'button--primary'}`} disabled={form.busy} autoFocus>
          {disabling ? 'Disable' : 'Enable'}
        </button>
      </div>
    </form>
  );
}

/** A readable temporary password: easy to read out, long enough for the 10-character minimum. */
function suggestPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length] ?? 'x').join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export function ResetPasswordDialog({ user, onClose, onDone }: ActionProps) {
  return (
    <Dialog title={user ? `Reset password of ${user.displayName}` : 'Reset password'} open={user !== null} onClose={onClose}>
      {user && <ResetForm key={user.id} user={user} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function ResetForm({ user, onClose, onDone }: ActionProps & { user: User }) {
  const reset = useApiMutation('users.resetPassword');
  const form = useServerForm();
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await form.run(() => reset.mutateAsync({ id: user.id, password }));
    if (ok)
      onDone(`Temporary password set for ${user.displayName}. Give it to them in person; they must choose a new one when they sign in.`);
  }

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorMessage error={form.error} />
      <p>{user.displayName} will be signed out and must choose a new password at their next sign-in.</p>
      <div className="admin-inline">
        <TextInput
          label="New temporary password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          hint="At least 10 characters. Shown so you can read it out to them."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fieldError('password')}
          required
        />
        <button type="button" className="button" onClick={() => setPassword(suggestPassword())}>
          Suggest one
        </button>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Set temporary password'}
        </button>
      </div>
    </form>
  );
}
