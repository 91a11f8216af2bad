import type { FastifyPluginAsync } from 'fastify';
import { can } from '../../../access/policy.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, formToInput, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { recordExtensions } from '../extensions.ts';
import { describeRow, presentSections } from '../presenter.ts';
import { NominalParams, OverviewQuery, PageQuery } from '../schemas.ts';
import { IDENTIFIER_TYPE, IDENTITY_FIELDS } from '../sections.ts';
import { createNominal } from '../use-cases/create.ts';
import type { PossibleDuplicate } from '../use-cases/duplicates.ts';
import { getNominalSection } from '../use-cases/nominal-sections.ts';
import { getNominal } from '../use-cases/overview.ts';
import { getTimeline } from '../use-cases/timeline.ts';
import { sectionForm } from './form.ts';

/** A person's record as a whole: adding a person, the overview, the timeline. */
export const recordPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const renderForm = sectionForm(web);
    const newPersonForm = {
      title: 'Add a person',
      fields: IDENTITY_FIELDS,
      action: '/nominals',
      backLink: '/search',
    };

    app.get('/nominals/new', { config: { action: 'nominal.create' } }, async (request, reply) => {
      web.context(request);
      return renderForm(request, reply, { ...newPersonForm, values: {}, identifiers: true });
    });

    app.post('/nominals', { config: { action: 'nominal.create' } }, async (request, reply) => {
      const ctx = web.context(request);
      const body = bodyOf(request);
      // One input per identifier type on the form; the JSON input is their list.
      const identifiers = IDENTIFIER_TYPE.map((t) => ({
        type: t.code,
        value: String(body[`identifier-${t.code}`] ?? '').trim(),
      })).filter((i) => i.value);
      const confirmedNotDuplicate = body.confirmedNotDuplicate === 'yes';
      return handleForm({
        // The use case parses the form's input with the API's schema (schemas.ts: newNominalInput).
        attempt: () =>
          createNominal(
            database,
            ctx,
            { ...formToInput(IDENTITY_FIELDS, body), identifiers, confirmedNotDuplicate },
            { warnOfPossibleDuplicates: true },
          ),
        done: (created) => reply.redirect(`/nominals/${created.id}`, 303),
        redisplay: ({ errors: refused, conflict }) => {
          const possibleDuplicates = conflict?.extensions.candidates as PossibleDuplicate[] | undefined;
          if (possibleDuplicates) {
            // Shown before and saved again unconfirmed: say what is missing, in the error summary.
            const errors: FieldErrors =
              body.duplicatesShown === 'yes'
                ? {
                    confirmedNotDuplicate:
                      'Confirm this is a different person, or open their existing record',
                  }
                : {};
            return renderForm(request, reply, {
              ...newPersonForm,
              values: body,
              errors,
              identifiers: true,
              possibleDuplicates,
            });
          }
          // Identifier errors come back indexed by position; show them against their own input.
          const errors: FieldErrors = {};
          for (const [key, message] of Object.entries(refused)) {
            const index = /^identifiers\.(\d+)$/.exec(key)?.[1];
            errors[index === undefined ? key : `identifier-${identifiers[Number(index)]!.type}`] = message;
          }
          return renderForm(request, reply, { ...newPersonForm, values: body, errors, identifiers: true });
        },
      });
    });

    app.get('/nominals/:id', { config: { action: 'nominal.view' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const { updated } = parseInput(OverviewQuery, request.query);
      const ctx = web.context(request);
      const nominal = await getNominal(database, ctx, id);
      const canEdit = can(ctx.actor, 'nominal.edit');
      return reply.render('nominals/views/overview.njk', {
        ...(await recordExtensions().overview(database, ctx, id)),
        title: `${nominal.identity.forename} ${nominal.identity.surname}`,
        nominal,
        sections: presentSections(nominal, canEdit),
        canEdit,
        currentAddress: describeRow('addresses', nominal.currentAddress),
        proposedReleaseAddress: describeRow('addresses', nominal.proposedReleaseAddress),
        indexOffence: nominal.convictions.find((c) => c.isIndexOffence)?.offence,
        activeMarkers: nominal.markers
          .filter((m) => m.isActive)
          .map((m) => describeRow('markers', m))
          .join(', '),
        updated,
      });
    });

    app.get('/nominals/:id/timeline', { config: { action: 'nominal.view' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const { page } = parseInput(PageQuery, request.query);
      const ctx = web.context(request);
      const summary = await getNominalSection(database, ctx, id, 'identity');
      const timeline = await getTimeline(database, ctx, id, page);
      return reply.render('nominals/views/timeline.njk', {
        title: `Timeline – ${summary.name}`,
        summary,
        timeline,
        id,
      });
    });
  };
