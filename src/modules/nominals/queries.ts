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

// --- for meetings ---

/** People by Vigil reference (no scope check: callers check each person's scope). */
export async function nominalsByVigilRefs(
  db: Db | Tx,
  vigilRefs: readonly string[],
): Promise<{ id: string; vigilRef: string }[]> {
  if (!vigilRefs.length) return [];
  return db
    .selectFrom('nominals')
    .select(['id', 'vigil_ref as vigilRef'])
    .where('vigil_ref', 'in', [...vigilRefs])
    .execute();
}

/** The users who are named managers of any of these people on a day. */
export async function currentManagerUserIds(
  db: Db | Tx,
  nominalIds: readonly string[],
  today: string,
): Promise<string[]> {
  if (!nominalIds.length) return [];
  const rows = await db
    .selectFrom('nominal_managers')
    .select('user_id')
    .where('nominal_id', 'in', [...nominalIds])
    .where('user_id', 'is not', null)
    .where('from_date', '<=', today)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', today)]))
    .execute();
  return rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
}

/**
 * The record's timeline since an instant, newest first, leaving out what the reader may not see
 * (entries of some sensitivities, some sections): the caller has checked the scope and says what
 * to leave out.
 */
export async function timelineSince(
  db: Db | Tx,
  nominalId: string,
  options: {
    since: Date;
    leaveOut: { sensitivities: readonly string[]; sections: readonly string[] };
    limit: number;
  },
): Promise<{ at: Date; summary: string; section: string; userId: string }[]> {
  const { sensitivities, sections } = options.leaveOut;
  let query = db
    .selectFrom('nominal_changes')
    .select(['at', 'summary', 'section', 'user_id as userId'])
    .where('nominal_id', '=', nominalId)
    .where('at', '>=', options.since);
  if (sensitivities.length)
    query = query.where((eb) =>
      eb.or([
        eb('sensitivity', 'is', null),
        eb('sensitivity', 'not in', sensitivities as ('victims' | 'health' | 'intelligence')[]),
      ]),
    );
  if (sections.length) query = query.where('section', 'not in', [...sections]);
  return query.orderBy('id', 'desc').limit(options.limit).execute();
}
