/** Emergency ("break-glass") access to one chart by a user whose role cannot open charts, with the reason, shown to managers. */
import { z } from 'zod';
import { Id, requiredText } from './common';
import { method } from './method';

/** How long one emergency opening lasts. */
export const EMERGENCY_MINUTES = 60;

export const EmergencyAccess = z.object({
  id: Id,
  userName: z.string(),
  patientId: Id,
  patientName: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
});
export type EmergencyAccess = z.infer<typeof EmergencyAccess>;

export const emergencyApi = {
  /** Open this patient's chart read-only for an hour, stating why; recorded and shown to managers. */
  'chart.emergencyAccess': method({
    input: z
      .object({
        patientId: Id,
        reason: requiredText(500, 'Reason').refine((r) => r.trim().length >= 10, 'Say why in a few words (at least 10 characters)'),
      })
      .strict(),
    output: z.object({ patientId: Id, expiresAt: z.string() }),
    access: 'session',
  }),
  /** Every emergency opening, newest first. */
  'audit.emergencyAccesses': method({
    input: z.object({}).strict(),
    output: z.object({ accesses: z.array(EmergencyAccess) }),
    access: 'audit.read',
  }),
};
