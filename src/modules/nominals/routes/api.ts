import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { todayBy } from '../../../clock.ts';
import type { Web } from '../../../web/types.ts';
import {
  NewNominalResult,
  NominalParams,
  NominalView,
  PageQuery,
  RowParams,
  TimelineView,
  WriteResult,
  newNominalInput,
  newRowInput,
  nominalSectionInput,
  rowChangeInput,
  rowView,
} from '../schemas.ts';
import { NOMINAL_SECTION_LABELS, NOMINAL_SECTION_NAMES, SECTIONS } from '../sections.ts';
import { createNominal } from '../use-cases/create.ts';
import { updateNominalSection } from '../use-cases/nominal-sections.ts';
import { getNominal } from '../use-cases/overview.ts';
import { addSectionRow, updateSectionRow } from '../use-cases/row-changes.ts';
import { getSectionRow, getSectionRows } from '../use-cases/section-rows.ts';
import { getTimeline } from '../use-cases/timeline.ts';
import { article } from './form.ts';

/** The record over JSON: the same use cases as the pages, each input's schema from the section's fields. */
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
      handler: async (request) => createNominal(database, web.context(request), request.body),
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
      summary: 'Every change to the record, newest first (50 a page)',
      params: NominalParams,
      query: PageQuery,
      response: TimelineView,
      handler: async (request) =>
        getTimeline(database, web.context(request), request.params.id, request.query.page),
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

    for (const section of SECTIONS) {
      api.add({
        method: 'GET',
        path: `/nominals/{id}/${section.name}`,
        action: 'nominal.view',
        tag: section.label,
        summary: `List the ${section.label.toLowerCase()}`,
        params: NominalParams,
        response: z.array(rowView(section)),
        handler: async (request) =>
          getSectionRows(database, web.context(request), request.params.id, section.name),
      });
      api.add({
        method: 'POST',
        path: `/nominals/{id}/${section.name}`,
        action: 'nominal.edit',
        tag: section.label,
        summary: `Add ${article(section.singular)} ${section.singular}`,
        params: NominalParams,
        body: newRowInput(section, today),
        response: WriteResult,
        successStatus: 201,
        handler: async (request) =>
          addSectionRow(database, web.context(request), request.params.id, section.name, request.body),
      });
      api.add({
        method: 'GET',
        path: `/nominals/{id}/${section.name}/{rowId}`,
        action: 'nominal.view',
        tag: section.label,
        summary: `One ${section.singular}`,
        params: RowParams,
        response: rowView(section),
        handler: async (request) =>
          getSectionRow(
            database,
            web.context(request),
            request.params.id,
            section.name,
            request.params.rowId,
          ),
      });
      if (section.appendOnly) continue;
      api.add({
        method: 'PUT',
        path: `/nominals/{id}/${section.name}/{rowId}`,
        action: 'nominal.edit',
        tag: section.label,
        summary: `Change ${article(section.singular)} ${section.singular} (send the version you read)`,
        params: RowParams,
        body: rowChangeInput(section, today),
        response: WriteResult,
        handler: async (request) => {
          const { id, rowId } = request.params;
          return updateSectionRow(
            database,
            web.context(request),
            id,
            section.name,
            rowId,
            request.body,
            request.body.version,
          );
        },
      });
    }
  };
