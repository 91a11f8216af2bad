import type { Web } from '../../web/app.ts';
import { countsByCategoryAndLevel } from './use-cases.ts';

export function registerOversight(web: Web): void {
  web.app.get('/oversight', { config: { action: 'aggregates.view' } }, async (request, reply) => {
    const counts = await countsByCategoryAndLevel(web.database, web.context(request));
    const cell = (category: number | null, level: number | null) =>
      counts.rows.find((r) => r.category === category && r.level === level)?.count ?? 0;
    const table = [1, 2, 3, 4, null].map((category) => ({
      category,
      levels: [1, 2, 3, null].map((level) => cell(category, level)),
    }));
    return reply.render('oversight/views/counts.njk', { title: 'MAPPA population', counts, table });
  });

  web.api.add({
    method: 'GET',
    path: '/oversight/counts',
    action: 'aggregates.view',
    tag: 'Oversight',
    summary: 'Counts of people by MAPPA category and level (no personal data)',
    response: {
      type: 'object',
      properties: {
        scope: { type: 'string' },
        total: { type: 'integer' },
        rows: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              category: { type: ['integer', 'null'] },
              level: { type: ['integer', 'null'] },
              count: { type: 'integer' },
            },
          },
        },
      },
    },
    handler: async (request) => countsByCategoryAndLevel(web.database, web.context(request)),
  });
}
