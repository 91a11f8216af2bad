import type { Db, Tx } from '../../db/database.ts';

/** How other capabilities name a person in lists, documents and notifications. */
export interface NominalHeadline {
  id: string;
  name: string;
  vigilRef: string;
  areaCode: string;
}

/** People by id: name, Vigil reference and area (no scope check: callers have checked theirs). */
export async function nominalHeadlines(
  db: Db | Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, NominalHeadline>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('nominals')
    .select(['id', 'forename', 'surname', 'vigil_ref', 'area_code'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: `${r.forename} ${r.surname}`, vigilRef: r.vigil_ref, areaCode: r.area_code },
    ]),
  );
}

/** The people an agency is involved with (any reason, current or past): for "my agency's" lists. */
export async function nominalsInvolvingAgency(db: Db | Tx, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agency_involvements')
    .select('nominal_id')
    .where('agency_id', '=', agencyId)
    .execute();
  return [...new Set(rows.map((r) => r.nominal_id))];
}

/** The people a user is (or was) a named manager of. */
export async function nominalsManagedBy(db: Db | Tx, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('nominal_managers')
    .select('nominal_id')
    .where('user_id', '=', userId)
    .execute();
  return [...new Set(rows.map((r) => r.nominal_id))];
}

/**
 * Need to know: an agency sees the shareable sections of a record for a reason (an action it owns, a
 * meeting it is invited to) from a date, until the reason ends.
 */
export async function involveAgency(
  tx: Tx,
  ctx: { actor: { userId: string }; now: Date },
  involvement: {
    nominalId: string;
    agencyId: string;
    reason: 'action' | 'meeting_invitation';
    sourceId: string | null;
    sections: readonly string[];
    fromDate: string;
  },
): Promise<void> {
  await tx
    .insertInto('agency_involvements')
    .values({
      nominal_id: involvement.nominalId,
      agency_id: involvement.agencyId,
      reason: involvement.reason,
      source_id: involvement.sourceId,
      sections: [...involvement.sections],
      from_date: involvement.fromDate,
      to_date: null,
      created_by: ctx.actor.userId,
      created_at: ctx.now,
    })
    .execute();
}

/** Ends (or, with null, reopens) the involvements a source gave, e.g. an action closed or reopened. */
export async function endInvolvementsFrom(
  tx: Tx,
  source: { reason: 'action' | 'meeting_invitation'; sourceId: string; nominalIds?: readonly string[] },
  toDate: string | null,
): Promise<void> {
  let query = tx
    .updateTable('agency_involvements')
    .set({ to_date: toDate })
    .where('reason', '=', source.reason)
    .where('source_id', '=', source.sourceId);
  if (source.nominalIds) {
    if (!source.nominalIds.length) return;
    query = query.where('nominal_id', 'in', [...source.nominalIds]);
  }
  await query.execute();
}

// --- for prison-reports ---

/** One change on a record's timeline, as the capability that made it may read it back. */
export interface EntityChange {
  at: Date;
  userId: string;
  action: 'created' | 'updated' | 'ended' | 'removed';
  summary: string;
  entityVersion: number | null;
}

/**
 * The changes recorded against one entity (a report, a referral) in one section of the record,
 * oldest first: who wrote it, and who changed it last. (An entity's history is short; the index on
 * nominal_changes (entity_id, id) finds it.)
 */
export async function entityChanges(db: Db | Tx, entityId: string, section: string): Promise<EntityChange[]> {
  const rows = await db
    .selectFrom('nominal_changes')
    .select(['at', 'user_id', 'action', 'summary', 'entity_version'])
    .where('entity_id', '=', entityId)
    .where('section', '=', section)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: new Date(r.at),
    userId: r.user_id,
    action: r.action,
    summary: r.summary,
    entityVersion: r.entity_version,
  }));
}
