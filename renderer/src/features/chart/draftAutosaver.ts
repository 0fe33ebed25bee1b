/**
 * Autosave of one draft note. It lives outside React on purpose: a save in
 * flight must finish (and be acknowledged) even when the note's component
 * goes away, and the rules read better as one small state machine:
 *
 * - typing waits AUTOSAVE_DELAY_MS after the last keystroke, then sends only
 *   the sections that differ from what the core last acknowledged;
 * - one save at a time; whatever was typed meanwhile goes in the next one;
 * - a failed save is retried with backoff, and the text stays on screen and
 *   in unsavedDrafts until the core has it;
 * - a CONFLICT (the note was signed elsewhere) stops saving for good: the
 *   text stays visible for an addendum;
 * - a newer version of the note from the core (another workstation's edit,
 *   arrived by sync) replaces only the sections not being edited here.
 */
import type { ApiError, NoteContent, NoteSection } from '../../../../main/contract';
import { toApiError } from '../../ui/useServerForm';
import { AUTOSAVE_DELAY_MS, changedSections, retryDelayMs, type SaveState } from './chartText';
import { acknowledge, keepUnsaved, readUnsaved } from './unsavedDrafts';

/** notes.save for this note: the sections to write, answered with the note's new updatedAt. */
export type SaveSections = (sections: Partial<NoteContent>) => Promise<{ updatedAt: string }>;

export interface AutosaveSnapshot {
  typed: NoteContent;
  state: SaveState;
}

function hasChanges(patch: Partial<NoteContent>): boolean {
  return Object.keys(patch).length > 0;
}

export class DraftAutosaver {
  private snapshot: AutosaveSnapshot;
  private acked: NoteContent;
  private ackedAt: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<boolean> | null = null;
  private failures = 0;
  private attached = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly noteId: string,
    private readonly userId: string,
    content: NoteContent,
    updatedAt: string,
    private readonly save: SaveSections,
  ) {
    this.acked = content;
    this.ackedAt = updatedAt;
    // Text typed before (the chart was left, a save failed) comes back as it was typed.
    const typed = { ...content, ...readUnsaved(userId, noteId) };
    const pending = hasChanges(changedSections(typed, content));
    this.snapshot = { typed, state: pending ? { kind: 'pending' } : { kind: 'saved', at: updatedAt } };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): AutosaveSnapshot => this.snapshot;

  get dirty(): boolean {
    return hasChanges(changedSections(this.snapshot.typed, this.acked));
  }

  private update(patch: Partial<AutosaveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private schedule(delayMs: number): void {
    this.cancel();
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The component is on screen: pick up what is left to save. */
  attach(): void {
    this.attached = true;
    if (this.dirty && this.snapshot.state.kind !== 'conflict') this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** The component is going away: save now, once; if that fails the text waits in unsavedDrafts for the next visit. */
  detach(): void {
    this.attached = false;
    this.cancel();
    if (this.dirty && this.snapshot.state.kind !== 'conflict') void this.run();
  }

  type(section: NoteSection, text: string): void {
    this.write({ [section]: text });
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** A template chosen for an empty draft: saved at once, there is no more typing to wait for. */
  fill(content: NoteContent): void {
    this.write(content);
    void this.run();
  }

  private write(sections: Partial<NoteContent>): void {
    if (this.snapshot.state.kind === 'conflict') return;
    keepUnsaved(this.userId, this.noteId, sections);
    const state = this.snapshot.state;
    // A failure stays on show until a save goes through; anything else now has news to save.
    const next: SaveState = state.kind === 'retrying' || state.kind === 'saving' ? state : { kind: 'pending' };
    this.update({ typed: { ...this.snapshot.typed, ...sections }, state: next });
  }

  /** Newer content from the core: take it for the sections nobody is editing here. */
  serverSent(content: NoteContent, updatedAt: string): void {
    if (updatedAt <= this.ackedAt) return;
    const typed = { ...this.snapshot.typed };
    for (const section of Object.keys(content) as NoteSection[]) {
      if (typed[section] === this.acked[section]) typed[section] = content[section];
    }
    this.acked = content;
    this.ackedAt = updatedAt;
    this.update({ typed });
  }

  retryNow(): void {
    void this.run();
  }

  /** Save everything typed so far; true once the core has all of it. */
  async flush(): Promise<boolean> {
    this.cancel();
    // Typing during a save leaves more to send: keep going while each save succeeds.
    for (let round = 0; round < 5; round++) {
      if (!(await this.run())) return false;
      if (!this.dirty) return true;
    }
    return !this.dirty;
  }

  private async run(): Promise<boolean> {
    this.cancel();
    // One save at a time: wait for the one in flight, then send what is still left.
    if (this.inFlight) {
      await this.inFlight;
      return this.run();
    }
    if (this.snapshot.state.kind === 'conflict') return false;
    const patch = changedSections(this.snapshot.typed, this.acked);
    if (!hasChanges(patch)) {
      if (this.snapshot.state.kind !== 'saved') this.update({ state: { kind: 'saved', at: this.ackedAt } });
      return true;
    }
    if (this.snapshot.state.kind !== 'retrying') this.update({ state: { kind: 'saving' } });
    this.inFlight = this.send(patch);
    try {
      return await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  private async send(patch: Partial<NoteContent>): Promise<boolean> {
    try {
      const { updatedAt } = await this.save(patch);
      this.acked = { ...this.acked, ...patch };
      if (updatedAt > this.ackedAt) this.ackedAt = updatedAt;
      this.failures = 0;
      acknowledge(this.userId, this.noteId, patch);
      if (this.dirty) {
        this.update({ state: { kind: 'pending' } });
        if (this.attached) this.schedule(AUTOSAVE_DELAY_MS);
      } else {
        this.update({ state: { kind: 'saved', at: updatedAt } });
      }
      return true;
    } catch (caught) {
      this.failed(toApiError(caught));
      return false;
    }
  }

  private failed(error: ApiError): void {
    if (error.code === 'CONFLICT') {
      this.update({ state: { kind: 'conflict', message: error.message } });
    } else if (error.code === 'VALIDATION') {
      const detail = Object.values(error.fields ?? {})[0] ?? error.message;
      this.update({ state: { kind: 'refused', message: detail } });
    } else {
      this.update({ state: { kind: 'retrying', message: error.message } });
      if (this.attached) this.schedule(retryDelayMs(this.failures++));
    }
  }
}
