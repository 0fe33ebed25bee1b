/**
 * The chart's autosave never loses typed text: it waits for a pause, sends
 * only what changed, keeps one save in flight, retries with backoff, stops
 * for good on a note signed elsewhere (keeping the text), and takes another
 * workstation's newer text only for sections nobody is editing here. Plus the
 * chart's wording (age in the clinic's zone, save status, next visit).
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Appointment, type NoteContent } from '../../main/contract';
import {
  ageInClinic,
  changedSections,
  isEmptyNote,
  kindLabel,
  moveUp,
  nextAppointment,
  retryDelayMs,
  saveStateText,
} from '../../renderer/src/features/chart/chartText';
import { DraftAutosaver, type SaveSections } from '../../renderer/src/features/chart/draftAutosaver';
import { discardUnsaved, readUnsaved } from '../../renderer/src/features/chart/unsavedDrafts';

const ZONE = 'America/Chicago';
const EMPTY: NoteContent = { subjective: '', objective: '', assessment: '', plan: '' };
const USER = 'user-1';
let noteCount = 0;

/** A notes.save stand-in that records what it was sent and answers as told. */
function fakeSave() {
  const sent: Partial<NoteContent>[] = [];
  let clock = 0;
  const failures: ApiError[] = [];
  let hold: Promise<void> | null = null;
  const save: SaveSections = async (patch) => {
    sent.push(patch);
    if (hold) await hold;
    const failure = failures.shift();
    if (failure) throw failure;
    clock += 1;
    return { updatedAt: `2026-11-24T17:00:${String(clock).padStart(2, '0')}.000Z` };
  };
  return {
    save,
    sent,
    failNext: (error: ApiError) => failures.push(error),
    holdUntil: (gate: Promise<void>) => {
      hold = gate;
    },
  };
}

function newSaver(fake: ReturnType<typeof fakeSave>, content: NoteContent = EMPTY) {
  const noteId = `note-${++noteCount}`;
  const saver = new DraftAutosaver(noteId, USER, content, '2026-11-24T16:00:00.000Z', fake.save);
  saver.attach();
  return { saver, noteId };
}

describe('draft autosave', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('waits for a pause in typing, then sends only the changed section', async () => {
    const fake = fakeSave();
    const { saver, noteId } = newSaver(fake);
    saver.type('subjective', 'Co');
    await vi.advanceTimersByTimeAsync(300);
    saver.type('subjective', 'Cough');
    expect(saver.getSnapshot().state).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(599);
    expect(fake.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.sent).toEqual([{ subjective: 'Cough' }]);
    expect(saver.getSnapshot().state).toEqual({ kind: 'saved', at: '2026-11-24T17:00:01.000Z' });
    expect(readUnsaved(USER, noteId)).toBeUndefined();
  });

  it('keeps one save in flight and sends what was typed meanwhile in the next one', async () => {
    const fake = fakeSave();
    const { saver } = newSaver(fake);
    let release = () => {};
    fake.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    saver.type('plan', 'Rest');
    await vi.advanceTimersByTimeAsync(600);
    expect(saver.getSnapshot().state).toEqual({ kind: 'saving' });
    saver.type('plan', 'Rest and fluids');
    saver.type('objective', 'Afebrile');
    await vi.advanceTimersByTimeAsync(600);
    expect(fake.sent).toHaveLength(1);
    fake.holdUntil(Promise.resolve());
    release();
    await vi.advanceTimersByTimeAsync(600);
    expect(fake.sent).toEqual([{ plan: 'Rest' }, { plan: 'Rest and fluids', objective: 'Afebrile' }]);
    expect(saver.getSnapshot().state.kind).toBe('saved');
  });

  it('retries a failed save with backoff and keeps the text until the core has it', async () => {
    const fake = fakeSave();
    const { saver, noteId } = newSaver(fake);
    fake.failNext(new ApiError('INTERNAL', 'The workstation core is not responding.'));
    fake.failNext(new ApiError('INTERNAL', 'The workstation core is not responding.'));
    saver.type('assessment', 'Viral URI');
    await vi.advanceTimersByTimeAsync(600);
    expect(saver.getSnapshot().state).toMatchObject({ kind: 'retrying' });
    expect(saveStateText(saver.getSnapshot().state, ZONE)).toBe('Not saved — retrying');
    expect(readUnsaved(USER, noteId)).toEqual({ assessment: 'Viral URI' });
    await vi.advanceTimersByTimeAsync(1_200); // first retry after about 1 s
    expect(fake.sent).toHaveLength(2);
    expect(saver.getSnapshot().state.kind).toBe('retrying');
    await vi.advanceTimersByTimeAsync(2_400); // then about 2 s
    expect(fake.sent).toHaveLength(3);
    expect(saver.getSnapshot().state.kind).toBe('saved');
    expect(saver.getSnapshot().typed.assessment).toBe('Viral URI');
    expect(readUnsaved(USER, noteId)).toBeUndefined();
  });

  it('stops saving when the note was signed elsewhere and keeps the typed text', async () => {
    const fake = fakeSave();
    const { saver, noteId } = newSaver(fake);
    fake.failNext(
      new ApiError('CONFLICT', 'This note was signed by Dr. Avery Lane, so it can no longer be edited. Add an addendum instead.'),
    );
    saver.type('plan', 'Chest X-ray');
    expect(await saver.flush()).toBe(false);
    const state = saver.getSnapshot().state;
    expect(state.kind).toBe('conflict');
    expect(state.kind === 'conflict' && state.message).toMatch(/signed by Dr. Avery Lane/);
    saver.type('plan', 'ignored');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.sent).toHaveLength(1);
    expect(saver.getSnapshot().typed.plan).toBe('Chest X-ray');
    expect(readUnsaved(USER, noteId)).toEqual({ plan: 'Chest X-ray' });
    discardUnsaved(USER, noteId);
  });

  it('says what cannot be saved when the core refuses the text, and does not retry it', async () => {
    const fake = fakeSave();
    const { saver } = newSaver(fake);
    fake.failNext(new ApiError('VALIDATION', 'Check the note', { 'content.plan': 'Keep each section under 20,000 characters' }));
    saver.type('plan', 'x');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.sent).toHaveLength(1);
    expect(saveStateText(saver.getSnapshot().state, ZONE)).toBe('Not saved — Keep each section under 20,000 characters');
  });

  it('takes newer text from the core only for sections not being edited here', async () => {
    const fake = fakeSave();
    const { saver } = newSaver(fake, { ...EMPTY, objective: 'BP 120/80' });
    saver.type('subjective', 'Headache');
    saver.serverSent({ ...EMPTY, subjective: 'Other text', objective: 'BP 150/95' }, '2026-11-24T16:30:00.000Z');
    expect(saver.getSnapshot().typed).toMatchObject({ subjective: 'Headache', objective: 'BP 150/95' });
    saver.serverSent({ ...EMPTY, objective: 'stale' }, '2026-11-24T16:10:00.000Z');
    expect(saver.getSnapshot().typed.objective).toBe('BP 150/95');
    await vi.advanceTimersByTimeAsync(600);
    expect(fake.sent).toEqual([{ subjective: 'Headache' }]);
  });

  it('saves on leaving, and brings back text a failed save left behind', async () => {
    const fake = fakeSave();
    const { saver, noteId } = newSaver(fake);
    fake.failNext(new ApiError('UNAUTHENTICATED', 'Sign in again.'));
    saver.type('subjective', 'Typed before sign-out');
    saver.detach();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.sent).toHaveLength(1); // once, no retries once the note is off screen
    const again = new DraftAutosaver(noteId, USER, EMPTY, '2026-11-24T16:00:00.000Z', fake.save);
    expect(again.getSnapshot()).toMatchObject({ typed: { subjective: 'Typed before sign-out' }, state: { kind: 'pending' } });
    again.attach();
    await vi.advanceTimersByTimeAsync(600);
    expect(fake.sent[1]).toEqual({ subjective: 'Typed before sign-out' });
    expect(readUnsaved(USER, noteId)).toBeUndefined();
  });
});

describe('chart wording', () => {
  it('counts the age on the clinic’s date, not the workstation’s', () => {
    const now = DateTime.fromISO('2026-03-15T03:00:00Z');
    expect(ageInClinic('2000-03-15', 'America/Chicago', now)).toBe('25 yrs');
    expect(ageInClinic('2000-03-15', 'Asia/Tokyo', now)).toBe('26 yrs');
    expect(ageInClinic('2025-03-01', 'Asia/Tokyo', now)).toBe('1 yr');
  });

  it('writes the save status as a person reads it', () => {
    expect(saveStateText({ kind: 'saved', at: '2026-11-24T20:02:00.000Z' }, ZONE)).toBe('Saved 14:02');
    expect(saveStateText({ kind: 'saving' }, ZONE)).toBe('Saving…');
    expect(saveStateText({ kind: 'conflict', message: 'x' }, ZONE)).toBe('Not saved — the note was locked by a signature elsewhere');
  });

  it('backs off from 1 s to at most 30 s, with a little jitter', () => {
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(12, () => 0)).toBe(30_000);
    expect(retryDelayMs(0, () => 1)).toBe(1_200);
  });

  it('finds changed and empty sections, moves diagnoses up, and names kinds it does not know as sent', () => {
    expect(changedSections({ ...EMPTY, plan: 'a' }, EMPTY)).toEqual({ plan: 'a' });
    expect(isEmptyNote({ ...EMPTY, plan: '  \n' })).toBe(true);
    expect(moveUp(['I10', 'E11.9', 'J06.9'], 2)).toEqual(['I10', 'J06.9', 'E11.9']);
    expect(moveUp(['I10', 'E11.9'], 0)).toEqual(['I10', 'E11.9']);
    expect(kindLabel('telehealth')).toBe('Video visit');
    expect(kindLabel('group_session')).toBe('group_session');
  });

  it('takes the soonest booked appointment still to come as the next one', () => {
    const at = (id: string, startAt: string, status: string) => ({ id, startAt, status }) as Appointment;
    const now = Date.parse('2026-11-24T17:00:00Z');
    const list = [
      at('past', '2026-11-20T17:00:00Z', 'completed'),
      at('cancelled', '2026-11-25T15:00:00Z', 'cancelled'),
      at('later', '2026-12-01T15:00:00Z', 'booked'),
      at('next', '2026-11-26T15:00:00Z', 'booked'),
    ];
    expect(nextAppointment(list, now)?.id).toBe('next');
    expect(nextAppointment([], now)).toBeUndefined();
  });
});
