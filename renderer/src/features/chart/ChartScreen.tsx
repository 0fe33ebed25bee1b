/**
 * A patient's chart: who the patient is stays pinned at the top, the
 * encounters run down the left (newest first) and the chosen one fills the
 * right. Without an encounter in the route the clinical summary fills it (the
 * queue opens the visit's encounter directly); it loads alongside the
 * encounter list rather than after it. The browser's own Ctrl+S ("save page")
 * never fires here: in a draft it saves the note at once.
 */
import { useEffect } from 'react';
import { useApi } from '../../api/hooks';
import { useNavigation, type Route } from '../../app/navigation';
import { useReference } from '../../app/reference';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { EncounterList } from './EncounterList';
import { EncounterPanel } from './EncounterPanel';
import { PatientHeader } from './PatientHeader';
import { ChartSummaryEntry } from '../clinical/ChartSummaryEntry';
import { ClinicalSummary } from '../clinical/ClinicalSummary';
import './chart.css';

type ChartRoute = Extract<Route, { screen: 'chart' }>;

export function ChartScreen({ route }: { route: ChartRoute }) {
  const session = useSession();
  if (!session.can('chart.read') && !route.emergency) {
    return (
      <p className="error-banner" role="alert">
        Your role cannot open patient charts. Ask a physician or nurse, or use Emergency access on the patient’s record.
      </p>
    );
  }
  return (
    <>
      {route.emergency && !session.can('chart.read') && (
        <p className="error-banner" role="status">
          Emergency access: read-only, for one hour, recorded with your reason and shown to the practice managers.
        </p>
      )}
      <Chart key={route.patientId} route={route} />
    </>
  );
}

function Chart({ route }: { route: ChartRoute }) {
  const { navigate } = useNavigation();
  const { reference } = useReference();
  const list = useApi('encounters.list', { patientId: route.patientId });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The summary's panels (or the open encounter) load alongside the encounter list, not after it: each asks for its own data.
  if (!reference) return <Loading label="Opening the chart…" />;
  if (list.error) return <ErrorMessage error={list.error} />;

  const zone = reference.clinic.timeZone;
  const selectedId = route.encounterId ?? null;
  // The list names the record that survives a merge; until it arrives, the record asked for (the same one, but after a merge).
  const patientId = list.data?.patient.id ?? route.patientId;

  return (
    <div className="chart" ref={list.data ? trackHeaderHeight : null}>
      {list.data ? <PatientHeader patient={list.data.patient} zone={zone} /> : <Loading label="Opening the chart…" />}
      <div className="chart__body">
        <ChartSummaryEntry current={!selectedId} onSelect={() => navigate({ screen: 'chart', patientId: route.patientId })}>
          {list.data && (
            <EncounterList
              patientId={patientId}
              encounters={list.data.encounters}
              selectedId={selectedId}
              zone={zone}
              onSelect={(encounterId) => navigate({ screen: 'chart', patientId: route.patientId, encounterId })}
            />
          )}
        </ChartSummaryEntry>
        <section className="chart__main" aria-label={selectedId ? 'Encounter' : 'Clinical summary'}>
          {selectedId ? (
            <EncounterPanel key={selectedId} encounterId={selectedId} zone={zone} />
          ) : (
            <ClinicalSummary patientId={patientId} />
          )}
        </section>
      </div>
    </div>
  );
}

/**
 * The patient header is sticky and its height changes with its content and the
 * window width; the encounter toolbar and list stick just below it, so its
 * height is published as a CSS variable (a ref callback: React runs the cleanup).
 */
function trackHeaderHeight(element: HTMLDivElement | null): (() => void) | undefined {
  const header = element?.querySelector<HTMLElement>('.chart-patient');
  if (!element || !header) return undefined;
  const observer = new ResizeObserver(() => element.style.setProperty('--chart-header-height', `${header.offsetHeight}px`));
  observer.observe(header);
  return () => observer.disconnect();
}
