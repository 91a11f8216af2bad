import type { SelectQueryBuilder } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import {
  authorize,
  can,
  POLICY,
  recordWithinTokenAreas,
  SHAREABLE_SECTIONS,
  tokenAreas,
  withinTokenAreas,
} from '../../access/policy.ts';
import { actionVisibleTo, type ActionFacts } from '../../access/projections.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Db, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import {
  compareActions,
  isOverdue,
  validateActionUpdate,
  validateNewAction,
  type ActionStatus,
} from '../../domain/actions.ts';
import {
  ACTION_STATUS,
  isResponsibleAuthority,
  labelOf,
  PILLAR,
  type AgencyType,
} from '../../domain/codes.ts';
import { formatDateLong } from '../../domain/dates.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type FieldErrors,
} from '../../domain/errors.ts';
import { type FieldSpec, isUuid } from '../../validation/fields.ts';
import {
  changesSince,
  endInvolvementsFrom,
  involveAgency,
  loadInScope,
  nominalHeadlines,
  nominalsInvolvingAgency,
  nominalsManagedBy,
  recordAndLog,
} from '../nominals/index.ts';
import { agenciesByIds, contactsFor, singlePointsOfContact } from '../reference/index.ts';
import { notify } from '../notifications/index.ts';
import { activeUsersWithRole, usersByIds } from '../users/index.ts';

/**
 * Actions agreed for a person (MAPPA.md §3 step 5): what, which pillar, who owns it (agency and
 * person), by when, and every update since. Owners are told at the close of the meeting, and an
 * open action past its due date lands on the owner's and the coordinator's worklists.
 */

export interface NewAction {
  description?: unknown;
  pillar?: unknown;
  safeguarding?: unknown;
  ownerAgencyId?: unknown;
  ownerUserId?: unknown;
  ownerName?: unknown;
  dueOn?: unknown;
}

export interface ActionUpdateInput {
  note?: unknown;
  status?: unknown;
  /** The action's version the editor read: a stale one is a conflict, never a silent overwrite. */
  version?: unknown;
}

export interface ActionUpdateView {
  id: string;
  note: string;
  status: ActionStatus;
  statusLabel: string;
  meetingId: string | null;
  createdAt: string;
  createdBy: string;
  createdByAgency: string;
}

export interface ActionView {
  id: string;
  nominalId: string;
  nominalName: string;
  vigilRef: string;
  /** The meeting that agreed it (actions sit below meetings, so the meeting page says when). */
  meetingId: string | null;
  description: string;
  pillar: string;
  pillarLabel: string;
  safeguarding: boolean;
  ownerAgencyId: string;
  ownerAgencyName: string;
  ownerUserId: string | null;
  ownerUserName: string | null;
  /** Free text: a named person outside Vigil, when there is no owner user. */
  ownerName: string | null;
  /** "Jo Bloggs (Housing Trust)", for tables. */
  ownerLabel: string;
  dueOn: string;
  status: ActionStatus;
  statusLabel: string;
  overdue: boolean;
  completedOn: string | null;
  createdAt: string;
  createdBy: string;
  distributedAt: string | null;
  version: number;
  updates: ActionUpdateView[];
}

/** For conflict messages: what another editor changed on the action. */
const ACTION_FIELDS: readonly FieldSpec[] = [
  { key: 'status', column: 'status', label: 'Status', kind: 'code', codes: ACTION_STATUS },
  { key: 'note', column: 'note', label: 'Update', kind: 'longtext' },
];

const isoString = (v: Date | string | null): string | null =>
  v === null ? null : v instanceof Date ? v.toISOString() : String(v);

/** Roles that may update actions: the people an agency-owned action is distributed to. */
const UPDATING_ROLES = Object.keys(POLICY['action.update']);

// --- Creating ------------------------------------------------------------------------------------

/**
 * Validates and records a new action on a person's plan, with its timeline line and access-log
 * entry. A duty-to-co-operate owner agency becomes involved in the record (the shareable sections)
 * so its people can see whom the action is about. The caller has authorized and holds the
 * transaction; nobody is notified here (see `distributeMeetingActions`).
 */
export async function createAction(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  input: NewAction,
  meetingId: string | null,
): Promise<{ id: string }> {
  const { errors, value } = validateNewAction(input, ctx.today);
  const owner = await validateOwner(tx, input, errors);
  const person = (await nominalHeadlines(tx, [nominalId])).get(nominalId);
  // A named person without a Vigil account is reached through their agency's single point of contact.
  if (owner && !owner.user && value?.ownerName && person) {
    const contact = (await singlePointsOfContact(tx, person.areaCode)).get(owner.agency.id);
    if (!contact) errors.ownerName = noContactMessage(owner.agency.name);
  }
  if (Object.keys(errors).length || !value || !owner) throw new ValidationError(orderErrors(errors));
  const row = await tx
    .insertInto('actions')
    .values({
      created_at: ctx.now,
      nominal_id: nominalId,
      meeting_id: meetingId,
      description: value.description,
      pillar: value.pillar,
      safeguarding: value.safeguarding,
      owner_agency_id: owner.agency.id,
      owner_user_id: owner.user?.id ?? null,
      owner_name: value.ownerName,
      due_on: value.dueOn,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!isResponsibleAuthority(owner.agency.type as AgencyType)) {
    await involveAgency(tx, ctx, {
      nominalId,
      agencyId: owner.agency.id,
      reason: 'action',
      sourceId: row.id,
      sections: SHAREABLE_SECTIONS,
      fromDate: ctx.today,
    });
  }
  const ownerLabel = labelOwner(owner.user?.displayName ?? null, value.ownerName, owner.agency.name);
  await recordAndLog(
    tx,
    ctx,
    {
      nominalId,
      section: 'actions',
      entityId: row.id,
      entityVersion: 1,
      action: 'created',
      summary: `Action agreed${value.safeguarding ? ' (safeguarding)' : ''}: ${value.description} – owner ${ownerLabel}, due ${formatDateLong(value.dueOn)}`,
      before: null,
      after: {
        description: value.description,
        pillar: value.pillar,
        safeguarding: value.safeguarding,
        owner: ownerLabel,
        dueOn: value.dueOn,
        ...(meetingId ? { meetingId } : {}),
      },
    },
    { operation: 'collection', section: 'action' },
  );
  return { id: row.id };
}

/** An action's fields in the order they stand on its form (a meeting's form too). */
export const ACTION_FIELD_ORDER = [
  'description',
  'pillar',
  'safeguarding',
  'ownerAgencyId',
  'ownerUserId',
  'ownerName',
  'dueOn',
];
const rank = (key: string) => {
  const i = ACTION_FIELD_ORDER.indexOf(key);
  return i === -1 ? ACTION_FIELD_ORDER.length : i;
};
/** Field errors in the order the fields appear on the form. */
const orderErrors = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));

/** The owner agency must exist; an owner user, if named, must be an active user of that agency. */
async function validateOwner(tx: Tx, input: NewAction, errors: FieldErrors) {
  const agencyId = typeof input.ownerAgencyId === 'string' ? input.ownerAgencyId.trim() : '';
  const agency = isUuid(agencyId) ? (await agenciesByIds(tx, [agencyId])).get(agencyId) : undefined;
  if (!agency) {
    errors.ownerAgencyId = 'Select the agency that owns the action';
    return null;
  }
  const userId = typeof input.ownerUserId === 'string' ? input.ownerUserId.trim() : '';
  if (
    input.ownerUserId !== undefined &&
    input.ownerUserId !== null &&
    typeof input.ownerUserId !== 'string'
  ) {
    errors.ownerUserId = 'Select the person who owns the action';
    return null;
  }
  if (!userId) return { agency, user: null };
  const found = isUuid(userId) ? (await usersByIds(tx, [userId])).get(userId) : undefined;
  const user = found?.active ? found : undefined;
  if (!user) {
    errors.ownerUserId = 'Select the person who owns the action';
    return null;
  }
  if (user.agencyId !== agency.id) {
    errors.ownerUserId = `The person who owns the action must work for ${agency.name}`;
    return null;
  }
  return { agency, user };
}

const noContactMessage = (agencyName: string) =>
  `${agencyName} has no single point of contact in this area: assign the action to a Vigil user, or ask the coordinator to set one`;

const labelOwner = (userName: string | null, ownerName: string | null, agencyName: string) =>
  `${userName ?? ownerName ?? 'Unassigned'} (${agencyName})`;

/**
 * An action agreed outside a meeting (between meetings, by the coordinator or a case manager).
 * The owner is told at once, since there is no meeting close to distribute it.
 */
export async function addAction(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: NewAction,
) {
  if (!can(ctx.actor, 'meeting.manage') && !can(ctx.actor, 'rmp.edit')) throw new ForbiddenError();
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const created = await createAction(tx, ctx, nominalId, input, null);
    await distribute(tx, ctx, [created.id]);
    return created;
  });
}

// --- Updating ------------------------------------------------------------------------------------

function parseVersion(version: unknown): number {
  const n = typeof version === 'string' && /^\d+$/.test(version.trim()) ? Number(version) : version;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
    throw new ValidationError({ version: 'Send the version of the action you read, as a whole number' });
  return n;
}

/**
 * A progress note and/or a change of status, kept in `action_updates` (history is never
 * overwritten). Optimistic on `actions.version`: a stale version is a ConflictError saying who
 * changed it. The caller has authorized and holds the transaction.
 */
export async function addActionUpdate(
  tx: Tx,
  ctx: UseCaseContext,
  actionId: string,
  input: ActionUpdateInput,
  meetingId: string | null,
): Promise<void> {
  if (!isUuid(actionId)) throw new NotFoundError();
  const current = await tx
    .selectFrom('actions')
    .select(['id', 'nominal_id', 'status', 'version', 'description'])
    .where('id', '=', actionId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new NotFoundError();
  const expected = parseVersion(input.version);
  const { errors, value } = validateActionUpdate(current.status, input);
  if (current.version !== expected) {
    throw new ConflictError(
      'Someone else updated this action after you opened it. Your update has not been saved. Check what they recorded, then add your update again.',
      await changesSince(tx, actionId, expected, ACTION_FIELDS, ['actions']),
    );
  }
  if (!value) throw new ValidationError(errors);
  await tx
    .insertInto('action_updates')
    .values({
      created_at: ctx.now,
      action_id: actionId,
      meeting_id: meetingId,
      note: value.note,
      status: value.status,
      created_by: ctx.actor.userId,
    })
    .execute();
  const updated = await tx
    .updateTable('actions')
    .set({
      status: value.status,
      completed_on: value.status === 'completed' ? ctx.today : null,
      version: current.version + 1,
    })
    .where('id', '=', actionId)
    .where('version', '=', current.version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw new ConflictError('Someone else updated this action at the same time. Try again.');
  const statusChanged = value.status !== current.status;
  if (statusChanged) {
    // Need to know: an agency that sees the record only for this action stops seeing it once the
    // action is closed (at the end of the day, so the owner can still read what they recorded).
    await endInvolvementsFrom(
      tx,
      { reason: 'action', sourceId: actionId },
      value.status === 'open' ? null : ctx.today,
    );
  }
  const statusLabel = labelOf(ACTION_STATUS, value.status).toLowerCase();
  await recordAndLog(
    tx,
    ctx,
    {
      nominalId: current.nominal_id,
      section: 'actions',
      entityId: actionId,
      entityVersion: updated.version,
      action: 'updated',
      summary: statusChanged
        ? `Action ${value.status === 'open' ? 'reopened' : statusLabel}: ${current.description}`
        : `Action updated: ${current.description}`,
      before: { status: current.status },
      after: { status: value.status, ...(value.note ? { note: value.note } : {}) },
    },
    { operation: 'alteration', section: 'action update' },
  );
}

/** How the actor stands towards one action. */
interface Standing {
  owner: boolean;
  manager: boolean;
}

const ownsAction = (ctx: UseCaseContext, a: { owner_user_id: string | null; owner_agency_id: string }) =>
  a.owner_user_id === ctx.actor.userId || a.owner_agency_id === ctx.actor.agencyId;

const factsOf = (a: {
  owner_agency_id: string;
  owner_user_id: string | null;
  pillar: string;
  safeguarding: boolean;
}): ActionFacts => ({
  ownerAgencyId: a.owner_agency_id,
  ownerUserId: a.owner_user_id,
  pillar: a.pillar,
  safeguarding: a.safeguarding,
});

/**
 * Who may see an action: its owners (the owner user, the owner agency's people) and, of those who
 * may see the record, whom `actionVisibleTo` lets see it. Everyone else is told it does not exist.
 */
async function standingOn(tx: Tx, ctx: UseCaseContext, actionId: string) {
  if (!isUuid(actionId)) throw new NotFoundError();
  const action = await tx
    .selectFrom('actions')
    .select(['id', 'nominal_id', 'owner_user_id', 'owner_agency_id', 'pillar', 'safeguarding'])
    .where('id', '=', actionId)
    .executeTakeFirst();
  if (!action)
    throw new NotFoundError(undefined, {
      recordType: 'action',
      recordIds: [actionId],
      section: 'refused: no such action',
    });
  // An area-limited token reaches an action only on a person managed in its areas, even its owner's.
  if (
    tokenAreas(ctx.actor) &&
    !withinTokenAreas(
      ctx.actor,
      (await nominalHeadlines(tx, [action.nominal_id])).get(action.nominal_id)?.areaCode,
    )
  )
    throw new NotFoundError(undefined, {
      recordType: 'nominal',
      recordIds: [action.nominal_id],
      section: 'refused: action outside the token’s areas',
    });
  const owner = ownsAction(ctx, action) && can(ctx.actor, 'action.update', 'read');
  let viewer = owner;
  let manager = false;
  if (!owner || can(ctx.actor, 'meeting.manage')) {
    try {
      const scope = await loadInScope(tx, ctx, action.nominal_id, 'nominal.view');
      // The same rule as every list, agenda, minutes and timeline that shows actions.
      viewer ||= actionVisibleTo({ actor: ctx.actor, access: scope.access }, factsOf(action));
      if (can(ctx.actor, 'meeting.manage')) {
        await loadInScope(tx, ctx, action.nominal_id, 'nominal.edit');
        manager = true;
      }
    } catch (error) {
      if (!(error instanceof NotFoundError) && !(error instanceof ForbiddenError)) throw error;
    }
  }
  if (!viewer)
    throw new NotFoundError(undefined, {
      recordType: 'nominal',
      recordIds: [action.nominal_id],
      section: 'refused: action out of scope',
    });
  return { action, standing: { owner, manager } satisfies Standing };
}

/**
 * An owner (or a coordinator, chair or administrator in the area) records an update on an action
 * outside a meeting.
 */
export async function updateAction(
  database: Database,
  ctx: UseCaseContext,
  actionId: string,
  input: ActionUpdateInput,
) {
  authorize(ctx.actor, 'action.update');
  return database.transaction(async (tx) => {
    const { standing } = await standingOn(tx, ctx, actionId);
    if (!standing.owner && !standing.manager)
      throw new ForbiddenError('Only the owner of the action, or the MAPPA unit, can update it');
    await addActionUpdate(tx, ctx, actionId, input, null);
    const row = await tx
      .selectFrom('actions')
      .select(['version', 'status'])
      .where('id', '=', actionId)
      .executeTakeFirstOrThrow();
    return { id: actionId, version: row.version, status: row.status };
  });
}

// --- Reading -------------------------------------------------------------------------------------

function baseQuery(db: Db | Tx) {
  return db
    .selectFrom('actions as a')
    .select([
      'a.id',
      'a.nominal_id as nominalId',
      'a.meeting_id as meetingId',
      'a.description',
      'a.pillar',
      'a.safeguarding',
      'a.owner_agency_id as ownerAgencyId',
      'a.owner_user_id as ownerUserId',
      'a.owner_name as ownerName',
      'a.due_on as dueOn',
      'a.status',
      'a.completed_on as completedOn',
      'a.created_at as createdAt',
      'a.created_by as createdById',
      'a.distributed_at as distributedAt',
      'a.version',
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/** The names an action shows (person, owner, agency, meeting), from their owners. */
async function namesFor(db: Db | Tx, rows: readonly ActionRow[]) {
  const [nominals, agencies, users] = await Promise.all([
    nominalHeadlines(
      db,
      rows.map((r) => r.nominalId),
    ),
    agenciesByIds(
      db,
      rows.map((r) => r.ownerAgencyId),
    ),
    usersByIds(
      db,
      rows.flatMap((r) => [r.ownerUserId, r.createdById]),
    ),
  ]);
  return { nominals, agencies, users };
}

function present(
  row: ActionRow,
  today: string,
  updates: ActionUpdateView[],
  names: Awaited<ReturnType<typeof namesFor>>,
): ActionView {
  const { createdById, ...action } = row;
  const ownerAgencyName = names.agencies.get(row.ownerAgencyId)?.name ?? '';
  const ownerUserName = row.ownerUserId ? (names.users.get(row.ownerUserId)?.displayName ?? null) : null;
  return {
    ...action,
    nominalName: names.nominals.get(row.nominalId)?.name ?? '',
    vigilRef: names.nominals.get(row.nominalId)?.vigilRef ?? '',
    ownerAgencyName,
    ownerUserName,
    pillarLabel: labelOf(PILLAR, row.pillar),
    ownerLabel: labelOwner(ownerUserName, row.ownerName, ownerAgencyName),
    statusLabel: labelOf(ACTION_STATUS, row.status),
    overdue: isOverdue(row, today),
    createdAt: isoString(row.createdAt)!,
    createdBy: names.users.get(createdById)?.displayName ?? '',
    distributedAt: isoString(row.distributedAt),
    updates,
  };
}

async function updatesOf(db: Db | Tx, actionIds: string[]): Promise<Map<string, ActionUpdateView[]>> {
  const byAction = new Map<string, ActionUpdateView[]>();
  if (!actionIds.length) return byAction;
  const rows = await db
    .selectFrom('action_updates as u')
    .select(['u.id', 'u.action_id', 'u.note', 'u.status', 'u.meeting_id', 'u.created_at', 'u.created_by'])
    .where('u.action_id', 'in', actionIds)
    .orderBy('u.created_at')
    .orderBy('u.id')
    .execute();
  const users = await usersByIds(
    db,
    rows.map((r) => r.created_by),
  );
  const agencies = await agenciesByIds(
    db,
    [...users.values()].map((u) => u.agencyId),
  );
  for (const r of rows) {
    const by = users.get(r.created_by);
    const list = byAction.get(r.action_id) ?? [];
    list.push({
      id: r.id,
      note: r.note,
      status: r.status,
      statusLabel: labelOf(ACTION_STATUS, r.status),
      meetingId: r.meeting_id,
      createdAt: isoString(r.created_at)!,
      createdBy: by?.displayName ?? '',
      createdByAgency: (by && agencies.get(by.agencyId)?.name) ?? '',
    });
    byAction.set(r.action_id, list);
  }
  return byAction;
}

async function withUpdates(db: Db | Tx, rows: ActionRow[], today: string): Promise<ActionView[]> {
  const [updates, names] = await Promise.all([
    updatesOf(
      db,
      rows.map((r) => r.id),
    ),
    namesFor(db, rows),
  ]);
  return rows.map((r) => present(r, today, updates.get(r.id) ?? [], names)).sort(compareActions);
}

/**
 * Every action on a person's record, open first (overdue flagged), then closed, each with its
 * updates. For the record's "Meetings and actions" tab and the agenda; checks the record's scope.
 */
export async function listActionsForNominal(
  db: Database | Tx,
  ctx: UseCaseContext,
  nominalId: string,
): Promise<ActionView[]> {
  const read = async (tx: Tx, log: boolean) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    let query = baseQuery(tx).where('a.nominal_id', '=', nominalId);
    // An involved agency (invited, or given an action) sees only its own actions: need to know.
    if (scope.access.via === 'involvement') query = query.where('a.owner_agency_id', '=', ctx.actor.agencyId);
    const viewer = { actor: ctx.actor, access: scope.access };
    const rows = (await query.execute()).filter((row) => actionVisibleTo(viewer, row));
    const views = await withUpdates(tx, rows, ctx.today);
    if (log)
      await logAccess(tx, ctx, {
        operation: 'consultation',
        recordType: 'nominal',
        recordIds: [nominalId],
        section: 'actions',
      });
    return views;
  };
  // A Database opens its own transaction and logs the reading; a Tx is the caller's (e.g. the
  // meeting's agenda), which logs its own.
  return 'runScript' in db ? db.transaction((tx) => read(tx, true)) : read(db, false);
}

/** One action with its updates, for its owner or anyone who may see the record. */
export async function getAction(database: Database, ctx: UseCaseContext, actionId: string) {
  authorize(ctx.actor, 'nominal.view');
  return database.transaction(async (tx) => {
    const { action, standing } = await standingOn(tx, ctx, actionId);
    const row = await baseQuery(tx).where('a.id', '=', actionId).executeTakeFirstOrThrow();
    const [view] = await withUpdates(tx, [row], ctx.today);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [action.nominal_id],
      section: 'action',
    });
    return {
      action: view!,
      mayUpdate: (standing.owner || standing.manager) && can(ctx.actor, 'action.update'),
    };
  });
}

/**
 * "My actions": those owned by me, and my agency's actions with no named owner. A
 * duty-to-co-operate representative speaks for their agency, so sees all its actions. Read
 * through indexed paths only: open actions by owner (actions_owner_open), and the records my
 * agency is involved in or my area manages (actions_nominal).
 */
export async function listMyActions(database: Database, ctx: UseCaseContext): Promise<ActionView[]> {
  // Reading the actions one may update: a read-only token may.
  authorize(ctx.actor, 'action.update', 'read');
  const dtc = ctx.actor.roles.includes('dtc_representative');
  const { userId, agencyId } = ctx.actor;
  return database.transaction(async (tx) => {
    // Which actions are mine, of those on one record.
    const mine = (q: SelectQueryBuilder<Schema, 'actions', { id: string }>) =>
      q.where((eb) =>
        dtc
          ? eb.or([eb('owner_user_id', '=', userId), eb('owner_agency_id', '=', agencyId)])
          : eb.or([
              eb('owner_user_id', '=', userId),
              eb.and([eb('owner_agency_id', '=', agencyId), eb('owner_user_id', 'is', null)]),
            ]),
      );
    const ofRecords = (nominalIds: string[]) =>
      nominalIds.length
        ? mine(tx.selectFrom('actions').select('id').where('nominal_id', 'in', nominalIds)).execute()
        : Promise.resolve([]);
    // Separate queries, each with its own index, rather than one OR the planner may answer by
    // reading every action.
    const found = await Promise.all([
      // Open actions owned by me, wherever the person is managed (actions_owner_open).
      tx
        .selectFrom('actions')
        .select('id')
        .where('owner_user_id', '=', userId)
        .where('status', '=', 'open')
        .execute(),
      // Records my agency is involved in (agency_involvements_agency, then actions_nominal).
      ofRecords(await nominalsInvolvingAgency(tx, agencyId)),
      // Records I manage (nominal_managers), and my agency's actions, named to nobody or, for a
      // duty-to-co-operate agency, to anyone in it (actions_agency).
      ofRecords(await nominalsManagedBy(tx, userId)),
      mine(tx.selectFrom('actions').select('id').where('owner_agency_id', '=', agencyId)).execute(),
    ]);
    const ids = [...new Set(found.flat().map((r) => r.id))];
    const rows = ids.length
      ? await baseQuery(tx)
          .where('a.id', 'in', ids)
          .where(recordWithinTokenAreas(ctx.actor, 'a.nominal_id'))
          .orderBy('a.due_on')
          .limit(500)
          .execute()
      : [];
    const views = await withUpdates(tx, rows, ctx.today);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [...new Set(views.map((v) => v.nominalId))],
      section: 'my actions',
    });
    return views;
  });
}

/** Open actions on a person's plan, and how many are safeguarding (the level-reduction rule). */
export async function openActionsFor(
  db: Db | Tx,
  nominalId: string,
): Promise<{ total: number; safeguarding: number }> {
  const row = await db
    .selectFrom('actions')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.countAll<string>().filterWhere('safeguarding', '=', true).as('safeguarding'),
    ])
    .where('nominal_id', '=', nominalId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), safeguarding: Number(row.safeguarding) };
}

// --- Distribution --------------------------------------------------------------------------------

/**
 * Actions are distributed at the close of the meeting, before the minutes are finished: each
 * owner (the owner user; else every active user of the owner agency who may update actions) gets
 * ONE inbox notification (and so one email) listing their actions from this meeting not yet
 * distributed. Idempotent: distributed actions are marked and never sent twice. Returns the
 * number of notifications.
 */
export async function distributeMeetingActions(
  tx: Tx,
  ctx: UseCaseContext,
  meetingId: string,
): Promise<number> {
  if (!isUuid(meetingId)) throw new NotFoundError();
  const pending = await tx
    .selectFrom('actions')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('distributed_at', 'is', null)
    .where('status', '=', 'open')
    .execute();
  return distribute(
    tx,
    ctx,
    pending.map((p) => p.id),
  );
}

async function distribute(tx: Tx, ctx: UseCaseContext, actionIds: string[]): Promise<number> {
  if (!actionIds.length) return 0;
  const rows = await tx
    .selectFrom('actions as a')
    .select([
      'a.id',
      'a.nominal_id',
      'a.description',
      'a.due_on',
      'a.safeguarding',
      'a.owner_user_id',
      'a.owner_agency_id',
      'a.owner_name',
    ])
    .where('a.id', 'in', actionIds)
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .execute();
  const people = await nominalHeadlines(
    tx,
    rows.map((a) => a.nominal_id),
  );
  const actions = rows.map((a) => ({ ...a, vigil_ref: people.get(a.nominal_id)?.vigilRef ?? '' }));
  const agencyIds = [...new Set(actions.filter((a) => !a.owner_user_id).map((a) => a.owner_agency_id))];
  const agencyUsers = await activeUsersWithRole(tx, UPDATING_ROLES, { agencyIds });
  // For a named person without a Vigil account: their agency's single point of contact in the area
  // managing the person (one look-up for them all).
  const contacts = await contactsFor(
    tx,
    actions
      .filter((a) => !a.owner_user_id && a.owner_name)
      .map((a) => ({ areaCode: people.get(a.nominal_id)?.areaCode ?? '', agencyId: a.owner_agency_id })),
  );
  const contactOf = (a: (typeof actions)[number]) =>
    contacts.get(`${people.get(a.nominal_id)?.areaCode ?? ''}:${a.owner_agency_id}`);
  const byRecipient = new Map<string, typeof actions>();
  for (const action of actions) {
    const contact = !action.owner_user_id && action.owner_name ? contactOf(action) : undefined;
    const recipients = action.owner_user_id
      ? [action.owner_user_id]
      : contact
        ? [contact]
        : agencyUsers.filter((u) => u.agencyId === action.owner_agency_id).map((u) => u.id);
    for (const userId of recipients) byRecipient.set(userId, [...(byRecipient.get(userId) ?? []), action]);
  }
  // The single point of contact is told who the action is for, so they can pass it on.
  const forSomeoneElse = (a: (typeof actions)[number], userId: string) =>
    a.owner_name && !a.owner_user_id && contactOf(a) === userId
      ? `For ${a.owner_name}, who has no Vigil account (you are the single point of contact): `
      : '';
  let sent = 0;
  for (const [userId, owned] of byRecipient) {
    const nominals = [...new Set(owned.map((a) => a.nominal_id))];
    await notify(tx, ctx, {
      userIds: [userId],
      nominalId: nominals.length === 1 ? nominals[0]! : null,
      subject:
        owned.length === 1
          ? `Action due ${formatDateLong(owned[0]!.due_on)} assigned to you`
          : `${owned.length} MAPPA actions for you`,
      body: owned
        .map(
          (a) =>
            `${forSomeoneElse(a, userId)}${a.safeguarding ? 'Safeguarding: ' : ''}${a.description} (${a.vigil_ref}) – due ${formatDateLong(a.due_on)}`,
        )
        .join('\n'),
      link: owned.length === 1 ? `/actions/${owned[0]!.id}` : '/actions',
    });
    sent++;
  }
  await tx.updateTable('actions').set({ distributed_at: ctx.now }).where('id', 'in', actionIds).execute();
  if (sent)
    await logAccess(tx, ctx, {
      operation: 'disclosure',
      recordType: 'nominal',
      recordIds: [...new Set(actions.map((a) => a.nominal_id))],
      section: 'actions distributed',
      recipients: [...byRecipient.keys()],
    });
  return sent;
}
