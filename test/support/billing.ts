/** Billing fixtures shared by the billing tests. */
import type { Input } from '../../main/contract';
import type { Clinic } from './clinic';

/** A physician's encounter for the patient with two coded diagnoses; signed when asked. */
export async function codedEncounter(c: Clinic, patientId: string, sign: boolean) {
  const doc = await c.as('physician');
  const detail = await doc.ok('encounters.open', { patientId, reason: 'Follow-up of blood pressure' });
  await doc.ok('encounters.setDiagnoses', {
    id: detail.encounter.id,
    diagnoses: [
      { code: 'I10', title: 'Essential (primary) hypertension' },
      { code: 'E11.9', title: 'Type 2 diabetes mellitus without complications' },
    ],
  });
  await doc.ok('notes.save', { id: detail.note.id, content: { assessment: 'BP controlled.', plan: 'Continue.' } });
  if (sign) await doc.ok('notes.sign', { id: detail.note.id });
  return { encounterId: detail.encounter.id, noteId: detail.note.id };
}

/** Example NPIs with valid check digits (CMS's published example, and one computed the same way). */
export const CLINIC_NPI = '1234567893';
export const LANE_NPI = '1245319599';
export const ADDRESS = { addressLine1: '12 Synthetic Way', city: 'Springfield', region: 'IL', postalCode: '62701' };

/** The clinic's billing profile and Dr. Lane's NPI: what a claim needs besides the patient's details. */
export async function billingIdentity(c: Clinic) {
  const admin = await c.as('admin');
  await (
    await c.as('manager')
  ).ok('billing.saveProfile', {
    name: 'Test Family Clinic',
    npi: CLINIC_NPI,
    taxId: '361234567',
    taxonomyCode: '207Q00000X',
    ...ADDRESS,
    postalCode: '62701-1234',
    phone: '(217) 555-0100',
    submitterId: 'TFC001',
    receiverId: 'CLEARHOUSE',
    receiverName: 'Example Clearinghouse',
  });
  const lane = (await admin.ok('reference.get', {})).providers.find((p) => p.id === c.providers.lane);
  if (!lane) throw new Error('The fixture clinic has no Dr. Lane');
  const weeklyHours = lane.weeklyHours as Input<'providers.save'>['weeklyHours'];
  await admin.ok('providers.save', { id: lane.id, displayName: lane.displayName, weeklyHours, breaks: lane.breaks, npi: LANE_NPI });
  return { lane, weeklyHours };
}

/** Post a signed visit of the patient with these codes (physician captures, manager posts). */
export async function postedVisit(c: Clinic, patientId: string, codes: string[]) {
  const { encounterId } = await codedEncounter(c, patientId, true);
  const doc = await c.as('physician');
  for (const code of codes) await doc.ok('charges.save', { encounterId, code, units: 1 });
  await (await c.as('manager')).ok('charges.post', { encounterId });
  return encounterId;
}
