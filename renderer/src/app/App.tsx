/** First-run setup, then sign-in, then the shell. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Permission } from '../../../main/contract';
import { api } from '../api/client';
import { useApi } from '../api/hooks';
import { ErrorMessage, Loading } from '../ui/feedback';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { LoginScreen } from './LoginScreen';
import { SessionContext, type SessionValue } from './session';
import { SetupScreen } from './SetupScreen';
import { Shell } from './Shell';

export function App() {
  const client = useQueryClient();
  const [session, setSession] = useState<string | null>(api.session);
  const setup = useApi('setup.status', {});
  const me = useApi('auth.me', {}, { enabled: Boolean(session) && setup.data?.needsSetup === false });

  const signedIn = useCallback(
    (token: string) => {
      api.setSession(token);
      setSession(token);
      client.clear();
    },
    [client],
  );
  const signOut = useCallback(() => {
    void api.call('auth.logout', {}).catch(() => undefined);
    api.setSession(null);
    setSession(null);
    client.clear();
  }, [client]);

  const value = useMemo<SessionValue | null>(
    () =>
      me.data
        ? { user: me.data.user, permissions: me.data.permissions, can: (p: Permission) => me.data.permissions.includes(p), signOut }
        : null,
    [me.data, signOut],
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
      <Shell />
    </SessionContext.Provider>
  );
}
