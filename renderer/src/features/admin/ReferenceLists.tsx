/** Providers, rooms and appointment types as tables, each with its add/edit dialog. */
import { useState } from 'react';
import type { AppointmentType, Provider, Reference, Room } from '../../../../main/contract';
import { Empty } from '../../ui/feedback';
import { summarizeHours } from './hours';
import { ProviderDialog } from './ProviderDialog';
import { RoomDialog, TypeDialog } from './RoomTypeDialogs';

type Open =
  { kind: 'provider'; item: Provider | null } | { kind: 'room'; item: Room | null } | { kind: 'type'; item: AppointmentType | null } | null;

function Swatch({ colour }: { colour: string }) {
  return (
    <span className="admin-swatch">
      <span className="admin-swatch__chip" style={{ background: colour }} aria-hidden="true" />
      {colour}
    </span>
  );
}

function ActiveBadge({ active }: { active: boolean }) {
  return <span className={`badge ${active ? 'admin-badge--active' : 'admin-badge--disabled'}`}>{active ? 'Active' : 'Inactive'}</span>;
}

function ListHeader({ id, title, addLabel, onAdd }: { id: string; title: string; addLabel: string; onAdd(): void }) {
  return (
    <div className="admin-section__header">
      <h2 id={id}>{title}</h2>
      <button type="button" className="button" onClick={onAdd}>
        {addLabel}
      </button>
    </div>
  );
}

function EditButton({ name, onClick }: { name: string; onClick(): void }) {
  return (
    <button type="button" className="button button--small" aria-label={`Edit ${name}`} onClick={onClick}>
      Edit
    </button>
  );
}

export function ReferenceLists({ reference }: { reference: Reference }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const { providers, rooms, appointmentTypes } = reference;

  return (
    <>
      <section aria-labelledby="admin-providers-title" className="admin-block">
        <ListHeader
          id="admin-providers-title"
          title="Providers"
          addLabel="Add provider"
          onAdd={() => setOpen({ kind: 'provider', item: null })}
        />
        {providers.length === 0 ? (
          <Empty>No providers yet. Add one to start booking.</Empty>
        ) : (
          <table className="table admin-table" aria-labelledby="admin-providers-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Credentials</th>
                <th scope="col">Colour</th>
                <th scope="col">Weekly hours</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {providers.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.displayName}</th>
                  <td>{p.credentials ?? '—'}</td>
                  <td>
                    <Swatch colour={p.colour} />
                  </td>
                  <td>{summarizeHours(p.weeklyHours, p.breaks)}</td>
                  <td>
                    <ActiveBadge active={p.active} />
                  </td>
                  <td className="admin-table__actions">
                    <EditButton name={p.displayName} onClick={() => setOpen({ kind: 'provider', item: p })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div className="admin-two">
        <section aria-labelledby="admin-rooms-title" className="admin-block">
          <ListHeader id="admin-rooms-title" title="Rooms" addLabel="Add room" onAdd={() => setOpen({ kind: 'room', item: null })} />
          {rooms.length === 0 ? (
            <Empty>No rooms yet.</Empty>
          ) : (
            <table className="table admin-table" aria-labelledby="admin-rooms-title">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rooms.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>
                      <ActiveBadge active={r.active} />
                    </td>
                    <td className="admin-table__actions">
                      <EditButton name={r.name} onClick={() => setOpen({ kind: 'room', item: r })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="admin-types-title" className="admin-block">
          <ListHeader
            id="admin-types-title"
            title="Appointment types"
            addLabel="Add appointment type"
            onAdd={() => setOpen({ kind: 'type', item: null })}
          />
          {appointmentTypes.length === 0 ? (
            <Empty>No appointment types yet.</Empty>
          ) : (
            <table className="table admin-table" aria-labelledby="admin-types-title">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Colour</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {appointmentTypes.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>{t.durationMinutes} min</td>
                    <td>
                      <Swatch colour={t.colour} />
                    </td>
                    <td>
                      <ActiveBadge active={t.active} />
                    </td>
                    <td className="admin-table__actions">
                      <EditButton name={t.name} onClick={() => setOpen({ kind: 'type', item: t })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <ProviderDialog
        open={open?.kind === 'provider'}
        provider={open?.kind === 'provider' ? open.item : null}
        clinicHours={reference.clinic.hours}
        onClose={close}
      />
      <RoomDialog open={open?.kind === 'room'} room={open?.kind === 'room' ? open.item : null} onClose={close} />
      <TypeDialog open={open?.kind === 'type'} type={open?.kind === 'type' ? open.item : null} onClose={close} />
    </>
  );
}
