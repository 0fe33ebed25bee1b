/**
 * Roles and the permission matrix. Enforced in dispatch for every method;
 * the renderer only uses it to hide what a user cannot do.
 */
export const roles = ['front_desk', 'physician', 'nurse', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  front_desk: 'Front desk',
  physician: 'Physician',
  nurse: 'Nurse',
  manager: 'Practice manager',
  admin: 'Administrator',
};

export const permissions = [
  'patients.read',
  'patients.write',
  'schedule.read',
  'schedule.write',
  /** Move an appointment through arrived / in room / completed. */
  'schedule.status',
  /** Book over another appointment on purpose, with a reason. */
  'schedule.overbook',
  'settings.manage',
  'users.manage',
  /** Where the clinic syncs, and cutting a workstation off from it. */
  'sync.manage',
  /** See and resolve the conflicts inbox (double bookings and duplicates made offline). */
  'conflicts.resolve',
  /** Open a patient's chart: encounters, notes, diagnoses. */
  'chart.read',
  /** Write in the chart: open encounters, draft notes, add addenda. */
  'chart.write',
  /** Sign a note (it becomes immutable; corrections are addenda). */
  'notes.sign',
  /** Search and verify the audit trail. */
  'audit.read',
  /** See fee schedules, charges, patient accounts and balances. */
  'billing.read',
  /** Capture charges (the superbill) of an encounter. */
  'billing.capture',
  /** Post charges and payments, move a balance between payers. */
  'billing.post',
  /** Fee schedules, adjustments and write-offs, refunds, reversals, the lock date. */
  'billing.manage',
  /** The manager's reports (A/R aging, production, …). */
  'reports.read',
] as const;
export type Permission = (typeof permissions)[number];

/** `public` methods need no session (setup, login); `session` ones need any signed-in user. */
export type Access = Permission | 'public' | 'session';

const frontDesk: Permission[] = [
  'patients.read',
  'patients.write',
  'schedule.read',
  'schedule.write',
  'schedule.status',
  'conflicts.resolve',
  // The front desk takes copays and payments at the counter.
  'billing.read',
  'billing.post',
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  front_desk: frontDesk,
  // Clinical staff see the inbox too: a note edited after it was signed is theirs to review.
  physician: [
    'patients.read',
    'schedule.read',
    'schedule.status',
    'schedule.overbook',
    'conflicts.resolve',
    'chart.read',
    'chart.write',
    'notes.sign',
    // Physicians pick the services of their own visits (the superbill).
    'billing.read',
    'billing.capture',
  ],
  nurse: ['patients.read', 'patients.write', 'schedule.read', 'schedule.status', 'conflicts.resolve', 'chart.read', 'chart.write'],
  manager: [
    ...frontDesk,
    'schedule.overbook',
    'settings.manage',
    'users.manage',
    'sync.manage',
    'audit.read',
    'billing.capture',
    'billing.manage',
    'reports.read',
  ],
  admin: [...permissions],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
