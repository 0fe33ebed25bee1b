/**
 * Which screen is showing. The app has a handful of screens and no deep
 * links to share, so a small typed state replaces a router dependency.
 */
import { createContext, useContext } from 'react';

export type Route =
  | { screen: 'today' }
  /** date: clinic-local yyyy-MM-dd; appointmentId opens it; patientId starts a booking for that patient. */
  | { screen: 'schedule'; date?: string; appointmentId?: string; patientId?: string }
  | { screen: 'patients'; patientId?: string; mode?: 'new' | 'edit' }
  | { screen: 'admin' }
  | { screen: 'conflicts' }
  /** The audit trail (managers and administrators). */
  | { screen: 'audit' }
  /** A patient's chart, reached from the patient record, the Today queue or a conflict; encounterId opens that encounter; emergency: opened by break-glass, read-only. */
  | { screen: 'chart'; patientId: string; encounterId?: string; emergency?: boolean }
  /** Patient accounts and fee schedules; patientId opens that patient's account. */
  | { screen: 'billing'; patientId?: string }
  /** The manager's reports (A/R aging). */
  | { screen: 'reports' };

export interface NavigationValue {
  route: Route;
  navigate(route: Route): void;
}

export const NavigationContext = createContext<NavigationValue | null>(null);

export function useNavigation(): NavigationValue {
  const value = useContext(NavigationContext);
  if (!value) throw new Error('useNavigation outside the shell');
  return value;
}
