import type { FastifyPluginAsync } from 'fastify';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, formToInput, handleForm, inputToForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { NominalParams } from '../schemas.ts';
import { NOMINAL_SECTIONS, NOMINAL_SECTION_LABELS, NOMINAL_SECTION_NAMES } from '../sections.ts';
import { getNominalSection, updateNominalSection } from '../use-cases/nominal-sections.ts';
import { sectionForm } from './form.ts';

/**
 * The forms of the sections held on the nominal row: identity, lead agency, case dates. The use case
 * parses the form's input with the section's schema (schemas.ts) once it has checked the record is
 * in the user's scope, so someone outside it learns nothing from the answer.
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
  };
