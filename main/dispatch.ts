/**
 * The one dispatcher every transport calls: validate input (zod) -> check the
 * session and the method's permission -> run the service -> validate output.
 * Errors leave as typed ApiErrors; anything unexpected becomes INTERNAL with
 * a reference, and is logged without its message (which could hold PHI).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { humanizePath } from './contract/common';
import { api, ApiError, can, isMethodName, roleLabels, type ApiErrorShape } from './contract';
import type { CallResult } from './core-types';
import type { CallContext, Handler, Handlers } from './services/handler';
import { resolveSession } from './services/accounts/users';
import { Auditor } from './services/audit/auditor';
import type { Store } from './services/store';
import type { SyncService } from './sync/service';
import { emergencyAllows } from './services/audit/emergency';

export interface DispatchOptions {
  store: Store;
  handlers: Handlers;
  scryptLog2N: number;
  sync: SyncService;
  log?: (line: string) => void;
}

/** All a locked session may do (the sync indicator keeps showing over the lock screen). */
const ALLOWED_WHILE_LOCKED = new Set<string>(['auth.unlock', 'auth.lock', 'auth.me', 'auth.logout', 'sync.status']);

/** All a session may do while its user still has a password an administrator set. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<string>(['auth.changePassword', 'auth.me', 'auth.logout', 'sync.status']);

export function validationError(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  const firstIssue = error.issues[0];
  const first = !firstIssue
    ? 'Some fields are not valid'
    : ['Required', 'Expected text', 'Expected number', 'Expected boolean', 'Choose one of the listed options'].includes(
          firstIssue.message,
        ) && firstIssue.path.length > 0
      ? `${humanizePath(firstIssue.path)}: ${firstIssue.message.toLowerCase()}`
      : firstIssue.message;
  const count = Object.keys(fields).length;
  return new ApiError('VALIDATION', count > 1 ? `${first} (and ${count - 1} more field${count > 2 ? 's' : ''} to fix)` : first, fields);
}

export function createDispatcher(options: DispatchOptions) {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  async function run(
    method: string,
    rawInput: unknown,
    sessionToken: string | null,
    caller: { user: CallContext['user'] },
  ): Promise<unknown> {
    if (!isMethodName(method)) throw new ApiError('NOT_FOUND', 'This action is not available in this version of Outpost.');
    const spec = api[method];
    let user: CallContext['user'] = null;
    if (spec.access !== 'public') {
      user = sessionToken ? resolveSession(options.store, sessionToken) : null;
      caller.user = user;
      if (!user) throw new ApiError('UNAUTHENTICATED', 'Your session has ended. Sign in again to continue.');
      if (user.locked && !ALLOWED_WHILE_LOCKED.has(method)) {
        throw new ApiError('LOCKED', 'This workstation is locked. Enter your password to continue.');
      }
      if (user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
        throw new ApiError('FORBIDDEN', 'Your password was set by an administrator. Choose your own password to continue.');
      }
      // A chart read outside the role is allowed only under that user's emergency access to that patient.
      const emergency =
        spec.access === 'chart.read' && !can(user.role, spec.access) && emergencyAllows(options.store, user, method, rawInput);
      if (spec.access !== 'session' && !can(user.role, spec.access) && !emergency) {
        throw new ApiError('FORBIDDEN', `${roleLabels[user.role]} accounts cannot do this. Ask a manager or administrator if you need it.`);
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const handler = options.handlers[method] as Handler<typeof method>;
    const ctx: CallContext = { store: options.store, user, sessionToken, scryptLog2N: options.scryptLog2N, sync: options.sync };
    const output: unknown = await handler(parsed.data, ctx);
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      const paths = checked.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new InternalFault(`output of ${method} failed its schema at: ${paths}`);
    }
    return checked.data;
  }

  // The audit row of a call (ARCHITECTURE §5); a failure to write it is logged, never turned into the call's result.
  const auditor = new Auditor(options.store, log);

  return async function dispatch(method: string, rawInput: unknown, sessionToken: string | null): Promise<CallResult> {
    const caller: { user: CallContext['user'] } = { user: null };
    try {
      const value = await run(method, rawInput, sessionToken, caller);
      auditor.record(method, caller.user?.id ?? null, rawInput, value, 'success');
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) {
        // Refusals, and every failed attempt at a password (signing in, or unlocking a locked workstation), are audited.
        const passwordTry = method === 'auth.login' || method === 'auth.unlock';
        if (isMethodName(method) && (error.code === 'FORBIDDEN' || (passwordTry && error.code !== 'VALIDATION'))) {
          auditor.record(method, caller.user?.id ?? null, rawInput, null, error.code === 'FORBIDDEN' ? 'denied' : 'failure');
        }
        return { ok: false, error: error.toJSON() };
      }
      const reference = randomUUID().slice(0, 8);
      // Only the method, the error class and our own PHI-free fault text are logged.
      const detail = error instanceof InternalFault ? error.message : error instanceof Error ? error.name : 'non-error thrown';
      log(`[outpost] INTERNAL ${reference} in ${isMethodName(method) ? method : 'unknown method'}: ${detail}`);
      const shape: ApiErrorShape = {
        code: 'INTERNAL',
        message: `Something went wrong on this workstation (reference ${reference}). Check whether your last change was saved before trying again, and tell support the reference if it keeps happening.`,
      };
      return { ok: false, error: shape };
    }
  };
}

/** A fault whose message we wrote ourselves and know to be free of patient data. */
export class InternalFault extends Error {
  override name = 'InternalFault';
}
