import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../access/policy.ts';
import { ConflictError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { DECISION_ROUTE_LABEL, REFERRAL_STATUS } from '../../domain/referrals.ts';
import { labelOf } from '../../domain/codes.ts';
import { LEVEL_CRITERION } from '../../domain/levels.ts';
import { renderPdf } from '../../web/documents/document.ts';
import type { Web } from '../../web/types.ts';
import { getNominalSection } from '../nominals/index.ts';
import { referralDocument } from './document.ts';
import {
  decideReferral,
  getReferral,
  getScreening,
  listNominalReferrals,
  listReferrals,
  referralForDocument,
  saveReferralDraft,
  startReferral,
  submitReferral,
  withdrawReferral,
  type ReferralDetail,
} from './use-cases.ts';
import { bodyOf } from '../../web/forms.ts';

/**
 * Referral to Level 2 or 3 (MAPPA A) and screening: the record tab, the draft (saved as you go by
 * vigil.js, or with "Save draft"), the referrals page, the screening form, the document (HTML and
 * PDF), and the same use cases under /api/v1.
 */

type Body = Record<string, unknown>;
type Params = { id: string };
type ReferralParams = { referralId: string };

const STATUS_TAG: Record<string, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  accepted: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
  withdrawn: 'govuk-tag--grey',
};
const statusTag = (status: string) => ({
  text: labelOf(REFERRAL_STATUS, status),
  classes: STATUS_TAG[status] ?? '',
});

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
const DECISION_ORDER = ['outcome', 'criteria', 'rationale', 'panelMembers', 'agreedBy'];

const ordered = (errors: FieldErrors, order: readonly string[]) => {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
};
const summaryLinks = (errors: FieldErrors, firstItem: Record<string, string> = {}) =>
  Object.entries(errors).map(([key, text]) => ({ text, href: `#${firstItem[key] ?? key}` }));

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

/** The form's fields as the use case takes them (every field present: a full save). */
function draftInput(body: Body): Body {
  return {
    version: body.version,
    requestedLevel: body.requestedLevel ?? '',
    emergency: body.emergency ?? '',
    category3: body.category3 ?? '',
    reason: body.reason ?? '',
    valueAdded: body.valueAdded ?? '',
    invitedAgencyIds: list(body.invitedAgencyIds),
    ...('proposedReleaseAddress' in body ? { proposedReleaseAddress: body.proposedReleaseAddress } : {}),
  };
}

const timeOf = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(
    new Date(iso),
  );

export function registerReferrals(web: Web): void {
  const { app, api, database } = web;

  // --- The record tab --------------------------------------------------------------------------

  app.get('/nominals/:id/referrals', { config: { action: 'referral.view' } }, async (request, reply) => {
    const { id } = request.params as Params;
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
      withdrawn: (request.query as Record<string, string | undefined>).withdrawn === 'yes',
    });
  });

  app.post('/nominals/:id/referrals', { config: { action: 'referral.create' } }, async (request, reply) => {
    const { id } = request.params as Params;
    const started = await startReferral(database, web.context(request), id);
    return reply.redirect(`/referrals/${started.id}/edit`, 303);
  });

  // --- The draft -------------------------------------------------------------------------------

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

  app.get(
    '/referrals/:referralId/edit',
    { config: { action: 'referral.create' } },
    async (request, reply) => {
      const { referralId } = request.params as ReferralParams;
      const referral = await getReferral(database, web.context(request), referralId);
      if (!referral.canEdit) return reply.redirect(`/referrals/${referralId}`, 303);
      const page = draftPage(referral, draftValues(referral));
      const justSaved = (request.query as Record<string, string | undefined>).saved === 'yes';
      return reply.render('referrals/views/draft.njk', { ...page, justSaved });
    },
  );

  /** A stale save: a GOV.UK page (or JSON for the autosave) saying who saved it and when. */
  const conflictAnswer = (
    request: FastifyRequest,
    reply: FastifyReply,
    error: ConflictError,
    json: boolean,
  ) => {
    if (json) return reply.code(409).send({ status: 409, message: error.message, changes: error.changes });
    const referralId = (request.params as ReferralParams).referralId;
    return reply.code(409).render('referrals/views/conflict.njk', {
      title: 'This draft was changed after you opened it',
      message: error.message,
      href: `/referrals/${referralId}/edit`,
    });
  };

  app.post('/referrals/:referralId', { config: { action: 'referral.create' } }, async (request, reply) => {
    const { referralId } = request.params as ReferralParams;
    const ctx = web.context(request);
    const body = request.body as Body;
    const intent = body.intent === 'submit' ? 'submit' : body.intent === 'autosave' ? 'autosave' : 'save';
    const json = intent === 'autosave' || (request.headers.accept ?? '').includes('application/json');
    const input = draftInput(body);
    /** The draft again, saying what is wrong: with what was typed, or as saved once it was. */
    const refused = async (errors: FieldErrors, savedAt?: string) => {
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
    };
    let saved: { version: number; updatedAt: string };
    try {
      saved = await saveReferralDraft(database, ctx, referralId, input);
    } catch (error) {
      if (error instanceof ConflictError) return conflictAnswer(request, reply, error, json);
      if (!(error instanceof ValidationError)) throw error;
      if (json) return reply.code(400).send({ status: 400, errors: ordered(error.fieldErrors, DRAFT_ORDER) });
      return refused(error.fieldErrors);
    }
    if (json) return reply.send({ version: saved.version, savedAt: timeOf(saved.updatedAt) });
    if (intent === 'save') return reply.redirect(`/referrals/${referralId}/edit?saved=yes`, 303);
    try {
      await submitReferral(database, ctx, referralId, { version: saved.version });
      return reply.redirect(`/referrals/${referralId}?submitted=yes`, 303);
    } catch (error) {
      if (error instanceof ConflictError) return conflictAnswer(request, reply, error, false);
      if (!(error instanceof ValidationError)) throw error;
      return refused(error.fieldErrors, timeOf(saved.updatedAt));
    }
  });

  app.post(
    '/referrals/:referralId/withdrawal',
    { config: { action: 'referral.create' } },
    async (request, reply) => {
      const { referralId } = request.params as ReferralParams;
      const ctx = web.context(request);
      const body = request.body as Body;
      try {
        const withdrawn = await withdrawReferral(database, ctx, referralId, { version: body.version });
        return reply.redirect(`/nominals/${withdrawn.nominalId}/referrals?withdrawn=yes`, 303);
      } catch (error) {
        if (error instanceof ConflictError) return conflictAnswer(request, reply, error, false);
        throw error;
      }
    },
  );

  // --- One referral and its document ------------------------------------------------------------

  app.get('/referrals/:referralId', { config: { action: 'referral.view' } }, async (request, reply) => {
    const { referralId } = request.params as ReferralParams;
    const query = request.query as Record<string, string | undefined>;
    const referral = await getReferral(database, web.context(request), referralId);
    return reply.render('referrals/views/referral.njk', {
      title: `Referral to Level ${referral.requestedLevel ?? '2 or 3'} – ${referral.name}`,
      referral,
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
      const { referralId } = request.params as ReferralParams;
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
      const { referralId } = request.params as ReferralParams;
      const referral = await referralForDocument(database, web.context(request), referralId, 'pdf');
      const pdf = await renderPdf(referralDocument(referral));
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="mappa-a-${referral.vigilRef}.pdf"`)
        .send(pdf);
    },
  );

  // --- The referrals page ------------------------------------------------------------------------

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

  const screeningPage = async (
    request: FastifyRequest,
    referralId: string,
    values: Body,
    errors?: FieldErrors,
  ) => {
    const { referral, officers, criteria } = await getScreening(database, web.context(request), referralId);
    const chosen = list(values.criteria);
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
      errors: errors ?? {},
      errorList: errors ? summaryLinks(errors, { outcome: 'outcome', criteria: 'criteria' }) : [],
    };
  };

  app.get(
    '/referrals/:referralId/decision',
    { config: { action: 'referral.screen' } },
    async (request, reply) => {
      const { referralId } = request.params as ReferralParams;
      const page = await screeningPage(request, referralId, {});
      if (!page.referral.canScreen) return reply.redirect(`/referrals/${referralId}`, 303);
      return reply.render('referrals/views/screening.njk', page);
    },
  );

  app.post(
    '/referrals/:referralId/decision',
    { config: { action: 'referral.screen' } },
    async (request, reply) => {
      const { referralId } = request.params as ReferralParams;
      const body = request.body as Body;
      const choice = String(body.decision ?? '');
      const outcome = choice.startsWith('accept') ? 'accepted' : choice === 'reject' ? 'rejected' : '';
      try {
        await decideReferral(database, web.context(request), referralId, {
          outcome,
          level: choice === 'accept-3' ? 3 : choice === 'accept-2' ? 2 : undefined,
          criteria: list(body.criteria),
          rationale: body.rationale,
          panelMembers: body.panelMembers,
          agreedBy: body.agreedBy,
        });
        return reply.redirect(`/referrals/${referralId}?decided=yes`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const errors = ordered(error.fieldErrors, DECISION_ORDER);
        if (errors.outcome) errors.decision = errors.outcome;
        delete errors.outcome;
        const page = await screeningPage(
          request,
          referralId,
          { ...body, criteria: list(body.criteria) },
          ordered(errors, ['decision', ...DECISION_ORDER]),
        );
        page.errorList = summaryLinks(page.errors, { decision: 'decision', criteria: 'criteria' });
        return reply.code(400).render('referrals/views/screening.njk', page);
      }
    },
  );

  // --- API ---------------------------------------------------------------------------------------

  const TAG = 'Referrals (MAPPA A) and screening';
  const UUID = { type: 'string', format: 'uuid' };
  const NULLABLE_TEXT = { type: ['string', 'null'], maxLength: 4000 };
  const REFERRAL = {
    type: 'object',
    properties: {
      id: UUID,
      nominalId: UUID,
      areaCode: { type: 'string' },
      status: { enum: REFERRAL_STATUS.map((s) => s.code) },
      requestedLevel: { type: ['integer', 'null'], enum: [2, 3, null] },
      category3: { type: 'boolean' },
      emergency: { type: 'boolean' },
      reason: { type: ['string', 'null'] },
      valueAdded: { type: ['string', 'null'] },
      proposedReleaseAddress: { type: ['string', 'null'] },
      invitedAgencyIds: { type: 'array', items: UUID },
      createdBy: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      submittedAt: { type: ['string', 'null'], format: 'date-time' },
      version: { type: 'integer' },
      decision: {
        type: ['object', 'null'],
        properties: {
          outcome: { enum: ['accepted', 'rejected'] },
          level: { type: ['integer', 'null'] },
          rationale: { type: 'string' },
          route: { enum: ['coordinator', 'panel', 'joint', 'emergency'] },
          panelMembers: { type: ['string', 'null'] },
          agreedBy: { type: ['string', 'null'] },
          decidedBy: { type: 'string' },
          decidedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
  };
  const DRAFT_FIELDS = {
    requestedLevel: { enum: [2, 3, null] },
    emergency: { type: 'boolean' },
    category3: {
      type: 'boolean',
      description: 'A Category 3 referral (other dangerous offenders): for people not otherwise eligible',
    },
    reason: NULLABLE_TEXT,
    valueAdded: { ...NULLABLE_TEXT, description: 'What multi-agency management would add' },
    proposedReleaseAddress: { ...NULLABLE_TEXT, description: 'Only when the record holds none' },
    invitedAgencyIds: { type: 'array', items: UUID, description: 'Agencies of the area to invite' },
  };
  const referralId = (request: FastifyRequest) => (request.params as ReferralParams).referralId;

  api.add({
    method: 'GET',
    path: '/nominals/{id}/referrals',
    action: 'referral.view',
    tag: TAG,
    summary: 'The person’s referrals to Level 2 or 3, newest first, with decisions (drafts: only your own)',
    response: { type: 'array', items: REFERRAL },
    handler: async (request) =>
      listNominalReferrals(database, web.context(request), (request.params as Params).id),
  });

  api.add({
    method: 'POST',
    path: '/nominals/{id}/referrals',
    action: 'referral.create',
    tag: TAG,
    summary: 'Start a referral to Level 2 or 3: a draft, pre-filled from the record',
    response: {
      type: 'object',
      properties: { id: UUID, version: { type: 'integer' }, status: { const: 'draft' } },
    },
    successStatus: 201,
    handler: async (request) => startReferral(database, web.context(request), (request.params as Params).id),
  });

  api.add({
    method: 'GET',
    path: '/referrals',
    action: 'referral.view',
    tag: TAG,
    summary:
      'Referrals: your own, and for screeners the area’s awaiting screening (emergencies first, then oldest) and recent decisions',
    response: {
      type: 'object',
      properties: {
        canScreen: { type: 'boolean' },
        awaitingScreening: { type: 'array', items: REFERRAL },
        mine: { type: 'array', items: REFERRAL },
        recentDecisions: { type: 'array', items: REFERRAL },
      },
    },
    handler: async (request) => listReferrals(database, web.context(request)),
  });

  api.add({
    method: 'GET',
    path: '/referrals/{referralId}',
    action: 'referral.view',
    tag: TAG,
    summary:
      'One referral with its decision and the record it carries (as submitted; a draft shows the record as it stands)',
    response: {
      ...REFERRAL,
      properties: {
        ...REFERRAL.properties,
        record: { type: 'object', description: 'MAPPA A’s record parts, as words ready to show' },
        recordFrom: { enum: ['submission', 'live'] },
        invitedAgencies: { type: 'array', items: { type: 'object' } },
        screeningRoute: { enum: ['coordinator', 'panel', 'joint', 'emergency'] },
      },
    },
    handler: async (request) => {
      const { agencyGroups: _groups, ...referral } = await getReferral(
        database,
        web.context(request),
        referralId(request),
      );
      return referral;
    },
  });

  api.add({
    // The ApiRoute type lists GET/POST/PUT/DELETE; a partial save is a PATCH.
    method: 'PATCH',
    path: '/referrals/{referralId}',
    action: 'referral.create',
    tag: TAG,
    summary:
      'Save a draft (your own): only the fields sent change. Send the version you read; a stale version is refused with 409',
    body: {
      type: 'object',
      required: ['version'],
      properties: { version: { type: 'integer', minimum: 1 }, ...DRAFT_FIELDS },
    },
    response: {
      type: 'object',
      properties: {
        id: UUID,
        version: { type: 'integer' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    },
    handler: async (request) =>
      saveReferralDraft(database, web.context(request), referralId(request), bodyOf(request)),
  });

  api.add({
    method: 'POST',
    path: '/referrals/{referralId}/submit',
    action: 'referral.create',
    tag: TAG,
    summary:
      'Submit a draft for screening: level, reason and what multi-agency management would add are required; the record is stored as it stands and the area’s MAPPA coordinators are told',
    body: { type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum: 1 } } },
    response: {
      type: 'object',
      properties: {
        id: UUID,
        version: { type: 'integer' },
        status: { const: 'submitted' },
        submittedAt: { type: 'string', format: 'date-time' },
        notified: { type: 'integer', description: 'Coordinators notified' },
      },
    },
    handler: async (request) =>
      submitReferral(database, web.context(request), referralId(request), bodyOf(request)),
  });

  api.add({
    method: 'POST',
    path: '/referrals/{referralId}/withdraw',
    action: 'referral.create',
    tag: TAG,
    summary: 'Withdraw your own draft (it is kept, marked withdrawn)',
    body: { type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum: 1 } } },
    response: {
      type: 'object',
      properties: { id: UUID, version: { type: 'integer' }, status: { const: 'withdrawn' } },
    },
    handler: async (request) =>
      withdrawReferral(database, web.context(request), referralId(request), bodyOf(request)),
  });

  api.add({
    method: 'POST',
    path: '/referrals/{referralId}/decision',
    action: 'referral.screen',
    tag: TAG,
    summary:
      'Screen a submitted referral in your area: accept at Level 2 or 3 (recording the level decision, and Category 3 for a Category 3 referral) or reject, with a rationale; the referrer is told at once',
    body: {
      type: 'object',
      required: ['outcome', 'rationale'],
      properties: {
        outcome: { enum: ['accepted', 'rejected'] },
        level: { enum: [2, 3], description: 'When accepted' },
        criteria: {
          type: 'array',
          items: { enum: LEVEL_CRITERION.map((c) => c.code) },
          description: 'When accepted: the level criteria (MAPPA Q) the level needs',
        },
        rationale: { type: 'string', maxLength: 4000 },
        panelMembers: { type: 'string', maxLength: 4000, description: 'Panel route: who sat on the panel' },
        agreedBy: {
          ...UUID,
          description: 'Joint route: the police detective inspector (a screener in the area) who agreed',
        },
      },
    },
    response: {
      type: 'object',
      properties: {
        id: UUID,
        referralId: UUID,
        outcome: { enum: ['accepted', 'rejected'] },
        level: { type: ['integer', 'null'] },
        route: { enum: ['coordinator', 'panel', 'joint', 'emergency'] },
        levelDecisionId: { type: ['string', 'null'], format: 'uuid' },
        decidedAt: { type: 'string', format: 'date-time' },
      },
    },
    successStatus: 201,
    handler: async (request) => {
      const body = bodyOf(request);
      return decideReferral(database, web.context(request), referralId(request), body);
    },
  });
}
