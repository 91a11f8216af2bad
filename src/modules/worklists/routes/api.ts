import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Web } from '../../../web/types.ts';
import { csv, ownersText } from '../rows.ts';
import {
  AreaWorklistView,
  CaseloadView,
  Category3CandidatesView,
  Category3ConsiderationInput,
  ClassificationWorklistView,
  MyWorklistView,
  NominalParams,
  RuleCorrectionParams,
  RuleCorrectionReviewedView,
  RuleCorrectionsView,
  WorklistQuery,
} from '../schemas.ts';
import {
  areaCaseload,
  areaWorklist,
  category3Candidates,
  classificationWorklist,
  considerCategory3,
  myWorklist,
  reviewRuleCorrection,
  ruleCorrectionWorklist,
  wholeAreaWorklist,
  wholeMyWorklist,
} from '../use-cases.ts';
import { rowsCsv, sendCsv } from './list-view.ts';

/** A client asking for CSV (`Accept: text/csv`) gets the whole filtered list as CSV rather than a page of JSON. */
const wantsCsv = (request: FastifyRequest) => /\btext\/csv\b/.test(request.headers.accept ?? '');
const CSV_NOTE =
  ' Send `Accept: text/csv` for the whole filtered list (up to 10,000 rows) as CSV, logged as a disclosure.';

/** The worklists API: the same use cases as the pages. */
export const worklistApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    const caseload = async (request: FastifyRequest, reply: FastifyReply) => {
      const ctx = web.context(request);
      if (!wantsCsv(request)) return areaCaseload(database, ctx, request.query);
      const { rows } = await areaCaseload(database, ctx, request.query, { whole: true });
      return sendCsv(web, ctx, reply, {
        filename: `caseload-${ctx.today}.csv`,
        document: 'Area caseload',
        ids: rows.map((r) => r.nominalId),
        body: csv(
          ['Vigil reference', 'Name', 'Date of birth', 'Category', 'Level', 'In custody', 'Managers'],
          rows.map((r) => [
            r.vigilRef,
            r.name,
            r.dateOfBirth,
            r.category,
            r.level,
            r.inCustody ? 'yes' : 'no',
            ownersText(r.owners),
          ]),
        ),
      });
    };

    api.add({
      method: 'GET',
      path: '/worklists/mine',
      action: 'nominal.view',
      tag: 'Worklists',
      summary:
        'Your caseload’s obligations, one row per obligation (its own due date, reason and legal basis), filtered, sorted and 50 a page; and your overdue actions.' +
        CSV_NOTE,
      query: WorklistQuery,
      response: MyWorklistView,
      handler: async (request, reply) => {
        const ctx = web.context(request);
        if (!wantsCsv(request)) return myWorklist(database, ctx, request.query);
        const { rows } = await wholeMyWorklist(database, ctx, request.query);
        return sendCsv(web, ctx, reply, rowsCsv(rows, `my-worklist-${ctx.today}.csv`, 'My worklist'));
      },
    });

    api.add({
      method: 'GET',
      path: '/worklists/area',
      action: 'worklist.area',
      tag: 'Worklists',
      summary:
        'One of your area’s worklists, one row per obligation, filtered, sorted and 50 a page, with the count of every list under the same filters.' +
        CSV_NOTE,
      query: WorklistQuery,
      response: AreaWorklistView,
      handler: async (request, reply) => {
        const ctx = web.context(request);
        if (!wantsCsv(request)) return areaWorklist(database, ctx, request.query);
        const whole = await wholeAreaWorklist(database, ctx, request.query);
        return sendCsv(
          web,
          ctx,
          reply,
          rowsCsv(
            whole.rows,
            `area-worklist-${whole.list}-${ctx.today}.csv`,
            `Area worklist (${whole.list})`,
          ),
        );
      },
    });

    api.add({
      method: 'GET',
      path: '/caseload',
      action: 'worklist.area',
      tag: 'Worklists',
      summary:
        'Your area’s caseload: each person with category, level, custody and named managers, filtered (manager, agency, level, category, setting; `due` does not apply), sorted (name by default) and 50 a page.' +
        CSV_NOTE,
      query: WorklistQuery,
      response: CaseloadView,
      handler: async (request, reply) => caseload(request, reply),
    });

    api.add({
      method: 'GET',
      path: '/worklists/category-3',
      action: 'category3.view',
      tag: 'Worklists',
      summary:
        'High-risk domestic abuse and stalking cases not under MAPPA, not yet considered for Category 3 (filtered, sorted by name, 50 a page)',
      query: WorklistQuery,
      response: Category3CandidatesView,
      handler: async (request) => category3Candidates(database, web.context(request), request.query),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/category-3-considerations',
      action: 'category3.consider',
      tag: 'Worklists',
      summary: 'Record that a Category 3 candidate was considered: refer, or not needed, and why',
      params: NominalParams,
      body: Category3ConsiderationInput,
      response: z.object({ id: z.uuid() }),
      successStatus: 201,
      handler: async (request) =>
        considerCategory3(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'GET',
      path: '/worklists/classification',
      action: 'worklist.area',
      tag: 'Worklists',
      summary:
        'People in your area whose offence needs classifying (not on the reference list, or a Schedule 3 fact not recorded), with what to record (filtered, sorted by name, 50 a page)',
      query: WorklistQuery,
      response: ClassificationWorklistView,
      handler: async (request) => classificationWorklist(database, web.context(request), request.query),
    });

    api.add({
      method: 'GET',
      path: '/worklists/rule-corrections',
      action: 'worklist.area',
      tag: 'Worklists',
      summary:
        'People in your area whose category or end date a correction of the rules changed, not yet reviewed: old and new, and why (oldest first, 50 a page)',
      query: WorklistQuery,
      response: RuleCorrectionsView,
      handler: async (request) => ruleCorrectionWorklist(database, web.context(request), request.query),
    });

    api.add({
      method: 'POST',
      path: '/rule-corrections/{correctionId}/reviewed',
      action: 'level.decide',
      tag: 'Worklists',
      summary: 'Mark a change made by a rule correction as reviewed; it leaves the list',
      params: RuleCorrectionParams,
      response: RuleCorrectionReviewedView,
      handler: async (request) =>
        reviewRuleCorrection(database, web.context(request), request.params.correctionId),
    });
  };
