/**
 * A patient's chart: who the patient is stays pinned at the top, the
 * encounters run down the left (newest first) and the chosen one fills the
 * right. Without an encounter in the route the clinical summary fills it (the
 * queue opens the visit's encounter directly). The browser's own Ctrl+S ("save page")
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
  if (!session.can('chart.read')) {
    return (
      <p className="error-banner" role="alert">
        Your role cannot open patient charts. Ask a physician or nurse.
      </p>
    );
  }
  return <Chart key={route.patientId} route={route} />;
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

  if (list.isPending || !reference) return <Loading label="Opening the chart…" />;
  if (list.error) return <ErrorMessage error={list.error} />;

  const zone = reference.clinic.timeZone;
  const { patient, encounters } = list.data;
  const selectedId = route.encounterId ?? null;

  return (
    <div className="chart" ref={trackHeaderHeight}>
      <PatientHeader patient={patient} zone={zone} />
      <div className="chart__body">
        <ChartSummaryEntry current={!selectedId} onSelect={() => navigate({ screen: 'chart', patientId: route.patientId })}>
          <EncounterList
            patientId={patient.id}
            encounters={encounters}
            selectedId={selectedId}
            zone={zone}
            onSelect={(encounterId) => navigate({ screen: 'chart', patientId: route.patientId, encounterId })}
          />
        </ChartSummaryEntry>
        <section className="chart__main" aria-label={selectedId ? 'Encounter' : 'Clinical summary'}>
          {selectedId ? (
            <EncounterPanel key={selectedId} encounterId={selectedId} zone={zone} />
          ) : (
            <ClinicalSummary patientId={patient.id} />
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
