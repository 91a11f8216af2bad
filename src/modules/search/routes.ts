import type { Web } from '../../web/types.ts';
import { can } from '../../access/policy.ts';
import { ValidationError } from '../../domain/errors.ts';
import { listAreas } from '../reference/index.ts';
import { searchNominals } from './use-cases.ts';

const RESULT_SCHEMA = {
  type: 'object',
  properties: {
    total: { type: 'integer' },
    totalIsEstimate: {
      type: 'boolean',
      description:
        'True when people matching only one of the names typed were capped: total is then "about" (every person matching both names is always counted)',
    },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    matchedIdentifier: { type: ['object', 'null'] },
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          vigilRef: { type: 'string' },
          name: { type: 'string' },
          matchedAlias: { type: ['string', 'null'] },
          dateOfBirth: { type: 'string', format: 'date' },
          areaCode: { type: 'string' },
          areaName: { type: 'string' },
          mappaCategory: { type: ['integer', 'null'] },
          mappaLevel: { type: ['integer', 'null'] },
          score: { type: 'number' },
          inScope: {
            type: 'boolean',
            description: 'False: outside your scope; open it with POST /nominals/{id}/justified-access',
          },
        },
      },
    },
  },
};

export function registerSearch(web: Web): void {
  const { app, api, database } = web;

  app.get('/search', { config: { action: 'nominal.search' } }, async (request, reply) => {
    const ctx = web.context(request);
    const query = request.query as Record<string, string>;
    const areas = await listAreas(database);
    const values = {
      q: query.q ?? '',
      dateOfBirth: query.dateOfBirth ?? '',
      area: query.area ?? '',
      allAreas: query.allAreas === 'yes' ? 'yes' : '',
      reason: query.reason ?? '',
    };
    const canSearchAllAreas = can(ctx.actor, 'nominal.justified-access');
    if (!query.q && !query.dateOfBirth && !query.area) {
      return reply.render('search/views/search.njk', {
        title: 'Find a person',
        values,
        areas,
        canSearchAllAreas,
      });
    }
    try {
      const found = await searchNominals(database, ctx, {
        ...values,
        area: values.area || undefined,
        page: query.page,
      });
      const pages = Math.ceil(found.total / found.pageSize);
      const link = (page: number) =>
        `/search?${new URLSearchParams({ ...values, page: String(page) }).toString()}`;
      return reply.render('search/views/search.njk', {
        title: `Search results for ${values.q}`,
        values,
        areas,
        canSearchAllAreas,
        found,
        pagination: pages > 1 && {
          previous: found.page > 1 ? { href: link(found.page - 1) } : undefined,
          next: found.page < pages ? { href: link(found.page + 1) } : undefined,
          items: Array.from({ length: Math.min(pages, 10) }, (_, i) => ({
            number: i + 1,
            href: link(i + 1),
            current: i + 1 === found.page,
          })),
        },
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.code(400).render('search/views/search.njk', {
        title: 'Find a person',
        values,
        areas,
        canSearchAllAreas,
        errors: error.fieldErrors,
        errorList: Object.entries(error.fieldErrors).map(([key, text]) => ({ text, href: `#${key}` })),
      });
    }
  });

  api.add({
    method: 'GET',
    path: '/search',
    action: 'nominal.search',
    tag: 'Search',
    summary: 'Find people by name (tolerant of misspellings) or by identifier',
    query: {
      q: {
        type: 'string',
        required: true,
        description: 'A name, or a PNC ID, CRO number, prison number, CRN or Vigil reference',
      },
      dateOfBirth: { type: 'string', description: 'YYYY-MM-DD' },
      area: { type: 'string', description: 'MAPPA area code, e.g. AVS' },
      page: { type: 'integer', description: 'Page number, from 1' },
      allAreas: {
        type: 'boolean',
        description: 'Search every area (roles allowed justified access only); needs `reason`',
      },
      reason: {
        type: 'string',
        description: 'Why you are searching outside your scope (logged and reviewed)',
      },
    },
    response: RESULT_SCHEMA,
    handler: async (request) =>
      searchNominals(database, web.context(request), request.query as Record<string, string>),
  });
}
