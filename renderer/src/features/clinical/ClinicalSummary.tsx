/**
 * The chart's clinical summary: what a physician checks before anything
 * else. Allergies come first and span the page, then the care gaps due;
 * problems and medications sit side by side (read together: what is
 * treated, with what); vital signs with their trends, lab results
 * (reports with their own trends) across the page, then immunizations
 * beside genomic results (both short lists that rarely change), and the
 * files attached to the chart across the page. Each panel loads and fails
 * on its own, so one unreadable list never hides the others.
 */
import { useReference } from '../../app/reference';
import { Loading } from '../../ui/feedback';
import { CareGapsPanel } from '../care-gaps/CareGapsPanel';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { AllergiesPanel } from './AllergiesPanel';
import { GenomicsPanel } from './GenomicsPanel';
import { ImmunizationsPanel } from './ImmunizationsPanel';
import { LabsPanel } from './LabsPanel';
import { MedicationsPanel } from './MedicationsPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { VitalsPanel } from './VitalsPanel';
import './clinical.css';

export function ClinicalSummary({ patientId }: { patientId: string }) {
  // Who may see it is settled by ChartScreen (a chart role, or emergency access) and enforced by the core.
  const { reference } = useReference();
  if (!reference) return <Loading label="Opening the clinical summary…" />;
  const zone = reference.clinic.timeZone;
  return (
    <div className="clinical-summary">
      <AllergiesPanel patientId={patientId} zone={zone} />
      <CareGapsPanel patientId={patientId} zone={zone} />
      <ProblemsPanel patientId={patientId} zone={zone} />
      <MedicationsPanel patientId={patientId} zone={zone} />
      <VitalsPanel patientId={patientId} zone={zone} />
      <LabsPanel patientId={patientId} zone={zone} />
      <ImmunizationsPanel patientId={patientId} zone={zone} />
      <GenomicsPanel patientId={patientId} />
      <AttachmentsPanel patientId={patientId} zone={zone} />
    </div>
  );
}
