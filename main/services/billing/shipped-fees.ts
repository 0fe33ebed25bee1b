/**
 * What a new clinic starts with: one self-pay schedule holding a HCPCS Level II
 * subset (public CMS codes and short descriptions) and demo prices for common
 * CPT services. CPT descriptions are licensed by the AMA, so the CPT lines
 * carry plain-words labels written here; a clinic imports its own licensed
 * file over them (feeSchedules.importCsv).
 */

/** Fixed id: every workstation that creates a clinic makes the same schedule, so they converge. */
export const SHIPPED_SCHEDULE_ID = 'fee-schedule-standard';
export const SHIPPED_SCHEDULE_NAME = 'Standard fees (self-pay)';

/** code, description, price in cents. */
export const SHIPPED_FEES: readonly (readonly [string, string, number])[] = [
  ['99202', 'New patient office visit, straightforward (demo label)', 9500],
  ['99203', 'New patient office visit, low complexity (demo label)', 14000],
  ['99204', 'New patient office visit, moderate complexity (demo label)', 21000],
  ['99205', 'New patient office visit, high complexity (demo label)', 27500],
  ['99211', 'Established patient visit, nurse (demo label)', 3000],
  ['99212', 'Established patient office visit, straightforward (demo label)', 7500],
  ['99213', 'Established patient office visit, low complexity (demo label)', 11000],
  ['99214', 'Established patient office visit, moderate complexity (demo label)', 16500],
  ['99215', 'Established patient office visit, high complexity (demo label)', 22000],
  ['99395', 'Preventive visit, established patient, 18-39 years (demo label)', 19000],
  ['99396', 'Preventive visit, established patient, 40-64 years (demo label)', 21000],
  ['99397', 'Preventive visit, established patient, 65 years and over (demo label)', 23000],
  ['36415', 'Blood draw by venipuncture (demo label)', 1500],
  ['81002', 'Urine dipstick, read by hand (demo label)', 1200],
  ['82962', 'Blood glucose by home-use meter (demo label)', 1000],
  ['87880', 'Rapid strep test (demo label)', 3000],
  ['90471', 'Vaccine administration, first (demo label)', 2500],
  ['90686', 'Influenza vaccine, preservative free (demo label)', 3500],
  ['93000', 'Electrocardiogram with interpretation (demo label)', 6000],
  ['96127', 'Brief emotional or behavioral assessment (demo label)', 2000],
  ['A4550', 'Surgical trays', 2500],
  ['A4565', 'Slings', 1800],
  ['G0008', 'Administration of influenza virus vaccine', 2500],
  ['G0009', 'Administration of pneumococcal vaccine', 2500],
  ['G0010', 'Administration of hepatitis B vaccine', 2500],
  ['G0402', 'Initial preventive physical examination', 17000],
  ['G0438', 'Annual wellness visit; includes a personalized prevention plan of service, initial visit', 17500],
  ['G0439', 'Annual wellness visit, includes a personalized prevention plan of service, subsequent visit', 12000],
  ['G0442', 'Annual alcohol misuse screening, 5 to 15 minutes', 2000],
  ['G0444', 'Annual depression screening, 5 to 15 minutes', 2000],
  ['G0447', 'Face-to-face behavioral counseling for obesity, 15 minutes', 2700],
  ['G2211', 'Visit complexity inherent to evaluation and management', 1600],
  ['J0696', 'Injection, ceftriaxone sodium, per 250 mg', 1200],
  ['J1030', 'Injection, methylprednisolone acetate, 40 mg', 900],
  ['J1100', 'Injection, dexamethasone sodium phosphate, 1 mg', 200],
  ['J1885', 'Injection, ketorolac tromethamine, per 15 mg', 400],
  ['J3301', 'Injection, triamcinolone acetonide, not otherwise specified, 10 mg', 500],
  ['J3420', 'Injection, vitamin B-12 cyanocobalamin, up to 1,000 mcg', 600],
  ['Q0091', 'Screening papanicolaou smear; obtaining, preparing and conveyance of cervical or vaginal smear to laboratory', 4500],
];
