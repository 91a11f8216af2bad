import PDFDocument from 'pdfkit';

/**
 * A national-form document (referral, minutes, prison report) as structured data, rendered two
 * ways from the same value: an HTML page (`document.njk`) and a PDF. Every page of either carries
 * the protective marking, as the national document set requires.
 */
export interface DocumentRow {
  label: string;
  value: string;
}

export interface DocumentTable {
  head: string[];
  rows: string[][];
  /** Shown instead of an empty table. */
  empty?: string;
}

export interface DocumentSection {
  heading: string;
  /** Short label–value pairs, as a summary list. */
  rows?: DocumentRow[];
  /** Free text, one paragraph each (line breaks kept). */
  paragraphs?: string[];
  table?: DocumentTable;
}

export interface VigilDocument {
  /** e.g. "MAPPA A: Referral to Level 2 or 3 management". */
  title: string;
  subtitle?: string;
  marking: 'OFFICIAL-SENSITIVE';
  /** Shown under the title, e.g. "Referral 3f2a… · version 2". */
  reference?: string;
  sections: DocumentSection[];
}

const MARGIN = 56;

/** The document as a PDF (A4), with the marking at the top and bottom of every page and page numbers. */
export function renderPdf(document: VigilDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 14, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: document.title, Subject: document.marking, Creator: 'Vigil' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 2 * MARGIN;

  pdf.font('Helvetica-Bold').fontSize(18).text(document.title, { width });
  if (document.subtitle) pdf.moveDown(0.3).font('Helvetica').fontSize(12).text(document.subtitle, { width });
  if (document.reference)
    pdf.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#505a5f').text(document.reference);
  pdf.fillColor('black');

  for (const section of document.sections) {
    pdf.moveDown(1).font('Helvetica-Bold').fontSize(13).text(section.heading, { width });
    pdf.moveDown(0.3);
    for (const row of section.rows ?? []) {
      pdf.font('Helvetica-Bold').fontSize(10).text(`${row.label}: `, { continued: true, width });
      pdf.font('Helvetica').text(row.value || '–');
    }
    for (const paragraph of section.paragraphs ?? []) {
      pdf
        .font('Helvetica')
        .fontSize(10)
        .text(paragraph || '–', { width })
        .moveDown(0.4);
    }
    if (section.table) writeTable(pdf, section.table, width);
  }

  // Marking and page numbers last, over every buffered page.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const { height } = pdf.page;
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing in the margin must not add a page
    pdf.font('Helvetica-Bold').fontSize(10).fillColor('black');
    pdf.text(document.marking, MARGIN, 24, { width, align: 'center' });
    pdf.text(document.marking, MARGIN, height - 40, { width, align: 'center' });
    pdf
      .font('Helvetica')
      .fontSize(8)
      .text(`Page ${i + 1} of ${range.count}`, MARGIN, height - 28, {
        width,
        align: 'right',
      });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}

function writeTable(pdf: PDFKit.PDFDocument, table: DocumentTable, width: number) {
  if (!table.rows.length) {
    pdf
      .font('Helvetica-Oblique')
      .fontSize(10)
      .text(table.empty ?? 'None.', { width });
    return;
  }
  const columnWidth = width / table.head.length;
  const line = (cells: string[], bold: boolean) => {
    const top = pdf.y;
    const heights = cells.map((cell) =>
      pdf
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(9)
        .heightOfString(cell || '–', { width: columnWidth - 6 }),
    );
    const rowHeight = Math.max(...heights) + 6;
    if (top + rowHeight > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const y = pdf.y;
    cells.forEach((cell, index) => {
      pdf
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(9)
        .text(cell || '–', MARGIN + index * columnWidth, y + 3, { width: columnWidth - 6 });
    });
    pdf
      .moveTo(MARGIN, y + rowHeight)
      .lineTo(MARGIN + width, y + rowHeight)
      .lineWidth(0.5)
      .strokeColor('#b1b4b6')
      .stroke();
    pdf.x = MARGIN;
    pdf.y = y + rowHeight;
  };
  line(table.head, true);
  for (const row of table.rows) line(row, false);
  pdf.moveDown(0.5);
}
