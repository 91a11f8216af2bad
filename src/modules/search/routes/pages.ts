import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { can } from '../../../access/policy.ts';
import { ValidationError } from '../../../domain/errors.ts';
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
      const canSearchAllAreas = can(ctx.actor, 'nominal.justified-access');
      const where = whereToLook(typed, ctx.actor.areaCode, canSearchAllAreas);
      const values = {
        q: typed.q,
        dateOfBirth: typed.dateOfBirth,
        area: typed.area,
        ...where.values,
      };
      const page = { values, areas, canSearchAllAreas, ownAreaCode: ctx.actor.areaCode };
      if (!typed.q && !typed.dateOfBirth && !typed.area)
        return reply.render('search/views/search.njk', { title: 'Find a person', ...page });
      return handleForm({
        attempt: () => searchNominals(database, ctx, { ...values, ...where.input(), page: typed.page }),
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

type AreaChoice = 'mine' | 'other' | 'all';
const AREA_CHOICES: readonly string[] = ['mine', 'other', 'all'];

/**
 * Where to look, from the one area control: "My area" (the people the user may see), "Another area"
 * (one area) or "All areas"; looking outside the user's own area is justified access, so it needs a
 * reason. Older links (an area, and "include people managed outside my area") mean the same choice. The API keeps its `area`, `allAreas` and `reason`.
 */
function whereToLook(typed: z.output<typeof SearchForm>, ownAreaCode: string, canSearchAllAreas: boolean) {
  const chosen: AreaChoice = AREA_CHOICES.includes(typed.areaChoice)
    ? (typed.areaChoice as AreaChoice)
    : typed.allAreas === 'yes'
      ? typed.area
        ? 'other'
        : 'all'
      : typed.area && typed.area !== ownAreaCode
        ? 'other'
        : 'mine';
  // Another area that is the user's own is their own area: no reason needed.
  const choice = !canSearchAllAreas
    ? 'mine'
    : chosen === 'other' && typed.area === ownAreaCode
      ? 'mine'
      : chosen;
  const reason = typed.reason;
  return {
    values: { areaChoice: choice, reason: choice === 'mine' ? '' : reason },
    /** What the use case (and the API) take. */
    input: () => {
      if (!canSearchAllAreas) return { area: typed.area || undefined, allAreas: false };
      if (choice === 'mine') return { area: undefined, allAreas: false };
      if (choice === 'all') return { area: undefined, allAreas: true, reason };
      if (!typed.area) throw new ValidationError({ area: 'Select the area to search' });
      return { area: typed.area, allAreas: true, reason };
    },
  };
}

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
