import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { SearchQuery, SearchResults } from '../schemas.ts';
import { searchNominals } from '../use-cases.ts';

/** Search over JSON: the same use case and the same schema as the page. */
export const searchApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    web.api.add({
      method: 'GET',
      path: '/search',
      action: 'nominal.search',
      tag: 'Search',
      summary: 'Find people by name (tolerant of misspellings) or by identifier',
      query: SearchQuery,
      response: SearchResults,
      handler: async (request) => searchNominals(web.database, web.context(request), request.query),
    });
  };
