import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Web } from '../../web/types.ts';
import { can } from '../../access/policy.ts';
import { recordExtensions } from './extensions.ts';
import { ConflictError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { errorList, formToInput, inputToForm } from '../../web/forms.ts';
import type { FieldSpec } from '../../validation/fields.ts';
import { listAgencies } from '../reference/index.ts';
import { describeRow, presentSections } from './presenter.ts';
import { IDENTIFIER_TYPE, findSection } from './sections.ts';
import {
  IDENTITY_FIELDS,
  NOMINAL_SECTIONS,
  NOMINAL_SECTION_LABELS,
  addSectionRow,
  createNominal,
  getNominal,
  getNominalSection,
  getSectionRow,
  getTimeline,
  updateNominalSection,
  updateSectionRow,
  type NominalSectionName,
} from './use-cases.ts';

type Params = { id: string; section: string; rowId: string };
type Body = Record<string, unknown>;

/** The nominal record's pages: overview, timeline, and a create/edit form for every section. */
export function registerNominalPages(web: Web): void {
  const { app, database } = web;

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: {
      title: string;
      caption?: string;
      fields: readonly FieldSpec[];
      values: Record<string, unknown>;
      action: string;
      backLink: string;
      version?: number;
      errors?: FieldErrors;
      conflict?: ConflictError;
      identifiers?: boolean;
    },
  ) => {
    const needsAgencies = page.fields.some((f) => f.kind === 'agency');
    const agencies = needsAgencies ? await listAgencies(database, request.actor!.areaCode) : [];
    const errors = page.errors ?? {};
    return reply
      .code(page.errors || page.conflict ? (page.conflict ? 409 : 400) : 200)
      .render('nominals/views/section-form.njk', {
        ...page,
        errors,
        errorList: errorList(page.fields, errors),
        options: { agencies },
        identifierTypes: page.identifiers ? IDENTIFIER_TYPE : [],
      });
  };

  app.get('/nominals/new', { config: { action: 'nominal.create' } }, async (request, reply) => {
    web.context(request);
    return renderForm(request, reply, {
      title: 'Add a person',
      fields: IDENTITY_FIELDS,
      values: {},
      action: '/nominals',
      backLink: '/search',
      identifiers: true,
    });
  });

  app.post('/nominals', { config: { action: 'nominal.create' } }, async (request, reply) => {
    const ctx = web.context(request);
    const body = request.body as Body;
    const identifiers = IDENTIFIER_TYPE.map((t) => ({
      type: t.code,
      value: String(body[`identifier-${t.code}`] ?? '').trim(),
    })).filter((i) => i.value);
    try {
      const created = await createNominal(database, ctx, {
        ...formToInput(IDENTITY_FIELDS, body),
        identifiers,
      });
      return reply.redirect(`/nominals/${created.id}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // Identifier errors come back indexed by position; show them against their own input.
      const errors: FieldErrors = {};
      for (const [key, message] of Object.entries(error.fieldErrors)) {
        const index = /^identifiers\.(\d+)$/.exec(key)?.[1];
        errors[index === undefined ? key : `identifier-${identifiers[Number(index)]!.type}`] = message;
      }
      return renderForm(request, reply, {
        title: 'Add a person',
        fields: IDENTITY_FIELDS,
        values: body,
        action: '/nominals',
        backLink: '/search',
        errors,
        identifiers: true,
      });
    }
  });

  app.get('/nominals/:id', { config: { action: 'nominal.view' } }, async (request, reply) => {
    const { id } = request.params as Params;
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
      updated: (request.query as Record<string, string>).updated,
    });
  });

  app.get('/nominals/:id/timeline', { config: { action: 'nominal.view' } }, async (request, reply) => {
    const { id } = request.params as Params;
    const ctx = web.context(request);
    const page = Math.max(1, Number((request.query as Record<string, string>).page) || 1);
    const summary = await getNominalSection(database, ctx, id, 'identity');
    const timeline = await getTimeline(database, ctx, id, page);
    return reply.render('nominals/views/timeline.njk', {
      title: `Timeline – ${summary.name}`,
      summary,
      timeline,
      id,
    });
  });

  for (const name of Object.keys(NOMINAL_SECTIONS) as NominalSectionName[]) {
    const fields = NOMINAL_SECTIONS[name];
    const title = `Change ${NOMINAL_SECTION_LABELS[name].toLowerCase()}`;
    app.get(`/nominals/:id/${name}/edit`, { config: { action: 'nominal.edit' } }, async (request, reply) => {
      const { id } = request.params as Params;
      const current = await getNominalSection(database, web.context(request), id, name);
      return renderForm(request, reply, {
        title,
        caption: current.name,
        fields,
        values: inputToForm(fields, current),
        action: `/nominals/${id}/${name}`,
        backLink: `/nominals/${id}`,
        version: current.version,
      });
    });
    app.post(`/nominals/:id/${name}`, { config: { action: 'nominal.edit' } }, async (request, reply) => {
      const { id } = request.params as Params;
      const ctx = web.context(request);
      const body = request.body as Body;
      try {
        await updateNominalSection(database, ctx, id, name, formToInput(fields, body), body.version);
        return reply.redirect(`/nominals/${id}?updated=${name}#${name}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
        const current = await getNominalSection(database, ctx, id, name);
        return renderForm(request, reply, {
          title,
          caption: current.name,
          fields,
          values: body,
          action: `/nominals/${id}/${name}`,
          backLink: `/nominals/${id}`,
          // After a conflict the form carries the latest version, so saving again applies over what is now there.
          version: error instanceof ConflictError ? current.version : Number(body.version),
          ...(error instanceof ValidationError ? { errors: error.fieldErrors } : { conflict: error }),
        });
      }
    });
  }

  app.get('/nominals/:id/:section/new', { config: { action: 'nominal.edit' } }, async (request, reply) => {
    const { id, section: name } = request.params as Params;
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
    const { id, section: name } = request.params as Params;
    const section = findSection(name);
    if (!section) return reply.callNotFound();
    const ctx = web.context(request);
    const body = request.body as Body;
    try {
      await addSectionRow(database, ctx, id, section.name, formToInput(section.fields, body));
      return reply.redirect(`/nominals/${id}?updated=${section.name}#${section.name}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const summary = await getNominalSection(database, ctx, id, 'identity');
      return renderForm(request, reply, {
        title: `Add ${article(section.singular)} ${section.singular}`,
        caption: summary.name,
        fields: section.fields,
        values: body,
        action: `/nominals/${id}/${section.name}`,
        backLink: `/nominals/${id}#${section.name}`,
        errors: error.fieldErrors,
      });
    }
  });

  app.get(
    '/nominals/:id/:section/:rowId/edit',
    { config: { action: 'nominal.edit' } },
    async (request, reply) => {
      const { id, section: name, rowId } = request.params as Params;
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
      const { id, section: name, rowId } = request.params as Params;
      const section = findSection(name);
      if (!section || section.appendOnly) return reply.callNotFound();
      const ctx = web.context(request);
      const body = request.body as Body;
      try {
        await updateSectionRow(
          database,
          ctx,
          id,
          section.name,
          rowId,
          formToInput(section.fields, body),
          body.version,
        );
        return reply.redirect(`/nominals/${id}?updated=${section.name}#${section.name}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
        const row = await getSectionRow(database, ctx, id, section.name, rowId);
        const summary = await getNominalSection(database, ctx, id, 'identity');
        return renderForm(request, reply, {
          title: `Change ${section.singular}`,
          caption: summary.name,
          fields: section.fields,
          values: body,
          action: `/nominals/${id}/${section.name}/${rowId}`,
          backLink: `/nominals/${id}#${section.name}`,
          version: error instanceof ConflictError ? row.version : Number(body.version),
          ...(error instanceof ValidationError ? { errors: error.fieldErrors } : { conflict: error }),
        });
      }
    },
  );
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
