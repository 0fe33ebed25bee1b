/**
 * The Patients screen: search page, a patient's record, or the registration /
 * edit form, chosen by the route. It stays mounted while the route changes
 * inside it, so it remembers the search text (coming back to the list finds
 * it as it was) and carries the "saved" banner over to the record.
 */
import { useState } from 'react';
import { patientDisplayName, type Patient } from '../../../../main/contract';
import { useApi } from '../../api/hooks';
import { useNavigation, type Route } from '../../app/navigation';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { PatientDetail } from './PatientDetail';
import { PatientForm } from './PatientForm';
import { PatientSearchPage } from './PatientSearchPage';
import './patients.css';

interface Flash {
  patientId: string;
  message: string;
}

export function PatientsScreen({ route }: { route: Extract<Route, { screen: 'patients' }> }) {
  const { navigate } = useNavigation();
  const canWrite = useSession().can('patients.write');
  const [searchText, setSearchText] = useState('');
  const [flash, setFlash] = useState<Flash | null>(null);
  // The banner belongs to the record just saved: leaving that record drops it.
  if (flash && (flash.patientId !== route.patientId || route.mode)) setFlash(null);

  function saved(patient: Patient, created: boolean) {
    setFlash({
      patientId: patient.id,
      message: created
        ? `Registered ${patientDisplayName(patient)} — MRN ${patient.mrn}.`
        : `Saved the changes to ${patientDisplayName(patient)}.`,
    });
    navigate({ screen: 'patients', patientId: patient.id });
  }

  if (route.mode && !canWrite) {
    return (
      <p className="error-banner" role="alert">
        Your role can look patients up but not register or change them. Ask a colleague at the front desk.
      </p>
    );
  }
  if (route.mode === 'new') {
    return <PatientForm key="new" onSaved={(p) => saved(p, true)} onCancel={() => navigate({ screen: 'patients' })} />;
  }
  if (route.mode === 'edit' && route.patientId) {
    return <EditPatient key={route.patientId} patientId={route.patientId} onSaved={(p) => saved(p, false)} />;
  }
  if (route.patientId) {
    return (
      <PatientDetail
        key={route.patientId}
        patientId={route.patientId}
        flash={flash?.message ?? null}
        onDismissFlash={() => setFlash(null)}
      />
    );
  }
  return <PatientSearchPage text={searchText} onTextChange={setSearchText} />;
}

function EditPatient({ patientId, onSaved }: { patientId: string; onSaved(patient: Patient): void }) {
  const { navigate } = useNavigation();
  // Loaded once: a refetch while the desk is typing must not reset the form.
  const patient = useApi('patients.get', { id: patientId }, { staleTime: Infinity, refetchOnMount: 'always' });
  /** Bumped to start the form again from the record as saved now (after someone else's save). */
  const [opening, setOpening] = useState(0);

  async function reload() {
    const fresh = await patient.refetch();
    if (fresh.error) throw fresh.error;
    setOpening((n) => n + 1);
  }

  if (patient.data) {
    return (
      <PatientForm
        key={opening}
        patient={patient.data}
        onSaved={onSaved}
        onReload={reload}
        onCancel={() => navigate({ screen: 'patients', patientId })}
      />
    );
  }
  if (patient.error) return <ErrorMessage error={patient.error} />;
  return <Loading label="Opening the patient…" />;
}
