import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize, ownArea } from '../../../access/policy.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Db, Tx } from '../../../db/database.ts';
import type { ScreeningRoute } from '../../../domain/codes.ts';
import { ValidationError, type FieldErrors } from '../../../domain/errors.ts';
import { fieldErrorsOf } from '../../../validation/parse.ts';
import {
  agenciesByIds,
  agenciesInArea,
  replaceSinglePointsOfContact,
  singlePointsOfContact,
} from '../../reference/index.ts';
import { usersByIds } from '../../users/index.ts';
import { DEFAULT_PANEL_TYPES } from '../codes.ts';
import { areaSettings, recomputeObligations } from '../obligations.ts';
import { AreaSettingsInput } from '../schemas.ts';

/**
 * Each area's own settings (MAPPA.md marks them configurable): review intervals, whether level
 * decisions need countersigning, how referrals are screened, and the standing panel invited to
 * every Level 2/3 meeting.
 */

export type { ScreeningRoute } from '../../../domain/codes.ts';

/** How the area screens referrals (MAPPA.md §3 step 4); the coordinator alone unless the area chose otherwise. */
export async function screeningRoute(db: Db | Tx, areaCode: string): Promise<ScreeningRoute> {
  const row = await db
    .selectFrom('area_settings')
    .select('screening_route')
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
  return row?.screening_route ?? 'coordinator';
}

export async function areaRequiresCountersignature(db: Db | Tx, areaCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('area_settings')
    .select('countersignature_required')
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
  return row?.countersignature_required ?? false;
}

export interface PanelAgency {
  agencyId: string;
  name: string;
  type: string;
}

/** Where an agency type comes in the panel: the default panel's types first, in its order. */
export const panelRank = (type: string) => {
  const i = (DEFAULT_PANEL_TYPES as readonly string[]).indexOf(type);
  return i === -1 ? DEFAULT_PANEL_TYPES.length : i;
};
/** Agencies in the panel's order: the default panel's types first, then by type and name. */
const sortPanel = (panel: readonly PanelAgency[]) =>
  [...panel].sort(
    (a, b) =>
      panelRank(a.type) - panelRank(b.type) || a.type.localeCompare(b.type) || a.name.localeCompare(b.name),
  );
const asPanelAgency = (a: { id: string; name: string; type: string }): PanelAgency => ({
  agencyId: a.id,
  name: a.name,
  type: a.type,
});

async function configuredPanelIds(db: Db | Tx, areaCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('standing_panel_members')
    .select('agency_id')
    .where('area_code', '=', areaCode)
    .execute();
  return rows.map((r) => r.agency_id);
}

/**
 * The area's standing panel: the agencies it configured, or, when none are, one agency of each
 * default type (the first by name; for health, a mental health trust when the area has one).
 */
export async function standingPanel(db: Db | Tx, areaCode: string): Promise<PanelAgency[]> {
  const configured = await configuredPanelIds(db, areaCode);
  if (configured.length)
    return sortPanel([...(await agenciesByIds(db, configured)).values()].map(asPanelAgency));
  const agencies = await agenciesInArea(db, areaCode, DEFAULT_PANEL_TYPES);
  const panel: PanelAgency[] = [];
  for (const type of DEFAULT_PANEL_TYPES) {
    const ofType = agencies.filter((a) => a.type === type);
    const pick =
      type === 'health' ? (ofType.find((a) => /mental health/i.test(a.name)) ?? ofType[0]) : ofType[0];
    if (pick) panel.push(asPanelAgency(pick));
  }
  return panel;
}

export interface AreaSettingsView {
  areaCode: string;
  level2ReviewWeeks: number;
  level3ReviewWeeks: number;
  significantEventReviewDays: number;
  countersignatureRequired: boolean;
  screeningRoute: ScreeningRoute;
  /** The agencies invited to every Level 2/3 meeting. */
  standingPanel: PanelAgency[];
  /** False when the area has not chosen its panel and the default applies. */
  standingPanelConfigured: boolean;
  /** Each agency's single point of contact: told of actions owned by its people without a Vigil account. */
  singlePointsOfContact: { agencyId: string; agencyName: string; userId: string; userName: string }[];
}

async function readContacts(tx: Tx, areaCode: string): Promise<AreaSettingsView['singlePointsOfContact']> {
  const contacts = await singlePointsOfContact(tx, areaCode);
  const agencies = await agenciesByIds(tx, [...contacts.keys()]);
  const users = await usersByIds(tx, [...contacts.values()]);
  return [...contacts]
    .map(([agencyId, userId]) => ({
      agencyId,
      agencyName: agencies.get(agencyId)?.name ?? '',
      userId,
      userName: users.get(userId)?.displayName ?? '',
    }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName));
}

async function readAreaSettings(tx: Tx, areaCode: string): Promise<AreaSettingsView> {
  return {
    areaCode,
    ...(await areaSettings(tx, areaCode)),
    countersignatureRequired: await areaRequiresCountersignature(tx, areaCode),
    screeningRoute: await screeningRoute(tx, areaCode),
    standingPanel: await standingPanel(tx, areaCode),
    standingPanelConfigured: (await configuredPanelIds(tx, areaCode)).length > 0,
    singlePointsOfContact: await readContacts(tx, areaCode),
  };
}

/** The review intervals and countersignature rule of the actor's own area. */
export async function getAreaSettings(database: Database, ctx: UseCaseContext): Promise<AreaSettingsView> {
  // Reading them: a read-only token may.
  authorize(ctx.actor, 'area.settings', 'read');
  const areaCode = ownArea(ctx.actor);
  return database.transaction((tx) => readAreaSettings(tx, areaCode));
}

/** The agencies of the actor's area that could sit on its standing panel, for the settings form. */
export async function areaAgencies(database: Database, ctx: UseCaseContext): Promise<PanelAgency[]> {
  authorize(ctx.actor, 'area.settings', 'read');
  return sortPanel((await agenciesInArea(database.db, ownArea(ctx.actor))).map(asPanelAgency));
}

/**
 * Changes the actor's own area's settings, then brings every decided case's due dates into line.
 * The screening route and standing panel are kept as they are when not given (API clients that
 * predate them); an empty panel means the default panel (recommendation 9).
 */
export async function updateAreaSettings(
  database: Database,
  ctx: UseCaseContext,
  input: { [K in keyof AreaSettingsInput]?: unknown },
) {
  authorize(ctx.actor, 'area.settings');
  const parsed = AreaSettingsInput.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  // Readable agency ids are checked against the area even when something else is wrong, so that
  // every problem is shown at once.
  const panel = AreaSettingsInput.shape.standingPanelAgencyIds.safeParse(input.standingPanelAgencyIds).data;
  const areaCode = ownArea(ctx.actor);
  return database.transaction(async (tx) => {
    if (panel?.length && !errors.standingPanelAgencyIds) {
      const agencies = await agenciesByIds(tx, panel);
      if ([...agencies.values()].filter((a) => a.areaCode === areaCode).length !== panel.length)
        errors.standingPanelAgencyIds = 'Select agencies of your own area from the list';
    }
    const contacts = parsed.success ? parsed.data.singlePointsOfContact : undefined;
    if (contacts) await checkContacts(tx, areaCode, contacts, errors);
    if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
    const settings = parsed.data;
    const values = {
      level2_review_weeks: settings.level2ReviewWeeks,
      level3_review_weeks: settings.level3ReviewWeeks,
      significant_event_review_days: settings.significantEventReviewDays,
      countersignature_required: settings.countersignatureRequired,
      ...(settings.screeningRoute !== undefined ? { screening_route: settings.screeningRoute } : {}),
    };
    const before = await readAreaSettings(tx, areaCode);
    await tx
      .insertInto('area_settings')
      .values({ area_code: areaCode, ...values })
      .onConflict((oc) => oc.column('area_code').doUpdateSet(values))
      .execute();
    if (panel !== undefined) {
      await tx.deleteFrom('standing_panel_members').where('area_code', '=', areaCode).execute();
      if (panel.length)
        await tx
          .insertInto('standing_panel_members')
          .values(panel.map((agencyId) => ({ area_code: areaCode, agency_id: agencyId })))
          .execute();
    }
    if (contacts) await replaceSinglePointsOfContact(tx, areaCode, contacts);
    const decided = await tx
      .selectFrom('nominal_obligations')
      .select('nominal_id')
      .where('area_code', '=', areaCode)
      .where('level', 'is not', null)
      .execute();
    for (const { nominal_id } of decided) await recomputeObligations(tx, nominal_id, ctx.today);
    const after = await readAreaSettings(tx, areaCode);
    const brief = (v: AreaSettingsView) => ({
      ...v,
      singlePointsOfContact: v.singlePointsOfContact.map((c) => `${c.agencyId}:${c.userId}`),
      standingPanel: v.standingPanelConfigured ? v.standingPanel.map((a) => a.agencyId) : 'default',
    });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'area_settings',
      recordIds: [],
      section: `area ${areaCode}: ${JSON.stringify({ before: brief(before), after: brief(after) })}`,
    });
    return { ...after, recomputed: decided.length };
  });
}

/** The key of an agency's contact's problem (the form has one choice per agency). */
export const contactErrorKey = (agencyId: string) => `singlePointsOfContact.${agencyId}`;

/** Each contact: an agency of the area, once, and an active Vigil user of that agency. */
async function checkContacts(
  tx: Tx,
  areaCode: string,
  contacts: readonly { agencyId: string; userId: string }[],
  errors: FieldErrors,
) {
  const agencies = await agenciesByIds(
    tx,
    contacts.map((c) => c.agencyId),
  );
  const users = await usersByIds(
    tx,
    contacts.map((c) => c.userId),
  );
  const seen = new Set<string>();
  for (const { agencyId, userId } of contacts) {
    const agency = agencies.get(agencyId);
    const user = users.get(userId);
    if (!agency || agency.areaCode !== areaCode || seen.has(agencyId))
      errors[contactErrorKey(agencyId)] ??= 'Select agencies of your own area, each once';
    else if (!user?.active || user.agencyId !== agencyId)
      errors[contactErrorKey(agencyId)] ??=
        `The single point of contact must be a Vigil user of ${agency.name}`;
    seen.add(agencyId);
  }
}
