/** The clinic's billing identity for claims: one synced row, the clinic's name until someone fills it in. */
import { eq } from 'drizzle-orm';
import { billingProfile } from '../../../db/schema';
import type { BillingProfile, ParsedInput } from '../../contract';
import { getClinic } from '../settings/reference';
import type { Store } from '../store';

const PROFILE_ID = 'profile';

export function loadProfile(store: Store): BillingProfile {
  const row = store.db.select().from(billingProfile).where(eq(billingProfile.id, PROFILE_ID)).get();
  if (!row || row.deletedAt) {
    return {
      name: getClinic(store).name,
      npi: null,
      taxId: null,
      taxonomyCode: null,
      addressLine1: null,
      city: null,
      region: null,
      postalCode: null,
      phone: null,
      submitterId: null,
      receiverId: null,
      receiverName: null,
    };
  }
  const { id: _id, createdAt: _c, updatedAt: _u, hlc: _h, deletedAt: _d, originDevice: _o, ...profile } = row;
  return profile;
}

export function saveProfile(store: Store, input: ParsedInput<'billing.saveProfile'>): BillingProfile {
  const values: BillingProfile = {
    name: input.name,
    npi: input.npi ?? null,
    taxId: input.taxId ? input.taxId.replace(/^(\d{2})-?(\d{7})$/, '$1-$2') : null,
    taxonomyCode: input.taxonomyCode ?? null,
    addressLine1: input.addressLine1 ?? null,
    city: input.city ?? null,
    region: input.region ?? null,
    postalCode: input.postalCode ?? null,
    phone: input.phone ?? null,
    submitterId: input.submitterId ?? null,
    receiverId: input.receiverId ?? null,
    receiverName: input.receiverName ?? null,
  };
  store.capture.mutate((w) => {
    if (store.db.select({ id: billingProfile.id }).from(billingProfile).where(eq(billingProfile.id, PROFILE_ID)).get()) {
      w.update(billingProfile, PROFILE_ID, values);
    } else w.insert(billingProfile, { id: PROFILE_ID, ...values });
  });
  return loadProfile(store);
}
