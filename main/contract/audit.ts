/** The audit trail for managers: search it (the accounting of disclosures of a patient, a user's actions) and verify its chains. */
import { z } from 'zod';
import { Id, IsoInstant } from './common';
import { method } from './method';

export const AuditEvent = z.object({
  id: Id,
  at: z.string(),
  workstation: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  method: z.string(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  /** The patient's name, read with the trail itself: looking each one up would be audited as opening their record. */
  patientName: z.string().nullable(),
  outcome: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const auditApi = {
  'audit.search': method({
    input: z
      .object({
        patientId: Id.optional(),
        userId: Id.optional(),
        action: z.string().max(40).optional(),
        outcome: z.enum(['success', 'denied', 'failure']).optional(),
        from: IsoInstant.optional(),
        to: IsoInstant.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ events: z.array(AuditEvent), truncated: z.boolean() }),
    access: 'audit.read',
  }),
  /** Recompute every workstation's hash chain: an altered, removed or reordered row is reported. */
  'audit.verify': method({
    input: z.object({}).strict(),
    output: z.object({
      rows: z.number(),
      workstations: z.number(),
      problems: z.array(z.object({ workstation: z.string(), seq: z.number(), problem: z.enum(['altered', 'missing', 'out_of_order']) })),
    }),
    access: 'audit.read',
  }),
};
