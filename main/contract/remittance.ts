/** Insurer remittance (X12 835, an ERA): previewed, then posted to the ledger as payments, adjustments and patient shares. */
import { z } from 'zod';
import { method } from './method';

const File = z
  .object({
    fileName: z.string().trim().max(200).default('remittance.835'),
    content: z.string().min(1, 'The file is empty').max(5_000_000, 'The file is too large for one remittance (5 MB at most)'),
  })
  .strict();

export const RemittanceClaim = z.object({
  /** Our claim number as the payer echoed it (CLP01). */
  number: z.string(),
  patientName: z.string().nullable(),
  /** paid, denied, reversed, or the payer's status code. */
  outcome: z.string(),
  chargedCents: z.number(),
  paidCents: z.number(),
  /** Contractual and other adjustments the payer took (CO, OA, PI). */
  adjustedCents: z.number(),
  /** What the payer says the patient owes (PR: deductible, coinsurance, copay). */
  patientCents: z.number(),
  /** Null when it will be (or was) posted; otherwise why it is skipped. */
  skipped: z.string().nullable(),
});
export type RemittanceClaim = z.infer<typeof RemittanceClaim>;

export const RemittancePlan = z.object({
  payer: z.string(),
  /** The check or EFT trace number (TRN02). */
  trace: z.string(),
  paidOn: z.string(),
  totalPaidCents: z.number(),
  claims: z.array(RemittanceClaim),
});
export type RemittancePlan = z.infer<typeof RemittancePlan>;

export const remittanceApi = {
  /** Read an 835 and say what posting it would do, claim by claim; nothing is written. */
  'remittances.preview': method({ input: File, output: RemittancePlan, access: 'billing.manage' }),
  /** Post an 835: one transaction, all or nothing; a remittance already posted posts nothing again. */
  'remittances.post': method({
    input: File,
    output: RemittancePlan.extend({ postedClaims: z.number() }),
    access: 'billing.manage',
  }),
};
