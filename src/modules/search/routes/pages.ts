import type { FastifyPluginAsync } from 'fastify';
import { can } from '../../../access/policy.ts';
import { parseInput } from '../../../validation/parse.ts';
import { handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { listAreas } from '../../reference/index.ts';
import { SearchForm } from '../schemas.ts';
import { searchNominals } from '../use-cases.ts';

type Found = Awaited<ReturnType<typeof searchNominals>>;

/** The search page: the form, then a page of results with links to the others. */
export const searchPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/search', { config: { action: 'nominal.search' } }, async (request, reply) => {
      const ctx = web.context(request);
      const typed = parseInput(SearchForm, request.query);
      const areas = await listAreas(database);
      const values = {
        q: typed.q,
        dateOfBirth: typed.dateOfBirth,
        area: typed.area,
        allAreas: typed.allAreas === 'yes' ? 'yes' : '',
        reason: typed.reason,
      };
      const page = { values, areas, canSearchAllAreas: can(ctx.actor, 'nominal.justified-access') };
      if (!typed.q && !typed.dateOfBirth && !typed.area)
        return reply.render('search/views/search.njk', { title: 'Find a person', ...page });
      return handleForm({
        attempt: () =>
          searchNominals(database, ctx, { ...values, area: values.area || undefined, page: typed.page }),
        done: (found) =>
          reply.render('search/views/search.njk', {
            title: `Search results for ${values.q}`,
            ...page,
            found,
            pagination: pagination(
              found,
              (n) => `/search?${new URLSearchParams({ ...values, page: String(n) }).toString()}`,
            ),
          }),
        redisplay: ({ status, errors }) =>
          reply.code(status).render('search/views/search.njk', {
            title: 'Find a person',
            ...page,
            errors,
            errorList: Object.entries(errors).map(([key, text]) => ({ text, href: `#${key}` })),
          }),
      });
    });
  };

/** GOV.UK pagination: previous, next, and the first ten pages. */
function pagination(found: Found, link: (page: number) => string) {
  const pages = Math.ceil(found.total / found.pageSize);
  return (
    pages > 1 && {
      previous: found.page > 1 ? { href: link(found.page - 1) } : undefined,
      next: found.page < pages ? { href: link(found.page + 1) } : undefined,
      items: Array.from({ length: Math.min(pages, 10) }, (_, i) => ({
        number: i + 1,
        href: link(i + 1),
        current: i + 1 === found.page,
      })),
    }
  );
}
