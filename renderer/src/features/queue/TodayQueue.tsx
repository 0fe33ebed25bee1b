/**
 * The front desk's day: who is expected, who is waiting and for how long, who
 * is in a room. Status changes are one click and move the patient to the next
 * column at once (the server's answer is written into the cached queue), and
 * focus follows the patient so the desk can carry on from the keyboard.
 * Timers are redrawn every 30 s and the queue is refetched every 60 s on top
 * of the data.changed refresh, so waits stay honest on an idle screen.
 */
import { useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, type Appointment, type Input } from '../../../../main/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { useNavigation } from '../../app/navigation';
import { useReference } from '../../app/reference';
import { useSession } from '../../app/session';
import { Select } from '../../ui/Field';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { DoneToday } from './DoneToday';
import { NoShowDialog } from './NoShowDialog';
import { QueueColumn } from './QueueColumn';
import { ExpectedItem, InRoomItem, WaitingItem, type QueueLookup } from './QueueItems';
import { groupQueue } from './queueModel';
import './queue.css';

const PROVIDER_KEY = 'outpost.queue.provider';
const QUEUE_KEY = ['queue.today', {}];

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

type StatusChange = Input<'appointments.setStatus'>;
const DONE_WORDS: Record<StatusChange['status'], string> = {
  booked: 'Check-in undone for',
  arrived: 'Checked in',
  in_room: 'Roomed',
  completed: 'Completed',
  no_show: 'Marked no-show:',
};

export function TodayQueue() {
  const { reference } = useReference();
  const { can } = useSession();
  const { navigate } = useNavigation();
  const queryClient = useQueryClient();
  const queue = useApi('queue.today', {}, { refetchInterval: 60_000 });
  const setStatus = useApiMutation('appointments.setStatus');
  const openEncounter = useApiMutation('encounters.open');
  const now = useNow(30_000);
  const [providerId, setProviderId] = useState(() => sessionStorage.getItem(PROVIDER_KEY) ?? '');
  const [noShowFor, setNoShowFor] = useState<Appointment | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** Where focus goes once the changed appointment has moved: the patient in its new column, else the old column. */
  const focusTarget = useRef<{ id: string; fallback: string } | null>(null);

  const groups = useMemo(() => groupQueue(queue.data ?? [], providerId), [queue.data, providerId]);

  const lookup = useMemo<QueueLookup | null>(() => {
    if (!reference) return null;
    const occupied = new Map<string, string>();
    for (const a of queue.data ?? []) if (a.status === 'in_room' && a.roomId) occupied.set(a.roomId, a.patientName);
    return {
      zone: reference.clinic.timeZone,
      provider: (id) => reference.providers.find((p) => p.id === id),
      type: (id) => reference.appointmentTypes.find((t) => t.id === id),
      room: (id) => (id ? reference.rooms.find((r) => r.id === id) : undefined),
      rooms: reference.rooms,
      occupied,
    };
  }, [reference, queue.data]);

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    const item = document.querySelector<HTMLElement>(`[data-queue-item="${target.id}"]`) ?? document.getElementById(target.fallback);
    if (item) {
      item.focus();
      focusTarget.current = null;
    }
  }, [groups]);

  function chooseProvider(id: string) {
    setProviderId(id);
    if (id) sessionStorage.setItem(PROVIDER_KEY, id);
    else sessionStorage.removeItem(PROVIDER_KEY);
  }

  async function change(appointment: Appointment, input: Omit<StatusChange, 'id'>, fallback: string): Promise<void> {
    setPendingId(appointment.id);
    setError(null);
    try {
      const updated = await setStatus.mutateAsync({ id: appointment.id, ...input });
      focusTarget.current = { id: appointment.id, fallback };
      queryClient.setQueryData<Appointment[]>(QUEUE_KEY, (old) => old?.map((a) => (a.id === updated.id ? updated : a)));
      setAnnouncement(`${DONE_WORDS[input.status]} ${appointment.patientName}.`);
    } finally {
      setPendingId(null);
    }
  }

  function act(appointment: Appointment, input: Omit<StatusChange, 'id'>, fallback: string) {
    change(appointment, input, fallback).catch((e: unknown) => {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 'That change did not go through. Try again.'));
    });
  }

  /** Opening the chart from the queue rooms the patient and lands on that visit's encounter. */
  function openChart(appointment: Appointment) {
    setPendingId(appointment.id);
    setError(null);
    openEncounter
      .mutateAsync({ patientId: appointment.patientId, appointmentId: appointment.id })
      .then((detail) => navigate({ screen: 'chart', patientId: detail.patient.id, encounterId: detail.encounter.id }))
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 'The chart could not be opened. Try again.')))
      .finally(() => setPendingId(null));
  }

  if (queue.isPending || !reference || !lookup) return <Loading label="Loading today's queue…" />;
  if (queue.error) return <ErrorMessage error={queue.error} />;

  const zone = reference.clinic.timeZone;
  const today = DateTime.fromMillis(now).setZone(zone);
  const closedToday = !reference.clinic.hours[String(today.weekday) as '1'];
  const providerOptions = reference.providers.filter((p) => p.active || queue.data.some((a) => a.providerId === p.id));
  const canAct = can('schedule.status');
  const openPatient = (a: Appointment) => navigate({ screen: 'patients', patientId: a.patientId });
  const itemProps = (a: Appointment) => ({ appointment: a, lookup, now, busy: pendingId === a.id, canAct, onOpenPatient: openPatient });
  const onOpenChart = can('chart.write') ? openChart : undefined;

  return (
    <div className="queue">
      <div className="queue__header">
        <h1>Today · {today.toFormat('cccc d LLLL')}</h1>
        <div className="toolbar queue__toolbar">
          {queue.data.length > 0 && (
            <Select label="Provider" value={providerId} onChange={(e) => chooseProvider(e.target.value)}>
              <option value="">All providers</option>
              {providerOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </Select>
          )}
          <span className="queue__updated">Updated {DateTime.fromMillis(queue.dataUpdatedAt).setZone(zone).toFormat('HH:mm')}</span>
        </div>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      <ErrorMessage error={error} />
      {queue.data.length === 0 ? (
        <Empty>
          {closedToday
            ? `No appointments today — the clinic is closed on ${today.toFormat('cccc')}s.`
            : 'No appointments booked for today yet.'}
        </Empty>
      ) : (
        <>
          <div className="queue__columns">
            <QueueColumn id="queue-expected" title="Expected" count={groups.expected.length} empty="Everyone booked has arrived.">
              {groups.expected.map((a) => (
                <ExpectedItem
                  key={a.id}
                  {...itemProps(a)}
                  onCheckIn={() => act(a, { status: 'arrived' }, 'queue-expected')}
                  onNoShow={() => setNoShowFor(a)}
                />
              ))}
            </QueueColumn>
            <QueueColumn id="queue-waiting" title="Waiting" count={groups.waiting.length} empty="No one is waiting.">
              {groups.waiting.map((a) => (
                <WaitingItem
                  key={a.id}
                  {...itemProps(a)}
                  onOpenChart={onOpenChart}
                  onRoom={(roomId) => act(a, { status: 'in_room', roomId }, 'queue-waiting')}
                />
              ))}
            </QueueColumn>
            <QueueColumn id="queue-in-room" title="In room" count={groups.inRoom.length} empty="No one is in a room.">
              {groups.inRoom.map((a) => (
                <InRoomItem
                  key={a.id}
                  {...itemProps(a)}
                  onOpenChart={onOpenChart}
                  onComplete={() => act(a, { status: 'completed' }, 'queue-in-room')}
                />
              ))}
            </QueueColumn>
          </div>
          <DoneToday
            done={groups.done}
            completedCount={groups.completedCount}
            noShowCount={groups.noShowCount}
            lookup={lookup}
            onOpenPatient={openPatient}
          />
        </>
      )}
      <NoShowDialog
        appointment={noShowFor}
        zone={zone}
        onClose={() => setNoShowFor(null)}
        onConfirm={async (reason) => {
          if (!noShowFor) return;
          await change(noShowFor, { status: 'no_show', reason }, 'queue-expected');
          setNoShowFor(null);
        }}
      />
    </div>
  );
}
