import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import { logDownload } from '../../../audit/access-log.ts';
import { MAPPA_CATEGORY } from '../../../domain/codes.ts';
import { formatDateLong } from '../../../domain/dates.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { worklistCsv, type RuleCorrectionRow, type WorklistRow } from '../rows.ts';
import {
  AreaWorklistPageQuery,
  Category3ConsiderationInput,
  Category3PageQuery,
  NominalParams,
  RuleCorrectionParams,
  RuleCorrectionsPageQuery,
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
  };
}

/** A row as a page shows it: labels and a tag for what is due. */
function presentRow(row: WorklistRow) {
  return {
    ...row,
    categoryLabel: row.category
      ? (MAPPA_CATEGORY.find((c) => c.code === row.category)?.label ?? `Category ${row.category}`)
      : 'Not eligible',
  };
}

/**
 * A worklist downloaded as CSV leaves Vigil's control, like a PDF: logged as a disclosure of every
 * person in it to the person downloading it, before the file is sent.
 */
async function sendCsv(
  web: Web,
  request: FastifyRequest,
  reply: FastifyReply,
  download: { filename: string; document: string; rows: readonly WorklistRow[] },
) {
  const { filename, rows } = download;
  await logDownload(web.database, web.context(request), {
    recordType: 'nominal',
    recordIds: [...new Set(rows.map((r) => r.id))],
    document: download.document,
    format: 'CSV',
  });
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .send(`${worklistCsv(rows)}\r\n`);
}

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

export const worklistPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    // --- My worklist -------------------------------------------------------------------------

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
      return sendCsv(web, request, reply, {
        filename: `my-worklist-${ctx.today}.csv`,
        document: 'My worklist',
        rows: [...mine.rows, ...mine.overdueActions],
      });
    });

    // --- Area worklists ----------------------------------------------------------------------

    app.get('/worklists/area', { config: { action: 'worklist.area' } }, async (request, reply) => {
      const ctx = web.context(request);
      const query = parseInput(AreaWorklistPageQuery, request.query);
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
        pagination: pagination(result.page, pages, link),
      });
    });

    app.get('/worklists/area.csv', { config: { action: 'worklist.area' } }, async (request, reply) => {
      const ctx = web.context(request);
      const { list } = parseInput(AreaWorklistPageQuery, request.query);
      const whole = await wholeAreaWorklist(database, ctx, list || undefined);
      return sendCsv(web, request, reply, {
        filename: `area-worklist-${whole.list}-${ctx.today}.csv`,
        document: `Area worklist (${whole.list})`,
        rows: whole.rows,
      });
    });

    // --- Offences to classify, and changes made by rule corrections ------------------------

    app.get('/worklists/classification', { config: { action: 'worklist.area' } }, async (request, reply) => {
      const list = await classificationWorklist(database, web.context(request));
      return reply.render('worklists/views/classification.njk', {
        title: 'Offence needs classifying',
        rows: list.rows.map(presentRow),
      });
    });

    const renderCorrections = async (
      request: FastifyRequest,
      reply: FastifyReply,
      problem?: { status: number; message: string },
    ) => {
      const ctx = web.context(request);
      const list = await ruleCorrectionWorklist(database, ctx);
      return reply.code(problem?.status ?? 200).render('worklists/views/rule-corrections.njk', {
        title: 'Category or end date changed by a rule correction',
        rows: list.rows.map(presentCorrection),
        canReview: can(ctx.actor, 'level.decide'),
        reviewed: parseInput(RuleCorrectionsPageQuery, request.query).reviewed === 'yes',
        errorList: problem ? [{ text: problem.message, href: '#corrections' }] : [],
      });
    };

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
      const candidates = await category3Candidates(database, web.context(request));
      return reply.render('worklists/views/category-3.njk', {
        title: 'Category 3 candidates',
        rows: candidates.rows.map(presentRow),
        considered: parseInput(Category3PageQuery, request.query).considered === 'recorded',
      });
    });

    app.get('/worklists/category-3.csv', { config: { action: 'category3.view' } }, async (request, reply) => {
      const ctx = web.context(request);
      const candidates = await category3Candidates(database, ctx);
      return sendCsv(web, request, reply, {
        filename: `category-3-candidates-${ctx.today}.csv`,
        document: 'Category 3 candidates',
        rows: candidates.rows,
      });
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
