/**
 * The one way the core makes a PDF (visit summaries now; statements and claim
 * forms later): pdfkit with the standard Helvetica fonts, Letter size, a
 * clinic header on every document, and the bytes collected in memory.
 */
import PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

export const PAGE_MARGIN = 54;

/** Build a document with `draw` and return its bytes. */
export function renderPdf(title: string, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: PAGE_MARGIN, info: { Title: title, Creator: 'Outpost' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

export function heading(doc: Pdf, text: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#0f172a').text(text).moveDown(0.2);
  doc.font('Helvetica').fontSize(10).fillColor('#1e293b');
}

export function paragraph(doc: Pdf, text: string): void {
  doc.font('Helvetica').fontSize(10).fillColor('#1e293b').text(text, { lineGap: 2 });
}

/** Label: value lines, the label in bold. */
export function facts(doc: Pdf, rows: [string, string][]): void {
  for (const [label, value] of rows) {
    doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  }
}

export function clinicHeader(doc: Pdf, clinicName: string, title: string): void {
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#0f172a').text(clinicName);
  doc.font('Helvetica').fontSize(11).fillColor('#475569').text(title);
  const y = doc.y + 6;
  doc
    .moveTo(PAGE_MARGIN, y)
    .lineTo(doc.page.width - PAGE_MARGIN, y)
    .strokeColor('#cbd5e1')
    .stroke();
  doc.moveDown(0.8).fillColor('#1e293b');
}
