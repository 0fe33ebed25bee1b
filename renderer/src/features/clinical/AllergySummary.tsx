/**
 * The allergies line of the patient header, always on screen while the chart
 * is open: red with every allergy and its reaction, a quiet "No known
 * allergies", or amber "Allergies not recorded" — never blank, because a
 * blank would read as "none". While loading or unreadable it says so in the
 * same place rather than showing nothing.
 */
import { useApi } from '../../api/hooks';
import { allergyShort } from './clinicalText';
import './chart-parts.css';

export function AllergySummary({ patientId }: { patientId: string }) {
  const allergies = useApi('allergies.list', { patientId });
  let tone: string;
  let text: string;
  if (allergies.isPending) {
    tone = 'pending';
    text = 'Allergies: loading…';
  } else if (allergies.error) {
    tone = 'unknown';
    text = `Allergies could not be read: ${allergies.error.message}`;
  } else if (allergies.data.state === 'recorded') {
    tone = 'recorded';
    text = `Allergies: ${allergies.data.allergies.map(allergyShort).join('; ')}`;
  } else if (allergies.data.state === 'none_known') {
    tone = 'none';
    text = 'No known allergies';
  } else {
    tone = 'unknown';
    text = 'Allergies not recorded';
  }
  const warn = tone === 'recorded' || tone === 'unknown';
  return (
    <p className={`allergy-summary allergy-summary--${tone}`} aria-live="polite">
      {warn && (
        <span className="allergy-summary__icon" aria-hidden="true">
          ⚠
        </span>
      )}
      {text}
    </p>
  );
}
