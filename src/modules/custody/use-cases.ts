import type { Selectable, Updateable } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can, ownArea } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import { labelOf } from '../../domain/codes.ts';
import {
  DEFAULT_CUSTODY_SETTINGS,
  PRE_RELEASE_ITEM,
  RELEASE_TYPE,
  SECURITY_CATEGORY,
  allocationDues,
  monthsBefore,
  preReleaseChecklist,
  type CustodySettings,
} from '../../domain/custody.ts';
import { compareDates, londonDateAt } from '../../domain/dates.ts';
import { earliestRelease } from '../../domain/deadlines.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { isUuid } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse.ts';
import { currentObligations, mappaStandings } from '../levels/index.ts';
import {
  loadInScope,
  nominalAreas,
  nominalIdsInAreas,
  nominalListEntries,
  recordAndLog,
} from '../nominals/index.ts';
import { agenciesByIds } from '../reference/index.ts';
import { planChangedAt } from '../risk-management-plan/index.ts';
import { usersByEmails, usersByIds } from '../users/index.ts';
import { addressCheckWorklistRows } from './address-checks.ts';
import { CUSTODY_STEPS, EPISODE_STEPS, type EpisodeStep } from './fields.ts';
import { irmmWorklistRows } from './irmm.ts';
import { monitoringWorklistRows, type CustodyWorklistRow } from './monitoring.ts';
import { rotlWorklistRows } from './rotl.ts';
import { CustodySettingsInput, readStep, type EpisodeView } from './schemas.ts';

/**
 * Custody (issue 14, MAPPA.md §3 step 9): a person's time in prison — reception, where they are
 * held, the sentence dates, offender management in custody (POM and COM allocation, the handover)
 * and the pre-release checklist — on the shared record, so the community managers see what the
 * prison knows before release. The rules are domain/custody.ts; docs/custody.md gives them.
 */

type EpisodeRow = Selectable<Schema['custody_episodes']>;
type Values = Record<string, unknown>;

const SECTION = 'custody';

// --- Settings ---------------------------------------------------------------------------------

/** The area's custody settings, or the defaults when it has none. */
export async function custodySettingsOf(
  db: Tx | Database['db'],
  areaCode: string,
): Promise<CustodySettings & { version: number }> {
  const row = await db
    .selectFrom('custody_settings')
    .select(['handover_months_before_release', 'pom_allocation_days', 'version'])
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
  return row
    ? {
        handoverMonthsBeforeRelease: Number(row.handover_months_before_release),
        pomAllocationDays: row.pom_allocation_days,
        version: row.version,
      }
    : { ...DEFAULT_CUSTODY_SETTINGS, version: 0 };
}

export async function getCustodySettings(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'custody.view');
  const areaCode = ownArea(ctx.actor);
  return { areaCode, ...(await custodySettingsOf(database.db, areaCode)) };
}

export async function saveCustodySettings(database: Database, ctx: UseCaseContext, input: unknown) {
  authorize(ctx.actor, 'area.settings');
  const areaCode = ownArea(ctx.actor);
  const { version, ...settings } = parseInput(CustodySettingsInput, input);
  return database.transaction(async (tx) => {
    const current = await custodySettingsOf(tx, areaCode);
    if (current.version !== version)
      throw new ConflictError('Someone changed the custody settings after you opened them');
    const values = {
      handover_months_before_release: settings.handoverMonthsBeforeRelease,
      pom_allocation_days: settings.pomAllocationDays,
      updated_at: ctx.now,
      updated_by: ctx.actor.userId,
      version: version + 1,
    };
    await tx
      .insertInto('custody_settings')
      .values({ area_code: areaCode, ...values })
      .onConflict((oc) => oc.column('area_code').doUpdateSet(values))
      .execute();
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'area_settings',
      recordIds: [],
      section: `custody settings, area ${areaCode}: ${JSON.stringify({ before: current, after: settings })}`,
    });
    return { areaCode, ...settings, version: version + 1 };
  });
}

// --- Reading ----------------------------------------------------------------------------------

const DATE_FIELDS = CUSTODY_STEPS.details.fields.filter((f) => f.kind === 'date');

/**
 * Episodes as people see them, with what is due and missing; for any number of people, each
 * look-up made once for the whole list (levels' standings, plans' dates, names, settings per area).
 */
async function episodeViews(tx: Tx, ctx: UseCaseContext, rows: EpisodeRow[]): Promise<EpisodeView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const people = rows.map((r) => r.nominal_id);
  const [moves, checks, standings, plans, areas] = await Promise.all([
    tx.selectFrom('custody_moves').selectAll().where('episode_id', 'in', ids).orderBy('moved_on').execute(),
    tx.selectFrom('pre_release_checks').selectAll().where('episode_id', 'in', ids).execute(),
    mappaStandings(tx, people),
    planChangedAt(tx, people),
    nominalAreas(tx, people),
  ]);
  const areaCodes = [...new Set(areas.values())];
  const [agencies, users, settingsList] = await Promise.all([
    agenciesByIds(tx, [
      ...rows.map((r) => r.establishment_agency_id),
      ...moves.flatMap((m) => [m.from_agency_id, m.to_agency_id]),
    ]),
    usersByIds(
      tx,
      rows.flatMap((r) => [r.pom_user_id, r.com_user_id]),
    ),
    Promise.all(areaCodes.map((code) => custodySettingsOf(tx, code))),
  ]);
  const settingsOf = (nominalId: string) =>
    settingsList[areaCodes.indexOf(areas.get(nominalId) ?? '')] ?? DEFAULT_CUSTODY_SETTINGS;
  const agencyName = (id: string) => agencies.get(id)?.name ?? 'Unknown establishment';
  const user = (id: string | null, on: string | null) =>
    id ? { id, name: users.get(id)?.displayName ?? 'Unknown user', allocatedOn: on } : null;
  return rows.map((r) => {
    const release = earliestRelease(
      {
        setting: 'custody',
        conditionalReleaseDate: r.conditional_release_date,
        paroleEligibilityDate: r.parole_eligibility_date,
        hdcEligibilityDate: r.hdc_eligibility_date,
        actualReleaseDate: r.released_on,
      },
      ctx.today,
    );
    const mine = checks.filter((c) => c.episode_id === r.id);
    const check = (item: string) => mine.find((c) => c.item === item);
    const doneOn = (item: string) => (check(item)?.status === 'done' ? (check(item)?.done_on ?? null) : null);
    return {
      id: r.id,
      version: r.version,
      establishment: { id: r.establishment_agency_id, name: agencyName(r.establishment_agency_id) },
      receivedOn: r.received_on,
      recall: r.recall,
      securityCategory: r.security_category ? labelOf(SECURITY_CATEGORY, r.security_category) : null,
      dates: Object.fromEntries(
        DATE_FIELDS.map((f) => [f.key, (r as unknown as Values)[f.column] as string | null]),
      ),
      earliestRelease: release,
      pom: user(r.pom_user_id, r.pom_allocated_on),
      com: user(r.com_user_id, r.com_allocated_on),
      handover: r.handed_over_on ? { on: r.handed_over_on, threeWay: r.handover_three_way } : null,
      released: r.released_on
        ? { on: r.released_on, type: labelOf(RELEASE_TYPE, r.release_type ?? 'other') }
        : null,
      moves: moves
        .filter((m) => m.episode_id === r.id)
        .map((m) => ({
          from: agencyName(m.from_agency_id),
          to: agencyName(m.to_agency_id),
          movedOn: m.moved_on,
          reason: m.reason,
        })),
      allocation: allocationDues(
        {
          receivedOn: r.received_on,
          earliestReleaseOn: release?.date ?? null,
          pomAllocatedOn: r.pom_allocated_on,
          comAllocatedOn: r.com_allocated_on,
          handedOverOn: r.handed_over_on,
        },
        settingsOf(r.nominal_id),
        ctx.today,
      ),
      checklist: preReleaseChecklist(
        {
          earliestReleaseOn: release?.date ?? null,
          accommodationConfirmedOn: doneOn('accommodation'),
          licenceConditionsProposedOn: doneOn('licence_conditions'),
          approvedPremisesNeeded: check('approved_premises')?.status !== 'not_needed',
          approvedPremisesConfirmedOn: doneOn('approved_premises'),
          level: standings.get(r.nominal_id)?.level ?? null,
          rmpReviewedOn: plans.has(r.nominal_id) ? londonDateAt(plans.get(r.nominal_id)!.getTime()) : null,
          victimContactScheme: check('victim_contact')?.status !== 'not_needed',
          victimContactConsultedOn: doneOn('victim_contact'),
        },
        ctx.today,
      ),
    };
  });
}

/** The person's custody episodes, newest first, with what is due and what is missing. */
export async function getCustody(database: Database, ctx: UseCaseContext, nominalId: string) {
  authorize(ctx.actor, 'custody.view');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    // The stored obligations are brought up to date first: the checklist reads the level from them.
    await currentObligations(tx, nominalId, ctx.today);
    const rows = await tx
      .selectFrom('custody_episodes')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('received_on', 'desc')
      .execute();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: SECTION,
    });
    return {
      episodes: await episodeViews(tx, ctx, rows),
      mayEdit: can(ctx.actor, 'custody.edit'),
    };
  });
}

// --- Writing ----------------------------------------------------------------------------------

async function assertPrison(tx: Tx, agencyId: string, key: string) {
  const agency = (await agenciesByIds(tx, [agencyId])).get(agencyId);
  if (!agency || agency.type !== 'prison')
    throw new ValidationError({ [key]: 'Select a prison establishment' });
}

/** Receives a person into custody: a new episode (one open at a time). */
export async function receiveIntoCustody(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'custody.edit');
  const { values, errors } = readStep('reception', input, ctx.today, false);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    await assertPrison(tx, values.establishmentAgencyId as string, 'establishmentAgencyId');
    const open = await tx
      .selectFrom('custody_episodes')
      .select('id')
      .where('nominal_id', '=', nominalId)
      .where('released_on', 'is', null)
      .executeTakeFirst();
    if (open)
      throw new ValidationError({
        establishmentAgencyId:
          'This person is already in custody: record a move or a release on the current episode',
      });
    const columns = Object.fromEntries(
      CUSTODY_STEPS.reception.fields.map((f) => [f.column, values[f.key] ?? null]),
    );
    const row = await tx
      .insertInto('custody_episodes')
      .values({
        ...(columns as { establishment_agency_id: string; received_on: string; recall: boolean }),
        nominal_id: nominalId,
        created_at: ctx.now,
        created_by: ctx.actor.userId,
        updated_at: ctx.now,
        updated_by: ctx.actor.userId,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const agency = (await agenciesByIds(tx, [values.establishmentAgencyId as string])).get(
      values.establishmentAgencyId as string,
    );
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: row.id,
        entityVersion: row.version,
        action: 'created',
        summary: `Received into custody at ${agency?.name ?? 'a prison'}${values.recall ? ' (recall)' : ''}`,
        before: null,
        after: values,
      },
      { section: SECTION },
    );
    return row;
  });
}

/** One step on an open episode (a release ends it): dates, a move, allocation, handover, a check, release. */
export async function recordCustodyStep(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  episodeId: string,
  step: string,
  input: unknown,
) {
  authorize(ctx.actor, 'custody.edit');
  if (!(EPISODE_STEPS as readonly string[]).includes(step) || !isUuid(episodeId)) throw new NotFoundError();
  const s = step as EpisodeStep;
  const { values, errors } = readStep(s, input, ctx.today, true);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const episode = await tx
      .selectFrom('custody_episodes')
      .selectAll()
      .where('id', '=', episodeId)
      .where('nominal_id', '=', nominalId)
      .forUpdate()
      .executeTakeFirst();
    if (!episode) throw new NotFoundError();
    if (episode.version !== values.version)
      throw new ConflictError(
        'Someone changed this custody episode after you opened it: reload it and try again',
      );
    if (episode.released_on !== null)
      throw new ValidationError({
        [CUSTODY_STEPS[s].fields[0]!.key]: 'This custody episode ended on release: record a new reception',
      });
    const { changes, summary } = await applyStep(tx, ctx, episode, s, values);
    const updated = await tx
      .updateTable('custody_episodes')
      .set({ ...changes, updated_at: ctx.now, updated_by: ctx.actor.userId, version: episode.version + 1 })
      .where('id', '=', episodeId)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const { version: _version, ...after } = values;
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: episodeId,
        entityVersion: updated.version,
        action: s === 'release' ? 'ended' : 'updated',
        summary,
        before: Object.fromEntries(
          Object.keys(changes).map((c) => [c, (episode as unknown as Values)[c] ?? null]),
        ),
        after,
      },
      { section: SECTION },
    );
    return updated;
  });
}

/** What a step changes on the episode (and any row of its own), and how the timeline says it. */
async function applyStep(
  tx: Tx,
  ctx: UseCaseContext,
  episode: EpisodeRow,
  step: EpisodeStep,
  values: Values,
): Promise<{ changes: Updateable<Schema['custody_episodes']>; summary: string }> {
  const columns = () =>
    Object.fromEntries(
      CUSTODY_STEPS[step].fields.map((f) => [f.column, values[f.key] ?? null]),
    ) as Updateable<Schema['custody_episodes']>;
  const notBeforeReception = (key: string, label: string) => {
    if (compareDates(values[key] as string, episode.received_on) < 0)
      throw new ValidationError({ [key]: `${label} must be on or after the date received` });
  };
  switch (step) {
    case 'details':
      return { changes: columns(), summary: 'Security category and sentence dates changed' };
    case 'move': {
      const to = values.toAgencyId as string;
      await assertPrison(tx, to, 'toAgencyId');
      if (to === episode.establishment_agency_id)
        throw new ValidationError({ toAgencyId: 'Select a different establishment' });
      notBeforeReception('movedOn', 'Date moved');
      await tx
        .insertInto('custody_moves')
        .values({
          episode_id: episode.id,
          from_agency_id: episode.establishment_agency_id,
          to_agency_id: to,
          moved_on: values.movedOn as string,
          reason: (values.reason as string | null) ?? null,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now,
        })
        .execute();
      const names = await agenciesByIds(tx, [episode.establishment_agency_id, to]);
      return {
        changes: { establishment_agency_id: to },
        summary: `Moved from ${names.get(episode.establishment_agency_id)?.name ?? 'a prison'} to ${names.get(to)?.name ?? 'a prison'}`,
      };
    }
    case 'allocation': {
      const emails = [values.pomEmail, values.comEmail].filter((e): e is string => typeof e === 'string');
      const users = await usersByEmails(tx, emails);
      const idOf = (key: 'pomEmail' | 'comEmail') => {
        const email = values[key] as string | null;
        if (!email) return null;
        const found = users.get(email.toLowerCase());
        if (!found?.active)
          throw new ValidationError({ [key]: 'No active Vigil user has this email address' });
        return found.id;
      };
      for (const key of ['pomAllocatedOn', 'comAllocatedOn'] as const)
        if (values[key])
          notBeforeReception(key, key === 'pomAllocatedOn' ? 'POM allocated on' : 'COM allocated on');
      const names = [values.pomEmail && 'prison', values.comEmail && 'community']
        .filter(Boolean)
        .join(' and ');
      return {
        changes: {
          pom_user_id: idOf('pomEmail'),
          pom_allocated_on: (values.pomAllocatedOn as string | null) ?? null,
          com_user_id: idOf('comEmail'),
          com_allocated_on: (values.comAllocatedOn as string | null) ?? null,
        },
        summary: names ? `Offender managers allocated (${names})` : 'Offender manager allocation removed',
      };
    }
    case 'handover':
      notBeforeReception('handedOverOn', 'Handed over on');
      return {
        changes: columns(),
        summary: `Handed over to the community${values.threeWay ? ' at a three-way meeting' : ''}`,
      };
    case 'check': {
      const row = {
        status: values.status as 'done' | 'not_needed',
        // Done with no date given: done today.
        done_on: values.status === 'done' ? ((values.doneOn as string | null) ?? ctx.today) : null,
        note: (values.note as string | null) ?? null,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.now,
      };
      await tx
        .insertInto('pre_release_checks')
        .values({ episode_id: episode.id, item: values.item as string, ...row })
        .onConflict((oc) => oc.columns(['episode_id', 'item']).doUpdateSet(row))
        .execute();
      return {
        changes: {},
        summary: `Pre-release check: ${labelOf(PRE_RELEASE_ITEM, values.item as string).toLowerCase()} — ${values.status === 'done' ? 'done' : 'not needed'}`,
      };
    }
    case 'release':
      notBeforeReception('releasedOn', 'Date released');
      return {
        changes: columns(),
        summary: `Released: ${labelOf(RELEASE_TYPE, values.releaseType as string).toLowerCase()}`,
      };
  }
}

// --- Worklist ---------------------------------------------------------------------------------

/**
 * What is due in custody, one row per obligation: late or coming allocations and handovers (within
 * 30 days), and each missing pre-release check once the handover date has come. Prison staff see
 * the people held in their establishment; coordinators and managers see those of their area.
 */
export async function custodyWorklist(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'custody.view');
  return database.transaction(async (tx) => {
    let query = tx.selectFrom('custody_episodes').selectAll().where('released_on', 'is', null);
    // Prison staff: the people held in their establishment; others: those of their area.
    query =
      ctx.actor.agencyType === 'prison'
        ? query.where('establishment_agency_id', '=', ctx.actor.agencyId)
        : query.where('nominal_id', 'in', nominalIdsInAreas(tx, [ownArea(ctx.actor)]));
    const episodes = await query.limit(2000).execute();
    const [views, people] = await Promise.all([
      episodeViews(tx, ctx, episodes),
      nominalListEntries(
        tx,
        episodes.map((e) => e.nominal_id),
      ),
    ]);
    const rows: CustodyWorklistRow[] = [];
    const soon = (d: string | null) => d !== null && compareDates(d, monthsBefore(ctx.today, -1)) <= 0;
    episodes.forEach((episode, i) => {
      const view = views[i]!;
      const base = {
        nominalId: episode.nominal_id,
        name: people.get(episode.nominal_id)?.name ?? 'Unknown',
        episodeId: episode.id,
        establishment: view.establishment?.name ?? '',
      };
      for (const due of view.allocation) {
        if (due.doneOn === null && (due.late || soon(due.dueOn)))
          rows.push({ ...base, kind: due.kind, reason: due.basis, dueOn: due.dueOn, late: due.late });
      }
      const handoverDue = view.allocation.find((a) => a.kind === 'handover')?.dueOn;
      if (handoverDue && compareDates(handoverDue, ctx.today) <= 0) {
        for (const item of view.checklist.filter((c) => c.status === 'missing'))
          rows.push({
            ...base,
            kind: item.item,
            reason: `${item.label}: ${item.detail}`,
            dueOn: view.earliestRelease?.date ?? null,
            late: false,
          });
      }
    });
    // The other parts of custody find their dues; they are named here, once for the list.
    const named = new Map(
      episodes.map((e, i) => [
        e.id,
        {
          name: people.get(e.nominal_id)?.name ?? 'Unknown',
          establishment: views[i]!.establishment?.name ?? '',
        },
      ]),
    );
    const dues = [
      ...(await rotlWorklistRows(tx, ctx, episodes)),
      // Monitoring reviews and flags are the security compartment's: listed only to those in it.
      ...(can(ctx.actor, 'monitoring.view') ? await monitoringWorklistRows(tx, ctx, episodes) : []),
      ...(await irmmWorklistRows(tx, ctx, episodes)),
      ...(await addressCheckWorklistRows(tx, ctx, episodes)),
    ];
    rows.push(...dues.map((d) => ({ ...d, ...named.get(d.episodeId)! })));
    rows.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.name.localeCompare(b.name));
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [...new Set(rows.map((r) => r.nominalId))],
      section: 'custody worklist',
    });
    return { rows: rows.slice(0, 500), total: rows.length };
  });
}
