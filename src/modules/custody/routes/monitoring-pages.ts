import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../../access/policy.ts';
import { compareDates } from '../../../domain/dates.ts';
import { ValidationError, type ConflictError, type FieldErrors } from '../../../domain/errors.ts';
import type { FieldSpec } from '../../../validation/fields.ts';
import { parseInput, pathId } from '../../../validation/parse.ts';
import { bodyOf, errorList, formToInput, handleForm, inputToForm, uploadedFile } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { getMonitoring } from '../monitoring.ts';
import { addMonitoredContact, reviewMonitoring, startMonitoring } from '../monitoring-cases.ts';
import { MONITORING_FORMS, type MonitoringField, type MonitoringForm } from '../monitoring-fields.ts';
import { acknowledgeFlag, releaseFlag } from '../monitoring-flags.ts';
import { communicationLog, importCallRecords, recordCommunication } from '../monitoring-import.ts';
import { NominalParams } from '../schemas.ts';

/**
 * Communications monitoring's pages (issue 14): the person's monitoring (the case, its reviews, the
 * linked numbers, the log of communications and the flags, with a form for each change) and the
 * establishment's call-record import with its preview. The use cases decide what each role sees:
 * community managers get only the released flags; duty-to-co-operate agencies are refused.
 */

type Body = Record<string, unknown>;

const CaseFormParams = z.object({ id: pathId, caseId: pathId, form: z.string() });
const FlagParams = z.object({ id: pathId, flagId: pathId });
/** The forms on a case, by the last part of their address. */
const CASE_FORMS = { review: 'review', contacts: 'contact', communications: 'communication' } as const;
const SAVED: Record<string, string> = {
  start: 'Monitoring started',
  review: 'The monthly review is recorded',
  contact: 'The linked number or address is added',
  communication: 'The communication is recorded',
  acknowledge: 'The flag’s outcome is recorded',
  release: 'The flag is released to the community managers',
};

const isSpec = (f: MonitoringField): f is FieldSpec => f.kind !== 'codes';
const specsOf = (form: MonitoringForm) => MONITORING_FORMS[form].fields.filter(isSpec);

/** A submitted form as its use case's input: dates from their parts, choices, blanks as nothing. */
function inputOf(form: MonitoringForm, body: Body): Body {
  const input = formToInput(specsOf(form), body);
  for (const f of MONITORING_FORMS[form].fields)
    if (f.kind === 'codes')
      input[f.key] = f.single ? body[f.key] : [body[f.key] ?? []].flat().filter((v) => v !== '');
  if (form === 'review') input.continue = { yes: true, no: false }[String(body.continue)];
  if (form === 'communication' && input.durationSeconds === '') input.durationSeconds = null;
  if ('version' in body) input.version = body.version;
  return input;
}

/** The flag with that id among the person's, as the compartment sees it (null: not theirs). */
function flagIn(monitoring: Awaited<ReturnType<typeof getMonitoring>>, flagId: string) {
  if (!monitoring.compartment) return null;
  for (const c of monitoring.cases) {
    const flag = c.flags.find((f) => f.id === flagId);
    if (flag) return { flag, monitoringCase: c };
  }
  return null;
}

export const monitoringPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    /** A form page: blank, or what was typed with what is wrong (or who saved first). */
    const renderForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      form: MonitoringForm,
      page: { id: string; action: string; version?: number; context?: { key: string; value: string }[] },
      values: Body,
      problem: { errors?: FieldErrors; conflict?: ConflictError } = {},
    ) => {
      const person = await getNominalSection(database, web.context(request), page.id, 'identity');
      const errors = problem.errors ?? {};
      const { title, fields } = MONITORING_FORMS[form];
      return reply
        .code(problem.conflict ? 409 : problem.errors ? 400 : 200)
        .render('custody/views/monitoring-form.njk', {
          title,
          caption: person.name,
          fields,
          values,
          errors,
          errorList: errorList(specsOf(form), errors),
          conflict: problem.conflict,
          context: page.context ?? [],
          version: page.version,
          action: page.action,
          backLink: `/nominals/${page.id}/monitoring`,
        });
    };

    /** Runs a form's use case; on success back to the monitoring page, saying what was saved. */
    const submit = (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      form: MonitoringForm,
      attempt: () => Promise<unknown>,
      again: () => Promise<{ action: string; version?: number; context?: { key: string; value: string }[] }>,
    ) =>
      handleForm({
        attempt,
        done: () => reply.redirect(`/nominals/${id}/monitoring?saved=${form}`, 303),
        redisplay: async ({ errors, conflict }) =>
          renderForm(request, reply, form, { id, ...(await again()) }, bodyOf(request), { errors, conflict }),
      });

    app.get(
      '/nominals/:id/monitoring',
      { config: { action: 'monitoring.released' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        const query = request.query as Body;
        const ctx = web.context(request);
        const person = await getNominalSection(database, ctx, id, 'identity');
        const monitoring = await getMonitoring(database, ctx, id);
        const base = { title: `Communications monitoring – ${person.name}`, id, person };
        if (!monitoring.compartment)
          return reply.render('custody/views/monitoring.njk', { ...base, ...monitoring });
        const log = await communicationLog(database, ctx, id, Number(query.page) || 1);
        const link = (n: number) => `/nominals/${id}/monitoring?page=${n}#log`;
        return reply.render('custody/views/monitoring.njk', {
          ...base,
          compartment: true,
          cases: monitoring.cases.map((c) => ({
            ...c,
            reviewLate: !c.endedOn && compareDates(c.reviewDueOn, ctx.today) < 0,
          })),
          open: monitoring.cases.find((c) => !c.endedOn) ?? null,
          log,
          pagination:
            log.pages > 1
              ? {
                  landmarkLabel: 'Pages of the log of communications',
                  ...(log.page > 1 ? { previous: { href: link(log.page - 1) } } : {}),
                  ...(log.page < log.pages ? { next: { href: link(log.page + 1) } } : {}),
                  items: Array.from({ length: log.pages }, (_, i) => ({
                    number: i + 1,
                    href: link(i + 1),
                    current: i + 1 === log.page,
                  })),
                }
              : null,
          saved: SAVED[String(query.saved)] ?? null,
          mayManage: can(ctx.actor, 'monitoring.manage'),
          mayRelease: can(ctx.actor, 'monitoring.release'),
        });
      },
    );

    // --- The case: start, review, linked numbers, communications by hand ------------------------

    app.get(
      '/nominals/:id/monitoring/new',
      { config: { action: 'monitoring.manage' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        return renderForm(request, reply, 'start', { id, action: `/nominals/${id}/monitoring` }, {});
      },
    );

    app.post(
      '/nominals/:id/monitoring',
      { config: { action: 'monitoring.manage' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        return submit(
          request,
          reply,
          id,
          'start',
          () => startMonitoring(database, web.context(request), id, inputOf('start', bodyOf(request))),
          async () => ({ action: `/nominals/${id}/monitoring` }),
        );
      },
    );

    /** The open case a form is on, with its version (404 if it is not this person's, or has ended). */
    const openCase = async (request: FastifyRequest, id: string, caseId: string) => {
      const monitoring = await getMonitoring(database, web.context(request), id);
      const found = monitoring.compartment ? monitoring.cases.find((c) => c.id === caseId) : undefined;
      return found && !found.endedOn ? found : null;
    };

    const caseFormOf = (form: string) =>
      Object.hasOwn(CASE_FORMS, form) ? CASE_FORMS[form as keyof typeof CASE_FORMS] : null;

    app.get(
      '/nominals/:id/monitoring/:caseId/:form',
      { config: { action: 'monitoring.manage' } },
      async (request, reply) => {
        const { id, caseId, form } = parseInput(CaseFormParams, request.params);
        const which = caseFormOf(form);
        const monitoringCase = which && (await openCase(request, id, caseId));
        if (!which || !monitoringCase) return reply.callNotFound();
        const action = `/nominals/${id}/monitoring/${caseId}/${form}`;
        const values =
          which === 'review'
            ? inputToForm(specsOf('review'), { reviewedOn: web.context(request).today })
            : {};
        return renderForm(request, reply, which, { id, action, version: monitoringCase.version }, values);
      },
    );

    app.post(
      '/nominals/:id/monitoring/:caseId/:form',
      { config: { action: 'monitoring.manage' } },
      async (request, reply) => {
        const { id, caseId, form } = parseInput(CaseFormParams, request.params);
        const which = caseFormOf(form);
        if (!which) return reply.callNotFound();
        const ctx = web.context(request);
        const input = inputOf(which, bodyOf(request));
        const write = {
          review: () => reviewMonitoring(database, ctx, id, caseId, input),
          contact: () => addMonitoredContact(database, ctx, id, caseId, input),
          communication: () => recordCommunication(database, ctx, id, caseId, input),
        }[which];
        return submit(request, reply, id, which, write, async () => {
          const monitoringCase = await openCase(request, id, caseId);
          return {
            action: `/nominals/${id}/monitoring/${caseId}/${form}`,
            ...(monitoringCase ? { version: monitoringCase.version } : {}),
          };
        });
      },
    );

    // --- Flags: an outcome, a release ------------------------------------------------------------

    /** The flag's page: its evidence above the form, and the version the person read. */
    const flagPage = async (request: FastifyRequest, id: string, flagId: string, form: string) => {
      const found = flagIn(await getMonitoring(database, web.context(request), id), flagId);
      if (!found) return null;
      const { flag } = found;
      return {
        action: `/nominals/${id}/monitoring-flags/${flagId}/${form}`,
        version: flag.version,
        flag,
        context: [
          { key: 'Flag', value: flag.label },
          { key: 'Evidence', value: flag.evidence },
          ...(flag.outcome ? [{ key: 'Outcome', value: flag.outcome }] : []),
        ],
      };
    };

    for (const [form, path, action] of [
      ['acknowledge', 'acknowledgement', 'monitoring.manage'],
      ['release', 'release', 'monitoring.release'],
    ] as const) {
      app.get(
        `/nominals/:id/monitoring-flags/:flagId/${path}`,
        { config: { action } },
        async (request, reply) => {
          const { id, flagId } = parseInput(FlagParams, request.params);
          const page = await flagPage(request, id, flagId, path);
          if (!page) return reply.callNotFound();
          const values = form === 'release' ? { summary: page.flag.releasedSummary ?? '' } : {};
          return renderForm(request, reply, form, { id, ...page }, values);
        },
      );

      app.post(
        `/nominals/:id/monitoring-flags/:flagId/${path}`,
        { config: { action } },
        async (request, reply) => {
          const { id, flagId } = parseInput(FlagParams, request.params);
          const ctx = web.context(request);
          const input = inputOf(form, bodyOf(request));
          return submit(
            request,
            reply,
            id,
            form,
            () =>
              form === 'acknowledge'
                ? acknowledgeFlag(database, ctx, id, flagId, input)
                : releaseFlag(database, ctx, id, flagId, input),
            async () =>
              (await flagPage(request, id, flagId, path)) ?? {
                action: `/nominals/${id}/monitoring-flags/${flagId}/${path}`,
              },
          );
        },
      );
    }

    // --- The establishment's call-record import --------------------------------------------------

    const IMPORT = '/monitoring/call-records';
    // A month of an establishment's calls is several megabytes, and the preview sends it back once.
    const IMPORT_LIMIT = 32 * 1024 * 1024;

    app.get(IMPORT, { config: { action: 'monitoring.manage' } }, async (request, reply) => {
      const query = request.query as Body;
      const count = (v: unknown) => (/^\d{1,7}$/.test(String(v)) ? Number(v) : null);
      const imported = count(query.imported);
      return reply.render('custody/views/monitoring-import.njk', {
        title: 'Import call records',
        values: {},
        done: imported === null ? null : { calls: imported, flags: count(query.flags) ?? 0 },
      });
    });

    app.post(
      IMPORT,
      {
        config: {
          action: 'monitoring.manage',
          multipartOptions: { limits: { fileSize: IMPORT_LIMIT, files: 1 } },
        },
        bodyLimit: IMPORT_LIMIT,
      },
      async (request, reply) => {
        const body = bodyOf(request);
        // A chosen file (multipart) wins over the box; the confirmation sends the file back as text.
        const upload = uploadedFile((request.body as Record<string, unknown> | undefined)?.file);
        const given = upload?.name || (typeof body.fileName === 'string' ? body.fileName.trim() : '');
        const fileName = given || null;
        const input = {
          fileName: fileName ?? 'Pasted into the form',
          csv: upload?.text ? upload.text : (body.csv ?? ''),
          confirm: body.confirm === 'yes',
        };
        const render = (status: number, context: Body) =>
          reply.code(status).render('custody/views/monitoring-import.njk', {
            title: 'Import call records',
            values: { csv: input.csv, fileName },
            ...context,
          });
        let result;
        try {
          result = await importCallRecords(database, web.context(request), input);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return render(400, {
            errors: error.fieldErrors,
            errorList: Object.entries(error.fieldErrors).map(([key, text]) => ({
              text,
              href: key === 'fileName' ? '#file' : '#csv',
            })),
          });
        }
        if (result.imported)
          return reply.redirect(`${IMPORT}?imported=${result.matched}&flags=${result.flagsRaised}`, 303);
        const more = result.problemCount - result.problems.length;
        return render(result.problemCount ? 400 : 200, {
          preview: result,
          errorList: [
            ...result.problems.map((p) => ({ text: p.message, href: `#row-${p.row}` })),
            ...(more > 0 ? [{ text: `${more} more rows have problems`, href: '#problems' }] : []),
          ],
        });
      },
    );
  };
