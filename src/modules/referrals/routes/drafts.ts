import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { can } from '../../../access/policy.ts';
import { ValidationError, type ConflictError, type FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { referralDocument } from '../document.ts';
import {
  DraftPageQuery,
  NominalParams,
  NominalReferralsQuery,
  ReferralParams,
  type DraftInputValue,
} from '../schemas.ts';
import { saveReferralDraft, startReferral, submitReferral, withdrawReferral } from '../use-cases/drafting.ts';
import { getReferral, listNominalReferrals, type ReferralDetail } from '../use-cases/reading.ts';
import { list, ordered, statusTag, summaryLinks, timeOf } from './presenting.ts';

/**
 * The record's Referrals tab and the draft: saved as you go by vigil.js (JSON answers), or with
 * "Save draft"; submitted for screening; or withdrawn.
 */

type Body = Record<string, unknown>;

const DRAFT_ORDER = [
  'referral',
  'version',
  'requestedLevel',
  'emergency',
  'category3',
  'reason',
  'valueAdded',
  'invitedAgencyIds',
  'proposedReleaseAddress',
];

/** The form's fields as the use case takes them (every field present: a full save). */
const draftInput = (body: Body): DraftInputValue => ({
  version: body.version,
  requestedLevel: body.requestedLevel ?? '',
  emergency: body.emergency ?? '',
  category3: body.category3 ?? '',
  reason: body.reason ?? '',
  valueAdded: body.valueAdded ?? '',
  invitedAgencyIds: list(body.invitedAgencyIds),
  ...('proposedReleaseAddress' in body ? { proposedReleaseAddress: body.proposedReleaseAddress } : {}),
});

/** The draft's values as the form shows them. */
const draftValues = (r: ReferralDetail): Body => ({
  version: String(r.version),
  requestedLevel: r.requestedLevel ? String(r.requestedLevel) : '',
  emergency: r.emergency ? 'yes' : 'no',
  category3: r.category3 ? 'yes' : 'no',
  reason: r.reason ?? '',
  valueAdded: r.valueAdded ?? '',
  invitedAgencyIds: r.invitedAgencyIds,
  proposedReleaseAddress: r.proposedReleaseAddress ?? '',
});

const draftPage = (referral: ReferralDetail, values: Body, errors?: FieldErrors, saved?: string) => {
  const invited = list(values.invitedAgencyIds);
  return {
    title: 'Refer to Level 2 or 3 management',
    referral,
    values,
    errors: errors ?? {},
    errorList: errors
      ? summaryLinks(errors, {
          requestedLevel: 'requestedLevel',
          emergency: 'emergency',
          category3: 'category3',
          invitedAgencyIds: `invitedAgencyIds-${referral.agencyGroups[0]?.type ?? ''}`,
        })
      : [],
    agencyGroups: referral.agencyGroups.map((g) => ({
      ...g,
      items: g.agencies.map((a) => ({ value: a.id, text: a.name, checked: invited.includes(a.id) })),
    })),
    savedAt: saved ?? timeOf(referral.updatedAt),
    needsReleaseAddress: !referral.record.addresses.proposedRelease,
    recordSections: referralDocument(referral).sections.slice(0, 10),
  };
};

/** A stale save: a GOV.UK page (or JSON for the autosave) saying who saved it and when. */
const conflictAnswer = (reply: FastifyReply, referralId: string, error: ConflictError, json: boolean) => {
  if (json) return reply.code(409).send({ status: 409, message: error.message, changes: error.changes });
  return reply.code(409).render('referrals/views/conflict.njk', {
    title: 'This draft was changed after you opened it',
    message: error.message,
    href: `/referrals/${referralId}/edit`,
  });
};

export const draftPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/nominals/:id/referrals', { config: { action: 'referral.view' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const ctx = web.context(request);
      const referrals = await listNominalReferrals(database, ctx, id);
      const person = await getNominalSection(database, ctx, id, 'identity');
      return reply.render('referrals/views/nominal-referrals.njk', {
        title: `Referrals – ${person.name}`,
        id,
        person,
        canRefer: can(ctx.actor, 'referral.create'),
        referrals: referrals.map((r) => ({
          ...r,
          tag: statusTag(r.status),
          mine: r.createdById === ctx.actor.userId,
        })),
        withdrawn: parseInput(NominalReferralsQuery, request.query).withdrawn === 'yes',
      });
    });

    app.post('/nominals/:id/referrals', { config: { action: 'referral.create' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const started = await startReferral(database, web.context(request), id);
      return reply.redirect(`/referrals/${started.id}/edit`, 303);
    });

    app.get(
      '/referrals/:referralId/edit',
      { config: { action: 'referral.create' } },
      async (request, reply) => {
        const { referralId } = parseInput(ReferralParams, request.params);
        const referral = await getReferral(database, web.context(request), referralId);
        if (!referral.canEdit) return reply.redirect(`/referrals/${referralId}`, 303);
        const page = draftPage(referral, draftValues(referral));
        const justSaved = parseInput(DraftPageQuery, request.query).saved === 'yes';
        return reply.render('referrals/views/draft.njk', { ...page, justSaved });
      },
    );

    app.post('/referrals/:referralId', { config: { action: 'referral.create' } }, async (request, reply) => {
      const { referralId } = parseInput(ReferralParams, request.params);
      const ctx = web.context(request);
      const body = bodyOf(request);
      const intent = body.intent === 'submit' ? 'submit' : body.intent === 'autosave' ? 'autosave' : 'save';
      // The autosave (and any caller asking for JSON) is answered in JSON, and only saves.
      const json = intent === 'autosave' || (request.headers.accept ?? '').includes('application/json');
      /** When the save went through but the submission did not: the time it was saved. */
      let savedAt: string | undefined;
      return handleForm({
        attempt: async () => {
          const saved = await saveReferralDraft(database, ctx, referralId, draftInput(body));
          if (json || intent !== 'submit') return saved;
          savedAt = timeOf(saved.updatedAt);
          await submitReferral(database, ctx, referralId, { version: saved.version });
          return saved;
        },
        done: (saved) =>
          json
            ? reply.send({ version: saved.version, savedAt: timeOf(saved.updatedAt) })
            : intent === 'save'
              ? reply.redirect(`/referrals/${referralId}/edit?saved=yes`, 303)
              : reply.redirect(`/referrals/${referralId}?submitted=yes`, 303),
        redisplay: async ({ errors, conflict }) => {
          if (conflict) return conflictAnswer(reply, referralId, conflict, json);
          if (json) return reply.code(400).send({ status: 400, errors: ordered(errors, DRAFT_ORDER) });
          // The draft again, saying what is wrong: with what was typed, or as saved once it was.
          const referral = await getReferral(database, ctx, referralId);
          const values = savedAt
            ? draftValues(referral)
            : { ...body, invitedAgencyIds: list(body.invitedAgencyIds) };
          return reply
            .code(400)
            .render(
              'referrals/views/draft.njk',
              draftPage(referral, values, ordered(errors, DRAFT_ORDER), savedAt),
            );
        },
      });
    });

    app.post(
      '/referrals/:referralId/withdrawal',
      { config: { action: 'referral.create' } },
      async (request, reply) => {
        const { referralId } = parseInput(ReferralParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            withdrawReferral(database, web.context(request), referralId, { version: body.version }),
          done: (withdrawn) =>
            reply.redirect(`/nominals/${withdrawn.nominalId}/referrals?withdrawn=yes`, 303),
          redisplay: ({ errors, conflict }) => {
            if (conflict) return conflictAnswer(reply, referralId, conflict, false);
            // No longer a draft, or no version: there is no form to show again, so the error page says why.
            throw new ValidationError(errors);
          },
        });
      },
    );
  };
