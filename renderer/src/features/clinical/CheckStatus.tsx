/**
 * One line under the drug name saying what the automatic checks found, read
 * out as it changes: still checking, nothing found (and against which
 * knowledge version), how many alerts need a reason — or that the drug is not
 * in the knowledge file, so no class or gene check could run at all.
 */
import { MIN_DRUG_NAME, type usePrescriptionCheck } from './usePrescriptionCheck';

interface Props {
  name: string;
  check: ReturnType<typeof usePrescriptionCheck>;
  alertCount: number;
}

export function CheckStatus({ name, check, alertCount }: Props) {
  const typed = name.trim();
  const { result } = check;
  return (
    <div className="clinical-check" role="status" aria-live="polite">
      {typed.length < MIN_DRUG_NAME ? (
        <p className="clinical-muted">Allergies, current medications and genomic results are checked as you type the drug.</p>
      ) : check.error ? (
        <p className="error-banner">The automatic checks could not run: {check.error.message}</p>
      ) : !result ? (
        <p className="clinical-muted">Checking {typed}…</p>
      ) : (
        <>
          {!result.drugKnown && (
            <p className="warning-banner">
              <strong>“{check.checkedName}” is not in the medication knowledge file: no automatic checks.</strong> Outpost cannot tell its
              class, so allergies to related drugs, duplicate therapy and gene–drug pairs were not checked. Check them yourself, or enter
              the drug class.
            </p>
          )}
          <p className={alertCount > 0 ? 'clinical-check__count' : 'clinical-check__clear'}>
            {alertCount === 0
              ? result.drugKnown
                ? `No alerts for ${check.checkedName}.`
                : 'No alerts from the chart for this name.'
              : alertCount === 1
                ? '1 alert: read it, then give a reason to go ahead or choose another drug.'
                : `${alertCount} alerts: read them, then give a reason for each to go ahead or choose another drug.`}
            <span className="clinical-muted">
              {' '}
              {check.checking ? 'Checking again…' : `Checked against medication knowledge ${result.knowledgeVersion}.`}
            </span>
          </p>
        </>
      )}
    </div>
  );
}
