/**
 * The registration form's schema, derived from the contract's PatientFields
 * so the desk sees the same rules (and messages) the core enforces, adjusted
 * only for what HTML inputs hand over: empty strings instead of missing
 * values, an unchosen sex, and an empty date field.
 */
import { z } from 'zod';
import { PatientFields, relationships, type Patient } from '../../../../main/contract';
import type { RegistrationDraft } from './registrationDraft';

const shape = PatientFields.shape;
const policyShape = shape.insurance.unwrap().element.shape;

export const MAX_POLICIES = 3;

const PolicyForm = z.object({
  ...policyShape,
  subscriberDateOfBirth: z.preprocess((v: string) => (v === '' ? null : v), policyShape.subscriberDateOfBirth),
});

export const PatientFormSchema = z.object({
  ...shape,
  sex: z.string().pipe(shape.sex),
  dateOfBirth: z.string().min(1, 'Date of birth is required').pipe(shape.dateOfBirth),
  insurance: z
    .array(PolicyForm)
    .max(MAX_POLICIES, 'At most three insurance policies')
    .superRefine((policies, ctx) => {
      const seen = new Set<number>();
      policies.forEach((policy, i) => {
        if (seen.has(policy.rank)) {
          ctx.addIssue({ code: 'custom', path: [i, 'rank'], message: 'Another policy already has this rank' });
        }
        seen.add(policy.rank);
      });
    }),
});

export type PatientFormValues = z.input<typeof PatientFormSchema>;
export type PatientFormOutput = z.output<typeof PatientFormSchema>;
export type PolicyValues = PatientFormValues['insurance'][number];

/** Field paths the form can show an error next to (server errors elsewhere go to the banner). */
export function isFormPath(path: string): boolean {
  const [top, index, leaf] = path.split('.');
  if (!top || !Object.hasOwn(shape, top)) return false;
  if (top !== 'insurance') return index === undefined;
  return index === undefined || (/^\d+$/.test(index) && leaf !== undefined && Object.hasOwn(policyShape, leaf));
}

export function emptyPolicy(rank: number): PolicyValues {
  return {
    rank,
    payerName: '',
    payerId: '',
    memberId: '',
    groupNumber: '',
    subscriberName: '',
    subscriberRelationship: relationships[0],
    subscriberDateOfBirth: '',
  };
}

export function emptyValues(draft: RegistrationDraft | null): PatientFormValues {
  return {
    givenName: draft?.givenName ?? '',
    middleName: '',
    familyName: draft?.familyName ?? '',
    preferredName: '',
    sex: '',
    dateOfBirth: draft?.dateOfBirth ?? '',
    phoneMobile: draft?.phoneMobile ?? '',
    phoneHome: '',
    email: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    region: '',
    postalCode: '',
    country: '',
    emergencyContactName: '',
    emergencyContactRelationship: '',
    emergencyContactPhone: '',
    preferredLanguage: '',
    notes: '',
    insurance: [],
  };
}

export function valuesOf(p: Patient): PatientFormValues {
  const text = (v: string | null) => v ?? '';
  return {
    givenName: p.givenName,
    middleName: text(p.middleName),
    familyName: p.familyName,
    preferredName: text(p.preferredName),
    sex: p.sex,
    dateOfBirth: p.dateOfBirth,
    phoneMobile: text(p.phoneMobile),
    phoneHome: text(p.phoneHome),
    email: text(p.email),
    addressLine1: text(p.addressLine1),
    addressLine2: text(p.addressLine2),
    city: text(p.city),
    region: text(p.region),
    postalCode: text(p.postalCode),
    country: text(p.country),
    emergencyContactName: text(p.emergencyContactName),
    emergencyContactRelationship: text(p.emergencyContactRelationship),
    emergencyContactPhone: text(p.emergencyContactPhone),
    preferredLanguage: text(p.preferredLanguage),
    notes: text(p.notes),
    insurance: p.insurance.map((policy) => ({
      id: policy.id,
      rank: policy.rank,
      payerName: policy.payerName,
      payerId: text(policy.payerId),
      memberId: policy.memberId,
      groupNumber: text(policy.groupNumber),
      subscriberName: text(policy.subscriberName),
      // An unknown relationship (from a newer workstation) shows as "other" until someone chooses.
      subscriberRelationship: relationships.find((r) => r === policy.subscriberRelationship) ?? 'other',
      subscriberDateOfBirth: text(policy.subscriberDateOfBirth),
    })),
  };
}
