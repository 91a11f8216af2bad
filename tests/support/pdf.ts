import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl =
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
    'standard_fonts',
  ) + '/';

/** The text of each page of a PDF, read back with Mozilla's pdf.js, and its title. */
export async function readPdf(data: Buffer | Uint8Array): Promise<{ pages: string[]; title: string }> {
  const pdf = await getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    standardFontDataUrl,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const meta = await pdf.getMetadata();
  const title = String((meta.info as { Title?: string }).Title ?? '');
  await pdf.destroy();
  return { pages, title };
}
