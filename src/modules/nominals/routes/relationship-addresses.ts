import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../../access/policy.ts';
import { todayBy } from '../../../clock.ts';
import { labelOf, RELATIONSHIP_TYPE } from '../../../domain/codes.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput, pathId } from '../../../validation/parse.ts';
import { bodyOf, errorList, formToInput, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { RelationshipAddressView, RowParams, WriteResult, relationshipAddressInput } from '../schemas.ts';
import { RELATIONSHIP_ADDRESS_FIELDS } from '../sections.ts';
import { getNominalSection } from '../use-cases/nominal-sections.ts';
import { addRelationshipAddress, getRelationshipAddresses } from '../use-cases/relationship-addresses.ts';

const TAG = 'Relationships';
// The page's parameter is named for what it is; the API's is the sections' {rowId}.
const RelationshipPageParams = z.object({ id: pathId, relationshipId: pathId });

/**
 * Where the people in a person's relationships live, with history: a page listing a relationship's
 * addresses with the form to add one (GOV.UK error summary), and the same over JSON.
 */
export const relationshipAddressRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { api, database } = web;
    const today = () => todayBy(web.clock);

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      rowId: string,
      values: Record<string, unknown>,
      errors?: FieldErrors,
    ) => {
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const { relationship, addresses } = await getRelationshipAddresses(database, ctx, id, rowId);
      return reply.code(errors ? 400 : 200).render('nominals/views/relationship-addresses.njk', {
        title: `Addresses of ${relationship.personName}`,
        caption: `${person.name}: ${labelOf(RELATIONSHIP_TYPE, relationship.type).toLowerCase()}`,
        addresses,
        fields: RELATIONSHIP_ADDRESS_FIELDS,
        values,
        errors: errors ?? {},
        errorList: errorList(RELATIONSHIP_ADDRESS_FIELDS, errors ?? {}),
        options: { agencies: [], convictions: [] },
        action: `/nominals/${id}/relationships/${rowId}/addresses`,
        backLink: `/nominals/${id}#relationships`,
        canEdit: can(ctx.actor, 'nominal.edit'),
      });
    };

    app.get(
      '/nominals/:id/relationships/:relationshipId/addresses',
      { config: { action: 'nominal.view' } },
      async (request, reply) => {
        const { id, relationshipId: rowId } = parseInput(RelationshipPageParams, request.params);
        return render(request, reply, id, rowId, {});
      },
    );

    app.post(
      '/nominals/:id/relationships/:relationshipId/addresses',
      { config: { action: 'nominal.edit' } },
      async (request, reply) => {
        const { id, relationshipId: rowId } = parseInput(RelationshipPageParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            addRelationshipAddress(
              database,
              web.context(request),
              id,
              rowId,
              formToInput(RELATIONSHIP_ADDRESS_FIELDS, body),
            ),
          done: () => reply.redirect(`/nominals/${id}/relationships/${rowId}/addresses?saved=1`, 303),
          redisplay: ({ errors }) => render(request, reply, id, rowId, body, errors),
        });
      },
    );

    api.add({
      method: 'GET',
      path: '/nominals/{id}/relationships/{rowId}/addresses',
      action: 'nominal.view',
      tag: TAG,
      summary: 'Where the person in this relationship lives and has lived, newest first',
      params: RowParams,
      response: z.object({
        relationship: z.object({ id: z.uuid(), type: z.string(), personName: z.string() }),
        addresses: z.array(RelationshipAddressView),
      }),
      handler: async (request) =>
        getRelationshipAddresses(database, web.context(request), request.params.id, request.params.rowId),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/relationships/{rowId}/addresses',
      action: 'nominal.edit',
      tag: TAG,
      summary:
        'Record where the person in this relationship lives from a day; their address before it ends the day before (kept, never overwritten)',
      params: RowParams,
      body: relationshipAddressInput(today),
      response: WriteResult,
      successStatus: 201,
      handler: async (request) =>
        addRelationshipAddress(
          database,
          web.context(request),
          request.params.id,
          request.params.rowId,
          request.body,
        ),
    });
  };
