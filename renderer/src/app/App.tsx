/** First-run setup, then sign-in, then the shell. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Permission } from '../../../main/contract';
import { api } from '../api/client';
import { useApi } from '../api/hooks';
import { ErrorMessage, Loading } from '../ui/feedback';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { LockScreen } from './LockScreen';
import { LoginScreen } from './LoginScreen';
import { SessionContext, type SessionValue } from './session';
import { SetupScreen } from './SetupScreen';
import { Shell } from './Shell';
import { useIdleTimer } from './useIdleTimer';

export function App() {
  const client = useQueryClient();
  const [session, setSession] = useState<string | null>(api.session);
  const setup = useApi('setup.status', {});
  const me = useApi('auth.me', {}, { enabled: Boolean(session) && setup.data?.needsSetup === false });

  // Locked on the server (idle, or the Lock button); the shell stays mounted behind the lock screen. What this
  // window did last wins over the server's word read at sign-in or reload.
  const [lockedHere, setLockedHere] = useState<boolean | null>(null);
  const signedIn = useCallback(
    (token: string) => {
      api.setSession(token);
      setSession(token);
      setLockedHere(null);
      client.clear();
    },
    [client],
  );
  const signOut = useCallback(() => {
    void api.call('auth.logout', {}).catch(() => undefined);
    api.setSession(null);
    setSession(null);
    setLockedHere(null);
    client.clear();
  }, [client]);

  const locked = lockedHere ?? me.data?.locked ?? false;
  const lock = useCallback(() => {
    setLockedHere(true);
    void api.call('auth.lock', {}).catch(() => undefined);
  }, []);
  const unlocked = useCallback(() => {
    setLockedHere(false);
    // Whatever was refused while locked is read again.
    void client.invalidateQueries();
  }, [client]);
  useIdleTimer(me.data?.idleLockMinutes ?? 10, Boolean(me.data) && !locked, lock);

  const value = useMemo<SessionValue | null>(
    () =>
      me.data
        ? { user: me.data.user, permissions: me.data.permissions, can: (p: Permission) => me.data.permissions.includes(p), signOut, lock }
        : null,
    [me.data, signOut, lock],
  );

  if (setup.isPending) return <Loading label="Opening the workstation…" />;
  if (setup.error) return <ErrorMessage error={setup.error} />;
  if (setup.data.needsSetup) return <SetupScreen onDone={signedIn} />;
  if (!session || me.error?.code === 'UNAUTHENTICATED') return <LoginScreen onSignedIn={signedIn} />;
  if (me.error) return <ErrorMessage error={me.error} />;
  if (!value) return <Loading label="Signing in…" />;
  if (value.user.mustChangePassword) {
    return <ChangePasswordScreen displayName={value.user.displayName} onDone={() => void me.refetch()} onSignOut={signOut} />;
  }
  return (
    <SessionContext.Provider value={value}>
      {/* Hidden, not unmounted: open work keeps its state, and an open dialog (drawn in the browser's top layer, above
          any overlay) disappears with the frame instead of showing through the lock. */}
      <div className="app-frame" inert={locked} hidden={locked}>
        <Shell />
      </div>
      {locked && <LockScreen displayName={value.user.displayName} onUnlocked={unlocked} onSignOut={signOut} />}
    </SessionContext.Provider>
  );
}
