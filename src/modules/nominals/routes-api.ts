import type { FastifyRequest } from 'fastify';
import type { Web } from '../../web/types.ts';
import { fieldsJsonSchema, type FieldSpec } from '../../validation/fields.ts';
import { SECTIONS } from './sections.ts';
import {
  IDENTITY_FIELDS,
  NOMINAL_SECTIONS,
  NOMINAL_SECTION_LABELS,
  addSectionRow,
  createNominal,
  getNominal,
  getSectionRow,
  getSectionRows,
  getTimeline,
  updateNominalSection,
  updateSectionRow,
  type NominalSectionName,
} from './use-cases.ts';
import { bodyOf } from '../../web/forms.ts';

type Params = { id: string; rowId: string };

const withVersion = (fields: readonly FieldSpec[]) => {
  const schema = fieldsJsonSchema(fields);
  return {
    ...schema,
    properties: {
      ...(schema.properties as object),
      version: {
        type: 'integer',
        description: 'The version you read; a different current version gives 409 Conflict',
      },
    },
    required: [...((schema.required as string[]) ?? []), 'version'],
  };
};

const rowSchema = (fields: readonly FieldSpec[]) => {
  const schema = fieldsJsonSchema(fields);
  return {
    ...schema,
    properties: {
      id: { type: 'string', format: 'uuid' },
      version: { type: 'integer' },
      ...(schema.properties as object),
    },
  };
};

const WRITE_RESULT = { type: 'object', properties: { id: { type: 'string' }, version: { type: 'integer' } } };

/** The nominal record over JSON: the same use cases as the pages. */
export function registerNominalApi(web: Web): void {
  const { api, database } = web;
  const ctx = (request: FastifyRequest) => web.context(request);

  api.add({
    method: 'POST',
    path: '/nominals',
    action: 'nominal.create',
    tag: 'Nominals',
    summary: 'Create the record of a person, in the caller’s area',
    body: {
      ...fieldsJsonSchema(IDENTITY_FIELDS),
      properties: {
        ...(fieldsJsonSchema(IDENTITY_FIELDS).properties as object),
        identifiers: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type', 'value'],
            properties: { type: { enum: ['pnc', 'cro', 'prison_number', 'crn'] }, value: { type: 'string' } },
          },
        },
      },
    },
    response: {
      type: 'object',
      properties: { id: { type: 'string' }, vigilRef: { type: 'string' }, version: { type: 'integer' } },
    },
    successStatus: 201,
    handler: async (request) => createNominal(database, ctx(request), bodyOf(request)),
  });

  api.add({
    method: 'GET',
    path: '/nominals/{id}',
    action: 'nominal.view',
    tag: 'Nominals',
    summary:
      'The whole record of one person: identity, identifiers, addresses, relationships, convictions, risk, markers, managers',
    response: { type: 'object' },
    handler: async (request) => getNominal(database, ctx(request), (request.params as Params).id),
  });

  api.add({
    method: 'GET',
    path: '/nominals/{id}/timeline',
    action: 'nominal.view',
    tag: 'Nominals',
    summary: 'Every change to the record, newest first (50 a page)',
    query: { page: { type: 'integer', description: 'Page number, from 1' } },
    response: { type: 'object' },
    handler: async (request) =>
      getTimeline(
        database,
        ctx(request),
        (request.params as Params).id,
        Number((request.query as { page?: string }).page) || 1,
      ),
  });

  for (const name of Object.keys(NOMINAL_SECTIONS) as NominalSectionName[]) {
    const fields = NOMINAL_SECTIONS[name];
    api.add({
      method: 'PUT',
      path: `/nominals/{id}/${name}`,
      action: 'nominal.edit',
      tag: 'Nominals',
      summary: `Change the ${NOMINAL_SECTION_LABELS[name].toLowerCase()}`,
      body: withVersion(fields),
      response: WRITE_RESULT,
      handler: async (request) => {
        const body = bodyOf(request);
        return updateNominalSection(
          database,
          ctx(request),
          (request.params as Params).id,
          name,
          body,
          body.version,
        );
      },
    });
  }

  for (const section of SECTIONS) {
    api.add({
      method: 'GET',
      path: `/nominals/{id}/${section.name}`,
      action: 'nominal.view',
      tag: section.label,
      summary: `List the ${section.label.toLowerCase()}`,
      response: { type: 'array', items: rowSchema(section.fields) },
      handler: async (request) =>
        getSectionRows(database, ctx(request), (request.params as Params).id, section.name),
    });
    api.add({
      method: 'POST',
      path: `/nominals/{id}/${section.name}`,
      action: 'nominal.edit',
      tag: section.label,
      summary: `Add ${/^[aeiou]/.test(section.singular) ? 'an' : 'a'} ${section.singular}`,
      body: fieldsJsonSchema(section.fields),
      response: WRITE_RESULT,
      successStatus: 201,
      handler: async (request) =>
        addSectionRow(database, ctx(request), (request.params as Params).id, section.name, bodyOf(request)),
    });
    api.add({
      method: 'GET',
      path: `/nominals/{id}/${section.name}/{rowId}`,
      action: 'nominal.view',
      tag: section.label,
      summary: `One ${section.singular}`,
      response: rowSchema(section.fields),
      handler: async (request) => {
        const { id, rowId } = request.params as Params;
        return getSectionRow(database, ctx(request), id, section.name, rowId);
      },
    });
    if (!section.appendOnly) {
      api.add({
        method: 'PUT',
        path: `/nominals/{id}/${section.name}/{rowId}`,
        action: 'nominal.edit',
        tag: section.label,
        summary: `Change ${/^[aeiou]/.test(section.singular) ? 'an' : 'a'} ${section.singular} (send the version you read)`,
        body: withVersion(section.fields),
        response: WRITE_RESULT,
        handler: async (request) => {
          const { id, rowId } = request.params as Params;
          const body = bodyOf(request);
          return updateSectionRow(database, ctx(request), id, section.name, rowId, body, body.version);
        },
      });
    }
  }
}
