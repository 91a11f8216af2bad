import type { FastifyPluginAsync } from 'fastify';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, formToInput, handleForm, inputToForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { NominalParams, SectionPageParams, SectionRowPageParams } from '../schemas.ts';
import { NOMINAL_SECTIONS, NOMINAL_SECTION_LABELS, NOMINAL_SECTION_NAMES, findSection } from '../sections.ts';
import { getNominalSection, updateNominalSection } from '../use-cases/nominal-sections.ts';
import { addSectionRow, updateSectionRow } from '../use-cases/row-changes.ts';
import { getSectionRow } from '../use-cases/section-rows.ts';
import { article, sectionForm } from './form.ts';

/**
 * The record's forms: a change to a section held on the nominal row (identity, lead agency, case
 * dates), a new row of a section, a change to a row. The use case parses the form's input with the
 * section's schema (schemas.ts) once it has checked the record is in the user's scope, so someone
 * outside it learns nothing from the answer.
 */
export const sectionPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;
    const renderForm = sectionForm(web);

    for (const name of NOMINAL_SECTION_NAMES) {
      const fields = NOMINAL_SECTIONS[name];
      const form = (id: string, caption: string) => ({
        title: `Change ${NOMINAL_SECTION_LABELS[name].toLowerCase()}`,
        caption,
        fields,
        action: `/nominals/${id}/${name}`,
        backLink: `/nominals/${id}`,
      });

      app.get(
        `/nominals/:id/${name}/edit`,
        { config: { action: 'nominal.edit' } },
        async (request, reply) => {
          const { id } = parseInput(NominalParams, request.params);
          const current = await getNominalSection(database, web.context(request), id, name);
          return renderForm(request, reply, {
            ...form(id, current.name),
            values: inputToForm(fields, current),
            version: current.version,
          });
        },
      );

      app.post(`/nominals/:id/${name}`, { config: { action: 'nominal.edit' } }, async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        const ctx = web.context(request);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            updateNominalSection(database, ctx, id, name, formToInput(fields, body), body.version),
          done: () => reply.redirect(`/nominals/${id}?updated=${name}#${name}`, 303),
          redisplay: async ({ errors, conflict }) => {
            const current = await getNominalSection(database, ctx, id, name);
            return renderForm(request, reply, {
              ...form(id, current.name),
              values: body,
              // After a conflict the form carries the latest version, so saving again applies over what is now there.
              version: conflict ? current.version : Number(body.version),
              ...(conflict ? { conflict } : { errors }),
            });
          },
        });
      });
    }

    app.get('/nominals/:id/:section/new', { config: { action: 'nominal.edit' } }, async (request, reply) => {
      const { id, section: name } = parseInput(SectionPageParams, request.params);
      const section = findSection(name);
      if (!section) return reply.callNotFound();
      const summary = await getNominalSection(database, web.context(request), id, 'identity');
      return renderForm(request, reply, {
        title: `Add ${article(section.singular)} ${section.singular}`,
        caption: summary.name,
        fields: section.fields,
        values: {},
        action: `/nominals/${id}/${section.name}`,
        backLink: `/nominals/${id}#${section.name}`,
      });
    });

    app.post('/nominals/:id/:section', { config: { action: 'nominal.edit' } }, async (request, reply) => {
      const { id, section: name } = parseInput(SectionPageParams, request.params);
      const section = findSection(name);
      if (!section) return reply.callNotFound();
      const ctx = web.context(request);
      const body = bodyOf(request);
      return handleForm({
        attempt: () => addSectionRow(database, ctx, id, section.name, formToInput(section.fields, body)),
        done: () => reply.redirect(`/nominals/${id}?updated=${section.name}#${section.name}`, 303),
        redisplay: async ({ errors }) => {
          const summary = await getNominalSection(database, ctx, id, 'identity');
          return renderForm(request, reply, {
            title: `Add ${article(section.singular)} ${section.singular}`,
            caption: summary.name,
            fields: section.fields,
            values: body,
            action: `/nominals/${id}/${section.name}`,
            backLink: `/nominals/${id}#${section.name}`,
            errors,
          });
        },
      });
    });

    app.get(
      '/nominals/:id/:section/:rowId/edit',
      { config: { action: 'nominal.edit' } },
      async (request, reply) => {
        const { id, section: name, rowId } = parseInput(SectionRowPageParams, request.params);
        const section = findSection(name);
        if (!section || section.appendOnly) return reply.callNotFound();
        const ctx = web.context(request);
        const row = await getSectionRow(database, ctx, id, section.name, rowId);
        const summary = await getNominalSection(database, ctx, id, 'identity');
        return renderForm(request, reply, {
          title: `Change ${section.singular}`,
          caption: summary.name,
          fields: section.fields,
          values: inputToForm(section.fields, row),
          action: `/nominals/${id}/${section.name}/${rowId}`,
          backLink: `/nominals/${id}#${section.name}`,
          version: row.version,
        });
      },
    );

    app.post(
      '/nominals/:id/:section/:rowId',
      { config: { action: 'nominal.edit' } },
      async (request, reply) => {
        const { id, section: name, rowId } = parseInput(SectionRowPageParams, request.params);
        const section = findSection(name);
        if (!section || section.appendOnly) return reply.callNotFound();
        const ctx = web.context(request);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            updateSectionRow(
              database,
              ctx,
              id,
              section.name,
              rowId,
              formToInput(section.fields, body),
              body.version,
            ),
          done: () => reply.redirect(`/nominals/${id}?updated=${section.name}#${section.name}`, 303),
          redisplay: async ({ errors, conflict }) => {
            const row = await getSectionRow(database, ctx, id, section.name, rowId);
            const summary = await getNominalSection(database, ctx, id, 'identity');
            return renderForm(request, reply, {
              title: `Change ${section.singular}`,
              caption: summary.name,
              fields: section.fields,
              values: body,
              action: `/nominals/${id}/${section.name}/${rowId}`,
              backLink: `/nominals/${id}#${section.name}`,
              version: conflict ? row.version : Number(body.version),
              ...(conflict ? { conflict } : { errors }),
            });
          },
        });
      },
    );
  };
