/** Claims: posted charges billed to a payer (the CMS-1500 data set), checked, exported as X12 837P, followed to payment. */
import { z } from 'zod';
import { Id, Npi, optionalText, requiredText } from './common';
export { isValidNpi } from './common';
import { Charge } from './billing';
import { method } from './method';

export const claimStatuses = ['draft', 'ready', 'submitted', 'accepted', 'rejected', 'denied', 'paid'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export const claimStatusLabels: Record<ClaimStatus, string> = {
  draft: 'Draft',
  ready: 'Ready to send',
  submitted: 'Submitted',
  accepted: 'Accepted by payer',
  rejected: 'Rejected (fix and resend)',
  denied: 'Denied',
  paid: 'Paid',
};

/** Where a claim may go next by hand (ready → submitted happens by exporting it). */
export const claimTransitions: Record<string, readonly ClaimStatus[]> = {
  draft: [],
  ready: ['draft'],
  submitted: ['accepted', 'rejected', 'denied'],
  accepted: ['paid', 'denied'],
  rejected: ['draft'],
  denied: ['draft'],
  paid: [],
};

export const ClaimSummary = z.object({
  id: Id,
  number: z.string(),
  patientId: Id,
  patientName: z.string(),
  payerName: z.string(),
  rank: z.number(),
  /** Open enum (claimStatuses). */
  status: z.string(),
  statusReason: z.string().nullable(),
  totalCents: z.number(),
  serviceFrom: z.string().nullable(),
  serviceTo: z.string().nullable(),
  lines: z.number(),
});
export type ClaimSummary = z.infer<typeof ClaimSummary>;

export const ClaimDetail = ClaimSummary.extend({
  memberId: z.string().nullable(),
  payerId: z.string().nullable(),
  providerName: z.string().nullable(),
  /** ICD-10-CM codes in claim order (HI); each line points into this list. */
  diagnoses: z.array(z.string()),
  charges: z.array(Charge.extend({ pointers: z.array(z.number()) })),
  /** What must be fixed before the claim can be sent; empty when it is complete. */
  problems: z.array(z.string()),
});
export type ClaimDetail = z.infer<typeof ClaimDetail>;

export const BillingProfile = z.object({
  name: z.string(),
  npi: z.string().nullable(),
  taxId: z.string().nullable(),
  taxonomyCode: z.string().nullable(),
  addressLine1: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  submitterId: z.string().nullable(),
  receiverId: z.string().nullable(),
  receiverName: z.string().nullable(),
});
export type BillingProfile = z.infer<typeof BillingProfile>;

export const claimsApi = {
  /** The clinic's billing identity (who bills, and the clearinghouse ids). */
  'billing.profile': method({ input: z.object({}).strict(), output: BillingProfile, access: 'billing.read' }),
  'billing.saveProfile': method({
    input: z
      .object({
        name: requiredText(60, 'Billing name'),
        npi: Npi,
        taxId: z
          .string()
          .trim()
          .regex(/^\d{2}-?\d{7}$/, 'Enter the tax id (EIN) as 12-3456789')
          .nullish(),
        taxonomyCode: z
          .string()
          .trim()
          .regex(/^[0-9A-Z]{9}X$/, 'A taxonomy code has 10 characters ending in X, e.g. 207Q00000X')
          .nullish(),
        addressLine1: optionalText(55, 'Address'),
        city: optionalText(30, 'City'),
        region: z
          .string()
          .trim()
          .regex(/^[A-Z]{2}$/, 'Enter the two-letter state code, e.g. IL')
          .nullish(),
        postalCode: z
          .string()
          .trim()
          .regex(/^\d{5}(-?\d{4})?$/, 'Enter a ZIP code such as 60601 or 60601-1234')
          .nullish(),
        phone: optionalText(20, 'Phone'),
        submitterId: optionalText(15, 'Submitter id'),
        receiverId: optionalText(15, 'Receiver id'),
        receiverName: optionalText(60, 'Clearinghouse name'),
      })
      .strict(),
    output: BillingProfile,
    access: 'billing.manage',
  }),
  /** Draft claims to the patient's payer of that rank for every posted charge it owes that is on no other claim (one per rendering provider). */
  'claims.create': method({
    input: z.object({ patientId: Id, rank: z.number().int().min(1).max(3).default(1) }).strict(),
    output: z.object({ claims: z.array(ClaimDetail) }),
    access: 'billing.post',
  }),
  'claims.list': method({
    input: z.object({ status: z.enum(claimStatuses).optional(), patientId: Id.optional() }).strict(),
    output: z.object({ claims: z.array(ClaimSummary) }),
    access: 'billing.read',
  }),
  'claims.get': method({ input: z.object({ id: Id }).strict(), output: ClaimDetail, access: 'billing.read' }),
  /** Check the claim and mark it ready to send; refused with the list of what is missing. */
  'claims.markReady': method({ input: z.object({ id: Id }).strict(), output: ClaimDetail, access: 'billing.post' }),
  /** Record what the payer or clearinghouse said (rejected, denied: with the reason). */
  'claims.setStatus': method({
    input: z
      .object({ id: Id, status: z.enum(claimStatuses, { message: 'Choose a status' }), reason: optionalText(300, 'Reason') })
      .strict(),
    output: ClaimDetail,
    access: 'billing.post',
  }),
  /** The claim printed in the CMS-1500 layout (box numbers in the labels), whatever its status. */
  'claims.pdf': method({
    input: z.object({ id: Id }).strict(),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
    access: 'billing.read',
  }),
  /** One X12 837P (005010X222A1) file for ready claims; they become submitted. */
  'claims.export837': method({
    input: z.object({ ids: z.array(Id).min(1, 'Choose at least one claim').max(500, 'At most 500 claims in one file') }).strict(),
    output: z.object({ fileName: z.string(), content: z.string(), claims: z.number() }),
    access: 'billing.post',
  }),
};
