/**
 * Units of vital signs, shared by the core and the screens: the chart stores
 * metric values and converts at entry, display, printing and FHIR exchange,
 * always with these factors.
 */
const KG_PER_LB = 0.45359237;
const CM_PER_IN = 2.54;
/** Glucose: 1 mmol/L is 18.016 mg/dL (its molar mass, 180.16 g/mol, over 10). */
const MG_DL_PER_MMOL_L = 18.016;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export const kgToLb = (kg: number) => kg / KG_PER_LB;
export const cmToIn = (cm: number) => cm / CM_PER_IN;
export const celsiusToF = (c: number) => (c * 9) / 5 + 32;
export const mgDlToMmolL = (mgDl: number) => mgDl / MG_DL_PER_MMOL_L;

/** Stored precision: weight to 10 g, height to a millimetre, temperature and glucose (mg/dL) to a tenth. */
export const toKg = (w: { value: number; unit: 'kg' | 'lb' }) => round(w.unit === 'kg' ? w.value : w.value * KG_PER_LB, 2);
export const toCm = (h: { value: number; unit: 'cm' | 'in' }) => round(h.unit === 'cm' ? h.value : h.value * CM_PER_IN, 1);
export const toCelsius = (t: { value: number; unit: 'C' | 'F' }) => round(t.unit === 'C' ? t.value : ((t.value - 32) * 5) / 9, 1);
export const toMgDl = (g: { value: number; unit: 'mg/dL' | 'mmol/L' }) =>
  round(g.unit === 'mg/dL' ? g.value : g.value * MG_DL_PER_MMOL_L, 1);

export function bmiOf(weightKg: number | null, heightCm: number | null): number | null {
  if (!weightKg || !heightCm) return null;
  return round(weightKg / (heightCm / 100) ** 2, 1);
}
