/**
 * Add or edit a user. The user name is fixed once created (it is how people
 * sign in and what audit entries show); a provider link only makes sense for
 * physicians, so it is offered for them and cleared for other roles.
 */
import { useState, type FormEvent } from 'react';
import { roleLabels, roles, type Provider, type Role, type User } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { Select, TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';

interface UserDialogProps {
  open: boolean;
  user: User | null;
  providers: Provider[];
  onClose(): void;
  onSaved(user: User, created: boolean): void;
}

export function UserDialog(props: UserDialogProps) {
  return (
    <Dialog title={props.user ? `Edit ${props.user.displayName}` : 'Add user'} open={props.open} onClose={props.onClose}>
      <UserForm key={props.user?.id ?? 'new'} {...props} />
    </Dialog>
  );
}

function UserForm({ user, providers, onClose, onSaved }: UserDialogProps) {
  const create = useApiMutation('users.create');
  const update = useApiMutation('users.update');
  const form = useServerForm();
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<string>(user?.role ?? 'front_desk');
  const [providerId, setProviderId] = useState(user?.providerId ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const linksProvider = role === 'physician';
  const choosable = providers.filter((p) => p.active || p.id === user?.providerId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!user && password !== confirm) {
      form.fail('The two passwords differ.', { confirm: 'Type the same password twice' });
      return;
    }
    const provider = linksProvider && providerId ? providerId : null;
    let saved: User | undefined;
    const ok = await form.run(async () => {
      saved = user
        ? await update.mutateAsync({ id: user.id, displayName, role: role as Role, providerId: provider })
        : await create.mutateAsync({ username, displayName, role: role as Role, password, providerId: provider });
    });
    if (ok && saved) onSaved(saved, !user);
  }

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorMessage error={form.error} />
      <TextInput
        label="Name"
        autoFocus
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={form.fieldError('displayName')}
        required
        maxLength={120}
      />
      {user ? (
        <p className="admin-readonly">
          <span className="admin-readonly__label">User name</span> {user.username}
        </p>
      ) : (
        <TextInput
          label="User name"
          autoComplete="off"
          hint="3–32 letters, digits, dots, dashes or underscores; used to sign in."
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={form.fieldError('username')}
          required
        />
      )}
      <Select label="Role" value={role} onChange={(e) => setRole(e.target.value)} error={form.fieldError('role')}>
        {!(roles as readonly string[]).includes(role) && <option value={role}>Unknown role ({role})</option>}
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </Select>
      {linksProvider && (
        <Select
          label="Linked provider"
          hint="The provider whose schedule this physician works."
          value={providerId}
          onChange={(e) => setProviderId(e.target.value)}
          error={form.fieldError('providerId')}
        >
          <option value="">None</option>
          {choosable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </Select>
      )}
      {!user && (
        <>
          <TextInput
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters. They must choose their own at first sign-in."
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={form.fieldError('password')}
            required
          />
          <TextInput
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={form.fieldError('confirm')}
            required
          />
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : user ? 'Save changes' : 'Add user'}
        </button>
      </div>
    </form>
  );
}
