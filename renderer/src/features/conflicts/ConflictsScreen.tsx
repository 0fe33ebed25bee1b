/**
 * The conflicts inbox: what two workstations changed at the same time while
 * offline (the same time booked twice, a patient or a login registered
 * twice). Sync never picks a winner for these: both changes are kept and a
 * person settles each one here. Open ones come first; resolved ones, with
 * who settled them, when and how, are behind "Show resolved". The list
 * refetches on every data.changed, so a conflict settled on another
 * workstation moves to "resolved" here after the next sync.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Conflict, Reference } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useReference } from '../../app/reference';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback';
import { ConflictCard } from './ConflictCard';
import { conflictTitle, openCount, resolutionLabel } from './conflictText';
import './conflicts.css';

export function ConflictsScreen() {
  const { reference, isPending } = useReference();
  if (!reference)
    return isPending ? (
      <Loading label="Loading conflicts…" />
    ) : (
      <ErrorMessage error={{ code: 'INTERNAL', message: 'The clinic settings could not be read. Try again.' }} />
    );
  return <Inbox reference={reference} />;
}

function Inbox({ reference }: { reference: Reference }) {
  const [showResolved, setShowResolved] = useState(false);
  const list = useApi('conflicts.list', { includeResolved: showResolved }, { placeholderData: keepPreviousData });
  const [announcement, setAnnouncement] = useState('');
  const openHeading = useRef<HTMLHeadingElement>(null);

  function resolved(conflict: Conflict) {
    const where = showResolved ? 'It is now listed under Resolved.' : 'Tick “Show resolved” to see it again.';
    setAnnouncement(`Resolved: ${conflictTitle(conflict)} — ${resolutionLabel(conflict.resolution)}. ${where}`);
    // The card leaves the open list: keep the keyboard where the next open conflict starts.
    openHeading.current?.focus();
  }

  const conflicts = list.data?.conflicts ?? [];
  const open = conflicts.filter((c) => c.resolvedAt === null);
  const closed = conflicts.filter((c) => c.resolvedAt !== null);

  return (
    <div className="conflicts">
      <div className="conflicts__header">
        <div>
          <h1>Conflicts</h1>
          <p className="conflicts__intro">
            When two workstations change the same thing while offline, both changes are kept and the clash is listed here. Nothing was
            overwritten: check each one and say how it was settled.
          </p>
        </div>
        <label className="conflicts__toggle">
          <input
            type="checkbox"
            checked={showResolved}
            onChange={(e) => {
              setShowResolved(e.target.checked);
              // The last result's "tick Show resolved" hint no longer fits.
              setAnnouncement('');
            }}
          />
          Show resolved
        </label>
      </div>
      <div role="status" className={announcement ? 'success-banner conflicts__announcement' : 'visually-hidden'}>
        {announcement}
      </div>
      {list.isPending ? (
        <Loading label="Loading conflicts…" />
      ) : list.error ? (
        <ErrorMessage error={list.error} />
      ) : (
        <>
          <section aria-labelledby="conflicts-open">
            <h2 id="conflicts-open" ref={openHeading} tabIndex={-1} className="conflicts__section-title">
              {open.length ? openCount(open.length) : 'Open conflicts'}
            </h2>
            {open.length === 0 ? (
              <Empty>No conflicts. When two workstations change the same thing while offline, it shows up here.</Empty>
            ) : (
              <ul className="conflicts__list">
                {open.map((c) => (
                  <li key={c.id}>
                    <ConflictCard conflict={c} reference={reference} onResolved={resolved} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          {showResolved && (
            <section aria-labelledby="conflicts-resolved">
              <h2 id="conflicts-resolved" className="conflicts__section-title">
                Resolved
              </h2>
              {list.isPlaceholderData ? (
                <Loading label="Loading resolved conflicts…" />
              ) : closed.length === 0 ? (
                <Empty>No resolved conflicts yet.</Empty>
              ) : (
                <ul className="conflicts__list">
                  {closed.map((c) => (
                    <li key={c.id}>
                      <ConflictCard conflict={c} reference={reference} onResolved={resolved} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
