import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../../main/contract';
import { api } from '../api/client';
import { TextInput } from '../ui/Field';
import { ErrorMessage } from '../ui/feedback';

/** `notice`: what just happened on this workstation (e.g. it joined a clinic), shown above the form. */
export function LoginScreen({ onSignedIn, notice }: { onSignedIn(token: string): void; notice?: ReactNode }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.call('auth.login', { username, password });
      onSignedIn(session.token);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 'Sign-in failed. Try again.'));
      setBusy(false);
    }
  }

  return (
    <main className="centered">
      <form className="card card--narrow" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to Outpost</h1>
        {notice}
        <ErrorMessage error={error} />
        <TextInput
          label="User name"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
        <TextInput
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
