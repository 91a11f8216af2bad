import { actionVisibleTo, type Viewer } from '../../access/projections.ts';
import type { Db, Tx } from '../../db/database.ts';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';
import { agenciesByIds } from '../reference/index.ts';
import { usersByIds } from '../users/index.ts';
import { sql } from 'kysely';
import { nominalIdsInAreas } from '../nominals/index.ts';

// --- for worklists ---

/** An open action past its due date, as a worklist row names it. */
export interface OverdueAction {
  id: string;
  nominalId: string;
  description: string;
  safeguarding: boolean;
  dueOn: string;
  ownerAgencyId: string;
  ownerUserId: string | null;
  /** A named person without a Vigil account. */
  ownerName: string | null;
}

/**
 * Open actions due before `today` (domain/actions.ts `isOverdue`, in SQL), most overdue first: every
 * one (index actions_open_due: they are few nationally), those a user owns (actions_owner_open), or
 * an agency's with no named owner (actions_agency).
 */
export async function overdueActions(
  db: Db | Tx,
  today: string,
  owner?: { userId: string } | { unassignedOfAgencyId: string },
): Promise<OverdueAction[]> {
  let query = db
    .selectFrom('actions')
    .select([
      'id',
      'nominal_id as nominalId',
      'description',
      'safeguarding',
      'due_on as dueOn',
      'owner_agency_id as ownerAgencyId',
      'owner_user_id as ownerUserId',
      'owner_name as ownerName',
    ])
    .where('status', '=', 'open')
    .where('due_on', '<', today);
  if (owner && 'userId' in owner) query = query.where('owner_user_id', '=', owner.userId);
  if (owner && 'unassignedOfAgencyId' in owner)
    query = query
      .where('owner_agency_id', '=', owner.unassignedOfAgencyId)
      .where('owner_user_id', 'is', null);
  return query.orderBy('due_on').orderBy('id').execute();
}
// --- for meetings ---

/** Whose action it is and the meeting that agreed it (null: agreed between meetings). */
export async function actionOrigin(
  db: Db | Tx,
  actionId: string,
): Promise<{ nominalId: string; meetingId: string | null } | undefined> {
  return db
    .selectFrom('actions')
    .select(['nominal_id as nominalId', 'meeting_id as meetingId'])
    .where('id', '=', actionId)
    .executeTakeFirst();
}

/**
 * A person's actions as the minutes of one meeting show them to `viewer` (`actionVisibleTo`): those agreed at it (by when they
 * were agreed), earlier ones still open or updated at it (by due date), and the updates recorded
 * at it; owners named. Read through the person's actions (actions_nominal) and their updates
 * (action_updates_action).
 */
export async function actionsForMinutes(db: Db | Tx, viewer: Viewer, meetingId: string, nominalId: string) {
  const all = await db
    .selectFrom('actions')
    .select([
      'id',
      'meeting_id as meetingId',
      'description',
      'pillar',
      'safeguarding',
      'due_on as dueOn',
      'status',
      'version',
      'distributed_at as distributedAt',
      'owner_agency_id as ownerAgencyId',
      'owner_user_id as ownerUserId',
      'owner_name as ownerName',
      'created_at as createdAt',
    ])
    .where('nominal_id', '=', nominalId)
    .execute();
  // The minutes, their page, MAPPA B and the API show only the actions this viewer may see.
  const actions = all.filter((a) => actionVisibleTo(viewer, a));
  const updates = actions.length
    ? await db
        .selectFrom('action_updates')
        .select([
          'id',
          'action_id as actionId',
          'note',
          'status',
          'created_at as createdAt',
          'created_by as by',
        ])
        .where(
          'action_id',
          'in',
          actions.map((a) => a.id),
        )
        .where('meeting_id', '=', meetingId)
        .orderBy('created_at')
        .execute()
    : [];
  const [agencies, users] = await Promise.all([
    agenciesByIds(
      db,
      actions.map((a) => a.ownerAgencyId),
    ),
    usersByIds(db, [...actions.map((a) => a.ownerUserId), ...updates.map((u) => u.by)]),
  ]);
  const byId = new Map(actions.map((a) => [a.id, a]));
  const updated = new Set(updates.map((u) => u.actionId));
  const dueOn = (a: { dueOn: unknown }) => String(a.dueOn).slice(0, 10);
  const owner = (a: (typeof actions)[number]) => ({
    ownerAgency: agencies.get(a.ownerAgencyId)?.name ?? '',
    ownerName: (a.ownerUserId && users.get(a.ownerUserId)?.displayName) || a.ownerName || '',
  });
  const time = (v: Date | string) => new Date(v).getTime();
  return {
    agreed: actions
      .filter((a) => a.meetingId === meetingId)
      .sort((x, y) => time(x.createdAt) - time(y.createdAt))
      .map((a) => ({
        id: a.id,
        description: a.description,
        pillar: a.pillar,
        safeguarding: a.safeguarding,
        dueOn: dueOn(a),
        status: a.status,
        distributedAt: a.distributedAt === null ? null : new Date(a.distributedAt).toISOString(),
        ...owner(a),
      })),
    earlier: actions
      .filter((a) => a.meetingId !== meetingId && (a.status === 'open' || updated.has(a.id)))
      .map((a) => ({
        id: a.id,
        description: a.description,
        pillar: a.pillar,
        dueOn: dueOn(a),
        status: a.status,
        version: a.version,
        ...owner(a),
      }))
      .sort((x, y) => x.dueOn.localeCompare(y.dueOn)),
    updates: updates.map((u) => {
      const action = byId.get(u.actionId)!;
      return {
        id: u.id,
        actionId: u.actionId,
        description: action.description,
        ownerAgency: owner(action).ownerAgency,
        note: u.note,
        status: u.status,
        createdAt: new Date(u.createdAt).toISOString(),
        by: users.get(u.by)?.displayName ?? '',
      };
    }),
  };
}
// --- for the record (modules/wiring.ts) ---

/** The person's actions the viewer may not see, whose entries the record's timeline leaves out. */
export async function withheldActionIds(db: Db | Tx, viewer: Viewer, nominalId: string): Promise<string[]> {
  const actions = await db
    .selectFrom('actions')
    .select([
      'id',
      'pillar',
      'safeguarding',
      'owner_agency_id as ownerAgencyId',
      'owner_user_id as ownerUserId',
    ])
    .where('nominal_id', '=', nominalId)
    .execute();
  return actions.filter((a) => !actionVisibleTo(viewer, a)).map((a) => a.id);
}

// --- for oversight ---

/** Open actions due before `today` about people of some areas, whoever owns them; and how many are about safeguarding. */
export async function overdueActionCounts(
  db: Db | Tx,
  areaCodes: readonly string[],
  today: string,
): Promise<{ overdue: number; overdueSafeguarding: number }> {
  const row = await db
    .selectFrom('actions as a')
    .select([
      (eb) => eb.fn.countAll<number>().as('overdue'),
      (eb) => eb.fn.sum<number>(sql`CASE WHEN a.safeguarding THEN 1 ELSE 0 END`).as('safeguarding'),
    ])
    .where('a.nominal_id', 'in', nominalIdsInAreas(db, areaCodes))
    .where('a.status', '=', 'open')
    .where('a.due_on', '<', today)
    .executeTakeFirstOrThrow();
  return { overdue: Number(row.overdue), overdueSafeguarding: Number(row.safeguarding ?? 0) };
}

// --- for retention ---

/**
 * Erases one person's personal data from the actions about them (a data protection officer's
 * decision, src/modules/retention; the caller logs it in the same transaction): each action keeps
 * its pillar, owner, due date, status and meeting (oversight counts these), and each update its
 * status and date, but the descriptions and notes read 'Erased'.
 */
export async function eraseActionsAbout(tx: Tx, nominalId: string): Promise<ErasedPart> {
  const actions = await tx
    .selectFrom('actions')
    .select(['id', 'description'])
    .where('nominal_id', '=', nominalId)
    .orderBy('id')
    .forUpdate()
    .execute();
  if (!actions.length) return erasedPart({ actions, updates: [] }, 0);
  const ids = actions.map((a) => a.id);
  const updates = await tx
    .selectFrom('action_updates')
    .select(['id', 'note'])
    .where('action_id', 'in', ids)
    .orderBy('id')
    .execute();
  const described = await tx
    .updateTable('actions')
    .set({ description: ERASED_TEXT })
    .where('id', 'in', ids)
    .executeTakeFirst();
  const noted = updates.length
    ? await tx
        .updateTable('action_updates')
        .set({ note: ERASED_TEXT })
        .where('action_id', 'in', ids)
        .executeTakeFirst()
    : { numUpdatedRows: 0n };
  return erasedPart({ actions, updates }, Number(described.numUpdatedRows) + Number(noted.numUpdatedRows));
}
