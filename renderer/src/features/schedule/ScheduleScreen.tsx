import type { Route } from '../../app/navigation';

export function ScheduleScreen({ route }: { route: Extract<Route, { screen: 'schedule' }> }) {
  return <h1>Schedule {route.date}</h1>;
}
