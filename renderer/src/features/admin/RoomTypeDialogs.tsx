/** Add or edit a room or an appointment type. Retiring one is "inactive", never a delete: old appointments still name it. */
import { useState, type FormEvent } from 'react';
import type { AppointmentType, Room } from '../../../../main/contract';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { TextInput } from '../../ui/Field';
import { ErrorMessage } from '../../ui/feedback';
import { useServerForm } from '../../ui/useServerForm';

function Actions({ busy, label, onClose }: { busy: boolean; label: string; onClose(): void }) {
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Saving…' : label}
      </button>
    </div>
  );
}

function ActiveCheck({ active, onChange, what }: { active: boolean; onChange(active: boolean): void; what: string }) {
  return (
    <label className="admin-check">
      <input type="checkbox" checked={active} onChange={(e) => onChange(e.target.checked)} /> Active (offered for new {what})
    </label>
  );
}

export function RoomDialog({ open, room, onClose }: { open: boolean; room: Room | null; onClose(): void }) {
  return (
    <Dialog title={room ? `Edit ${room.name}` : 'Add room'} open={open} onClose={onClose}>
      <RoomForm key={room?.id ?? 'new'} room={room} onClose={onClose} />
    </Dialog>
  );
}

function RoomForm({ room, onClose }: { room: Room | null; onClose(): void }) {
  const save = useApiMutation('rooms.save');
  const form = useServerForm();
  const [name, setName] = useState(room?.name ?? '');
  const [active, setActive] = useState(room?.active ?? true);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await form.run(() => save.mutateAsync({ ...(room && { id: room.id }), name, active }))) onClose();
  }

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorMessage error={form.error} />
      <TextInput
        label="Room name"
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.fieldError('name')}
        required
        maxLength={60}
      />
      <ActiveCheck active={active} onChange={setActive} what="appointments" />
      <Actions busy={form.busy} label={room ? 'Save room' : 'Add room'} onClose={onClose} />
    </form>
  );
}

export function TypeDialog({ open, type, onClose }: { open: boolean; type: AppointmentType | null; onClose(): void }) {
  return (
    <Dialog title={type ? `Edit ${type.name}` : 'Add appointment type'} open={open} onClose={onClose}>
      <TypeForm key={type?.id ?? 'new'} type={type} onClose={onClose} />
    </Dialog>
  );
}

function TypeForm({ type, onClose }: { type: AppointmentType | null; onClose(): void }) {
  const save = useApiMutation('appointmentTypes.save');
  const form = useServerForm();
  const [name, setName] = useState(type?.name ?? '');
  const [duration, setDuration] = useState(String(type?.durationMinutes ?? 20));
  const [colour, setColour] = useState(type?.colour ?? '#16a34a');
  const [active, setActive] = useState(type?.active ?? true);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minutes = Number(duration);
    if (!Number.isInteger(minutes)) {
      form.fail('Enter the duration as a whole number of minutes.', { durationMinutes: 'Whole minutes, e.g. 20' });
      return;
    }
    if (await form.run(() => save.mutateAsync({ ...(type && { id: type.id }), name, durationMinutes: minutes, colour, active }))) onClose();
  }

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorMessage error={form.error} />
      <TextInput
        label="Type name"
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.fieldError('name')}
        required
        maxLength={60}
      />
      <div className="form-grid">
        <TextInput
          label="Duration (minutes)"
          type="number"
          inputMode="numeric"
          min={5}
          max={480}
          step={5}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          error={form.fieldError('durationMinutes')}
          required
        />
        <TextInput
          label="Colour"
          type="color"
          className="admin-colour"
          value={colour}
          onChange={(e) => setColour(e.target.value)}
          error={form.fieldError('colour')}
        />
      </div>
      <ActiveCheck active={active} onChange={setActive} what="bookings" />
      <Actions busy={form.busy} label={type ? 'Save type' : 'Add type'} onClose={onClose} />
    </form>
  );
}
