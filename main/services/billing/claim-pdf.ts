/**
 * A claim printed in the layout of the CMS-1500 (02/12) professional claim
 * form: the same data and box numbers in a clean labelled grid, for payers
 * that take paper and for the clinic's own file. It is not the red-ink form
 * itself, which must be printed on the payer's stock to be scanned.
 */
import { DateTime } from 'luxon';
import { clinicHeader, heading, PAGE_MARGIN, renderPdf, table, type Pdf } from '../print/pdf';
import type { Store } from '../store';
import { claimContents } from './claims-export';
import { loadProfile } from './profile';
import type { Party } from './x12-837';
import { formatCents } from '../../contract';

/** The form has room for twelve diagnoses, lettered A to L. */
const DIAGNOSIS_BOXES = 12;
/** Place of service 11: office. */
const PLACE_OF_SERVICE = '11';
const CONTENT_WIDTH = 612 - 2 * PAGE_MARGIN;
const RELATIONSHIPS: Record<string, string> = { self: 'Self', spouse: 'Spouse', child: 'Child' };
const SEXES: Record<string, string> = { female: 'F', male: 'M' };

const letter = (pointer: number) => String.fromCharCode(64 + pointer);
const formDate = (date: string) => (date ? DateTime.fromISO(date, { zone: 'utc' }).toFormat('LL/dd/yyyy') : '');
const nameOf = (party: Party) => [party.lastName, party.firstName].filter(Boolean).join(', ');
const cityLine = (city: string | null, region: string | null, postalCode: string | null) =>
  [city, [region, postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
const addressOf = (party: Party) => [party.addressLine1, cityLine(party.city, party.region, party.postalCode)].filter(Boolean).join('; ');

interface Box {
  label: string;
  value: string;
  /** Share of the row's width. */
  span: number;
}

/** One row of ruled boxes, each with its box number and name above its value (`empty` when it has none). */
function boxRow(doc: Pdf, boxes: Box[], height = 30, empty = '—'): void {
  const top = doc.y;
  const unit = CONTENT_WIDTH / boxes.reduce((sum, box) => sum + box.span, 0);
  let x = PAGE_MARGIN;
  for (const box of boxes) {
    const width = box.span * unit;
    doc.rect(x, top, width, height).strokeColor('#94a3b8').lineWidth(0.5).stroke();
    doc
      .font('Helvetica')
      .fontSize(6.5)
      .fillColor('#64748b')
      .text(box.label.toUpperCase(), x + 4, top + 3, { width: width - 8, lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor('#0f172a')
      .text(box.value || empty, x + 4, top + 13, { width: width - 8, height: height - 14, ellipsis: true });
    x += width;
  }
  doc.x = PAGE_MARGIN;
  doc.y = top + height;
}

export async function claimPdf(store: Store, id: string): Promise<{ fileName: string; pdfBase64: string }> {
  const { form, detail, mrn, renderingName, totalCents } = claimContents(store, id);
  const profile = loadProfile(store);
  const billingAddress = [profile.addressLine1, cityLine(profile.city, profile.region, profile.postalCode)].filter(
    (line): line is string => !!line,
  );
  const diagnoses = form.diagnoses.slice(0, DIAGNOSIS_BOXES);
  const rank = ['Primary', 'Secondary', 'Tertiary'][form.rank - 1] ?? `Rank ${form.rank}`;

  const bytes = await renderPdf(`Claim ${form.number}`, (doc) => {
    clinicHeader(doc, profile.name, `Health insurance claim, CMS-1500 style · Claim ${form.number}`, billingAddress);
    heading(doc, 'Carrier and insured');
    boxRow(doc, [
      {
        label: `1. Payer (${rank.toLowerCase()})`,
        value: [form.payerName, form.payerId && `Payer id ${form.payerId}`].filter(Boolean).join(' · '),
        span: 3,
      },
      { label: "1a. Insured's ID number", value: form.memberId, span: 2 },
    ]);
    boxRow(doc, [
      { label: "2. Patient's name (last, first)", value: nameOf(form.patient), span: 3 },
      { label: "3. Patient's birth date", value: formDate(form.patient.dateOfBirth), span: 1.2 },
      { label: '3. Sex', value: SEXES[form.patient.sex] ?? '', span: 0.8 },
    ]);
    boxRow(doc, [
      { label: "4. Insured's name (last, first)", value: nameOf(form.subscriber), span: 3 },
      { label: '6. Patient relationship to insured', value: RELATIONSHIPS[form.relationship] ?? 'Other', span: 2 },
    ]);
    boxRow(doc, [
      { label: "5. Patient's address", value: addressOf(form.patient), span: 3 },
      { label: "11. Insured's policy group", value: form.groupNumber ?? '', span: 2 },
    ]);
    if (form.primary) {
      boxRow(doc, [
        { label: '9. Other insured (primary payer)', value: form.primary.payerName, span: 3 },
        { label: "9a. Other insured's ID number", value: form.primary.memberId, span: 2 },
      ]);
    }

    heading(doc, '21. Diagnosis or nature of illness or injury (ICD-10-CM)');
    const diagnosisBoxes = Array.from({ length: DIAGNOSIS_BOXES }, (_, i) => ({
      label: letter(i + 1),
      value: diagnoses[i] ?? '',
      span: 1,
    }));
    boxRow(doc, diagnosisBoxes.slice(0, 6), 26, '');
    boxRow(doc, diagnosisBoxes.slice(6), 26, '');

    heading(doc, '24. Services');
    table(
      doc,
      [
        { header: '24A. Date of service', width: 74 },
        { header: '24B. Place', width: 40 },
        { header: '24D. CPT/HCPCS', width: 64 },
        { header: 'Modifiers', width: 58 },
        { header: '24E. Dx pointer', width: 58 },
        { header: '24F. Charges', width: 72, align: 'right' },
        { header: '24G. Units', width: 46, align: 'right' },
        { header: '24J. Rendering NPI', width: 92 },
      ],
      form.lines.map((line) => ({
        cells: [
          formDate(line.serviceDate),
          PLACE_OF_SERVICE,
          line.code,
          line.modifiers.join(' '),
          line.pointers
            .filter((p) => p <= DIAGNOSIS_BOXES)
            .map(letter)
            .join(''),
          formatCents(line.totalCents),
          String(line.units),
          form.rendering.npi,
        ],
      })),
      () => {
        doc.font('Helvetica').fontSize(9).fillColor('#475569').text(`Claim ${form.number} (continued)`, PAGE_MARGIN);
        doc.moveDown(0.6);
      },
    );

    doc.moveDown(0.8);
    boxRow(doc, [
      { label: '25. Federal tax ID number (EIN)', value: profile.taxId ?? '', span: 2 },
      { label: "26. Patient's account no.", value: mrn, span: 2 },
      { label: '28. Total charge', value: formatCents(totalCents), span: 1.5 },
    ]);
    boxRow(
      doc,
      [
        { label: '31. Rendering provider', value: `${renderingName}\nNPI ${form.rendering.npi || '—'}`, span: 2 },
        {
          label: '33. Billing provider info & phone',
          value: [profile.name, ...billingAddress, profile.phone ?? ''].filter(Boolean).join('\n'),
          span: 2,
        },
        { label: '33a. Billing NPI', value: profile.npi ?? '', span: 1.5 },
      ],
      62,
    );
    if (detail.problems.length > 0) {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(9).fillColor('#b91c1c');
      doc.text(`Not ready to send. Missing: ${detail.problems.join('; ')}.`, PAGE_MARGIN, doc.y, { width: CONTENT_WIDTH });
    }
  });
  return { fileName: `claim-${form.number}.pdf`, pdfBase64: bytes.toString('base64') };
}
