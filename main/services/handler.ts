/** The typed handler map: one handler per contract method, joined in services/index.ts. */
import type { MethodName, Output, ParsedInput } from '../contract';
import type { Role } from '../contract';
import type { SyncService } from '../sync/service';
import type { Store } from './store';

export interface SessionUser {
  id: string;
  role: Role;
  displayName: string;
  /** Set by an administrator's reset: until changed, the session may only change the password. */
  mustChangePassword: boolean;
  /** The session is locked (idle or on request): only unlocking until the password is entered again. */
  locked: boolean;
}

export interface CallContext {
  store: Store;
  /** Null only for public methods. */
  user: SessionUser | null;
  sessionToken: string | null;
  scryptLog2N: number;
  sync: SyncService;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>>;
export type Handlers<M extends MethodName = MethodName> = { [K in M]: Handler<K> };

/** The signed-in user of a call that is not public (dispatch guarantees one). */
export function requireUser(ctx: CallContext): SessionUser {
  if (!ctx.user) throw new Error('Handler needs a session but dispatch gave none');
  return ctx.user;
}
