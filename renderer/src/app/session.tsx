/** The signed-in user and what they may do, for hiding what a role cannot use (dispatch enforces it). */
import { createContext, useContext } from 'react';
import type { Permission, User } from '../../../main/contract';

export interface SessionValue {
  user: User;
  permissions: string[];
  can(permission: Permission): boolean;
  signOut(): void;
  /** Lock the workstation now (the idle timer does it by itself). */
  lock(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in shell');
  return value;
}
