/**
 * The clinic's user accounts. Refusals the server makes on purpose (disabling
 * yourself, removing the last administrator) are shown as its own message:
 * the screen does not second-guess those rules.
 */
import { useState } from 'react';
import { roleLabels, type Role, type User } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { useSession } from '../../app/session';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { ResetPasswordDialog, ToggleDisabledDialog } from './UserActionDialogs';
import { UserDialog } from './UserDialog';

type Open = { kind: 'create' } | { kind: 'edit' | 'toggle' | 'reset'; user: User } | null;

export function UsersTab() {
  const users = useApi('users.list', {});
  const { reference } = useReference();
  const { user: me } = useSession();
  const [open, setOpenState] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const setOpen = (next: Open) => {
    if (next) setNotice('');
    setOpenState(next);
  };
  const close = () => setOpen(null);
  const done = (message: string) => {
    setNotice(message);
    setOpen(null);
  };
  const providerName = (id: string | null) =>
    id ? (reference?.providers.find((p) => p.id === id)?.displayName ?? 'Unknown provider') : '—';

  return (
    <section aria-labelledby="admin-users-title">
      <div className="admin-section__header">
        <h2 id="admin-users-title">Users</h2>
        <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'create' })}>
          Add user
        </button>
      </div>
      <div role="status" aria-live="polite">
        {notice && <div className="success-banner">{notice}</div>}
      </div>
      {users.isPending ? (
        <Loading label="Loading users…" />
      ) : users.error ? (
        <ErrorMessage error={users.error} />
      ) : users.data.length === 0 ? (
        <Empty>No users yet.</Empty>
      ) : (
        <table className="table admin-table" aria-labelledby="admin-users-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">User name</th>
              <th scope="col">Role</th>
              <th scope="col">Provider</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id} className={u.disabled ? 'admin-table__row--disabled' : undefined}>
                <th scope="row">
                  {u.displayName}
                  {u.id === me.id && <span className="admin-you"> (you)</span>}
                </th>
                <td>{u.username}</td>
                <td>{roleLabels[u.role as Role] ?? `Unknown role (${u.role})`}</td>
                <td>{providerName(u.providerId)}</td>
                <td>
                  <span className={`badge ${u.disabled ? 'admin-badge--disabled' : 'admin-badge--active'}`}>
                    {u.disabled ? 'Disabled' : 'Active'}
                  </span>
                  {u.mustChangePassword && !u.disabled && <span className="admin-hint"> must change password</span>}
                </td>
                <td className="admin-table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Edit ${u.displayName}`}
                    onClick={() => setOpen({ kind: 'edit', user: u })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.displayName}`}
                    onClick={() => setOpen({ kind: 'toggle', user: u })}
                  >
                    {u.disabled ? 'Enable' : 'Disable'}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Reset password of ${u.displayName}`}
                    onClick={() => setOpen({ kind: 'reset', user: u })}
                  >
                    Reset password
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <UserDialog
        open={open?.kind === 'create' || open?.kind === 'edit'}
        user={open?.kind === 'edit' ? open.user : null}
        providers={reference?.providers ?? []}
        onClose={close}
        onSaved={(u, created) =>
          done(
            created
              ? `${u.displayName} can now sign in as "${u.username}" with the password you set; they will be asked to change it.`
              : `${u.displayName} saved.`,
          )
        }
      />
      <ToggleDisabledDialog user={open?.kind === 'toggle' ? open.user : null} onClose={close} onDone={done} />
      <ResetPasswordDialog user={open?.kind === 'reset' ? open.user : null} onClose={close} onDone={done} />
    </section>
  );
}
