import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayBy } from '../../../clock.ts';
import type { ConflictError, FieldErrors } from '../../../domain/errors.ts';
import { parseInput, pathId } from '../../../validation/parse.ts';
import { bodyOf, formToInput, handleForm } from '../../../web/forms.ts';
import { renderStepForm } from './step-form.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { ROTL_EPISODE_STEPS, ROTL_STEPS, rotlStepInput, type RotlStep } from '../rotl-fields.ts';
import { RotlView, getRotl, recordRotlApplication, recordRotlStep } from '../rotl.ts';
import { NominalParams, StepResult } from '../schemas.ts';

/**
 * ROTL (release on temporary licence) on the record's Custody tab and over JSON: the application,
 * its decision and its outcome, each from the same fields (rotl-fields.ts) and use cases (rotl.ts).
 */

type Body = Record<string, unknown>;
const TAG = 'Custody';
const RotlParams = z.object({ id: pathId, rotlId: pathId });
const RotlStepPageParams = RotlParams.extend({ step: z.string() });
const isEpisodeStep = (step: string): step is (typeof ROTL_EPISODE_STEPS)[number] =>
  (ROTL_EPISODE_STEPS as readonly string[]).includes(step);

export const rotlRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { api, database } = web;
    const today = () => todayBy(web.clock);

    // --- API ------------------------------------------------------------------------------------

    api.add({
      method: 'GET',
      path: '/nominals/{id}/custody/rotl',
      action: 'custody.view',
      tag: TAG,
      summary:
        'The person’s releases on temporary licence (ROTL): each application (type, planned dates, address, escort), its decision and its outcome',
      params: NominalParams,
      response: RotlView,
      handler: async (request) => getRotl(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/custody/rotl',
      action: 'custody.edit',
      tag: TAG,
      summary:
        'Record a ROTL application on the person’s open custody episode; it waits for a decision (on the custody worklist as "ROTL decision due")',
      params: NominalParams,
      body: rotlStepInput('application', today),
      response: StepResult,
      successStatus: 201,
      handler: async (request) =>
        recordRotlApplication(database, web.context(request), request.params.id, request.body),
    });

    for (const step of ROTL_EPISODE_STEPS) {
      api.add({
        method: 'POST',
        path: `/nominals/{id}/custody/rotl/{rotlId}/${step}`,
        action: 'custody.edit',
        tag: TAG,
        summary:
          step === 'decision'
            ? 'Record the decision on a pending ROTL application (with the version you read); an approval sets the record’s first ROTL date when it is the earliest'
            : 'Record how an approved ROTL ended (with the version you read); a failure is a significant event',
        params: RotlParams,
        body: rotlStepInput(step, today),
        response: StepResult,
        handler: async (request) =>
          recordRotlStep(
            database,
            web.context(request),
            request.params.id,
            request.params.rotlId,
            step,
            request.body,
          ),
      });
    }

    // --- Pages ----------------------------------------------------------------------------------

    const tab = (id: string) => `/nominals/${id}/custody`;

    /** A step's form: blank, or what was typed with what is wrong (or who saved first). */
    const renderStep = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      step: RotlStep,
      rotl: { id: string; version: number } | null,
      values: Body,
      problem: { errors?: FieldErrors; conflict?: ConflictError } = {},
    ) => {
      const person = await getNominalSection(database, web.context(request), id, 'identity');
      const { fields, title } = ROTL_STEPS[step];
      return renderStepForm(reply, {
        title,
        personName: person.name,
        fields,
        values,
        problem,
        version: rotl?.version,
        action: rotl ? `${tab(id)}/rotl/${rotl.id}/${step}` : `${tab(id)}/rotl`,
        backLink: tab(id),
      });
    };

    app.get(
      '/nominals/:id/custody/rotl/new',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        return renderStep(request, reply, id, 'application', null, {});
      },
    );

    app.post('/nominals/:id/custody/rotl', { config: { action: 'custody.edit' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const body = bodyOf(request);
      return handleForm({
        attempt: () =>
          recordRotlApplication(
            database,
            web.context(request),
            id,
            formToInput(ROTL_STEPS.application.fields, body),
          ),
        done: () => reply.redirect(`${tab(id)}?saved=rotl#rotl`, 303),
        redisplay: ({ errors }) => renderStep(request, reply, id, 'application', null, body, { errors }),
      });
    });

    /** The ROTL a step is on (null if it is not this person's). */
    const rotlFor = async (request: FastifyRequest, id: string, rotlId: string) =>
      (await getRotl(database, web.context(request), id)).episodes.find((e) => e.id === rotlId) ?? null;

    app.get(
      '/nominals/:id/custody/rotl/:rotlId/:step',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id, rotlId, step } = parseInput(RotlStepPageParams, request.params);
        const rotl = await rotlFor(request, id, rotlId);
        if (!isEpisodeStep(step) || !rotl) return reply.callNotFound();
        return renderStep(request, reply, id, step, rotl, {});
      },
    );

    app.post(
      '/nominals/:id/custody/rotl/:rotlId/:step',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id, rotlId, step } = parseInput(RotlStepPageParams, request.params);
        if (!isEpisodeStep(step)) return reply.callNotFound();
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            recordRotlStep(database, web.context(request), id, rotlId, step, {
              ...formToInput(ROTL_STEPS[step].fields, body),
              version: body.version,
            }),
          done: () => reply.redirect(`${tab(id)}?saved=rotl#rotl`, 303),
          redisplay: async ({ errors, conflict }) => {
            const rotl = await rotlFor(request, id, rotlId);
            return renderStep(request, reply, id, step, rotl, body, { errors, conflict });
          },
        });
      },
    );
  };
