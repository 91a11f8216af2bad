import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../access/policy.ts';
import { MAPPA_CATEGORY } from '../../domain/codes.ts';
import { ValidationError, type FieldErrors } from '../../domain/errors.ts';
import type { Web } from '../../web/types.ts';
import { getNominalSection } from '../nominals/index.ts';
import {
  AREA_LISTS,
  areaWorklist,
  category3Candidates,
  considerCategory3,
  myWorklist,
  worklistCsv,
  type WorklistRow,
} from './use-cases.ts';

/**
 * Worklists (MAPPA.md §6: levels late or never set, reviews missed, Category 3 never considered):
 * a practitioner's own caseload, the area's lists for coordinators and managers, and the
 * Category 3 candidates, each as a page, a CSV download and JSON.
 */

const CONSIDERATION_OUTCOME = [
  {
    code: 'refer',
    label: 'Refer for Category 3',
    hint: 'Make a MAPPA referral: a panel decides whether to accept it',
  },
  {
    code: 'not_needed',
    label: 'Category 3 is not needed',
    hint: 'The risk is managed well enough without MAPPA',
  },
] as const;

/** A row as a page shows it: labels and a tag for what is due. */
function presentRow(row: WorklistRow) {
  return {
    ...row,
    categoryLabel: row.category
      ? (MAPPA_CATEGORY.find((c) => c.code === row.category)?.label ?? `Category ${row.category}`)
      : 'Not eligible',
  };
}

function sendCsv(reply: FastifyReply, filename: string, rows: readonly WorklistRow[]) {
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .send(`${worklistCsv(rows)}\r\n`);
}

const ROW_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    vigilRef: { type: 'string' },
    name: { type: 'string' },
    dateOfBirth: { type: 'string', format: 'date' },
    category: { type: ['integer', 'null'] },
    level: { type: ['integer', 'null'], description: 'Null: no level set' },
    dueOn: {
      type: ['string', 'null'],
      format: 'date',
      description: 'Level decision (no level yet), else the next review or registration',
    },
    basis: {
      type: ['string', 'null'],
      description: 'Which rule made it due; for an overdue action, the action and its owner',
    },
    overdue: { type: 'boolean' },
    actionId: {
      type: ['string', 'null'],
      format: 'uuid',
      description: 'Only on overdue-action rows: the action (GET /api/v1/actions/{actionId})',
    },
  },
};

/** Every row of an area list (the use case pages by 50), for a download. */
async function wholeAreaList(web: Web, request: FastifyRequest, list: string | undefined) {
  const rows: WorklistRow[] = [];
  for (let page = 1; page <= 200; page++) {
    const result = await areaWorklist(web.database, web.context(request), list, page);
    rows.push(...result.rows);
    if (result.rows.length < result.pageSize) return { list: result.list, rows };
  }
  return { list: list ?? 'no-level', rows };
}

export function registerWorklists(web: Web): void {
  const { app, api, database } = web;

  // --- My worklist ---------------------------------------------------------------------------

  app.get('/worklists/mine', { config: { action: 'nominal.view' } }, async (request, reply) => {
    const ctx = web.context(request);
    const mine = await myWorklist(database, ctx);
    return reply.render('worklists/views/mine.njk', {
      title: 'My worklist',
      rows: mine.rows.map(presentRow),
      overdue: mine.overdue,
      overdueActions: mine.overdueActions.map(presentRow),
      canConsiderCategory3: can(ctx.actor, 'category3.consider'),
    });
  });

  app.get('/worklists/mine.csv', { config: { action: 'nominal.view' } }, async (request, reply) => {
    const ctx = web.context(request);
    const mine = await myWorklist(database, ctx);
    // The caseload, then the overdue actions (their "Why" says which action).
    return sendCsv(reply, `my-worklist-${ctx.today}.csv`, [...mine.rows, ...mine.overdueActions]);
  });

  // --- Area worklists ------------------------------------------------------------------------

  app.get('/worklists/area', { config: { action: 'worklist.area' } }, async (request, reply) => {
    const ctx = web.context(request);
    const query = request.query as Record<string, string | undefined>;
    const requested = Math.floor(Number(query.page));
    const page = Number.isSafeInteger(requested) && requested > 1 ? requested : 1;
    const result = await areaWorklist(database, ctx, query.list || undefined, page);
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    const link = (p: number) =>
      `/worklists/area?${new URLSearchParams({ list: result.list, page: String(p) }).toString()}`;
    const chosen = result.lists.find((l) => l.key === result.list)!;
    return reply.render('worklists/views/area.njk', {
      title: `Area worklists: ${chosen.label}`,
      chosen,
      lists: result.lists.map((l) => ({
        href: `/worklists/area?list=${l.key}`,
        text: `${l.label} (${l.count})`,
        active: l.key === result.list,
      })),
      rows: result.rows.map(presentRow),
      total: result.total,
      from: result.total ? (result.page - 1) * result.pageSize + 1 : 0,
      to: (result.page - 1) * result.pageSize + result.rows.length,
      csvHref: `/worklists/area.csv?list=${result.list}`,
      canConsiderCategory3: can(ctx.actor, 'category3.consider'),
      pagination: pages > 1 && {
        previous: result.page > 1 ? { href: link(result.page - 1) } : undefined,
        next: result.page < pages ? { href: link(result.page + 1) } : undefined,
        items: Array.from({ length: pages }, (_, i) => i + 1)
          .filter((p) => p === 1 || p === pages || Math.abs(p - result.page) <= 2)
          .flatMap((p, i, shown) => [
            ...(i > 0 && p - shown[i - 1]! > 1 ? [{ ellipsis: true }] : []),
            { number: p, href: link(p), current: p === result.page },
          ]),
      },
    });
  });

  app.get('/worklists/area.csv', { config: { action: 'worklist.area' } }, async (request, reply) => {
    const ctx = web.context(request);
    const whole = await wholeAreaList(
      web,
      request,
      (request.query as Record<string, string | undefined>).list || undefined,
    );
    return sendCsv(reply, `area-worklist-${whole.list}-${ctx.today}.csv`, whole.rows);
  });

  // --- Category 3 candidates -----------------------------------------------------------------

  app.get('/worklists/category-3', { config: { action: 'category3.view' } }, async (request, reply) => {
    const ctx = web.context(request);
    const candidates = await category3Candidates(database, ctx);
    return reply.render('worklists/views/category-3.njk', {
      title: 'Category 3 candidates',
      rows: candidates.rows.map(presentRow),
      considered: (request.query as Record<string, string | undefined>).considered === 'recorded',
    });
  });

  app.get('/worklists/category-3.csv', { config: { action: 'category3.view' } }, async (request, reply) => {
    const ctx = web.context(request);
    const candidates = await category3Candidates(database, ctx);
    return sendCsv(reply, `category-3-candidates-${ctx.today}.csv`, candidates.rows);
  });

  const renderConsider = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, unknown>,
    errors?: FieldErrors,
  ) => {
    const person = await getNominalSection(database, web.context(request), id, 'identity');
    return reply.code(errors ? 400 : 200).render('worklists/views/consider.njk', {
      title: 'Consider Category 3',
      id,
      person,
      outcomes: CONSIDERATION_OUTCOME,
      values,
      errors: errors ?? {},
      errorList: errors ? Object.entries(errors).map(([key, text]) => ({ text, href: `#${key}` })) : [],
    });
  };

  app.get(
    '/nominals/:id/category-3/consider',
    { config: { action: 'category3.consider' } },
    async (request, reply) => renderConsider(request, reply, (request.params as { id: string }).id, {}),
  );

  app.post(
    '/nominals/:id/category-3/consider',
    { config: { action: 'category3.consider' } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as Record<string, unknown>;
      try {
        await considerCategory3(database, web.context(request), id, {
          outcome: body.outcome,
          reason: body.reason,
        });
        return reply.redirect('/worklists/category-3?considered=recorded', 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderConsider(request, reply, id, body, error.fieldErrors);
      }
    },
  );

  // --- API ---------------------------------------------------------------------------------------

  api.add({
    method: 'GET',
    path: '/worklists/mine',
    action: 'nominal.view',
    tag: 'Worklists',
    summary: 'The people you are a named manager of, with what is due and overdue, soonest first',
    response: {
      type: 'object',
      properties: {
        rows: { type: 'array', items: ROW_SCHEMA },
        overdue: { type: 'integer' },
        overdueActions: {
          type: 'array',
          items: ROW_SCHEMA,
          description: 'Actions you own that are open and past their due date, most overdue first',
        },
      },
    },
    handler: async (request) => myWorklist(database, web.context(request)),
  });

  api.add({
    method: 'GET',
    path: '/worklists/area',
    action: 'worklist.area',
    tag: 'Worklists',
    summary: 'One of your area’s worklists (50 a page), with the count of every list',
    query: {
      list: {
        type: 'string',
        description: `One of: ${AREA_LISTS.map((l) => l.key).join(', ')} (default no-level)`,
      },
      page: { type: 'integer', description: 'Page number, from 1' },
    },
    response: {
      type: 'object',
      properties: {
        list: { type: 'string' },
        lists: {
          type: 'array',
          items: {
            type: 'object',
            properties: { key: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' } },
          },
        },
        total: { type: 'integer' },
        page: { type: 'integer' },
        pageSize: { type: 'integer' },
        rows: { type: 'array', items: ROW_SCHEMA },
      },
    },
    handler: async (request) => {
      const query = request.query as Record<string, string | undefined>;
      const requested = Math.floor(Number(query.page ?? 1));
      if (!Number.isSafeInteger(requested) || requested < 1)
        throw new ValidationError({ page: 'Page must be a whole number, 1 or more' });
      return areaWorklist(database, web.context(request), query.list || undefined, requested);
    },
  });

  api.add({
    method: 'GET',
    path: '/worklists/category-3',
    action: 'category3.view',
    tag: 'Worklists',
    summary: 'High-risk domestic abuse and stalking cases not under MAPPA, not yet considered for Category 3',
    response: { type: 'object', properties: { rows: { type: 'array', items: ROW_SCHEMA } } },
    handler: async (request) => category3Candidates(database, web.context(request)),
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/category-3-considerations',
    action: 'category3.consider',
    tag: 'Worklists',
    summary: 'Record that a Category 3 candidate was considered: refer, or not needed, and why',
    body: {
      type: 'object',
      required: ['outcome', 'reason'],
      properties: {
        outcome: { enum: ['refer', 'not_needed'] },
        reason: { type: 'string', minLength: 10, maxLength: 4000 },
      },
    },
    response: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
    successStatus: 201,
    handler: async (request) => {
      const body = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new ValidationError({ body: 'Send a JSON object' });
      return considerCategory3(
        database,
        web.context(request),
        (request.params as { id: string }).id,
        body as Record<string, unknown>,
      );
    },
  });
}
