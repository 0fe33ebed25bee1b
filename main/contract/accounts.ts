/** First-run setup, sign-in and user administration. */
import { z } from 'zod';
import { Empty, Id, Ok, requiredText, WeeklyHours } from './common';
import { method } from './method';
import { roles } from './permissions';

export const Role = z.enum(roles, { message: 'Choose a role' });

export const Username = z
  .string({ message: 'User name is required' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'User name: 3–32 letters, digits, dots, dashes or underscores');

export const Password = z
  .string({ message: 'Password is required' })
  .min(10, 'Password must be at least 10 characters')
  .max(200, 'Password must be at most 200 characters');

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  providerId: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof User>;

export const Session = z.object({ token: z.string(), user: User });

export const SetupInput = z.object({
  clinicName: requiredText(120, 'Clinic name'),
  timeZone: z.string().min(1, 'Choose the clinic time zone'),
  hours: WeeklyHours.optional(),
  admin: z.object({
    username: Username,
    displayName: requiredText(120, 'Your name'),
    password: Password,
  }),
});

export const accounts = {
  /** Whether this workstation still needs its first-run setup. */
  'setup.status': method({ input: Empty, output: z.object({ needsSetup: z.boolean() }), access: 'public' }),
  /** Create the clinic and its first administrator; only allowed once. */
  'setup.create': method({ input: SetupInput, output: Session, access: 'public' }),
  /** Sign in with user name and password. */
  'auth.login': method({
    input: z.object({ username: Username, password: z.string().min(1, 'Password is required').max(200) }),
    output: Session,
    access: 'public',
  }),
  /** End the current session. */
  'auth.logout': method({ input: Empty, output: Ok, access: 'session' }),
  /** The signed-in user and what they may do. */
  'auth.me': method({
    input: Empty,
    output: z.object({
      user: User,
      permissions: z.array(z.string()),
      /** The session is locked: only auth.unlock (and signing out) until the password is entered again. */
      locked: z.boolean().default(false),
      /** Minutes without keyboard or mouse before the workstation locks itself (the clinic's setting). */
      idleLockMinutes: z.number().default(10),
    }),
    access: 'session',
  }),
  /** Lock this session now (idle, or the user stepping away): unsaved work stays on screen behind the lock. */
  'auth.lock': method({ input: Empty, output: Ok, access: 'session' }),
  /** Unlock this session with its user's password; repeated failures lock the user name like failed sign-ins. */
  'auth.unlock': method({
    input: z.object({ password: z.string().min(1, 'Enter your password').max(200) }).strict(),
    output: Ok,
    access: 'session',
  }),
  /** Change one's own password. */
  'auth.changePassword': method({
    input: z.object({ currentPassword: z.string().min(1, 'Enter your current password'), newPassword: Password }),
    output: Ok,
    access: 'session',
  }),
  /** All users of the clinic. */
  'users.list': method({ input: Empty, output: z.array(User), access: 'users.manage' }),
  /** Add a user. */
  'users.create': method({
    input: z.object({
      username: Username,
      displayName: requiredText(120, 'Name'),
      role: Role,
      password: Password,
      providerId: Id.nullish(),
      /** Make the user choose their own password at first sign-in (the default). */
      requirePasswordChange: z.boolean().default(true),
    }),
    output: User,
    access: 'users.manage',
  }),
  /** Change a user's name, role, provider link or disable/enable them. */
  'users.update': method({
    input: z.object({
      id: Id,
      displayName: requiredText(120, 'Name').optional(),
      role: Role.optional(),
      providerId: Id.nullish(),
      disabled: z.boolean().optional(),
    }),
    output: User,
    access: 'users.manage',
  }),
  /** Set a temporary password; the user must change it at next sign-in. */
  'users.resetPassword': method({ input: z.object({ id: Id, password: Password }), output: Ok, access: 'users.manage' }),
};
