import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { UseCaseContext } from '../../../access/actor.ts';
import { formatDateLong } from '../../../domain/dates.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, formToInput, handleForm, inputToForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { SectionPageParams, SectionRowPageParams } from '../schemas.ts';
import { findSection, type RowSection } from '../sections.ts';
import { getNominalSection } from '../use-cases/nominal-sections.ts';
import { addSectionRow, updateSectionRow } from '../use-cases/row-changes.ts';
import { getSectionRow, getSectionRows } from '../use-cases/section-rows.ts';
import { article, sectionForm } from './form.ts';

/**
 * The forms of a section's rows: a new address, conviction, marker…, and a change to one. The use
 * case parses the form's input with the section's schema (schemas.ts) once it has checked the record
 * is in the user's scope, so someone outside it learns nothing from the answer.
 */
export const rowPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const renderForm = sectionForm(web);

    /** A row's form: a new one, or a change to one (`rowId`); the caption names whose record it is. */
    const rowForm = async (ctx: UseCaseContext, id: string, section: RowSection, rowId?: string) => ({
      title: rowId ? `Change ${section.singular}` : `Add ${article(section.singular)} ${section.singular}`,
      caption: (await getNominalSection(database, ctx, id, 'identity')).name,
      fields: section.fields,
      action: `/nominals/${id}/${section.name}${rowId ? `/${rowId}` : ''}`,
      backLink: `/nominals/${id}#${section.name}`,
      convictions: section.fields.some((f) => f.kind === 'conviction')
        ? await otherConvictions(ctx, id, rowId)
        : [],
    });

    /** The person's other convictions, for "consecutive to": never the one being changed. */
    const otherConvictions = async (ctx: UseCaseContext, id: string, rowId: string | undefined) => {
      const convictions = findSection('convictions')!;
      const rows = await getSectionRows(database, ctx, id, convictions.name);
      return rows
        .filter((r) => r.id !== rowId)
        .map((r) => ({
          id: r.id,
          name: `${convictions.describe(r)}, convicted ${formatDateLong(String(r.convictionDate))}`,
        }));
    };
    const saved = (id: string, section: RowSection) =>
      `/nominals/${id}?updated=${section.name}#${section.name}`;

    app.get('/nominals/:id/:section/new', { config: { action: 'nominal.edit' } }, async (request, reply) => {
      const { id, section: name } = parseInput(SectionPageParams, request.params);
      const section = findSection(name);
      if (!section) return reply.callNotFound();
      const form = await rowForm(web.context(request), id, section);
      return renderForm(request, reply, { ...form, values: {} });
    });

    app.post('/nominals/:id/:section', { config: { action: 'nominal.edit' } }, async (request, reply) => {
      const { id, section: name } = parseInput(SectionPageParams, request.params);
      const section = findSection(name);
      if (!section) return reply.callNotFound();
      const ctx = web.context(request);
      const body = bodyOf(request);
      return handleForm({
        attempt: () => addSectionRow(database, ctx, id, section.name, formToInput(section.fields, body)),
        done: () => reply.redirect(saved(id, section), 303),
        redisplay: async ({ errors }) =>
          renderForm(request, reply, { ...(await rowForm(ctx, id, section)), values: body, errors }),
      });
    });

    /** A row that may be changed (risk assessments are never changed: a new one supersedes the old). */
    const changeableRow =
      (
        handle: (
          request: FastifyRequest,
          reply: FastifyReply,
          row: { id: string; section: RowSection; rowId: string; ctx: UseCaseContext },
        ) => Promise<unknown>,
      ) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const { id, section: name, rowId } = parseInput(SectionRowPageParams, request.params);
        const section = findSection(name);
        if (!section || section.appendOnly) return reply.callNotFound();
        return handle(request, reply, { id, section, rowId, ctx: web.context(request) });
      };

    app.get(
      '/nominals/:id/:section/:rowId/edit',
      { config: { action: 'nominal.edit' } },
      changeableRow(async (request, reply, { id, section, rowId, ctx }) => {
        const row = await getSectionRow(database, ctx, id, section.name, rowId);
        return renderForm(request, reply, {
          ...(await rowForm(ctx, id, section, rowId)),
          values: inputToForm(section.fields, row),
          version: row.version,
        });
      }),
    );

    app.post(
      '/nominals/:id/:section/:rowId',
      { config: { action: 'nominal.edit' } },
      changeableRow(async (request, reply, { id, section, rowId, ctx }) => {
        const body = bodyOf(request);
        const input = formToInput(section.fields, body);
        return handleForm({
          attempt: () => updateSectionRow(database, ctx, id, section.name, rowId, input, body.version),
          done: () => reply.redirect(saved(id, section), 303),
          redisplay: async ({ errors, conflict }) => {
            const row = await getSectionRow(database, ctx, id, section.name, rowId);
            return renderForm(request, reply, {
              ...(await rowForm(ctx, id, section, rowId)),
              values: body,
              version: conflict ? row.version : Number(body.version),
              ...(conflict ? { conflict } : { errors }),
            });
          },
        });
      }),
    );
  };
