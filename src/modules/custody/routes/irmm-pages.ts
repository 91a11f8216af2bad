import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, dateParts, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { getNominalSection } from '../../nominals/index.ts';
import { prisonEstablishments } from '../../reference/index.ts';
import { markIrmmActionDone, recordInternalRiskMeeting } from '../irmm.ts';
import { NominalParams } from '../schemas.ts';
import { getCustody } from '../use-cases.ts';
import { IrmmActionParams } from './irmm-api.ts';

/**
 * The pages of internal risk management meetings: the form that records one (attendees and
 * actions as rows; blank rows are ignored, and "Add more rows" gives more without saving), and
 * marking an action done from the record's Custody tab.
 */

type Body = Record<string, unknown>;

const ATTENDEE_ROWS = 5;
const ACTION_ROWS = 3;
const MORE_ROWS = 3;
const MAX_ROWS = 20;

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
/** A GOV.UK date input's three boxes as one ISO date ('' when all are blank). */
const dateOf = (body: Body, key: string) => {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => str(body[`${key}-${p}`]));
  return d || m || y ? `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` : '';
};
const rowCount = (body: Body, key: string, least: number) =>
  Math.min(MAX_ROWS, Math.max(least, Number.parseInt(str(body[key]), 10) || 0));

/**
 * The form as the use case's input (IrmmInput): rows left blank are dropped; `attendeeRows` and
 * `actionRows` give each kept row's place on the form, so an error finds its row again.
 */
function formInput(body: Body) {
  const attendees = rowCount(body, 'attendeeRows', ATTENDEE_ROWS);
  const actions = rowCount(body, 'actionRows', ACTION_ROWS);
  const attendeeRows = [...Array(attendees).keys()].filter((i) =>
    ['name', 'role', 'attended'].some((f) => str(body[`attendees-${i}-${f}`])),
  );
  const actionRows = [...Array(actions).keys()].filter(
    (i) =>
      str(body[`actions-${i}-description`]) ||
      str(body[`actions-${i}-ownerName`]) ||
      dateOf(body, `actions-${i}-dueOn`),
  );
  const attended = (v: string) => (v === 'attended' ? true : v === 'apologies' ? false : undefined);
  return {
    input: {
      heldOn: dateOf(body, 'heldOn'),
      establishmentAgencyId: str(body.establishmentAgencyId),
      attendees: attendeeRows.map((i) => ({
        name: str(body[`attendees-${i}-name`]),
        role: str(body[`attendees-${i}-role`]),
        attended: attended(str(body[`attendees-${i}-attended`])),
      })),
      custodyBehaviour: str(body.custodyBehaviour),
      riskConcerns: str(body.riskConcerns),
      decisions: str(body.decisions),
      actions: actionRows.map((i) => ({
        description: str(body[`actions-${i}-description`]),
        ownerName: str(body[`actions-${i}-ownerName`]),
        dueOn: dateOf(body, `actions-${i}-dueOn`),
      })),
    },
    attendees,
    actions,
    attendeeRows,
    actionRows,
  };
}

/** The use case's error keys (`attendees.0.name`) as the form's field ids, in form order. */
function formErrors(errors: FieldErrors, attendeeRows: number[], actionRows: number[]) {
  const order = [
    'heldOn',
    'establishmentAgencyId',
    'attendees',
    'custodyBehaviour',
    'riskConcerns',
    'decisions',
    'actions',
  ];
  const mapped: { id: string; text: string; rank: number }[] = [];
  for (const [key, text] of Object.entries(errors)) {
    const [top, index, field] = key.split('.');
    const rows = top === 'attendees' ? attendeeRows : actionRows;
    let id = key;
    if (index !== undefined && field !== undefined) id = `${top}-${rows[Number(index)] ?? 0}-${field}`;
    else if (top === 'attendees') id = 'attendees-0-name';
    else if (top === 'actions') id = 'actions-0-description';
    const rank = order.indexOf(top!) * 1000 + (index !== undefined ? Number(index) : 0);
    mapped.push({ id, text, rank });
  }
  mapped.sort((a, b) => a.rank - b.rank);
  return {
    byId: Object.fromEntries(mapped.map((e) => [e.id, e.text])),
    list: mapped.map((e) => ({
      text: e.text,
      href: `#${e.id}${e.id === 'heldOn' || e.id.endsWith('-dueOn') ? '-day' : ''}`,
    })),
  };
}

export const irmmPages =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    const renderForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      values: Body,
      rows: { attendees: number; actions: number },
      problem: { errors?: FieldErrors; attendeeRows?: number[]; actionRows?: number[] } = {},
    ) => {
      const ctx = web.context(request);
      const person = await getNominalSection(database, ctx, id, 'identity');
      const errors = formErrors(problem.errors ?? {}, problem.attendeeRows ?? [], problem.actionRows ?? []);
      return reply.code(problem.errors ? 400 : 200).render('custody/views/irmm-form.njk', {
        title: 'Record an internal risk management meeting',
        caption: person.name,
        id,
        values,
        errors: errors.byId,
        errorList: errors.list,
        establishments: await prisonEstablishments(database.db),
        attendeeRows: rows.attendees,
        actionRows: rows.actions,
        backLink: `/nominals/${id}/custody`,
      });
    };

    app.get(
      '/nominals/:id/custody/irmm/new',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id } = parseInput(NominalParams, request.params);
        // The establishment the person is held in, chosen already; today's date, as most are recorded on the day.
        const { episodes } = await getCustody(database, web.context(request), id);
        const open = episodes.find((e) => !e.released);
        return renderForm(
          request,
          reply,
          id,
          {
            establishmentAgencyId: open?.establishment?.id ?? '',
            ...dateParts('heldOn', web.context(request).today),
          },
          { attendees: ATTENDEE_ROWS, actions: ACTION_ROWS },
        );
      },
    );

    app.post('/nominals/:id/custody/irmm', { config: { action: 'custody.edit' } }, async (request, reply) => {
      const { id } = parseInput(NominalParams, request.params);
      const body = bodyOf(request);
      const form = formInput(body);
      // "Add more rows": the same form with more blank rows, nothing saved.
      if (body.intent === 'more')
        return renderForm(request, reply, id, body, {
          attendees: Math.min(MAX_ROWS, form.attendees + MORE_ROWS),
          actions: Math.min(MAX_ROWS, form.actions + MORE_ROWS),
        });
      return handleForm({
        attempt: () => recordInternalRiskMeeting(database, web.context(request), id, form.input),
        done: () => reply.redirect(`/nominals/${id}/custody?saved=irmm#irmm`, 303),
        redisplay: ({ errors }) =>
          renderForm(
            request,
            reply,
            id,
            body,
            { attendees: form.attendees, actions: form.actions },
            { errors, attendeeRows: form.attendeeRows, actionRows: form.actionRows },
          ),
      });
    });

    app.post(
      '/nominals/:id/custody/irmm/:irmmId/actions/:irmmActionId/done',
      { config: { action: 'custody.edit' } },
      async (request, reply) => {
        const { id, irmmId, irmmActionId } = parseInput(IrmmActionParams, request.params);
        const body = bodyOf(request);
        return handleForm({
          attempt: () =>
            markIrmmActionDone(database, web.context(request), id, irmmId, irmmActionId, {
              version: body.version,
            }),
          done: () => reply.redirect(`/nominals/${id}/custody?saved=irmm-action#irmm`, 303),
          redisplay: ({ conflict }) => {
            // Nothing was typed to keep: someone first is the 409 page; already done, the tab shows it.
            if (conflict) throw conflict;
            return reply.redirect(`/nominals/${id}/custody#irmm`, 303);
          },
        });
      },
    );
  };
