/** Money typed at the desk and shown back: dollars in, integer cents out, never through floating point. */
import { describe, expect, it } from 'vitest';
import { formatCents, moneyInput, parseMoney } from '../../renderer/src/ui/format';

describe('parseMoney', () => {
  it('reads what people type as dollars', () => {
    expect(parseMoney('45')).toBe(4500);
    expect(parseMoney('45.5')).toBe(4550);
    expect(parseMoney('45.50')).toBe(4550);
    expect(parseMoney('$1,200.00')).toBe(120000);
    expect(parseMoney(' 0.29 ')).toBe(29);
    expect(parseMoney('.5')).toBe(50);
    expect(parseMoney('1,234,567.89')).toBe(123456789);
  });

  it('refuses what is not an amount rather than guessing', () => {
    for (const text of ['', 'abc', '45.555', '1,2', '-5', '4 5', '$', '12.3.4']) expect(parseMoney(text)).toBeNull();
  });
});

describe('formatCents', () => {
  it('shows cents as dollars with thousands separators, credits negative', () => {
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatCents(0)).toBe('$0.00');
    expect(formatCents(-1000)).toBe('-$10.00');
    expect(moneyInput(4550)).toBe('45.50');
    expect(parseMoney(formatCents(987654))).toBe(987654);
  });
});
