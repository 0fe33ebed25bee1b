/**
 * The visit summary handed to the patient: what was found and what to do, in
 * the clinic's time zone — diagnoses, this visit's vital signs, assessment
 * and plan as signed (with addenda), current medications, allergies and the
 * next appointment. Only a signed note is printed: a draft may still change.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { vitalSigns } from '../../../db/schema';
import { ApiError, bmiOf, celsiusToF, encounterKindLabels, kgToLb } from '../../contract';
import { allergyState } from '../clinical/lists';
import { listMedications } from '../clinical/medications';
import { clinicHeader, facts, heading, paragraph, renderPdf } from '../print/pdf';
import { appointmentsOfPatient } from '../scheduling/views';
import { getClinic, listProviders } from '../settings/reference';
import type { Store } from '../store';
import { loadEncounter } from './encounters';

const kindLabel = (kind: string) => (kind in encounterKindLabels ? encounterKindLabels[kind as keyof typeof encounterKindLabels] : kind);

function vitalsLines(row: typeof vitalSigns.$inferSelect): [string, string][] {
  const lines: [string, string][] = [];
  if (row.systolic !== null && row.diastolic !== null) lines.push(['Blood pressure', `${row.systolic}/${row.diastolic} mmHg`]);
  if (row.pulseBpm !== null) lines.push(['Pulse', `${row.pulseBpm} beats per minute`]);
  if (row.temperatureC !== null)
    lines.push(['Temperature', `${row.temperatureC.toFixed(1)} °C (${celsiusToF(row.temperatureC).toFixed(1)} °F)`]);
  if (row.weightKg !== null) lines.push(['Weight', `${row.weightKg.toFixed(1)} kg (${kgToLb(row.weightKg).toFixed(1)} lb)`]);
  const bmi = bmiOf(row.weightKg, row.heightCm);
  if (bmi !== null) lines.push(['Body mass index', bmi.toFixed(1)]);
  if (row.spo2Pct !== null) lines.push(['Oxygen saturation', `${row.spo2Pct}%`]);
  return lines;
}

export async function visitSummary(store: Store, encounterId: string): Promise<{ fileName: string; pdfBase64: string }> {
  const { encounter, note, patient } = loadEncounter(store, encounterId);
  if (note.status !== 'signed') {
    throw new ApiError('CONFLICT', 'Sign the note before printing the visit summary: a draft may still change.');
  }
  const clinic = getClinic(store);
  const zone = clinic.timeZone;
  const when = DateTime.fromISO(encounter.startedAt, { zone });
  const vitals = store.db
    .select()
    .from(vitalSigns)
    .where(and(eq(vitalSigns.encounterId, encounterId), isNull(vitalSigns.deletedAt), isNull(vitalSigns.enteredInErrorAt)))
    .all();
  const medications = listMedications(store, patient.id).filter((m) => m.status === 'active');
  const allergies = allergyState(store, patient.id);
  const next = appointmentsOfPatient(store, patient.id)
    .filter((a) => a.startAt > new Date().toISOString() && (a.status === 'booked' || a.status === 'arrived'))
    .sort((a, b) => a.startAt.localeCompare(b.startAt))[0];
  const providerName = (id: string) => listProviders(store).find((p) => p.id === id)?.displayName ?? 'your provider';
  const [signature] = note.signatures.filter((s) => s.role !== 'submitted');

  const bytes = await renderPdf('Visit summary', (doc) => {
    clinicHeader(doc, clinic.name, 'Visit summary');
    facts(doc, [
      ['Patient', `${patient.givenName} ${patient.familyName}`],
      ['Date of birth', DateTime.fromISO(patient.dateOfBirth).toFormat('d LLL yyyy')],
      ['Record number', patient.mrn],
      [
        'Visit',
        `${when.toFormat('cccc d LLLL yyyy, HH:mm')} · ${kindLabel(encounter.kind)}${encounter.providerName ? ` with ${encounter.providerName}` : ''}`,
      ],
    ]);
    if (encounter.reason) facts(doc, [['Reason for visit', encounter.reason]]);
    if (encounter.diagnoses.length > 0) {
      heading(doc, 'Diagnoses');
      for (const d of encounter.diagnoses) paragraph(doc, `${d.title} (${d.code})`);
    }
    for (const row of vitals) {
      heading(doc, 'Your measurements today');
      facts(doc, vitalsLines(row));
    }
    if (note.content.assessment.trim()) {
      heading(doc, 'Assessment');
      paragraph(doc, note.content.assessment.trim());
    }
    if (note.content.plan.trim()) {
      heading(doc, 'Your plan');
      paragraph(doc, note.content.plan.trim());
    }
    const addenda = note.addenda.filter((a) => a.kind === 'addendum');
    if (addenda.length > 0) {
      heading(doc, 'Added after the visit');
      for (const a of addenda) paragraph(doc, `${DateTime.fromISO(a.writtenAt, { zone }).toFormat('d LLL yyyy')}: ${a.text}`);
    }
    heading(doc, 'Your medications');
    if (medications.length === 0) paragraph(doc, 'No current medications are recorded.');
    for (const m of medications) paragraph(doc, [m.name, m.dose, m.route, m.frequency].filter(Boolean).join(', '));
    heading(doc, 'Allergies');
    if (allergies.state === 'recorded')
      for (const a of allergies.allergies) paragraph(doc, `${a.substance}${a.reaction ? ` (${a.reaction})` : ''}`);
    else
      paragraph(
        doc,
        allergies.state === 'none_known' ? 'No known allergies.' : 'Not recorded yet: tell us about any allergies at your next visit.',
      );
    heading(doc, 'Next appointment');
    paragraph(
      doc,
      next
        ? `${DateTime.fromISO(next.startAt, { zone }).toFormat('cccc d LLLL yyyy, HH:mm')} with ${providerName(next.providerId)}`
        : 'None booked. Call the clinic if you need to be seen again.',
    );
    if (signature) {
      doc.moveDown(1.5).fontSize(9).fillColor('#64748b');
      doc.text(`Signed by ${signature.signerName} on ${DateTime.fromISO(signature.signedAt, { zone }).toFormat('d LLL yyyy, HH:mm')}.`);
    }
  });
  return { fileName: `visit-summary-${when.toFormat('yyyy-LL-dd')}.pdf`, pdfBase64: bytes.toString('base64') };
}
