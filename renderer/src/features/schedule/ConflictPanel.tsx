/**
 * A refused booking or move: the reason, the next free times as one-click
 * choices, and — only for roles allowed to overbook — a deliberate "anyway"
 * path that needs a reason (the server checks the role again).
 */
import { useState } from 'react';
import { BookingConflict, type ApiErrorShape, type Reference, type Slot } from '../../../../main/contract';
import { TextInput } from '../../ui/Field';
import { slotLabel } from './clinicTime';

interface ConflictPanelProps {
  error: ApiErrorShape;
  reference: Reference;
  canOverbook: boolean;
  /** "Book anyway (overbook)", "Move anyway (overbook)"… */
  overbookLabel: string;
  /** "Not booked", "Not moved"… */
  heading: string;
  busy?: boolean;
  onPick?(slot: Slot): void;
  onOverbook(reason: string): void;
}

/** The structured part of a CONFLICT refusal, when there is one. */
export function conflictOf(error: ApiErrorShape | null | undefined): BookingConflict | null {
  if (error?.code !== 'CONFLICT') return null;
  const parsed = BookingConflict.safeParse(error.details);
  return parsed.success ? parsed.data : null;
}

export function ConflictPanel({ error, reference, canOverbook, overbookLabel, heading, busy, onPick, onOverbook }: ConflictPanelProps) {
  const [overbooking, setOverbooking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const conflict = conflictOf(error);
  const zone = reference.clinic.timeZone;
  const providerName = (id: string) => reference.providers.find((p) => p.id === id)?.displayName ?? 'another provider';

  function confirm() {
    const trimmed = reason.trim();
    if (!trimmed) {
      setReasonError('Give a reason for overbooking (e.g. "urgent, patient in pain")');
      return;
    }
    setReasonError(undefined);
    onOverbook(trimmed);
  }

  return (
    <div className="conflict" role="alert">
      <p className="conflict__message">
        <strong>{heading}: </strong>
        {error.message}
      </p>
      {conflict && onPick && (
        <div className="conflict__slots">
          {conflict.nextFree.length > 0 ? (
            <>
              <span id="conflict-next-free">Next free times:</span>
              <ul aria-labelledby="conflict-next-free">
                {conflict.nextFree.map((slot) => (
                  <li key={`${slot.providerId}-${slot.startAt}`}>
                    <button type="button" className="button button--small" disabled={busy} onClick={() => onPick(slot)}>
                      {slotLabel(slot, providerName(slot.providerId), zone)}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <span>No free time for this provider in the next 30 days. Try another provider or “Find next available”.</span>
          )}
        </div>
      )}
      {conflict && canOverbook && !overbooking && (
        <button type="button" className="button button--small conflict__overbook" disabled={busy} onClick={() => setOverbooking(true)}>
          {overbookLabel}
        </button>
      )}
      {conflict && canOverbook && overbooking && (
        <div className="conflict__reason">
          <TextInput
            label="Reason for overbooking"
            value={reason}
            maxLength={200}
            autoFocus
            error={reasonError}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                confirm();
              }
            }}
          />
          <button type="button" className="button button--danger" disabled={busy} onClick={confirm}>
            Confirm overbooking
          </button>
        </div>
      )}
    </div>
  );
}
