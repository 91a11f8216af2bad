import { describe, expect, it } from 'vitest';
import { renderPdf, type VigilDocument } from '../../../src/web/documents/document.ts';
import { readPdf } from '../../support/pdf.ts';

const document: VigilDocument = {
  title: 'MAPPA B: Minutes',
  marking: 'OFFICIAL-SENSITIVE',
  reference: 'Meeting 1',
  sections: [
    {
      heading: 'Decisions',
      rows: [{ label: 'Level', value: 'Level 2' }],
      paragraphs: ['First line\nsecond line'],
    },
    {
      heading: 'Actions',
      table: {
        head: ['What', 'Owner', 'Due'],
        rows: Array.from({ length: 80 }, (_, i) => [`Action ${i}`, 'Housing', '1 December 2026']),
      },
    },
    { heading: 'Nothing', table: { head: ['A'], rows: [], empty: 'No actions.' } },
  ],
};

describe('document PDF', () => {
  it('has every section, and the marking and page number on every page', async () => {
    const { pages, title } = await readPdf(await renderPdf(document));
    expect(title).toBe('MAPPA B: Minutes');
    // 80 table rows do not fit on one A4 page.
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text.match(/OFFICIAL-SENSITIVE/g)?.length).toBe(2);
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const all = pages.join(' ');
    for (const expected of ['Decisions', 'Level 2', 'Action 0', 'Action 79', 'No actions.'])
      expect(all).toContain(expected);
  });
});
