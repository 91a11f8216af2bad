import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { todayBy } from '../../../clock.ts';
import type { Web } from '../../../web/types.ts';
import { NominalParams, RowParams, WriteResult, newRowInput, rowChangeInput, rowView } from '../schemas.ts';
import { SECTIONS } from '../sections.ts';
import { addSectionRow, updateSectionRow } from '../use-cases/row-changes.ts';
import { getSectionRow, getSectionRows } from '../use-cases/section-rows.ts';
import { article } from './form.ts';

/** Each section's rows over JSON (list, add, read, change): the same use cases and schemas as the forms. */
export const rowApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;
    const today = () => todayBy(web.clock);

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
