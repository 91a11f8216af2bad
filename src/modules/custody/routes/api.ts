import type { FastifyPluginAsync } from 'fastify';
import { todayBy } from '../../../clock.ts';
import type { Web } from '../../../web/types.ts';
import { CUSTODY_STEPS, EPISODE_STEPS } from '../fields.ts';
import {
  CustodySettingsInput,
  CustodySettingsView,
  CustodyView,
  CustodyWorklist,
  EpisodeParams,
  NominalParams,
  StepResult,
  stepInput,
} from '../schemas.ts';
import {
  custodyWorklist,
  getCustody,
  getCustodySettings,
  receiveIntoCustody,
  recordCustodyStep,
  saveCustodySettings,
} from '../use-cases.ts';

const TAG = 'Custody';

/** Custody over JSON: the same use cases as the pages, each step's body from the same fields. */
export const custodyApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;
    const today = () => todayBy(web.clock);

    api.add({
      method: 'GET',
      path: '/nominals/{id}/custody',
      action: 'custody.view',
      tag: TAG,
      summary:
        'The person’s custody episodes, newest first: establishment and moves, sentence dates, POM and COM allocation and handover (each with its due date and whether late), and the pre-release checklist',
      params: NominalParams,
      response: CustodyView,
      handler: async (request) => getCustody(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/custody',
      action: 'custody.edit',
      tag: TAG,
      summary: 'Record a reception into custody (one open episode at a time)',
      params: NominalParams,
      body: stepInput('reception', today, false),
      response: StepResult,
      successStatus: 201,
      handler: async (request) =>
        receiveIntoCustody(database, web.context(request), request.params.id, request.body),
    });

    for (const step of EPISODE_STEPS) {
      api.add({
        method: 'POST',
        path: `/nominals/{id}/custody/{episodeId}/${step}`,
        action: 'custody.edit',
        tag: TAG,
        summary: `${CUSTODY_STEPS[step].title} (on an open episode, with the version you read)`,
        params: EpisodeParams,
        body: stepInput(step, today, true),
        response: StepResult,
        handler: async (request) =>
          recordCustodyStep(
            database,
            web.context(request),
            request.params.id,
            request.params.episodeId,
            step,
            request.body,
          ),
      });
    }

    api.add({
      method: 'GET',
      path: '/custody/worklist',
      action: 'custody.view',
      tag: TAG,
      summary:
        'What is due in custody, one row per obligation: late or coming allocations and handovers, and missing pre-release checks (prison staff: their establishment; others: their area)',
      response: CustodyWorklist,
      handler: async (request) => custodyWorklist(database, web.context(request)),
    });

    api.add({
      method: 'GET',
      path: '/custody/settings',
      action: 'custody.view',
      tag: TAG,
      summary: 'Your area’s custody settings: handover months before release, POM allocation days',
      response: CustodySettingsView,
      handler: async (request) => getCustodySettings(database, web.context(request)),
    });

    api.add({
      method: 'PUT',
      path: '/custody/settings',
      action: 'area.settings',
      tag: TAG,
      summary: 'Change your area’s custody settings (with the version you read; 0 when never saved)',
      body: CustodySettingsInput,
      response: CustodySettingsView,
      handler: async (request) => saveCustodySettings(database, web.context(request), request.body),
    });
  };
