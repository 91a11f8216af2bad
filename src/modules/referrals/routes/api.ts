import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { logDownload } from '../../../audit/access-log.ts';
import { addDocumentRoutes } from '../../../web/documents/api-routes.ts';
import type { Web } from '../../../web/types.ts';
import { referralDocument } from '../document.ts';
import {
  DecisionResult,
  DraftInput,
  NominalParams,
  ReferralDetailView,
  ReferralParams,
  ReferralView,
  ScreeningDecision,
  VersionInput,
} from '../schemas.ts';
import { saveReferralDraft, startReferral, submitReferral, withdrawReferral } from '../use-cases/drafting.ts';
import { getReferral, listNominalReferrals, listReferrals } from '../use-cases/reading.ts';
import { decideReferral } from '../use-cases/screening.ts';

const TAG = 'Referrals (MAPPA A) and screening';

/** Referrals and screening under /api/v1: the same use cases as the pages, the same schemas as the forms. */
export const referralApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/nominals/{id}/referrals',
      action: 'referral.view',
      tag: TAG,
      summary: 'The person’s referrals to Level 2 or 3, newest first, with decisions (drafts: only your own)',
      params: NominalParams,
      response: z.array(ReferralView),
      handler: async (request) => listNominalReferrals(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/referrals',
      action: 'referral.create',
      tag: TAG,
      summary: 'Start a referral to Level 2 or 3: a draft, pre-filled from the record',
      params: NominalParams,
      response: z.object({ id: z.uuid(), version: z.number().int(), status: z.literal('draft') }),
      successStatus: 201,
      handler: async (request) => startReferral(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'GET',
      path: '/referrals',
      action: 'referral.view',
      tag: TAG,
      summary:
        'Referrals: your own, and for screeners the area’s awaiting screening (emergencies first, then oldest) and recent decisions',
      response: z.object({
        canScreen: z.boolean(),
        awaitingScreening: z.array(ReferralView),
        mine: z.array(ReferralView),
        recentDecisions: z.array(ReferralView),
      }),
      handler: async (request) => listReferrals(database, web.context(request)),
    });

    api.add({
      method: 'GET',
      path: '/referrals/{referralId}',
      action: 'referral.view',
      tag: TAG,
      summary:
        'One referral with its decision and the record it carries (as submitted; a draft shows the record as it stands)',
      params: ReferralParams,
      response: ReferralDetailView,
      handler: async (request) => {
        const { agencyGroups: _groups, ...referral } = await getReferral(
          database,
          web.context(request),
          request.params.referralId,
        );
        return referral;
      },
    });

    api.add({
      method: 'PATCH',
      path: '/referrals/{referralId}',
      action: 'referral.create',
      tag: TAG,
      summary:
        'Save a draft (your own): only the fields sent change. Send the version you read; a stale version is refused with 409',
      params: ReferralParams,
      body: DraftInput,
      response: z.object({ id: z.uuid(), version: z.number().int(), updatedAt: z.iso.datetime() }),
      handler: async (request) =>
        saveReferralDraft(database, web.context(request), request.params.referralId, request.body),
    });

    api.add({
      method: 'POST',
      path: '/referrals/{referralId}/submit',
      action: 'referral.create',
      tag: TAG,
      summary:
        'Submit a draft for screening: level, reason and what multi-agency management would add are required; the record is stored as it stands and the area’s MAPPA coordinators are told',
      params: ReferralParams,
      body: VersionInput,
      response: z.object({
        id: z.uuid(),
        version: z.number().int(),
        status: z.literal('submitted'),
        submittedAt: z.iso.datetime(),
        notified: z.number().int().describe('Coordinators notified'),
      }),
      handler: async (request) =>
        submitReferral(database, web.context(request), request.params.referralId, request.body),
    });

    api.add({
      method: 'POST',
      path: '/referrals/{referralId}/withdraw',
      action: 'referral.create',
      tag: TAG,
      summary: 'Withdraw your own draft (it is kept, marked withdrawn)',
      params: ReferralParams,
      body: VersionInput,
      response: z.object({
        id: z.uuid(),
        nominalId: z.uuid(),
        version: z.number().int(),
        status: z.literal('withdrawn'),
      }),
      handler: async (request) =>
        withdrawReferral(database, web.context(request), request.params.referralId, request.body),
    });

    api.add({
      method: 'POST',
      path: '/referrals/{referralId}/decision',
      action: 'referral.screen',
      tag: TAG,
      summary:
        'Screen a submitted referral in your area: accept at Level 2 or 3 (recording the level decision, and Category 3 for a Category 3 referral) or reject, with a rationale; the referrer is told at once',
      params: ReferralParams,
      body: ScreeningDecision,
      response: DecisionResult,
      successStatus: 201,
      handler: async (request) =>
        decideReferral(database, web.context(request), request.params.referralId, request.body),
    });

    addDocumentRoutes(api, {
      path: '/referrals/{referralId}/document',
      tag: TAG,
      action: 'referral.view',
      name: 'MAPPA A referral',
      params: ReferralParams,
      load: async (request, format) => {
        const ctx = web.context(request);
        const referral = await getReferral(database, ctx, request.params.referralId);
        await logDownload(database, ctx, {
          recordType: 'referral',
          recordIds: [referral.id, referral.nominalId],
          document: 'MAPPA A referral',
          format,
        });
        return { document: referralDocument(referral), filename: `mappa-a-${referral.vigilRef}.pdf` };
      },
    });
  };
