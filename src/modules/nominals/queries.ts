import type { Actor } from '../../access/actor.ts';
import { nominalScope } from '../../access/policy.ts';
import type { Moment } from '../../clock.ts';
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

// --- for levels ---

/** The record's own MAPPA category and level, kept in line with the obligations (for search results and headers). */
export async function setMappaStatus(
  tx: Tx,
  nominalId: string,
  status: { category: number | null; level: number | null },
): Promise<void> {
  await tx
    .updateTable('nominals')
    .set({ mappa_category: status.category, mappa_level: status.level })
    .where('id', '=', nominalId)
    .execute();
}

/** A panel accepted a Category 3 referral on this date: the person is Category 3 from then (the only way in). */
export async function acceptCategory3(tx: Tx, nominalId: string, acceptedOn: string): Promise<void> {
  await tx
    .updateTable('nominals')
    .set({ category3_accepted_on: acceptedOn, category3_ended_on: null })
    .where('id', '=', nominalId)
    .execute();
}

/** Everyone's id (optionally one area's), in id order: for work that visits every record. */
export async function nominalIds(db: Db | Tx, areaCode?: string): Promise<string[]> {
  let query = db.selectFrom('nominals').select('id').orderBy('id');
  if (areaCode) query = query.where('area_code', '=', areaCode);
  return (await query.execute()).map((r) => r.id);
}

/** The users named as the person's managers on `today` (managers without a Vigil account are left out). */
export async function currentManagerUserIds(
  db: Db | Tx,
  nominalIds: string | readonly string[],
  today: string,
): Promise<string[]> {
  const ids = typeof nominalIds === 'string' ? [nominalIds] : [...nominalIds];
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('nominal_managers')
    .select('user_id')
    .where('nominal_id', 'in', ids)
    .where('user_id', 'is not', null)
    .where('from_date', '<=', today)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', today)]))
    .execute();
  return [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
}

/** Ends, on `today`, the person's involvements of one kind still current then or starting later. */
export async function endCurrentInvolvements(
  tx: Tx,
  nominalId: string,
  reason: 'action' | 'meeting_invitation',
  today: string,
): Promise<void> {
  await tx
    .updateTable('agency_involvements')
    .set({ to_date: today })
    .where('nominal_id', '=', nominalId)
    .where('reason', '=', reason)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', today)]))
    .execute();
}

// --- for worklists ---

/** A person as a worklist row names them. */
export interface NominalListEntry {
  id: string;
  vigilRef: string;
  forename: string;
  surname: string;
  /** "Forename Surname". */
  name: string;
  dateOfBirth: string;
}

const listEntry = (r: {
  id: string;
  vigil_ref: string;
  forename: string;
  surname: string;
  date_of_birth: string;
}): NominalListEntry => ({
  id: r.id,
  vigilRef: r.vigil_ref,
  forename: r.forename,
  surname: r.surname,
  name: `${r.forename} ${r.surname}`,
  dateOfBirth: r.date_of_birth,
});

/** People by id, as lists name them (no scope check: callers have checked theirs). */
export async function nominalListEntries(
  db: Db | Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, NominalListEntry>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('nominals')
    .select(['id', 'vigil_ref', 'forename', 'surname', 'date_of_birth'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, listEntry(r)]));
}

/**
 * The people the actor is a named manager of today, within what they may see (index
 * nominal_managers_user_all): a practitioner's caseload.
 */
export async function currentCaseload(
  db: Db | Tx,
  actor: Actor,
  moment: Moment,
): Promise<NominalListEntry[]> {
  const { today } = moment;
  const rows = await db
    .selectFrom('nominal_managers as m')
    .innerJoin('nominals as n', 'n.id', 'm.nominal_id')
    .select(['n.id', 'n.vigil_ref', 'n.forename', 'n.surname', 'n.date_of_birth'])
    .distinct()
    .where('m.user_id', '=', actor.userId)
    .where('m.from_date', '<=', today)
    .where((eb) => eb.or([eb('m.to_date', 'is', null), eb('m.to_date', '>=', today)]))
    .where(nominalScope(actor, moment))
    .execute();
  return rows.map(listEntry);
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
