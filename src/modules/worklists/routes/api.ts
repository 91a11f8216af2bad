import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Web } from '../../../web/types.ts';
import {
  AreaWorklistQuery,
  AreaWorklistView,
  Category3CandidatesView,
  Category3ConsiderationInput,
  ClassificationWorklistView,
  MyWorklistView,
  NominalParams,
  RuleCorrectionParams,
  RuleCorrectionReviewedView,
  RuleCorrectionsView,
} from '../schemas.ts';
import {
  areaWorklist,
  category3Candidates,
  classificationWorklist,
  considerCategory3,
  myWorklist,
  reviewRuleCorrection,
  ruleCorrectionWorklist,
} from '../use-cases.ts';

/** The worklists API: the same use cases as the pages. */
export const worklistApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/worklists/mine',
      action: 'nominal.view',
      tag: 'Worklists',
      summary: 'The people you are a named manager of, with what is due and overdue, soonest first',
      response: MyWorklistView,
      handler: async (request) => myWorklist(database, web.context(request)),
    });

    api.add({
      method: 'GET',
      path: '/worklists/area',
      action: 'worklist.area',
      tag: 'Worklists',
      summary: 'One of your area’s worklists (50 a page), with the count of every list',
      query: AreaWorklistQuery,
      response: AreaWorklistView,
      handler: async (request) =>
        areaWorklist(database, web.context(request), request.query.list, request.query.page ?? 1),
    });

    api.add({
      method: 'GET',
      path: '/worklists/category-3',
      action: 'category3.view',
      tag: 'Worklists',
      summary:
        'High-risk domestic abuse and stalking cases not under MAPPA, not yet considered for Category 3',
      response: Category3CandidatesView,
      handler: async (request) => category3Candidates(database, web.context(request)),
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
        'People in your area whose offence needs classifying (not on the reference list, or a Schedule 3 fact not recorded), with what to record',
      response: ClassificationWorklistView,
      handler: async (request) => classificationWorklist(database, web.context(request)),
    });

    api.add({
      method: 'GET',
      path: '/worklists/rule-corrections',
      action: 'worklist.area',
      tag: 'Worklists',
      summary:
        'People in your area whose category or end date a correction of the rules changed, not yet reviewed: old and new, and why',
      response: RuleCorrectionsView,
      handler: async (request) => ruleCorrectionWorklist(database, web.context(request)),
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
