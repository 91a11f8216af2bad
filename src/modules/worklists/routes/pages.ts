import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import type { UseCaseContext } from '../../../access/actor.ts';
import { logDownload } from '../../../audit/access-log.ts';
import { MAPPA_CATEGORY } from '../../../domain/codes.ts';
import { formatDateLong } from '../../../domain/dates.ts';
import { ValidationError, type FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import {
  csv,
  obligationLabel,
  ownersText,
  worklistCsv,
  type Owner,
  type Paged,
  type RuleCorrectionRow,
  type WorklistRow,
} from '../rows.ts';
import {
  Category3ConsiderationInput,
  Category3PageQuery,
  NominalParams,
  RuleCorrectionParams,
  RuleCorrectionsPageQuery,
  WorklistQuery,
  type SortKey,
  type WorklistQueryInput,
} from '../schemas.ts';
import {
  areaWorklist,
  category3Candidates,
  classificationWorklist,
  considerCategory3,
  reviewRuleCorrection,
  ruleCorrectionWorklist,
  myWorklist,
  wholeAreaWorklist,
  wholeMyWorklist,
  worklistFilterOptions,
} from '../use-cases.ts';

/** The worklists' pages and CSV downloads, and the Category 3 consideration form. */

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

const categoryText = (c: number | null) => (c === null ? 'Not eligible' : `Category ${c}`);
const endText = (c: number | null, endsOn: string | null) =>
  c === null ? '' : endsOn ? `until ${formatDateLong(endsOn)}` : 'with no fixed end date';

/** A rule correction as the page shows it: "Category 2 until 1 June 2028 → Category 1 with no fixed end date". */
function presentCorrection(row: RuleCorrectionRow) {
  return {
    ...row,
    was: `${categoryText(row.oldCategory)} ${endText(row.oldCategory, row.oldEndsOn)}`.trim(),
    now: `${categoryText(row.newCategory)} ${endText(row.newCategory, row.newEndsOn)}`.trim(),
    ownersText: ownersText(row.owners),
  };
}

/** A row as a page shows it: labels for the category and the obligation, owners as text. */
function presentRow(row: WorklistRow) {
  return {
    ...row,
    categoryLabel: row.category
      ? (MAPPA_CATEGORY.find((c) => c.code === row.category)?.label ?? `Category ${row.category}`)
      : 'Not eligible',
    obligation: obligationLabel(row),
    owners: row.owners.map((o: Owner) => `${o.name}, ${o.role}${o.agency ? ` (${o.agency})` : ''}`),
  };
}

/**
 * A worklist downloaded as CSV leaves Vigil's control, like a PDF: logged as a disclosure of every
 * person in it to the person downloading it, before the file is sent.
 */
export async function sendCsv(
  web: Web,
  ctx: UseCaseContext,
  reply: FastifyReply,
  download: { filename: string; document: string; ids: readonly string[]; body: string },
) {
  await logDownload(web.database, ctx, {
    recordType: 'nominal',
    recordIds: [...new Set(download.ids)],
    document: download.document,
    format: 'CSV',
  });
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${download.filename}"`)
    .send(`${download.body}\r\n`);
}

/** Rows as a CSV download. */
export const rowsCsv = (rows: readonly WorklistRow[], filename: string, document: string) => ({
  filename,
  document,
  ids: rows.map((r) => r.nominalId),
  body: worklistCsv(rows),
});

/** GOV.UK pagination: first, last and two either side of the current page, with gaps marked. */
function pagination(current: number, pages: number, link: (page: number) => string) {
  if (pages <= 1) return false;
  return {
    previous: current > 1 ? { href: link(current - 1) } : undefined,
    next: current < pages ? { href: link(current + 1) } : undefined,
    items: Array.from({ length: pages }, (_, i) => i + 1)
      .filter((p) => p === 1 || p === pages || Math.abs(p - current) <= 2)
      .flatMap((p, i, shown) => [
        ...(i > 0 && p - shown[i - 1]! > 1 ? [{ ellipsis: true }] : []),
        { number: p, href: link(p), current: p === current },
      ]),
  };
}

/** A page's query: parsed by the one schema; a bad value is shown in an error summary and the list shown unfiltered. */
function readQuery(request: FastifyRequest): { query: WorklistQueryInput; errors: FieldErrors } {
  try {
    return { query: parseInput(WorklistQuery, request.query ?? {}), errors: {} };
  } catch (error) {
    if (error instanceof ValidationError) return { query: {}, errors: error.fieldErrors };
    throw error;
  }
}

/** The query as a query string (only what was given), with some parameters changed. */
function href(
  path: string,
  query: WorklistQueryInput,
  change: Partial<Record<keyof WorklistQueryInput, string | undefined>>,
) {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...query, ...change };
  for (const key of [
    'list',
    'due',
    'manager',
    'agency',
    'level',
    'category',
    'setting',
    'sort',
    'order',
    'page',
  ]) {
    const value = merged[key];
    if (value !== undefined && value !== '' && !(key === 'page' && String(value) === '1'))
      params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The MoJ sortable table, server side: each sortable heading is a link that sorts by its column
 * (ascending first, then the other way), and the sorted column says so with aria-sort. Works
 * without JavaScript.
 */
function sortHeadings(path: string, query: WorklistQueryInput, defaultSort: SortKey) {
  const sort = query.sort ?? defaultSort;
  const order = query.order ?? 'asc';
  const heading = (key: SortKey, text: string) => {
    const current = sort === key;
    const next = current && order === 'asc' ? 'desc' : 'asc';
    return {
      text,
      href: href(path, query, { sort: key, order: next, page: undefined }),
      ariaSort: current ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
    };
  };
  return {
    name: heading('name', 'Name'),
    obligation: heading('obligation', 'Obligation'),
    due: heading('due', 'Due'),
    category: heading('category', 'Category'),
    level: heading('level', 'Level'),
  };
}

const select = (
  items: readonly { value: string; text: string }[],
  chosen: string | undefined,
  any: string,
) => [
  { value: '', text: any, selected: chosen === undefined },
  ...items.map((i) => ({ ...i, selected: i.value === chosen })),
];

/** The filter form's choices, with what is chosen. */
async function filters(
  web: Web,
  ctx: UseCaseContext,
  query: WorklistQueryInput,
  options: { due: boolean; managers: boolean },
) {
  const { managers, agencies } = await worklistFilterOptions(web.database, ctx);
  return {
    due: options.due
      ? select(
          [
            { value: 'overdue', text: 'Overdue' },
            { value: 'week', text: 'Due within 7 days' },
            { value: 'month', text: 'Due within 30 days' },
          ],
          query.due,
          'Any time',
        )
      : null,
    manager: options.managers
      ? select(
          managers.map((m) => ({ value: m.id, text: m.name })),
          query.manager,
          'Any manager',
        )
      : null,
    agency: select(
      agencies.map((a) => ({ value: a.id, text: a.name })),
      query.agency,
      'Any agency',
    ),
    level: select(
      [
        { value: '1', text: 'Level 1' },
        { value: '2', text: 'Level 2' },
        { value: '3', text: 'Level 3' },
        { value: 'none', text: 'No level set' },
      ],
      query.level,
      'Any level',
    ),
    category: select(
      [1, 2, 3, 4].map((c) => ({ value: String(c), text: `Category ${c}` })),
      query.category,
      'Any category',
    ),
    setting: select(
      [
        { value: 'custody', text: 'In custody' },
        { value: 'community', text: 'In the community' },
      ],
      query.setting,
      'Custody or community',
    ),
    list: query.list,
    sort: query.sort,
    order: query.order,
    active: Boolean(
      query.due || query.manager || query.agency || query.level || query.category || query.setting,
    ),
  };
}

/** What every paged list's template needs: rows, headings, pagination, totals, the filter form and errors. */
async function listView(
  web: Web,
  ctx: UseCaseContext,
  path: string,
  query: WorklistQueryInput,
  errors: FieldErrors,
  page: Paged<WorklistRow>,
  options: { defaultSort: SortKey; due: boolean; managers: boolean },
) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return {
    rows: page.rows.map(presentRow),
    total: page.total,
    from: page.total ? (page.page - 1) * page.pageSize + 1 : 0,
    to: (page.page - 1) * page.pageSize + page.rows.length,
    pagination: pagination(page.page, pages, (p) => href(path, query, { page: String(p) })),
    headings: sortHeadings(path, query, options.defaultSort),
    filters: await filters(web, ctx, query, options),
    action: path,
    clearHref: href(path, { list: query.list }, {}),
    csvHref: href(`${path}.csv`, { ...query, page: undefined }, {}),
    errors,
    errorList: Object.entries(errors).map(([key, text]) => ({ text, href: `#filter-${key}` })),
  };
}

export const worklistPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    // --- My worklist -------------------------------------------------------------------------

    app.get('/worklists/mine', { config: { action: 'nominal.view' } }, async (request, reply) => {
      const ctx = web.context(request);
      const { query, errors } = readQuery(request);
      const mine = await myWorklist(database, ctx, query);
      return reply.code(Object.keys(errors).length ? 400 : 200).render('worklists/views/mine.njk', {
        title: 'My worklist',
        ...(await listView(web, ctx, '/worklists/mine', query, errors, mine, {
          defaultSort: 'due',
          due: true,
          managers: false,
        })),
        overdue: mine.overdue,
        dueThisWeek: mine.dueThisWeek,
        overdueActions: mine.overdueActions.map(presentRow),
        canConsiderCategory3: can(ctx.actor, 'category3.consider'),
      });
    });

    app.get('/worklists/mine.csv', { config: { action: 'nominal.view' } }, async (request, reply) => {
      const ctx = web.context(request);
      const { rows } = await wholeMyWorklist(database, ctx, parseInput(WorklistQuery, request.query ?? {}));
      return sendCsv(web, ctx, reply, rowsCsv(rows, `my-worklist-${ctx.today}.csv`, 'My worklist'));
    });

    // --- Area worklists ----------------------------------------------------------------------

    app.get('/worklists/area', { config: { action: 'worklist.area' } }, async (request, reply) => {
      const ctx = web.context(request);
      const { query, errors } = readQuery(request);
      const result = await areaWorklist(database, ctx, query);
      const chosen = result.lists.find((l) => l.key === result.list)!;
      const shown = { ...query, list: result.list };
      return reply.code(Object.keys(errors).length ? 400 : 200).render('worklists/views/area.njk', {
        title: `Area worklists: ${chosen.label}`,
        chosen,
        lists: result.lists.map((l) => ({
          href: href('/worklists/area', { ...query, page: undefined }, { list: l.key }),
          text: `${l.label} (${l.count})`,
          active: l.key === result.list,
        })),
        ...(await listView(web, ctx, '/worklists/area', shown, errors, result, {
          defaultSort: 'due',
          due: true,
          managers: true,
        })),
        canConsiderCategory3: can(ctx.actor, 'category3.consider'),
      });
    });

    app.get('/worklists/area.csv', { config: { action: 'worklist.area' } }, async (request, reply) => {
      const ctx = web.context(request);
      const whole = await wholeAreaWorklist(database, ctx, parseInput(WorklistQuery, request.query ?? {}));
      return sendCsv(
        web,
        ctx,
        reply,
        rowsCsv(whole.rows, `area-worklist-${whole.list}-${ctx.today}.csv`, `Area worklist (${whole.list})`),
      );
    });

    // --- Offences to classify, and changes made by rule corrections ------------------------

    app.get('/worklists/classification', { config: { action: 'worklist.area' } }, async (request, reply) => {
      const ctx = web.context(request);
      const { query, errors } = readQuery(request);
      const list = await classificationWorklist(database, ctx, query);
      return reply.code(Object.keys(errors).length ? 400 : 200).render('worklists/views/classification.njk', {
        title: 'Offence needs classifying',
        ...(await listView(web, ctx, '/worklists/classification', query, errors, list, {
          defaultSort: 'name',
          due: false,
          managers: true,
        })),
      });
    });

    app.get(
      '/worklists/classification.csv',
      { config: { action: 'worklist.area' } },
      async (request, reply) => {
        const ctx = web.context(request);
        const query = parseInput(WorklistQuery, request.query ?? {});
        const { rows } = await classificationWorklist(database, ctx, query, { whole: true });
        return sendCsv(
          web,
          ctx,
          reply,
          rowsCsv(rows, `offences-to-classify-${ctx.today}.csv`, 'Offences needing classification'),
        );
      },
    );

    const renderCorrections = async (
      request: FastifyRequest,
      reply: FastifyReply,
      problem?: { status: number; message: string },
    ) => {
      const ctx = web.context(request);
      const { query, errors } = readQuery(request);
      const list = await ruleCorrectionWorklist(database, ctx, query);
      const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
      const path = '/worklists/rule-corrections';
      return reply.code(problem?.status ?? 200).render('worklists/views/rule-corrections.njk', {
        title: 'Category or end date changed by a rule correction',
        rows: list.rows.map(presentCorrection),
        total: list.total,
        from: list.total ? (list.page - 1) * list.pageSize + 1 : 0,
        to: (list.page - 1) * list.pageSize + list.rows.length,
        pagination: pagination(list.page, pages, (p) => href(path, query, { page: String(p) })),
        headings: sortHeadings(path, query, 'due'),
        csvHref: href(`${path}.csv`, { ...query, page: undefined }, {}),
        queryErrors: Object.values(errors),
        canReview: can(ctx.actor, 'level.decide'),
        reviewed: parseInput(RuleCorrectionsPageQuery, request.query).reviewed === 'yes',
        errorList: [
          ...(problem ? [{ text: problem.message, href: '#corrections' }] : []),
          ...Object.values(errors).map((text) => ({ text, href: '#corrections' })),
        ],
      });
    };

    app.get(
      '/worklists/rule-corrections.csv',
      { config: { action: 'worklist.area' } },
      async (request, reply) => {
        const ctx = web.context(request);
        const query = parseInput(WorklistQuery, request.query ?? {});
        const { rows } = await ruleCorrectionWorklist(database, ctx, query, { whole: true });
        return sendCsv(web, ctx, reply, {
          filename: `rule-corrections-${ctx.today}.csv`,
          document: 'Rule corrections',
          ids: rows.map((r) => r.nominalId),
          body: csv(
            [
              'Vigil reference',
              'Name',
              'Date of birth',
              'Was',
              'Now',
              'Why',
              'Legal basis',
              'Found',
              'Managers',
            ],
            rows
              .map(presentCorrection)
              .map((r) => [
                r.vigilRef,
                r.name,
                r.dateOfBirth,
                r.was,
                r.now,
                r.newReason,
                r.newBasis,
                r.detectedOn,
                r.ownersText,
              ]),
          ),
        });
      },
    );

    app.get('/worklists/rule-corrections', { config: { action: 'worklist.area' } }, async (request, reply) =>
      renderCorrections(request, reply),
    );

    app.post(
      '/worklists/rule-corrections/:correctionId/reviewed',
      { config: { action: 'level.decide' } },
      async (request, reply) => {
        const { correctionId } = parseInput(RuleCorrectionParams, request.params);
        return handleForm({
          attempt: () => reviewRuleCorrection(database, web.context(request), correctionId),
          done: () => reply.redirect('/worklists/rule-corrections?reviewed=yes', 303),
          redisplay: (problem) =>
            renderCorrections(request, reply, {
              status: problem.status,
              message:
                problem.conflict?.message ??
                Object.values(problem.errors)[0] ??
                'This change could not be reviewed',
            }),
        });
      },
    );

    // --- Category 3 candidates ---------------------------------------------------------------

    app.get('/worklists/category-3', { config: { action: 'category3.view' } }, async (request, reply) => {
      const ctx = web.context(request);
      const { query, errors } = readQuery(request);
      const candidates = await category3Candidates(database, ctx, query);
      return reply.code(Object.keys(errors).length ? 400 : 200).render('worklists/views/category-3.njk', {
        title: 'Category 3 candidates',
        ...(await listView(web, ctx, '/worklists/category-3', query, errors, candidates, {
          defaultSort: 'name',
          due: false,
          managers: true,
        })),
        considered: parseInput(Category3PageQuery, request.query).considered === 'recorded',
      });
    });

    app.get('/worklists/category-3.csv', { config: { action: 'category3.view' } }, async (request, reply) => {
      const ctx = web.context(request);
      const query = parseInput(WorklistQuery, request.query ?? {});
      const { rows } = await category3Candidates(database, ctx, query, { whole: true });
      return sendCsv(
        web,
        ctx,
        reply,
        rowsCsv(rows, `category-3-candidates-${ctx.today}.csv`, 'Category 3 candidates'),
      );
    });

    const renderConsider = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      values: Record<string, unknown>,
      problem?: { status: number; errors: FieldErrors },
    ) => {
      const person = await getNominalSection(database, web.context(request), id, 'identity');
      const errors = problem?.errors;
      return reply.code(problem?.status ?? 200).render('worklists/views/consider.njk', {
        title: 'Consider Category 3',
        id,
        person,
        outcomes: CONSIDERATION_OUTCOME,
        values,
        errors: errors ?? {},
        errorList: Object.entries(errors ?? {}).map(([key, text]) => ({ text, href: `#${key}` })),
      });
    };

    app.get(
      '/nominals/:id/category-3/consider',
      { config: { action: 'category3.consider' } },
      async (request, reply) =>
        renderConsider(request, reply, parseInput(NominalParams, request.params).id, {}),
    );

    app.post(
      '/nominals/:id/category-3/consider',
      { config: { action: 'category3.consider' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            considerCategory3(
              database,
              web.context(request),
              id,
              parseInput(Category3ConsiderationInput, body),
            ),
          done: () => reply.redirect('/worklists/category-3?considered=recorded', 303),
          redisplay: ({ status, errors }) => renderConsider(request, reply, id, body, { status, errors }),
        });
      },
    );
  };
