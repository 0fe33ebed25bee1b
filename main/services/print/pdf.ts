/**
 * The one way the core makes a PDF (visit summaries, patient statements; claim
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

/** Dollars and cents for print: $1,234.50, and -$12.00 for a credit. */
export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * A ruled table that starts a new page (repeating its header, after what
 * `continued` draws to say whose document it is) when the next row would not
 * fit. `bold` rows (totals) are set in bold.
 */
export function table(doc: Pdf, columns: Column[], rows: { cells: string[]; bold?: boolean }[], continued?: () => void): void {
  const left = PAGE_MARGIN;
  const right = left + columns.reduce((sum, c) => sum + c.width, 0);
  const drawRow = (cells: string[], font: string, colour: string) => {
    doc.font(font).fontSize(9).fillColor(colour);
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: (columns[i]?.width ?? 0) - 6 }));
    const height = Math.max(...heights, 10) + 5;
    if (doc.y + height > doc.page.height - PAGE_MARGIN) {
      doc.addPage();
      continued?.();
      drawHeader();
      doc.font(font).fontSize(9).fillColor(colour);
    }
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const column = columns[i];
      if (!column) return;
      doc.text(cell, x + 3, y + 2, { width: column.width - 6, align: column.align ?? 'left' });
      x += column.width;
    });
    doc.x = left;
    doc.y = y + height;
  };
  const drawHeader = () => {
    drawRow(
      columns.map((c) => c.header),
      'Helvetica-Bold',
      '#475569',
    );
    rule(doc, left, right, '#94a3b8');
  };
  drawHeader();
  for (const row of rows) {
    drawRow(row.cells, row.bold ? 'Helvetica-Bold' : 'Helvetica', '#1e293b');
    if (row.bold) rule(doc, left, right, '#cbd5e1');
  }
  doc.font('Helvetica').fontSize(10).fillColor('#1e293b');
}

function rule(doc: Pdf, from: number, to: number, colour: string): void {
  doc.moveTo(from, doc.y).lineTo(to, doc.y).strokeColor(colour).lineWidth(0.5).stroke();
  doc.y += 2;
}

/** The clinic's name and the document's title (and the clinic's address lines when known) atop the first page. */
export function clinicHeader(doc: Pdf, clinicName: string, title: string, addressLines: string[] = []): void {
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#0f172a').text(clinicName);
  for (const line of addressLines) doc.font('Helvetica').fontSize(9).fillColor('#475569').text(line);
  doc.font('Helvetica').fontSize(11).fillColor('#475569').text(title);
  const y = doc.y + 6;
  doc
    .moveTo(PAGE_MARGIN, y)
    .lineTo(doc.page.width - PAGE_MARGIN, y)
    .strokeColor('#cbd5e1')
    .stroke();
  doc.moveDown(0.8).fillColor('#1e293b');
}
