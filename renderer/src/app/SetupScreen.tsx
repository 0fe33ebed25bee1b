/** First run: create the clinic and its first administrator. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../main/contract';
import { api } from '../api/client';
import { Select, TextInput } from '../ui/Field';
import { ErrorMessage } from '../ui/feedback';

const zones = Intl.supportedValuesOf('timeZone');

export function SetupScreen({ onDone }: { onDone(token: string): void }) {
  const [clinicName, setClinicName] = useState('');
  const [timeZone, setTimeZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      setError(new ApiError('VALIDATION', 'The two passwords differ.', { confirm: 'Type the same password twice' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await api.call('setup.create', { clinicName, timeZone, admin: { username, displayName, password } });
      onDone(session.token);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 'Setup failed. Try again.'));
      setBusy(false);
    }
  }

  const fieldError = (path: string) => error?.fields?.[path];
  return (
    <main className="centered">
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="setup-title">
        <h1 id="setup-title">Set up your clinic</h1>
        <p>This workstation has no clinic yet. Create it and its first administrator account.</p>
        <ErrorMessage error={error} />
        <TextInput
          label="Clinic name"
          autoFocus
          value={clinicName}
          onChange={(e) => setClinicName(e.target.value)}
          error={fieldError('clinicName')}
          required
        />
        <Select label="Clinic time zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} error={fieldError('timeZone')}>
          {zones.map((z) => (
            <option key={z}>{z}</option>
          ))}
        </Select>
        <h2>Administrator</h2>
        <TextInput
          label="Your name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fieldError('admin.displayName')}
          required
        />
        <TextInput
          label="User name"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fieldError('admin.username')}
          required
        />
        <TextInput
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. A short sentence is easy to remember and hard to guess."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError('admin.password')}
          required
        />
        <TextInput
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={fieldError('confirm')}
          required
        />
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create clinic'}
        </button>
      </form>
    </main>
  );
}
