import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import { labelOf } from '../../../domain/codes.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { LEVEL_CRITERION } from '../../../domain/levels.ts';
import { DECISION_ROUTE_LABEL } from '../../../domain/referrals.ts';
import { parseInput } from '../../../validation/parse.ts';
import { renderPdf } from '../../../web/documents/document.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { referralDocument } from '../document.ts';
import { ReferralPageQuery, ReferralParams } from '../schemas.ts';
import { getReferral, listReferrals, referralForDocument } from '../use-cases/reading.ts';
import { decideReferral, getScreening } from '../use-cases/screening.ts';
import { list, ordered, statusTag, summaryLinks } from './presenting.ts';

/**
 * One referral and its document (HTML and PDF), the referrals page, and the screening form.
 */

type Body = Record<string, unknown>;

const DECISION_ORDER = ['outcome', 'criteria', 'rationale', 'panelMembers', 'agreedBy'];

/** The screening form's radios ("accept-2", "accept-3", "reject") as the decision's outcome and level. */
const decisionOf = (body: Body) => {
  const choice = String(body.decision ?? '');
  return {
    outcome: choice.startsWith('accept') ? 'accepted' : choice === 'reject' ? 'rejected' : '',
    level: choice === 'accept-3' ? 3 : choice === 'accept-2' ? 2 : undefined,
    criteria: body.criteria,
    rationale: body.rationale,
    panelMembers: body.panelMembers,
    agreedBy: body.agreedBy,
  };
};

export const referralPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/referrals/:referralId', { config: { action: 'referral.view' } }, async (request, reply) => {
      const { referralId } = parseInput(ReferralParams, request.params);
      const query = parseInput(ReferralPageQuery, request.query);
      const ctx = web.context(request);
      const referral = await getReferral(database, ctx, referralId);
      return reply.render('referrals/views/referral.njk', {
        title: `Referral to Level ${referral.requestedLevel ?? '2 or 3'} – ${referral.name}`,
        referral,
        // Accepted: the next step is a meeting, scheduled with the referral's person, level and agencies.
        canScheduleMeeting: referral.status === 'accepted' && can(ctx.actor, 'meeting.manage'),
        tag: statusTag(referral.status),
        // Once decided, the route it was decided by; until then, the route it will go by.
        routeLabel: DECISION_ROUTE_LABEL[referral.decision?.route ?? referral.screeningRoute],
        criteriaLabels: (referral.decision?.criteria ?? []).map((c) => labelOf(LEVEL_CRITERION, c)),
        banner:
          query.submitted === 'yes'
            ? 'Referral submitted: the MAPPA coordinators have been told'
            : query.decided === 'yes'
              ? 'Decision recorded: the referrer has been told'
              : null,
      });
    });

    app.get(
      '/referrals/:referralId/document',
      { config: { action: 'referral.view' } },
      async (request, reply) => {
        const { referralId } = parseInput(ReferralParams, request.params);
        const referral = await referralForDocument(database, web.context(request), referralId, 'html');
        return reply.render('document.njk', {
          title: 'MAPPA A referral',
          document: referralDocument(referral),
          pdfHref: `/referrals/${referralId}/document.pdf`,
          backHref: `/referrals/${referralId}`,
        });
      },
    );

    app.get(
      '/referrals/:referralId/document.pdf',
      { config: { action: 'referral.view' } },
      async (request, reply) => {
        const { referralId } = parseInput(ReferralParams, request.params);
        const referral = await referralForDocument(database, web.context(request), referralId, 'pdf');
        const pdf = await renderPdf(referralDocument(referral));
        return reply
          .type('application/pdf')
          .header('Content-Disposition', `attachment; filename="mappa-a-${referral.vigilRef}.pdf"`)
          .send(pdf);
      },
    );

    app.get('/referrals', { config: { action: 'referral.view' } }, async (request, reply) => {
      const lists = await listReferrals(database, web.context(request));
      const withTag = <T extends { status: string }>(rows: T[]) =>
        rows.map((r) => ({ ...r, tag: statusTag(r.status) }));
      return reply.render('referrals/views/referrals.njk', {
        title: 'Referrals',
        canScreen: lists.canScreen,
        awaiting: withTag(lists.awaitingScreening),
        mine: withTag(lists.mine),
        recent: withTag(lists.recentDecisions),
      });
    });

    // --- Screening -------------------------------------------------------------------------------

    /** The screening form: empty, or with what was chosen and what is wrong (the outcome is the "decision" radios). */
    const screeningPage = async (
      request: FastifyRequest,
      referralId: string,
      values: Body,
      errors?: FieldErrors,
    ) => {
      const { referral, officers, criteria } = await getScreening(database, web.context(request), referralId);
      const chosen = list(values.criteria);
      const { outcome, ...rest } = errors ?? {};
      const shown = errors
        ? ordered({ ...(outcome ? { decision: outcome } : {}), ...rest }, ['decision', ...DECISION_ORDER])
        : {};
      return {
        title: 'Screen the referral',
        referral,
        routeLabel: DECISION_ROUTE_LABEL[referral.screeningRoute],
        officers,
        criteria: criteria.map((c) => ({
          value: c.code,
          text: c.label,
          hint: { text: c.levels.length === 1 ? `Level ${c.levels[0]} only` : 'Level 2 or 3' },
          checked: chosen.includes(c.code),
        })),
        values,
        errors: shown,
        errorList: errors ? summaryLinks(shown, { decision: 'decision', criteria: 'criteria' }) : [],
      };
    };

    app.get(
      '/referrals/:referralId/decision',
      { config: { action: 'referral.screen' } },
      async (request, reply) => {
        const { referralId } = parseInput(ReferralParams, request.params);
        const page = await screeningPage(request, referralId, {});
        if (!page.referral.canScreen) return reply.redirect(`/referrals/${referralId}`, 303);
        return reply.render('referrals/views/screening.njk', page);
      },
    );

    app.post(
      '/referrals/:referralId/decision',
      { config: { action: 'referral.screen' } },
      async (request, reply) => {
        const { referralId } = parseInput(ReferralParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () => decideReferral(database, web.context(request), referralId, decisionOf(body)),
          done: () => reply.redirect(`/referrals/${referralId}?decided=yes`, 303),
          redisplay: async ({ errors }) =>
            reply
              .code(400)
              .render(
                'referrals/views/screening.njk',
                await screeningPage(request, referralId, { ...body, criteria: list(body.criteria) }, errors),
              ),
        });
      },
    );
  };
