/**
 * Prescribing alerts as the prescriber must see them before saving: high
 * severity in red, moderate in amber, severity and kind in words as well as
 * colour; what was found, what to do instead and where the rule comes from.
 * Going ahead despite an alert needs a reason typed under it, and the core's
 * refusal of a reason is shown in that field.
 */
import { useId } from 'react';
import type { MedicationAlert } from '../../../../main/contract';
import { TextArea } from '../../ui/Field';
import { alertKindLabel, severityLabel } from './clinicalText';

interface Props {
  alerts: MedicationAlert[];
  reasons: Record<string, string>;
  errors: Record<string, string>;
  onReason(key: string, reason: string): void;
}

export function AlertList({ alerts, reasons, errors, onReason }: Props) {
  return (
    <ul className="clinical-alerts" aria-label="Prescribing alerts">
      {alerts.map((alert) => (
        <li key={alert.key}>
          <AlertCard alert={alert} reason={reasons[alert.key] ?? ''} error={errors[alert.key]} onReason={onReason} />
        </li>
      ))}
    </ul>
  );
}

function AlertCard({
  alert,
  reason,
  error,
  onReason,
}: {
  alert: MedicationAlert;
  reason: string;
  error: string | undefined;
  onReason(key: string, reason: string): void;
}) {
  const titleId = useId();
  return (
    <article className={`clinical-alert clinical-alert--${alert.severity}`} aria-labelledby={titleId}>
      <p className="clinical-alert__kind">
        <span className="clinical-alert__severity">{severityLabel(alert.severity)}</span> · {alertKindLabel(alert.kind)}
      </p>
      <h3 id={titleId} className="clinical-alert__title">
        {alert.title}
      </h3>
      <p>{alert.detail}</p>
      <p>
        <strong>Recommendation:</strong> {alert.recommendation}
      </p>
      <p className="clinical-alert__source">Source: {alert.source}</p>
      <TextArea
        label="Reason to go ahead despite this alert"
        required
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => onReason(alert.key, e.target.value)}
        error={error}
      />
    </article>
  );
}
