import { describe, expect, it } from 'vitest';
import { expandVersions, versionOf } from '../../main/sync/versions';

describe('compact column versions', () => {
  const versions = { '*': 'A', phone_mobile: 'B' };

  it('a column written after the insert has its own stamp; the others keep the insert stamp', () => {
    expect(versionOf(versions, 'phone_mobile')).toBe('B');
    expect(versionOf(versions, 'given_name')).toBe('A');
  });

  it('expands to every requested column', () => {
    expect(expandVersions(versions, ['given_name', 'phone_mobile'])).toEqual({ given_name: 'A', phone_mobile: 'B' });
    expect(expandVersions({ status: 'C' }, ['status', 'notes'])).toEqual({ status: 'C' });
  });
});
