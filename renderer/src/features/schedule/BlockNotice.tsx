/**
 * After marking a provider unavailable: what was recorded, and the
 * appointments still booked in that time, each one click from its detail to
 * reschedule. The list reads the schedule live, so it shrinks as the desk
 * moves them (the server records the block regardless, see MarkUnavailable).
 */
import { DateTime } from 'luxon';
import type { Appointment, Reference, ScheduleBlock } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { ErrorMessage } from '../../ui/feedback';
import { OPEN_STATUSES, statusLabel } from './calendarModel';

/** "Tue 24 Nov 09:00–11:00" or, for whole days, "Tue 24 Nov – Fri 27 Nov (all day)". */
export function blockSpan(block: ScheduleBlock, zone: string): string {
  const start = DateTime.fromISO(block.startAt, { zone });
  const end = DateTime.fromISO(block.endAt, { zone });
  const wholeDays = start.equals(start.startOf('day')) && end.equals(end.startOf('day'));
  if (wholeDays) {
    const last = end.minus({ days: 1 });
    return start.hasSame(last, 'day')
      ? `${start.toFormat('ccc d LLL')} (all day)`
      : `${start.toFormat('ccc d LLL')} – ${last.toFormat('ccc d LLL')} (all day)`;
  }
  const endFormat = start.hasSame(end, 'day') ? 'HH:mm' : 'ccc d LLL HH:mm';
  return `${start.toFormat('ccc d LLL HH:mm')}–${end.toFormat(endFormat)}`;
}

interface BlockNoticeProps {
  block: ScheduleBlock;
  reference: Reference;
  onOpen(appointment: Appointment): void;
  onDismiss(): void;
}

export function BlockNotice({ block, reference, onOpen, onDismiss }: BlockNoticeProps) {
  const zone = reference.clinic.timeZone;
  const provider = reference.providers.find((p) => p.id === block.providerId)?.displayName ?? 'The provider';
  const range = useApi('appointments.range', { from: block.startAt, to: block.endAt, providerIds: [block.providerId] });
  const affected = (range.data?.appointments ?? [])
    .filter((a) => a.providerId === block.providerId && OPEN_STATUSES.includes(a.status))
    .sort((x, y) => x.startAt.localeCompare(y.startAt));
  const sameDay = DateTime.fromISO(block.startAt, { zone }).hasSame(DateTime.fromISO(block.endAt, { zone }).minus({ minutes: 1 }), 'day');
  const when = (a: Appointment) => DateTime.fromISO(a.startAt, { zone }).toFormat(sameDay ? 'HH:mm' : 'ccc d LLL HH:mm');
  const count = affected.length;

  return (
    <div className="schedule__notice">
      <div className="block-notice">
        <div className="success-banner" role="status">
          {provider} is marked unavailable {blockSpan(block, zone)}: {block.reason}.
        </div>
        <ErrorMessage error={range.error} />
        {count > 0 && (
          <div className="warning-banner block-notice__warning" role="alert">
            <p>
              <strong>
                {count} booked appointment{count === 1 ? '' : 's'} {count === 1 ? 'falls' : 'fall'} in this time — reschedule{' '}
                {count === 1 ? 'it' : 'them'}.
              </strong>{' '}
              Open one to change its time or cancel it.
            </p>
            <ul className="block-notice__list" aria-label="Appointments to reschedule">
              {affected.map((a) => (
                <li key={a.id}>
                  <button type="button" className="link-button" onClick={() => onOpen(a)}>
                    {when(a)} {a.patientName}
                  </button>
                  {a.status !== 'booked' && <span className="block-notice__status"> ({statusLabel(a.status)})</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <button type="button" className="button button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
