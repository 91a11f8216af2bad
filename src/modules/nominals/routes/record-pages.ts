import type { FastifyPluginAsync } from 'fastify';
import { can } from '../../../access/policy.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, dateParts, formToInput, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { recordExtensions } from '../extensions.ts';
import { describeRow, presentSections } from '../presenter.ts';
import {
  NominalParams,
  OverviewQuery,
  TIMELINE_TYPES,
  TimelineQuery,
  timelineQueryFromPage,
  type TimelineFilter,
} from '../schemas.ts';
import { IDENTIFIER_TYPE, IDENTITY_FIELDS } from '../sections.ts';
import { createNominal } from '../use-cases/create.ts';
import type { PossibleDuplicate } from '../use-cases/duplicates.ts';
import { getNominalSection } from '../use-cases/nominal-sections.ts';
import { getNominal } from '../use-cases/overview.ts';
import { getTimeline } from '../use-cases/timeline.ts';
import { sectionForm } from './form.ts';

/** A person's record as a whole: adding a person, the overview, the timeline. */
export const recordPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const renderForm = sectionForm(web);
    const newPersonForm = {
      title: 'Add a person',
      fields: IDENTITY_FIELDS,
      action: '/nominals',
      backLink: '/search',
    };

    app.get('/nominals/new', { config: { action: 'nominal.create' } }, async (request, reply) => {
      web.context(request);
      return renderForm(request, reply, { ...newPersonForm, values: {}, identifiers: true });
    });

    app.post('/nominals', { config: { action: 'nominal.create' } }, async (request, reply) => {
      const ctx = web.context(request);
      const body = bodyOf(request);
      // One input per identifier type on the form; the JSON input is their list.
      const identifiers = IDENTIFIER_TYPE.map((t) => ({
        type: t.code,
        value: String(body[`identifier-${t.code}`] ?? '').trim(),
      })).filter((i) => i.value);
      const confirmedNotDuplicate = body.confirmedNotDuplicate === 'yes';
      return handleForm({
        // The use case parses the form's input with the API's schema (schemas.ts: newNominalInput).
        attempt: () =>
          createNominal(
            database,
            ctx,
            { ...formToInput(IDENTITY_FIELDS, body), identifiers, confirmedNotDuplicate },
            { warnOfPossibleDuplicates: true },
          ),
        done: (created) => reply.redirect(`/nominals/${created.id}`, 303),
        redisplay: ({ errors: refused, conflict }) => {
          const possibleDuplicates = conflict?.extensions.candidates as PossibleDuplicate[] | undefined;
          if (possibleDuplicates) {
            // Shown before and saved again unconfirmed: say what is missing, in the error summary.
            const errors: FieldErrors =
              body.duplicatesShown === 'yes'
                ? {
                    confirmedNotDuplicate:
                      'Confirm this is a different person, or open their existing record',
                  }
                : {};
            return renderForm(request, reply, {
              ...newPersonForm,
              values: body,
              errors,
              identifiers: true,
              possibleDuplicates,
            });
          }
          // Identifier errors come back indexed by position; show them against their own input.
          const errors: FieldErrors = {};
          for (const [key, message] of Object.entries(refused)) {
            const index = /^identifiers\.(\d+)$/.exec(key)?.[1];
            errors[index === undefined ? key : `identifier-${identifiers[Number(index)]!.type}`] = message;
          }
          return renderForm(request, reply, { ...newPersonForm, values: body, errors, identifiers: true });
        },
      });
    });

    app.get('/nominals/:id', { config: { action: 'nominal.view' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const { updated } = parseInput(OverviewQuery, request.query);
      const ctx = web.context(request);
      const nominal = await getNominal(database, ctx, id);
      const canEdit = can(ctx.actor, 'nominal.edit');
      return reply.render('nominals/views/overview.njk', {
        ...(await recordExtensions().overview(database, ctx, id)),
        title: `${nominal.identity.forename} ${nominal.identity.surname}`,
        nominal,
        sections: presentSections(nominal, canEdit),
        canEdit,
        currentAddress: describeRow('addresses', nominal.currentAddress),
        proposedReleaseAddress: describeRow('addresses', nominal.proposedReleaseAddress),
        pnc: nominal.identifiers.find((i) => i.type === 'pnc')?.value,
        indexOffence: nominal.convictions.find((c) => c.isIndexOffence)?.offence,
        activeMarkers: nominal.markers
          .filter((m) => m.isActive)
          .map((m) => describeRow('markers', m))
          .join(', '),
        updated,
      });
    });

    app.get('/nominals/:id/timeline', { config: { action: 'nominal.view' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const query = { ...(request.query as Record<string, unknown>) };
      const ctx = web.context(request);
      const summary = await getNominalSection(database, ctx, id, 'identity');
      const page = { title: `Timeline – ${summary.name}`, summary, id, types: TIMELINE_TYPES };
      return handleForm({
        attempt: () => getTimeline(database, ctx, id, timelineQueryFromPage(query)),
        done: (timeline) => {
          const filter = parseInput(TimelineQuery, timelineQueryFromPage(query));
          const link = (n: number) => timelineLink(id, filter, n);
          return reply.render('nominals/views/timeline.njk', {
            ...page,
            timeline,
            filtered: Boolean(filter.type || filter.agency || filter.from || filter.to),
            values: {
              type: filter.type ?? '',
              agency: filter.agency ?? '',
              ...dateParts('from', filter.from),
              ...dateParts('to', filter.to),
            },
            pagination: pagination(timeline, link),
          });
        },
        // A date that is not a date: the filters again with their errors, and no entries.
        redisplay: async ({ status, errors }) =>
          reply.code(status).render('nominals/views/timeline.njk', {
            ...page,
            timeline: { ...(await getTimeline(database, ctx, id, 1)), entries: [], total: 0 },
            values: query,
            errors,
            errorList: Object.entries(errors).map(([key, text]) => ({
              text,
              href: `#${key === 'from' || key === 'to' ? `${key}-day` : key}`,
            })),
          }),
      });
    });
  };

/** The timeline's address with its filters, at page `n`. */
function timelineLink(id: string, filter: TimelineFilter, n: number): string {
  const params = new URLSearchParams();
  for (const key of ['type', 'agency', 'from', 'to'] as const) if (filter[key]) params.set(key, filter[key]);
  params.set('page', String(n));
  return `/nominals/${id}/timeline?${params.toString()}`;
}

/** GOV.UK pagination: previous, next, the first and last pages and those either side of this one. */
function pagination(
  shown: { page: number; pageSize: number; total: number },
  link: (page: number) => string,
) {
  const pages = Math.ceil(shown.total / shown.pageSize);
  if (pages <= 1) return undefined;
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - shown.page) <= 1)
      items.push({ number: n, href: link(n), current: n === shown.page });
    else if (!('ellipsis' in (items.at(-1) ?? {}))) items.push({ ellipsis: true });
  }
  return {
    previous: shown.page > 1 ? { href: link(shown.page - 1) } : undefined,
    next: shown.page < pages ? { href: link(shown.page + 1) } : undefined,
    items,
  };
}
