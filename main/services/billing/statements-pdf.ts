/**
 * The printed statement: the clinic's header, who it is for, the period's
 * activity as a table that adds up from the previous balance to the balance
 * at its end, then what the patient owes (insurance pending apart), its aging
 * and the date to pay by. A batch is one document with each statement
 * starting on a new page.
 */
import { DateTime } from 'luxon';
import { clinicHeader, facts, heading, PAGE_MARGIN, paragraph, renderPdf, table, type Pdf } from '../print/pdf';
import { describeLine } from '../reports/lines';
import type { StatementData } from './statements';
import { formatCents } from '../../contract';

const longDate = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).toFormat('d LLLL yyyy');
const shortDate = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).toFormat('LL/dd/yyyy');

/** Draws the box at the right and returns where it ends, leaving the cursor at its top for the address. */
function amountDueBox(doc: Pdf, data: StatementData): number {
  const width = 200;
  const x = doc.page.width - PAGE_MARGIN - width;
  const top = doc.y;
  const rows: [string, string][] = [
    ['Statement date', longDate(data.statementDate)],
    ['Account number', data.patient.mrn],
    ['Please pay by', longDate(data.payBy)],
    ['Amount due', formatCents(Math.max(data.patientDueCents, 0))],
  ];
  doc
    .rect(x, top, width, rows.length * 16 + 10)
    .strokeColor('#94a3b8')
    .lineWidth(0.75)
    .stroke();
  rows.forEach(([label, value], i) => {
    const y = top + 7 + i * 16;
    const last = i === rows.length - 1;
    doc
      .font(last ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(last ? 11 : 9)
      .fillColor('#0f172a');
    doc.text(label, x + 8, y, { width: 90 });
    doc.text(value, x + 96, y, { width: width - 104, align: 'right' });
  });
  doc.x = PAGE_MARGIN;
  doc.y = top;
  return top + rows.length * 16 + 10;
}

function addressBlock(doc: Pdf, data: StatementData): void {
  doc.font('Helvetica').fontSize(9).fillColor('#475569').text('Statement for', PAGE_MARGIN, doc.y, { width: 260 });
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#0f172a').text(data.patient.name, { width: 260 });
  doc.font('Helvetica').fontSize(10).fillColor('#1e293b');
  for (const line of data.patient.address) doc.text(line, { width: 260 });
  if (data.patient.address.length === 0) doc.fillColor('#64748b').text('No mailing address on file', { width: 260 });
}

/** A charge is dated by its service, everything else by its posting; the page lists them by that date. */
const shownDate = (line: StatementData['lines'][number]) => (line.kind === 'charge' && line.serviceDate ? line.serviceDate : line.postedOn);

function activity(doc: Pdf, data: StatementData): void {
  const lines = [...data.lines].sort((a, b) => shownDate(a).localeCompare(shownDate(b)));
  heading(doc, `Account activity, ${longDate(data.from)} to ${longDate(data.to)}`);
  table(
    doc,
    [
      { header: 'Date', width: 70 },
      { header: 'Description', width: 294 },
      { header: 'Billed to', width: 70 },
      { header: 'Amount', width: 70, align: 'right' },
    ],
    [
      { cells: [shortDate(data.from), 'Previous balance', '', formatCents(data.previousBalanceCents)], bold: true },
      ...lines.map((line) => ({
        cells: [shortDate(shownDate(line)), describeLine(line), line.payer ? 'Insurance' : 'You', formatCents(line.amountCents)],
      })),
      { cells: [shortDate(data.to), 'Account balance', '', formatCents(data.closingBalanceCents)], bold: true },
    ],
    () => {
      doc.font('Helvetica').fontSize(9).fillColor('#475569');
      doc.text(`Statement for ${data.patient.name}, account ${data.patient.mrn}, ${longDate(data.statementDate)} (continued)`, PAGE_MARGIN);
      doc.moveDown(0.6);
    },
  );
  if (data.lines.length === 0) paragraph(doc, 'Nothing was posted to your account in this period.');
}

function summary(doc: Pdf, data: StatementData): void {
  heading(doc, 'What you owe');
  facts(doc, [
    [
      'Insurance pending',
      data.insurancePendingCents === 0
        ? 'None'
        : `${formatCents(data.insurancePendingCents)} (billed to your insurance; not due from you yet)`,
    ],
    ['Your balance', formatCents(data.patientDueCents)],
  ]);
  doc.moveDown(0.4);
  table(
    doc,
    [
      { header: 'Current', width: 100, align: 'right' },
      { header: '31–60 days', width: 100, align: 'right' },
      { header: '61–90 days', width: 100, align: 'right' },
      { header: 'Over 90 days', width: 100, align: 'right' },
      { header: 'Total', width: 104, align: 'right' },
    ],
    [
      {
        cells: [data.aging.current, data.aging.days31to60, data.aging.days61to90, data.aging.over90, data.aging.total].map(formatCents),
      },
    ],
  );
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).fillColor('#0f172a');
  if (data.patientDueCents > 0) {
    doc.text(`Please pay ${formatCents(data.patientDueCents)} by ${longDate(data.payBy)}.`, PAGE_MARGIN);
  } else if (data.patientDueCents < 0) {
    doc.text(`You have a credit of ${formatCents(-data.patientDueCents)}. Nothing is due.`, PAGE_MARGIN);
  } else {
    doc.text('Nothing is due. Thank you.', PAGE_MARGIN);
  }
  doc.moveDown(0.4).font('Helvetica').fontSize(9).fillColor('#64748b');
  doc.text('Questions about this statement? Call the clinic and give your account number.', PAGE_MARGIN);
}

export function renderStatements(clinicName: string, clinicAddress: string[], statements: StatementData[]): Promise<Buffer> {
  return renderPdf(statements.length === 1 ? 'Patient statement' : 'Patient statements', (doc) => {
    statements.forEach((data, i) => {
      if (i > 0) doc.addPage();
      clinicHeader(doc, clinicName, 'Patient statement', clinicAddress);
      const boxBottom = amountDueBox(doc, data);
      addressBlock(doc, data);
      doc.y = Math.max(doc.y, boxBottom) + 8;
      activity(doc, data);
      summary(doc, data);
    });
  });
}
