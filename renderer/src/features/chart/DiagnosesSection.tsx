/**
 * Why the patient came and what was found: the visit reason and the coded
 * diagnoses, the first being the primary one (it leads the claim). Every
 * change is saved at once (see useDiagnosisChanges) and shown before the
 * core has answered.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Encounter } from '../../../../main/contract';
import { ErrorMessage } from '../../ui/feedback';
import { MAX_DIAGNOSES, moveUp } from './chartText';
import { CodeSearch } from './CodeSearch';
import { useDiagnosisChanges } from './useDiagnosisChanges';

interface Props {
  encounter: Encounter;
  editable: boolean;
}

export function DiagnosesSection({ encounter, editable }: Props) {
  const { diagnoses, change, error, announcement } = useDiagnosisChanges(encounter);
  const section = useRef<HTMLElement>(null);
  /** Where the keyboard goes once a removed diagnosis is gone: the next one's Remove button, else the search box. */
  const focusAfterRemove = useRef<string | null>(null);

  useEffect(() => {
    const target = focusAfterRemove.current;
    if (target === null) return;
    focusAfterRemove.current = null;
    const next = section.current?.querySelector<HTMLElement>(`[data-remove="${CSS.escape(target)}"]`);
    (next ?? section.current?.querySelector<HTMLElement>('[role="combobox"]'))?.focus();
  }, [diagnoses]);

  function remove(index: number) {
    const removed = diagnoses[index];
    if (!removed) return;
    focusAfterRemove.current = (diagnoses[index + 1] ?? diagnoses[index - 1])?.code ?? '';
    change(
      diagnoses.filter((d) => d.code !== removed.code),
      `${removed.code} removed.`,
    );
  }

  return (
    <section className="chart-diagnoses" aria-labelledby="chart-diagnoses-title" ref={section}>
      <h3 id="chart-diagnoses-title">Visit reason and diagnoses</h3>
      <ReasonField
        reason={encounter.reason}
        editable={editable}
        onSave={(r, failed) => change(diagnoses, 'Visit reason saved.', r, failed)}
      />
      {diagnoses.length === 0 ? (
        <p className="chart-muted">No diagnoses yet.</p>
      ) : (
        <ol className="chart-dx" aria-label="Diagnoses">
          {diagnoses.map((d, index) => (
            <li key={d.code} className="chart-dx__item">
              <span className="chart-dx__code chart-mono">{d.code}</span>
              <span className="chart-dx__title">{d.title}</span>
              {index === 0 && <span className="badge chart-dx__primary">Primary</span>}
              {editable && (
                // aria-disabled, not disabled: a button that becomes disabled while focused (moved to the top) drops the focus.
                <span className="chart-dx__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-disabled={index === 0}
                    aria-label={`Move ${d.code} up`}
                    onClick={() =>
                      index > 0 && change(moveUp(diagnoses, index), `${d.code} moved up: now number ${index} of ${diagnoses.length}.`)
                    }
                  >
                    ↑ Move up
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Remove ${d.code} ${d.title}`}
                    data-remove={d.code}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <CodeSearch
          chosen={diagnoses.map((d) => d.code)}
          full={diagnoses.length >= MAX_DIAGNOSES}
          onPick={(code) => change([...diagnoses, { code: code.code, title: code.title }], `${code.code} ${code.title} added.`)}
        />
      )}
      <ErrorMessage error={error} />
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}

interface ReasonProps {
  reason: string | null;
  editable: boolean;
  /** `failed` runs if the core refuses it. */
  onSave(reason: string | null, failed: () => void): void;
}

/** Saved when the person leaves the box or presses Enter, and only if it changed. */
function ReasonField({ reason, editable, onSave }: ReasonProps) {
  const [text, setText] = useState(reason ?? '');
  // Enter then leaving the box would otherwise send the same reason twice.
  const [sent, setSent] = useState<string | null>(reason);
  const [known, setKnown] = useState<string | null>(reason);
  if (reason !== known) {
    // Saved here or changed on another workstation: show it, unless something else is being typed over it.
    setKnown(reason);
    setSent(reason);
    if (text.trim() === (known ?? '') || text.trim() === (reason ?? '')) setText(reason ?? '');
  }
  const saveIfChanged = () => {
    const next = text.trim() || null;
    if (next === sent) return;
    setSent(next);
    // A refused save is tried again the next time the box is left.
    onSave(next, () => setSent(known));
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    saveIfChanged();
  }
  if (!editable) {
    return (
      <p>
        <span className="chart-label">Visit reason</span> {reason ?? <span className="chart-muted">Not recorded</span>}
      </p>
    );
  }
  return (
    <form className="field chart-reason" onSubmit={submit}>
      <label htmlFor="chart-visit-reason">Visit reason</label>
      <input id="chart-visit-reason" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} onBlur={saveIfChanged} />
    </form>
  );
}
