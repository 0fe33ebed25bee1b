/**
 * "Is this patient already registered?" shown while the desk is still typing
 * (after name, date of birth or phone), so a second chart is caught before
 * it exists. After the core refuses a save, the same panel asks for an
 * explicit "different person" confirmation before saving anyway.
 */
import type { Ref } from 'react';
import { patientDisplayName, type DuplicateCandidate } from '../../../../main/contract';
import { dobWithAge, primaryPhone, sexLabel } from './patientDisplay';

const reasons: Record<DuplicateCandidate['reason'], string> = {
  same_name_and_dob: 'Same name and date of birth',
  same_phone: 'Same phone number',
};

interface Props {
  candidates: DuplicateCandidate[];
  /** The core refused the save: ask for confirmation. */
  refused: boolean;
  saving: boolean;
  onOpen(patientId: string): void;
  onSaveAnyway(): void;
  ref?: Ref<HTMLDivElement>;
}

export function DuplicatePanel({ candidates, refused, saving, onOpen, onSaveAnyway, ref }: Props) {
  const many = candidates.length > 1;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="warning-banner duplicate-panel"
      role={refused ? 'alert' : 'status'}
      aria-labelledby="duplicate-title"
    >
      <h2 id="duplicate-title" className="duplicate-panel__title">
        {refused
          ? `Not saved yet: this may be ${many ? 'one of these patients' : 'a patient who is'} already registered`
          : `Possible duplicate — ${many ? `${candidates.length} patients` : 'a patient'} already registered`}
      </h2>
      <p className="duplicate-panel__lead">
        Check with the patient. If it is the same person, open the existing record instead of registering them again.
      </p>
      <ul className="duplicate-panel__list">
        {candidates.map(({ patient, reason }) => {
          const phone = primaryPhone(patient);
          return (
            <li key={patient.id} className="duplicate-panel__item">
              <div>
                <div className="duplicate-panel__name">{patientDisplayName(patient)}</div>
                <div className="duplicate-panel__meta">
                  {dobWithAge(patient.dateOfBirth)} · {sexLabel(patient.sex)} · MRN {patient.mrn}
                  {phone ? ` · ${phone}` : ''}
                </div>
              </div>
              <span className="duplicate-panel__reason">{reasons[reason] ?? reason}</span>
              <button type="button" className="button button--small" onClick={() => onOpen(patient.id)}>
                Open {patientDisplayName(patient)}
              </button>
            </li>
          );
        })}
      </ul>
      {refused ? (
        <div className="duplicate-panel__confirm">
          <button type="button" className="button button--primary" disabled={saving} onClick={onSaveAnyway}>
            This is a different person — save anyway
          </button>
        </div>
      ) : (
        <p className="duplicate-panel__note">If this is a different person, carry on: you will be asked to confirm when you save.</p>
      )}
    </div>
  );
}
