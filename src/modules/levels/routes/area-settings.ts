import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AGENCY_TYPE, SCREENING_ROUTE, labelOf } from '../../../domain/codes.ts';
import type { FieldErrors } from '../../../domain/errors.ts';
import { parseInput } from '../../../validation/parse.ts';
import { bodyOf, handleForm } from '../../../web/forms.ts';
import type { Web } from '../../../web/types.ts';
import { activeUsersOfAgencies } from '../../users/index.ts';
import { DEFAULT_PANEL_TYPES } from '../codes.ts';
import { AreaSettingsInput, AreaSettingsPageQuery } from '../schemas.ts';
import {
  areaAgencies,
  getAreaSettings,
  panelRank,
  updateAreaSettings,
  type AreaSettingsView,
} from '../use-cases/area-settings.ts';
import { formErrors, list, summaryLinks } from './forms.ts';

/** The area's settings (a coordinator's): review intervals, countersignature, screening route, standing panel. */

type Body = Record<string, unknown>;

const FORM_ORDER = [
  'level2ReviewWeeks',
  'level3ReviewWeeks',
  'significantEventReviewDays',
  'countersignatureRequired',
  'screeningRoute',
  'standingPanelAgencyIds',
];

/** The saved settings as the form shows them. */
const formValues = (s: AreaSettingsView): Body => ({
  level2ReviewWeeks: String(s.level2ReviewWeeks),
  level3ReviewWeeks: String(s.level3ReviewWeeks),
  significantEventReviewDays: String(s.significantEventReviewDays),
  countersignatureRequired: s.countersignatureRequired ? 'yes' : 'no',
  screeningRoute: s.screeningRoute,
  standingPanelAgencyIds: s.standingPanel.map((a) => a.agencyId),
  ...Object.fromEntries(s.singlePointsOfContact.map((c) => [`spoc-${c.agencyId}`, c.userId])),
});

/** The form's one choice per agency (`spoc-<agency id>`: a user id, or none) as the input's list. */
const contactsFromForm = (body: Body) =>
  Object.entries(body).flatMap(([key, value]) => {
    const agencyId = /^spoc-(.+)$/.exec(key)?.[1];
    return agencyId && typeof value === 'string' && value ? [{ agencyId, userId: value }] : [];
  });

/** A contact's problem is shown against its agency's choice. */
const contactErrorsOnForm = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors).map(([key, text]) => [key.replace(/^singlePointsOfContact\./, 'spoc-'), text]),
  );

export const areaSettingsPage =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    const { database } = web;

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: Body | null,
      options: { saved?: string; problem?: { status: number; errors: FieldErrors } } = {},
    ) => {
      const ctx = web.context(request);
      const settings = await getAreaSettings(database, ctx);
      const shown = values ?? formValues(settings);
      const chosen = list(shown.standingPanelAgencyIds);
      // The standing panel's checkboxes, one group per agency type, in the panel's order.
      const agencies = await areaAgencies(database, ctx);
      const panelGroups = AGENCY_TYPE.map((type) => ({
        type: type.code,
        legend: type.label,
        items: agencies
          .filter((a) => a.type === type.code)
          .map((a) => ({ value: a.agencyId, text: a.name, checked: chosen.includes(a.agencyId) })),
      }))
        .filter((g) => g.items.length)
        .sort((a, b) => panelRank(a.type) - panelRank(b.type));
      // One choice per agency of its own Vigil users: who is told of actions for its people without an account.
      const people = await activeUsersOfAgencies(
        database.db,
        agencies.map((a) => a.agencyId),
      );
      const contactChoices = agencies
        .map((a) => ({
          agencyId: a.agencyId,
          name: a.name,
          items: [
            { value: '', text: 'None' },
            ...people
              .filter((u) => u.agencyId === a.agencyId)
              .map((u) => ({
                value: u.id,
                text: u.displayName,
                selected: shown[`spoc-${a.agencyId}`] === u.id,
              })),
          ],
        }))
        .filter((c) => c.items.length > 1);
      const errors = options.problem?.errors;
      return reply.code(options.problem?.status ?? 200).render('levels/views/area-settings.njk', {
        title: 'Area settings for MAPPA levels',
        areaCode: settings.areaCode,
        saved: options.saved,
        values: shown,
        routes: SCREENING_ROUTE.map((r) => ({
          value: r.code,
          text: r.label,
          checked: shown.screeningRoute === r.code,
        })),
        panelGroups,
        contactChoices,
        panelConfigured: settings.standingPanelConfigured,
        defaultPanelTypes: DEFAULT_PANEL_TYPES.map((t) => labelOf(AGENCY_TYPE, t)),
        errors: errors ?? {},
        errorList: summaryLinks(errors, []).map((e) =>
          e.href === '#standingPanelAgencyIds' && panelGroups[0]
            ? { ...e, href: `#panel-${panelGroups[0].type}` }
            : e,
        ),
      });
    };

    app.get('/area-settings', { config: { action: 'area.settings' } }, async (request, reply) => {
      const recomputed = Number(parseInput(AreaSettingsPageQuery, request.query).saved);
      return render(request, reply, null, {
        ...(Number.isInteger(recomputed) && recomputed >= 0
          ? { saved: `${recomputed} ${recomputed === 1 ? 'person' : 'people'}` }
          : {}),
      });
    });

    app.post('/area-settings', { config: { action: 'area.settings' } }, async (request, reply) => {
      const body = bodyOf(request);
      return handleForm({
        attempt: () =>
          // An unticked panel sends nothing: the form always means "this panel" (empty = the default).
          updateAreaSettings(
            database,
            web.context(request),
            parseInput(AreaSettingsInput, {
              ...body,
              standingPanelAgencyIds: list(body.standingPanelAgencyIds),
              singlePointsOfContact: contactsFromForm(body),
            }),
          ),
        done: (saved) => reply.redirect(`/area-settings?saved=${saved.recomputed}`, 303),
        redisplay: ({ status, errors }) =>
          render(request, reply, body, {
            problem: { status, errors: contactErrorsOnForm(formErrors(errors, {}, FORM_ORDER)) },
          }),
      });
    });
  };
