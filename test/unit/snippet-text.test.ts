/**
 * Snippet insertion's pure rules: the trigger is the word ending at the
 * caret, a personal snippet wins over a shared one with its trigger,
 * placeholders are filled from the chart (unknown ones left as typed), and
 * the picker's filter ranks trigger matches first.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { PatientSummary, Snippet } from '../../main/contract';
import { unknownPlaceholders } from '../../main/contract';
import {
  filterSnippets,
  fillSnippet,
  placeholderValues,
  previewOf,
  snippetForTrigger,
  wordBeforeCaret,
} from '../../renderer/src/features/snippets/snippetText';

const snippet = (id: string, trigger: string, shared: boolean, title = id, body = `${id} text`): Snippet => ({
  id,
  trigger,
  title,
  body,
  shared,
  builtIn: false,
  canEdit: true,
});

describe('wordBeforeCaret', () => {
  it('takes the word that ends at the caret, not after a space or inside a word', () => {
    expect(wordBeforeCaret('Exam: .nrml', 11)).toEqual({ word: '.nrml', start: 6 });
    expect(wordBeforeCaret('.nrml', 5)).toEqual({ word: '.nrml', start: 0 });
    expect(wordBeforeCaret('line one\n.fu', 12)).toEqual({ word: '.fu', start: 9 });
    expect(wordBeforeCaret('Exam: .nrml more', 11)).toEqual({ word: '.nrml', start: 6 });
    expect(wordBeforeCaret('Exam: ', 6)).toBeNull();
    expect(wordBeforeCaret('', 0)).toBeNull();
  });
});

describe('snippetForTrigger', () => {
  it('matches case-insensitively and prefers the personal snippet', () => {
    const list = [snippet('shared', '.nrml', true), snippet('mine', '.nrml', false), snippet('fu', '.fu', true)];
    expect(snippetForTrigger(list, '.NRML')?.id).toBe('mine');
    expect(snippetForTrigger(list, '.fu')?.id).toBe('fu');
    expect(snippetForTrigger(list, 'nrml')).toBeNull();
  });
});

describe('fillSnippet and placeholderValues', () => {
  const patient: PatientSummary = {
    id: 'p1',
    mrn: 'T000001',
    givenName: 'Synthia',
    familyName: 'Testperson',
    preferredName: 'Syn',
    sex: 'female',
    dateOfBirth: '1980-03-15',
    phoneMobile: null,
    phoneHome: null,
  };

  it('fills the known placeholders from the chart in the clinic zone and leaves other braces alone', () => {
    const now = DateTime.fromISO('2026-03-15T03:00:00Z') as DateTime<true>;
    const values = placeholderValues(patient, 'Dr. Example', 'America/Chicago', now);
    // 03:00 UTC is still the 14th in Chicago: the patient is 45 until the clinic's day turns.
    expect(values).toEqual({
      'patient.firstName': 'Syn',
      'patient.lastName': 'Testperson',
      'patient.age': '45',
      today: '14 Mar 2026',
      me: 'Dr. Example',
    });
    expect(fillSnippet('{patient.firstName} {patient.lastName}, {patient.age}, seen {today} by {me}; {dose} {x y}', values)).toBe(
      'Syn Testperson, 45, seen 14 Mar 2026 by Dr. Example; {dose} {x y}',
    );
    expect(unknownPlaceholders('{patient.firstName} {dose} {dose} {x y}')).toEqual(['{dose}']);
  });
});

describe('filterSnippets and previewOf', () => {
  it('needs every word somewhere and ranks trigger matches first', () => {
    const list = [
      snippet('a', '.ros', true, 'Review of systems', 'ROS negative'),
      snippet('b', '.fu', true, 'Follow-up', 'Return if the normal course changes'),
      snippet('c', '.nrml', true, 'Normal exam', 'General: well'),
    ];
    expect(filterSnippets(list, 'nrml').map((s) => s.id)).toEqual(['c']);
    expect(filterSnippets(list, 'normal').map((s) => s.id)).toEqual(['b', 'c']);
    expect(filterSnippets(list, 'n').map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(filterSnippets(list, 'normal exam').map((s) => s.id)).toEqual(['c']);
    expect(filterSnippets(list, '').map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(previewOf('First line\nsecond')).toBe('First line');
    expect(previewOf('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
