import type { Route } from '../../app/navigation';

export function PatientsScreen({ route }: { route: Extract<Route, { screen: 'patients' }> }) {
  return <h1>Patients {route.patientId}</h1>;
}
