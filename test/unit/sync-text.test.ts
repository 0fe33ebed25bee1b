/** The header's sync line and the sync location form's checks (renderer/src/features/sync), for the states the e2e run cannot stage. */
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../main/contract';
import { describeRound, describeSync, NO_ACTIVITY, relativeTime } from '../../renderer/src/features/sync/syncText';
import { serverFieldErrors, targetFormDefaults, targetFormSchema } from '../../renderer/src/features/sync/syncTargetForm';

const now = Date.parse('2026-03-10T14:30:00Z');
const zone = 'America/Chicago';
const online: SyncStatus = {
  mode: 'online',
  pendingOps: 0,
  lastSyncAt: '2026-03-10T14:28:00Z',
  lastError: null,
  syncing: false,
  progress: null,
  offlineSince: null,
  quarantinedOps: 0,
  alarms: [],
  target: 'folder /srv/outpost',
  paused: false,
  openConflicts: 0,
  openClinicalConflicts: 0,
  history: [],
};

describe('describeSync', () => {
  it('says how long ago the last sync was', () => {
    expect(describeSync(online, { now, zone })).toEqual({
      tone: 'synced',
      main: 'Synced',
      detail: '2 min ago',
      separator: ' · ',
      label: 'Synced · 2 min ago',
    });
    expect(describeSync({ ...online, lastSyncAt: '2026-03-10T14:29:50Z' }, { now, zone }).label).toBe('Synced · just now');
  });

  it('says local only until a location is set up', () => {
    expect(describeSync({ ...online, mode: 'local', target: null, lastSyncAt: null }, { now, zone })).toMatchObject({
      tone: 'local',
      label: 'Local only — not synced',
    });
  });

  it('counts what is moving, with thousands separators', () => {
    const status = { ...online, syncing: true, progress: { done: 1234, total: null, phase: 'pull' as const } };
    expect(describeSync(status, { now, zone })).toMatchObject({ tone: 'syncing', label: 'Syncing… 1,234 changes' });
    // A poll that moves nothing does not make the header flicker.
    expect(describeSync({ ...online, syncing: true }, { now, zone }).tone).toBe('synced');
  });

  it('gives the clinic-local time the line went down and what waits', () => {
    const status = { ...online, mode: 'offline' as const, offlineSince: '2026-03-10T14:05:00Z', pendingOps: 12 };
    expect(describeSync(status, { now, zone }).label).toBe('Offline since 09:05 · 12 changes waiting');
    expect(describeSync({ ...status, pendingOps: 1 }, { now, zone }).label).toBe('Offline since 09:05 · 1 change waiting');
    // Another day, and already summer time in Chicago (UTC-5).
    expect(describeSync({ ...status, offlineSince: '2026-03-08T14:05:00Z', pendingOps: 0 }, { now, zone }).label).toBe(
      'Offline since Sun 8 Mar 2026, 09:05',
    );
  });

  it('calls out a problem before anything else', () => {
    expect(describeSync({ ...online, lastError: 'The sync folder cannot be found.' }, { now, zone }).tone).toBe('problem');
    expect(describeSync({ ...online, mode: 'offline', alarms: ['Altered history'] }, { now, zone })).toMatchObject({
      tone: 'problem',
      label: 'Sync problem',
    });
  });
});

describe('relativeTime', () => {
  it('reads naturally from seconds to days, and never in the future', () => {
    expect(relativeTime('2026-03-10T14:31:00Z', now)).toBe('just now');
    expect(relativeTime('2026-03-10T13:00:00Z', now)).toBe('1 h ago');
    expect(relativeTime('2026-03-09T14:00:00Z', now)).toBe('1 day ago');
  });
});

describe('describeRound', () => {
  const round = { at: '2026-03-10T14:28:00Z', outcome: 'ok' as const, sent: 0, received: 0, message: null };

  it('counts what a round sent and received', () => {
    expect(describeRound({ ...round, sent: 3, received: 12 })).toBe('Sent 3 changes · received 12');
    expect(describeRound({ ...round, sent: 1, received: 1234 })).toBe('Sent 1 change · received 1,234');
    expect(describeRound({ ...round, sent: 2 })).toBe('Sent 2 changes');
    expect(describeRound({ ...round, received: 1 })).toBe('Received 1 change');
    expect(describeRound(round)).toBe('Synced: nothing new to send or receive');
  });

  it('says when the location could not be reached or what went wrong', () => {
    expect(describeRound({ ...round, outcome: 'offline' })).toBe('Offline — could not reach the sync location');
    expect(describeRound({ ...round, outcome: 'error', message: 'The sync folder cannot be found.' })).toBe(
      'Problem: The sync folder cannot be found.',
    );
    expect(describeRound({ ...round, outcome: 'error' })).toBe('Problem: the sync did not finish');
    expect(NO_ACTIVITY).toBe('Nothing synced yet in this session.');
  });
});

describe('the sync location form', () => {
  const schema = targetFormSchema({ confirm: true });

  it('checks the chosen kind with the contract rules and asks for the passphrase twice', () => {
    const result = schema.safeParse({ ...targetFormDefaults(), kind: 's3', bucket: 'No', passphrase: 'short', confirm: '' });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []);
    expect(Object.keys(fields).sort()).toEqual(['accessKeyId', 'bucket', 'passphrase', 'secretAccessKey']);
    const mismatch = schema.safeParse({ ...targetFormDefaults(), path: '/srv/outpost', passphrase: 'long enough words', confirm: 'other' });
    expect(mismatch.error?.issues.map((i) => i.path.join('.'))).toEqual(['confirm']);
  });

  it('sends only the chosen kind of target', () => {
    const values = {
      ...targetFormDefaults(),
      path: ' /srv/outpost ',
      bucket: 'ignored',
      passphrase: 'long enough words',
      confirm: 'long enough words',
    };
    expect(schema.parse(values)).toEqual({ target: { kind: 'folder', path: '/srv/outpost' }, passphrase: 'long enough words' });
  });

  it('starts from the current location, without the secret', () => {
    const values = targetFormDefaults({
      kind: 's3',
      endpoint: 'https://s3.example.com',
      region: 'eu-west-1',
      bucket: 'clinic',
      prefix: 'main',
      accessKeyId: 'AKIA',
      forcePathStyle: true,
      hasSecret: true,
    });
    expect(values).toMatchObject({ kind: 's3', bucket: 'clinic', prefix: 'main', secretAccessKey: '', forcePathStyle: true });
  });

  it('puts the core refusals next to their boxes', () => {
    const error = { code: 'VALIDATION' as const, message: 'x', fields: { passphrase: 'wrong', 'target.bucket': 'missing', other: 'y' } };
    expect(serverFieldErrors(error)).toEqual([
      ['passphrase', 'wrong'],
      ['bucket', 'missing'],
    ]);
  });
});
