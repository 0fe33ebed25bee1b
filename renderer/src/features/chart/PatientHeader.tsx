/**
 * Whose chart this is, pinned above everything else so a note is never
 * written into the wrong patient: name, age (with the date of birth as the
 * second identifier), sex, MRN, the next visit and the allergies (never blank).
 */
import { useState } from 'react';
import { patientDisplayName, type PatientSummary } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useNavigation } from '../../app/navigation';
import { useReference } from '../../app/reference';
import { api } from '../../api/client';
import { FileButton } from '../../ui/FileButton';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../ui/format';
import { sexLabel } from '../patients/patientDisplay';
import { ageInClinic, nextAppointment } from './chartText';
import { AllergySummary } from '../clinical/AllergySummary';

export function PatientHeader({ patient, zone }: { patient: PatientSummary; zone: string }) {
  const { navigate } = useNavigation();
  const session = useSession();
  const age = ageInClinic(patient.dateOfBirth, zone);
  return (
    <section className="chart-patient" aria-label="Patient">
      <div className="chart-patient__who">
        <h1 className="chart-patient__name">{patientDisplayName(patient)}</h1>
        <dl className="chart-patient__facts">
          <div>
            <dt>Age</dt>
            <dd>
              {age || 'Unknown'} <span className="chart-muted">(born {formatDate(patient.dateOfBirth)})</span>
            </dd>
          </div>
          <div>
            <dt>Sex</dt>
            <dd>{sexLabel(patient.sex)}</dd>
          </div>
          <div>
            <dt>MRN</dt>
            <dd className="chart-mono">{patient.mrn}</dd>
          </div>
          {session.can('schedule.read') && <NextVisit patientId={patient.id} zone={zone} />}
        </dl>
        <AllergySummary patientId={patient.id} />
      </div>
      <div className="chart-header__actions">
        {session.can('patients.read') && (
          <button type="button" className="button" onClick={() => navigate({ screen: 'patients', patientId: patient.id })}>
            Patient record
          </button>
        )}
        {/* Not under emergency access: an emergency opening is for reading, not for taking the record away. */}
        {session.can('chart.read') && (
          <FileButton
            label="Export record (FHIR)"
            make={async () => {
              const exported = await api.call('fhir.exportPatient', { patientId: patient.id });
              return { fileName: exported.fileName, content: new Blob([exported.json], { type: 'application/fhir+json' }) };
            }}
          />
        )}
      </div>
    </section>
  );
}

function NextVisit({ patientId, zone }: { patientId: string; zone: string }) {
  const appointments = useApi('appointments.forPatient', { patientId });
  const { reference } = useReference();
  // "Now" as of opening the chart: which visit is next does not need to move while it is on screen.
  const [now] = useState(() => Date.now());
  let text: string;
  if (appointments.isPending) text = 'Loading…';
  else if (appointments.error) text = 'Could not be read';
  else {
    const next = nextAppointment(appointments.data, now);
    const provider = next && reference?.providers.find((p) => p.id === next.providerId)?.displayName;
    const type = next && reference?.appointmentTypes.find((t) => t.id === next.typeId)?.name;
    text = next ? [formatDateTime(next.startAt, zone), provider, type].filter(Boolean).join(' · ') : 'None booked';
  }
  return (
    <div>
      <dt>Next appointment</dt>
      <dd>{text}</dd>
    </div>
  );
}
