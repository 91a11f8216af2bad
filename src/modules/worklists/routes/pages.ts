import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { csv } from '../rows.ts';
import {
  Category3ConsiderationInput,
  Category3PageQuery,
  NominalParams,
  RuleCorrectionParams,
  RuleCorrectionsPageQuery,
  WorklistQuery,
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
} from '../use-cases.ts';
import {
  href,
  listView,
  pagination,
  presentCorrection,
  presentRow,
  readQuery,
  rowsCsv,
  sendCsv,
  sortHeadings,
} from './list-view.ts';

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
