/** The ledger's words and the conflicts inbox's handling of ledger findings: open enums fall back to the raw value. */
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../main/contract';
import { chargeName, kindLabel, methodAndReference, payerLabel, reasonLabel } from '../../renderer/src/features/billing/billingText';
import { conflictSummary, conflictTitle, familyOf } from '../../renderer/src/features/conflicts/conflictText';

describe('ledger wording', () => {
  it('names known values and keeps unknown ones as they came', () => {
    expect(kindLabel('transfer')).toBe('Balance moved');
    expect(kindLabel('capitation')).toBe('capitation');
    expect(payerLabel(null)).toBe('Patient');
    expect(payerLabel('Acme Health')).toBe('Acme Health');
    expect(reasonLabel('CO-45')).toMatch(/^CO-45 Contractual/);
    expect(reasonLabel('CO-253')).toBe('CO-253');
    expect(methodAndReference({ method: 'cheque', reference: 'CHQ 1001' })).toBe('Cheque · CHQ 1001');
    expect(methodAndReference({ method: null, reference: null })).toBe('');
    expect(chargeName({ code: '99213', modifiers: ['25', '59'], units: 2 })).toBe('99213-25-59 ×2');
  });
});

describe('ledger findings in the conflicts inbox', () => {
  const finding = (kind: string, detail: string | null) => ({ kind, detail, resourceName: null }) as unknown as Conflict;

  it('shows the core’s own description of a duplicate or late posting', () => {
    expect(familyOf('duplicate_posting')).toBe('ledger_finding');
    expect(familyOf('posting_before_lock')).toBe('ledger_finding');
    expect(conflictTitle(finding('duplicate_posting', null))).toBe('Same payment posted twice');
    expect(
      conflictSummary(finding('posting_before_lock', 'A $20.00 payment dated 2026-11-01 arrived after the books closed.'), 'UTC'),
    ).toBe('A $20.00 payment dated 2026-11-01 arrived after the books closed.');
  });
});
