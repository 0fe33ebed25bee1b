/**
 * A clinic of its own for a standalone benchmark: a fresh core in a temp
 * folder, set up through the API like a real first run, with a `call` that
 * throws on a refusal (setup calls are not measured) and staff of any role.
 * Removed on close.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Output, Role } from '../../main/contract';
import { createCore, type Core } from '../../main/core';

const PASSWORD = 'bench-password-1';

export interface StandaloneClinic {
  dir: string;
  core: Core;
  adminToken: string;
  call: <T>(method: string, input: unknown, token: string | null) => Promise<T>;
  /** Create a user of this role and return a signed-in session token. */
  staff: (role: Role, username: string) => Promise<string>;
  close: () => Promise<void>;
}

export async function standaloneClinic(name: string): Promise<StandaloneClinic> {
  const dir = mkdtempSync(join(tmpdir(), `outpost-bench-${name}-`));
  const core = await createCore({ dataDir: dir, scryptLog2N: 10 });
  const call = async <T>(method: string, input: unknown, token: string | null): Promise<T> => {
    const result = await core.call(method, input, token);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const admin = { username: 'bench.admin', displayName: 'Bench Admin', password: PASSWORD };
  const setup = await call<Output<'setup.create'>>(
    'setup.create',
    { clinicName: 'Bench Clinic', timeZone: 'America/Chicago', admin },
    null,
  );
  return {
    dir,
    core,
    adminToken: setup.token,
    call,
    staff: async (role, username) => {
      await call('users.create', { username, displayName: username, role, password: PASSWORD, requirePasswordChange: false }, setup.token);
      return (await call<Output<'auth.login'>>('auth.login', { username, password: PASSWORD }, null)).token;
    },
    close: async () => {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
