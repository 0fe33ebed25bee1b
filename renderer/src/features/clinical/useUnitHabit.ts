/**
 * Which units this workstation reads and types vital signs in: the clinic's
 * habit (from its time zone) until someone switches a unit in the entry form,
 * then that choice, remembered on this workstation so the next patient's
 * vitals are typed the same way and the summary reads the same way.
 */
import { useState } from 'react';
import { useReference } from '../../app/reference';
import { habitForZone, type UnitHabit } from './units';

const STORAGE_KEY = 'outpost.vitalUnits';

function remembered(): Partial<UnitHabit> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return {};
    const { weight, height, temperature, glucose } = stored as Record<string, unknown>;
    return {
      ...(weight === 'kg' || weight === 'lb' ? { weight } : {}),
      ...(height === 'cm' || height === 'in' ? { height } : {}),
      ...(temperature === 'C' || temperature === 'F' ? { temperature } : {}),
      ...(glucose === 'mg/dL' || glucose === 'mmol/L' ? { glucose } : {}),
    };
  } catch {
    // A damaged entry is forgotten: the clinic's habit applies again.
    return {};
  }
}

export function useUnitHabit(): { habit: UnitHabit; choose(change: Partial<UnitHabit>): void } {
  const { reference } = useReference();
  const [chosen, setChosen] = useState(remembered);
  const habit = { ...habitForZone(reference?.clinic.timeZone ?? ''), ...chosen };
  return {
    habit,
    choose(change) {
      const next = { ...chosen, ...change };
      setChosen(next);
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    },
  };
}
