import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import type { ConflictError, FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, formToInput, handleForm, inputToForm } from '../../../web/forms.ts';
import { renderStepForm } from './step-form.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { prisonEstablishments } from '../../reference/index.ts';
import { getAddressChecks } from '../address-checks.ts';
import { CUSTODY_STEPS, EPISODE_STEPS, type CustodyStep } from '../fields.ts';
import { getRotl } from '../rotl.ts';
import { NominalParams, StepPageParams } from '../schemas.ts';
import { custodyWorklist, getCustody, receiveIntoCustody, recordCustodyStep } from '../use-cases.ts';
import { internalRiskMeetings } from '../irmm.ts';

/**
 * Custody's pages: the record's Custody tab (episodes, dates, allocation, handover, checklist,
 * moves) and one form per step, and the custody worklist (an establishment's, or an area's).
 */

type Body = Record<string, unknown>;

export const custodyPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    app.get('/nominals/:id/custody', { config: { action: 'custody.view' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const custody = await getCustody(database, ctx, id);
      return reply.render('custody/views/custody.njk', {
        title: `Custody – ${person.name}`,
        id,
        person,
        ...custody,
        rotl: await getRotl(database, ctx, id),
        steps: CUSTODY_STEPS,
        irmm: await internalRiskMeetings(database, ctx, id),
        mayMonitor: can(ctx.actor, 'monitoring.view'),
        maySeeReleased: can(ctx.actor, 'monitoring.released'),
        addressChecks: await getAddressChecks(database, ctx, id),
      });
    });

    /** A step's form: blank, or what was typed with what is wrong (or who saved first). */
    const renderStep = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      step: CustodyStep,
      episode: { id: string; version: number } | null,
      values: Body,
      problem: { errors?: FieldErrors; conflict?: ConflictError } = {},
    ) => {
      const person = await getNominalSection(database, web.context(request), id, 'identity');
      const { fields, title } = CUSTODY_STEPS[step];
      return renderStepForm(reply, {
        title,
        personName: person.name,
        fields,
        values,
        problem,
        version: episode?.version,
        action: episode ? `/nominals/${id}/custody/${episode.id}/${step}` : `/nominals/${id}/custody`,
        backLink: `/nominals/${id}/custody`,
        agencies: fields.some((f) => f.kind === 'agency') ? await prisonEstablishments(database.db) : [],
      });
    };

    app.get('/nominals/:id/custody/new', { config: { action: 'custody.edit' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      return renderStep(request, reply, id, 'reception', null, {});
    });

    app.post('/nominals/:id/custody', { config: { action: 'custody.edit' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const body = bodyOf(request);
      return handleForm({
        attempt: () =>
          receiveIntoCustody(
            database,
            web.context(request),
            id,
            formToInput(CUSTODY_STEPS.reception.fields, body),
          ),
        done: () => reply.redirect(`/nominals/${id}/custody?saved=reception`, 303),
        redisplay: ({ errors }) => renderStep(request, reply, id, 'reception', null, body, { errors }),
      });
    });

    /** The episode a step is on, as the form needs it (404 if it is not this person's). */
    const episodeFor = async (request: FastifyRequest, id: string, episodeId: string) => {
      const { episodes } = await getCustody(database, web.context(request), id);
      return episodes.find((e) => e.id === episodeId) ?? null;
    };

    app.get(
      '/nominals/:id/custody/:episodeId/:step',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id, episodeId, step } = parseInput(StepPageParams, request.params);
        if (!(EPISODE_STEPS as readonly string[]).includes(step)) return reply.callNotFound();
        const episode = await episodeFor(request, id, episodeId);
        if (!episode || episode.released) return reply.callNotFound();
        const s = step as CustodyStep;
        // Dates and allocation are changed from what is recorded; the others start blank.
        const current: Body =
          s === 'details'
            ? { ...episode.dates }
            : s === 'allocation'
              ? { pomAllocatedOn: episode.pom?.allocatedOn, comAllocatedOn: episode.com?.allocatedOn }
              : s === 'check'
                ? { item: (request.query as Body).item }
                : {};
        return renderStep(request, reply, id, s, episode, inputToForm(CUSTODY_STEPS[s].fields, current));
      },
    );

    app.post(
      '/nominals/:id/custody/:episodeId/:step',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id, episodeId, step } = parseInput(StepPageParams, request.params);
        if (!(EPISODE_STEPS as readonly string[]).includes(step)) return reply.callNotFound();
        const s = step as CustodyStep;
        const body = bodyOf(request);
        const ctx = web.context(request);
        return handleForm({
          attempt: () =>
            recordCustodyStep(database, ctx, id, episodeId, s, {
              ...formToInput(CUSTODY_STEPS[s].fields, body),
              version: body.version,
            }),
          done: () => reply.redirect(`/nominals/${id}/custody?saved=${s}`, 303),
          redisplay: async ({ errors, conflict }) => {
            const episode = await episodeFor(request, id, episodeId);
            return renderStep(request, reply, id, s, episode, body, { errors, conflict });
          },
        });
      },
    );

    app.get('/custody/worklist', { config: { action: 'custody.view' } }, async (request, reply) => {
      const worklist = await custodyWorklist(database, web.context(request));
      return reply.render('custody/views/worklist.njk', { title: 'Custody worklist', ...worklist });
    });
  };
