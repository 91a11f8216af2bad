import type { FastifyPluginAsync } from 'fastify';
import { todayBy } from '../../../clock.ts';
import type { Web } from '../../../web/types.ts';
import {
  NewNominalResult,
  NominalParams,
  NominalView,
  TimelineQuery,
  TimelineView,
  WriteResult,
  newNominalInput,
  nominalSectionInput,
} from '../schemas.ts';
import { NOMINAL_SECTION_LABELS, NOMINAL_SECTION_NAMES } from '../sections.ts';
import { createNominal } from '../use-cases/create.ts';
import { updateNominalSection } from '../use-cases/nominal-sections.ts';
import { getNominal } from '../use-cases/overview.ts';
import { getTimeline } from '../use-cases/timeline.ts';

/**
 * The record over JSON: a new person, the whole record, its timeline and the sections on the nominal
 * row; the same use cases as the pages, each input's schema from the section's fields.
 */
export const nominalApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;
    const today = () => todayBy(web.clock);

    api.add({
      method: 'POST',
      path: '/nominals',
      action: 'nominal.create',
      tag: 'Nominals',
      summary: 'Create the record of a person, in the caller’s area',
      body: newNominalInput(today),
      response: NewNominalResult,
      successStatus: 201,
      conflict:
        'Possible duplicate: `candidates` lists people already recorded with a similar name and the same date of birth, or one of the identifiers (those outside your scope only as `{ "inScope": false }`). Nothing was written; check them, then send `confirmedNotDuplicate: true` if this is a different person',
      handler: async (request) =>
        createNominal(database, web.context(request), request.body, { warnOfPossibleDuplicates: true }),
    });

    api.add({
      method: 'GET',
      path: '/nominals/{id}',
      action: 'nominal.view',
      tag: 'Nominals',
      summary:
        'The whole record of one person: identity, identifiers, addresses, relationships, convictions, risk, markers, managers',
      params: NominalParams,
      response: NominalView,
      handler: async (request) => getNominal(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'GET',
      path: '/nominals/{id}/timeline',
      action: 'nominal.view',
      tag: 'Nominals',
      summary:
        'Every change to the record, newest first (50 a page, with the total), filtered by type, agency and dates',
      params: NominalParams,
      query: TimelineQuery,
      response: TimelineView,
      handler: async (request) =>
        getTimeline(database, web.context(request), request.params.id, request.query),
    });

    for (const name of NOMINAL_SECTION_NAMES) {
      api.add({
        method: 'PUT',
        path: `/nominals/{id}/${name}`,
        action: 'nominal.edit',
        tag: 'Nominals',
        summary: `Change the ${NOMINAL_SECTION_LABELS[name].toLowerCase()}`,
        params: NominalParams,
        body: nominalSectionInput(name, today),
        response: WriteResult,
        handler: async (request) =>
          updateNominalSection(
            database,
            web.context(request),
            request.params.id,
            name,
            request.body,
            request.body.version,
          ),
      });
    }
  };
