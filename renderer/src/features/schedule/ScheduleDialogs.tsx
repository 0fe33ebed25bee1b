/**
 * The schedule's dialogs, one open at a time. Each dialog only closes itself
 * (the close guard checks the kind), so switching from one to another — detail
 * to edit, find to book — never lets the closing one wipe the next.
 */
import type { Dispatch, SetStateAction } from 'react';
import type { Appointment, Reference, ScheduleBlock } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/feedback';
import { formatDateTime, formatTime } from '../../ui/format';
import { AppointmentDetail } from './AppointmentDetail';
import { AppointmentForm, type AppointmentDraft } from './AppointmentForm';
import { blockSpan } from './BlockNotice';
import type { ShadeEvent } from './calendarModel';
import { localParts, startOfDay } from './clinicTime';
import { FindNextAvailable } from './FindNextAvailable';
import { MarkUnavailableForm, type BlockDraft } from './MarkUnavailable';

export type DialogState =
  | { kind: 'book'; draft: AppointmentDraft }
  | { kind: 'detail'; id: string }
  | { kind: 'edit'; appointment: Appointment }
  | { kind: 'find' }
  | { kind: 'shade'; event: ShadeEvent }
  | { kind: 'block'; draft: BlockDraft }
  /** A dragged-out time range: book it, or mark the provider unavailable then. */
  | { kind: 'choose'; book: AppointmentDraft; block: BlockDraft }
  | null;

interface ScheduleDialogsProps {
  reference: Reference;
  dialog: DialogState;
  setDialog: Dispatch<SetStateAction<DialogState>>;
  date: string;
  defaultTypeId: string;
  onSaved(saved: Appointment[], verb: 'Booked' | 'Changed'): void;
  onBlocked(block: ScheduleBlock): void;
  onMessage(message: string): void;
}

function ShadeDetail({ event, reference, onRemoved }: { event: ShadeEvent; reference: Reference; onRemoved(): void }) {
  const session = useSession();
  const remove = useApiMutation('blocks.remove');
  const zone = reference.clinic.timeZone;
  const provider = reference.providers.find((p) => p.id === event.resourceId);
  const block = event.block;
  return (
    <div className="appointment-detail">
      <dl className="detail-list">
        <dt>What</dt>
        <dd>{block ? block.reason : `${event.title} (weekly break)`}</dd>
        <dt>When</dt>
        <dd>
          {block
            ? blockSpan(block, zone)
            : `${formatDateTime(event.start.toISOString(), zone)}–${formatTime(event.end.toISOString(), zone)}`}
        </dd>
        <dt>Provider</dt>
        <dd>{provider?.displayName ?? 'Unknown provider'}</dd>
      </dl>
      {!block && <p className="field__hint">Weekly breaks are part of the provider’s hours, set in Admin.</p>}
      <ErrorMessage error={remove.error} />
      {block && session.can('schedule.write') && (
        <div className="form-actions">
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: block.id }, { onSuccess: onRemoved })}
          >
            Remove this unavailability
          </button>
        </div>
      )}
    </div>
  );
}

export function ScheduleDialogs(props: ScheduleDialogsProps) {
  const { reference, dialog, setDialog, date, defaultTypeId, onSaved, onBlocked, onMessage } = props;
  const session = useSession();
  const zone = reference.clinic.timeZone;
  const closeIf = (kind: NonNullable<DialogState>['kind']) => () => setDialog((d) => (d?.kind === kind ? null : d));
  const providerName = (id: string) => {
    const provider = reference.providers.find((p) => p.id === id);
    return provider ? ` · ${provider.displayName}` : '';
  };

  return (
    <>
      <Dialog title="Book appointment" open={dialog?.kind === 'book'} onClose={closeIf('book')} wide>
        {dialog?.kind === 'book' && (
          <AppointmentForm
            reference={reference}
            draft={dialog.draft}
            onCancel={closeIf('book')}
            onDone={(saved) => {
              setDialog(null);
              onSaved(saved, 'Booked');
            }}
          />
        )}
      </Dialog>
      <Dialog title="Appointment" open={dialog?.kind === 'detail'} onClose={closeIf('detail')} wide>
        {dialog?.kind === 'detail' && (
          <AppointmentDetail
            id={dialog.id}
            reference={reference}
            onEdit={(appointment) => setDialog({ kind: 'edit', appointment })}
            onChanged={(message) => {
              setDialog(null);
              onMessage(message);
            }}
          />
        )}
      </Dialog>
      <Dialog title="Change appointment" open={dialog?.kind === 'edit'} onClose={closeIf('edit')} wide>
        {dialog?.kind === 'edit' && (
          <AppointmentForm
            reference={reference}
            appointment={dialog.appointment}
            draft={{
              patient: { id: dialog.appointment.patientId, label: dialog.appointment.patientName },
              providerId: dialog.appointment.providerId,
              roomId: dialog.appointment.roomId ?? '',
              typeId: dialog.appointment.typeId,
              date: localParts(dialog.appointment.startAt, zone).date,
              start: localParts(dialog.appointment.startAt, zone).time,
              end: localParts(dialog.appointment.endAt, zone).time,
              notes: dialog.appointment.notes ?? '',
            }}
            onCancel={() => setDialog({ kind: 'detail', id: dialog.appointment.id })}
            onDone={(saved) => {
              setDialog(null);
              onSaved(saved, 'Changed');
            }}
          />
        )}
      </Dialog>
      <Dialog title="Find next available" open={dialog?.kind === 'find'} onClose={closeIf('find')}>
        {dialog?.kind === 'find' && (
          <FindNextAvailable
            reference={reference}
            fromDate={date}
            canBook={session.can('schedule.write')}
            onChoose={(slot, typeId) => {
              const start = localParts(slot.startAt, zone);
              setDialog({
                kind: 'book',
                draft: {
                  patient: null,
                  providerId: slot.providerId,
                  roomId: slot.roomId ?? '',
                  typeId: typeId || defaultTypeId,
                  date: start.date,
                  start: start.time,
                  end: localParts(slot.endAt, zone).time,
                  notes: '',
                },
              });
            }}
          />
        )}
      </Dialog>
      <Dialog
        title={dialog?.kind === 'shade' && dialog.event.block ? 'Unavailable' : 'Break'}
        open={dialog?.kind === 'shade'}
        onClose={closeIf('shade')}
      >
        {dialog?.kind === 'shade' && (
          <ShadeDetail
            event={dialog.event}
            reference={reference}
            onRemoved={() => {
              setDialog(null);
              onMessage('The unavailability was removed.');
            }}
          />
        )}
      </Dialog>
      <Dialog title="Selected time" open={dialog?.kind === 'choose'} onClose={closeIf('choose')}>
        {dialog?.kind === 'choose' && (
          <div className="slot-choice">
            <p>
              {startOfDay(dialog.block.date, zone).toFormat('cccc d LLLL')}, {dialog.block.start}–{dialog.block.end}
              {providerName(dialog.block.providerId)}
            </p>
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setDialog({ kind: 'block', draft: dialog.block })}>
                Mark provider unavailable
              </button>
              <button
                type="button"
                className="button button--primary"
                autoFocus
                onClick={() => setDialog({ kind: 'book', draft: dialog.book })}
              >
                Book appointment
              </button>
            </div>
          </div>
        )}
      </Dialog>
      <Dialog title="Mark unavailable" open={dialog?.kind === 'block'} onClose={closeIf('block')}>
        {dialog?.kind === 'block' && (
          <MarkUnavailableForm
            reference={reference}
            draft={dialog.draft}
            onCancel={closeIf('block')}
            onDone={(block) => {
              setDialog(null);
              onBlocked(block);
            }}
          />
        )}
      </Dialog>
    </>
  );
}
