/**
 * Units of vital signs. The core keeps every value metric; people read
 * weight, height and temperature in their clinic's habit, so those three are
 * shown in both systems, the habit's unit first (blood glucose too). A US
 * clinic (told by its time zone, since the clinic has no unit setting) charts
 * in pounds, inches and °F, and blood glucose in mg/dL; everyone else in kilograms, centimetres,
 * °C and mmol/L.
 */

import { celsiusToF, cmToIn, kgToLb, mgDlToMmolL, toCelsius, toCm, toKg, toMgDl } from '../../../../main/contract';

export { celsiusToF, cmToIn, kgToLb };

export type WeightUnit = 'kg' | 'lb';
export type HeightUnit = 'cm' | 'in';
export type TemperatureUnit = 'C' | 'F';
export type GlucoseUnit = 'mg/dL' | 'mmol/L';

export interface UnitHabit {
  weight: WeightUnit;
  height: HeightUnit;
  temperature: TemperatureUnit;
  glucose: GlucoseUnit;
}

export const METRIC: UnitHabit = { weight: 'kg', height: 'cm', temperature: 'C', glucose: 'mmol/L' };
export const IMPERIAL: UnitHabit = { weight: 'lb', height: 'in', temperature: 'F', glucose: 'mg/dL' };

const US_ZONE_PREFIXES = ['America/Indiana/', 'America/Kentucky/', 'America/North_Dakota/', 'US/'];
const US_ZONES = new Set([
  'America/New_York',
  'America/Detroit',
  'America/Chicago',
  'America/Menominee',
  'America/Denver',
  'America/Boise',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Juneau',
  'America/Sitka',
  'America/Metlakatla',
  'America/Yakutat',
  'America/Nome',
  'America/Adak',
  'America/Puerto_Rico',
  'Pacific/Honolulu',
]);

export function habitForZone(zone: string): UnitHabit {
  const us = US_ZONES.has(zone) || US_ZONE_PREFIXES.some((prefix) => zone.startsWith(prefix));
  return us ? IMPERIAL : METRIC;
}

export const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const fixedOne = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function weightText(kg: number, unit: WeightUnit): string {
  return unit === 'kg' ? `${oneDecimal.format(kg)} kg` : `${oneDecimal.format(kgToLb(kg))} lb`;
}

/** Imperial heights are read in feet and inches ("5 ft 9 in"), not as a count of inches. */
export function heightText(cm: number, unit: HeightUnit): string {
  if (unit === 'cm') return `${oneDecimal.format(cm)} cm`;
  const inches = Math.round(cmToIn(cm));
  return `${Math.floor(inches / 12)} ft ${inches % 12} in`;
}

export function temperatureText(celsius: number, unit: TemperatureUnit): string {
  return unit === 'C' ? `${fixedOne.format(celsius)} °C` : `${fixedOne.format(celsiusToF(celsius))} °F`;
}

/** mg/dL as whole numbers, mmol/L to a tenth: as meters show them. */
export function glucoseText(mgDl: number, unit: GlucoseUnit): string {
  return unit === 'mg/dL' ? `${Math.round(mgDl)} mg/dL` : `${fixedOne.format(mgDlToMmolL(mgDl))} mmol/L`;
}

/** The unit of the other system, for the second value shown. */
export const otherUnit = {
  glucose: (u: GlucoseUnit): GlucoseUnit => (u === 'mg/dL' ? 'mmol/L' : 'mg/dL'),
  weight: (u: WeightUnit): WeightUnit => (u === 'kg' ? 'lb' : 'kg'),
  height: (u: HeightUnit): HeightUnit => (u === 'cm' ? 'in' : 'cm'),
  temperature: (u: TemperatureUnit): TemperatureUnit => (u === 'C' ? 'F' : 'C'),
};

/**
 * Blank is "not measured"; anything else is sent as a number, and text that is
 * not one becomes NaN so the core answers with its own message for that field.
 * A decimal comma is read as a point.
 */
export function readNumber(text: string): number | undefined {
  const typed = text.trim();
  if (typed === '') return undefined;
  return Number(typed.replace(',', '.'));
}

/**
 * "= 79.4 kg" under a weight typed as 175 lb: the value in the other system,
 * as the core will keep it, so a value typed in the wrong unit shows at once.
 */
export function otherSystem(kind: 'weight' | 'height' | 'temperature' | 'glucose', text: string, units: UnitHabit): string | null {
  const value = readNumber(text);
  if (value === undefined || !Number.isFinite(value) || value <= 0) return null;
  if (kind === 'glucose') return `= ${glucoseText(toMgDl({ value, unit: units.glucose }), otherUnit.glucose(units.glucose))}`;
  if (kind === 'weight') return `= ${units.weight === 'kg' ? weightText(value, 'lb') : weightText(toKg({ value, unit: 'lb' }), 'kg')}`;
  if (kind === 'height') return `= ${units.height === 'cm' ? heightText(value, 'in') : heightText(toCm({ value, unit: 'in' }), 'cm')}`;
  return `= ${units.temperature === 'C' ? temperatureText(value, 'F') : temperatureText(toCelsius({ value, unit: 'F' }), 'C')}`;
}
