/**
 * The one message under the toolbar after the desk did something: done, a
 * move the server refused (with the next free times, or overbooking for those
 * allowed), or a provider marked unavailable (with the bookings to move).
 * One at a time, so a new action replaces the last message.
 */
import type { ApiErrorShape, Input, Reference, ScheduleBlock } from '../../../../main/contract';
import { ErrorMessage } from '../../ui/feedback';
import { BlockNotice } from './BlockNotice';
import { ConflictPanel, conflictOf } from './ConflictPanel';

export type MoveInput = Input<'appointments.update'>;

export type Notice =
  | { kind: 'success'; text: string }
  | { kind: 'refused'; error: ApiErrorShape; input: MoveInput }
  | { kind: 'blocked'; block: ScheduleBlock }
  | null;

interface ScheduleNoticeProps {
  notice: Notice;
  reference: Reference;
  canOverbook: boolean;
  busy: boolean;
  /** follow: show the new place (a time picked from the refusal may be on another day). */
  onMove(input: MoveInput, overbookReason?: string, follow?: boolean): void;
  onOpen(appointmentId: string): void;
  onDismiss(): void;
}

export function ScheduleNotice({ notice, reference, canOverbook, busy, onMove, onOpen, onDismiss }: ScheduleNoticeProps) {
  if (notice?.kind === 'success')
    return (
      <div className="success-banner schedule__notice" role="status">
        {notice.text}
        <button type="button" className="button button--ghost button--small" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
    );
  if (notice?.kind === 'blocked')
    return <BlockNotice block={notice.block} reference={reference} onOpen={(a) => onOpen(a.id)} onDismiss={onDismiss} />;
  if (notice?.kind === 'refused')
    return (
      <div className="schedule__notice">
        {conflictOf(notice.error) ? (
          <ConflictPanel
            error={notice.error}
            reference={reference}
            heading="Not moved"
            canOverbook={canOverbook}
            overbookLabel="Move anyway (overbook)"
            busy={busy}
            onPick={(slot) =>
              onMove({ id: notice.input.id, startAt: slot.startAt, endAt: slot.endAt, providerId: slot.providerId }, undefined, true)
            }
            onOverbook={(reason) => onMove(notice.input, reason)}
          />
        ) : (
          <ErrorMessage error={notice.error} />
        )}
        <button type="button" className="button button--small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    );
  return null;
}
