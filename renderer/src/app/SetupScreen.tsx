/**
 * First run: this workstation has no clinic yet. Either create one (and its
 * first administrator), or join a clinic that already syncs elsewhere; after
 * a join the person signs in with their usual account. Two tabs (WAI-ARIA
 * tabs pattern: one tab stop, arrow keys between tabs); both panels stay
 * mounted, so switching keeps what was typed and never steals focus.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../../../main/contract';
import { api } from '../api/client';
import { JoinClinicForm, type JoinResult } from '../features/sync/JoinClinicForm';
import { count } from '../features/sync/syncText';
import { Select, TextInput } from '../ui/Field';
import { ErrorMessage } from '../ui/feedback';
import { LoginScreen } from './LoginScreen';
import './setup.css';

const zones = Intl.supportedValuesOf('timeZone');

type Choice = 'create' | 'join';
const CHOICES: { id: Choice; label: string }[] = [
  { id: 'create', label: 'Create a new clinic' },
  { id: 'join', label: 'Join an existing clinic' },
];

export function SetupScreen({ onDone }: { onDone(token: string): void }) {
  const [choice, setChoice] = useState<Choice>('create');
  const [joined, setJoined] = useState<JoinResult | null>(null);
  const tabs = useRef(new Map<Choice, HTMLButtonElement>());

  if (joined) {
    // The core has the clinic now; App still holds the first-run answer until a sign-in refreshes it.
    const notice = (
      <div className="success-banner" role="status">
        Joined {joined.clinicName}: {count(joined.patients)} {joined.patients === 1 ? 'patient' : 'patients'}, {count(joined.users)}{' '}
        {joined.users === 1 ? 'user' : 'users'}. Sign in with your usual account.
      </div>
    );
    return <LoginScreen onSignedIn={onDone} notice={notice} />;
  }

  function onKeyDown(event: KeyboardEvent, index: number) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: CHOICES.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = CHOICES[(next + CHOICES.length) % CHOICES.length];
    if (!tab) return;
    setChoice(tab.id);
    tabs.current.get(tab.id)?.focus();
  }

  return (
    <main className="centered">
      <section className="card setup" aria-labelledby="setup-title">
        <h1 id="setup-title">Set up your clinic</h1>
        <p>This workstation has no clinic yet. Create a new one, or join a clinic that already uses Outpost on other workstations.</p>
        <div role="tablist" aria-label="How to set up this workstation" className="setup__tabs">
          {CHOICES.map((tab, i) => (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) tabs.current.set(tab.id, el);
                else tabs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`setup-tab-${tab.id}`}
              aria-selected={choice === tab.id}
              aria-controls={`setup-panel-${tab.id}`}
              tabIndex={choice === tab.id ? 0 : -1}
              className={`setup__tab${choice === tab.id ? ' setup__tab--active' : ''}`}
              onClick={() => setChoice(tab.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="setup-panel-create" aria-labelledby="setup-tab-create" hidden={choice !== 'create'}>
          <CreateClinicForm onDone={onDone} />
        </div>
        <div role="tabpanel" id="setup-panel-join" aria-labelledby="setup-tab-join" hidden={choice !== 'join'}>
          <JoinClinicForm onJoined={setJoined} />
        </div>
      </section>
    </main>
  );
}

/** A new clinic and its first administrator. */
function CreateClinicForm({ onDone }: { onDone(token: string): void }) {
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
    <form className="setup-form" onSubmit={(e) => void submit(e)} aria-label="Create a new clinic">
      <p>Create the clinic and its first administrator account. You can set up sync to other workstations afterwards.</p>
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
  );
}
