import { sql, type SelectQueryBuilder } from 'kysely';
import type { UseCaseContext } from '../../../access/actor.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import type { Schema } from '../../../db/schema.ts';
import { parseInput } from '../../../validation/parse.ts';
import { isUuid, type FieldSpec } from '../../../validation/fields.ts';
import { agenciesByIds } from '../../reference/index.ts';
import { usersByIds, type UserSummaryRow } from '../../users/index.ts';
import { asObject, diffValues } from '../changes.ts';
import { displayValue } from '../presenter.ts';
import { withoutLeftOut } from '../queries.ts';
import { TIMELINE_TYPES, TimelineQuery, type TimelineFilter } from '../schemas.ts';
import { loadInScope, timelineLeaveOut, type InScope } from '../scope.ts';
import { fieldsOfSection, findSection } from '../sections.ts';
import { loadVisibleSection } from './section-rows.ts';

export const TIMELINE_PAGE_SIZE = 50;

/**
 * Every change to the record, newest first, 50 a page, optionally of one type, made by one agency's
 * users, or within a range of (London) dates. `query` is the API's query (TimelineQuery) or just a
 * page number. Values are in words: people, agencies and convictions by name, dates in full.
 */
export async function getTimeline(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  query: number | Record<string, unknown> = {},
  pageSize = TIMELINE_PAGE_SIZE,
) {
  const filter = parseInput(TimelineQuery, typeof query === 'number' ? { page: query } : query);
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const leaveOut = await timelineLeaveOut(tx, ctx, scope);
    // Entries about what the viewer may not see are left out, not just blanked.
    const visible = () =>
      withoutLeftOut(
        tx
          .selectFrom('nominal_changes')
          .select(['id', 'at', 'section', 'action', 'summary', 'before', 'after', 'user_id'])
          .where('nominal_id', '=', nominalId),
        leaveOut,
      );
    // The agencies that changed this record, for the agency filter: one lookup of users, one of agencies.
    const editors = await withoutLeftOut(
      tx.selectFrom('nominal_changes').select('user_id').distinct().where('nominal_id', '=', nominalId),
      leaveOut,
    ).execute();
    const editorUsers = await usersByIds(
      tx,
      editors.map((e) => e.user_id),
    );
    const filtered = filterBy(visible(), filter, [...editorUsers.values()]);
    const { total } = await filterBy(
      withoutLeftOut(
        tx
          .selectFrom('nominal_changes')
          .select((eb) => eb.fn.countAll<string | number>().as('total'))
          .where('nominal_id', '=', nominalId),
        leaveOut,
      ),
      filter,
      [...editorUsers.values()],
    ).executeTakeFirstOrThrow();
    const shown = await filtered
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize)
      .execute();
    const changes = shown.map((r) => ({
      row: r,
      fields: describeChange(r.section, r.before, r.after).filter(
        (c) => scope.visible.health || c.field.label !== 'Disability',
      ),
    }));
    const names = await namesFor(
      tx,
      scope,
      nominalId,
      changes.flatMap((c) => c.fields),
      editorUsers,
    );
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'timeline',
    });
    const agencyIds = [...new Set([...editorUsers.values()].map((u) => u.agencyId))];
    return {
      page: filter.page,
      pageSize,
      total: Number(total),
      hasMore: filter.page * pageSize < Number(total),
      agencies: agencyIds
        .map((id) => ({ id, name: names.agencies.get(id)?.name ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      entries: changes.map(({ row: r, fields }) => {
        const user = names.users.get(r.user_id);
        return {
          at: new Date(r.at).toISOString(),
          by: user?.displayName ?? '',
          agency: (user && names.agencies.get(user.agencyId)?.name) ?? '',
          section: r.section,
          action: r.action,
          summary: r.summary,
          changes: fields.map((c) => ({
            field: c.field.label,
            before: names.say(c.field, c.before),
            after: names.say(c.field, c.after),
          })),
        };
      }),
    };
  });
}

/** The filters as conditions on nominal_changes (a London date range on the instant it was made). */
function filterBy<O>(
  query: SelectQueryBuilder<Schema, 'nominal_changes', O>,
  filter: TimelineFilter,
  editors: { id: string; agencyId: string }[],
): SelectQueryBuilder<Schema, 'nominal_changes', O> {
  let q = query;
  if (filter.type) {
    const sections = TIMELINE_TYPES.find((t) => t.code === filter.type)?.sections ?? [];
    q = q.where('section', 'in', [...sections]);
  }
  if (filter.agency) {
    const ids = editors.filter((u) => u.agencyId === filter.agency).map((u) => u.id);
    // No user of that agency changed the record: nothing matches.
    q = ids.length ? q.where('user_id', 'in', ids) : q.where(sql<boolean>`false`);
  }
  if (filter.from) q = q.where(sql<boolean>`(at AT TIME ZONE 'Europe/London')::date >= ${filter.from}::date`);
  if (filter.to) q = q.where(sql<boolean>`(at AT TIME ZONE 'Europe/London')::date <= ${filter.to}::date`);
  return q;
}

function describeChange(sectionName: string, before: unknown, after: unknown) {
  const fields = fieldsOfSection(sectionName);
  return diffValues(fields, asObject(before), asObject(after)).map((c) => ({
    field: fields.find((f) => f.key === c.key)!,
    before: c.before,
    after: c.after,
  }));
}

/**
 * The names behind the ids in a page of changes: users (who made each change, and a manager's
 * Vigil user, when not one of the editors already named), agencies (the editors', a lead agency, a
 * manager's), convictions: one lookup each.
 */
async function namesFor(
  tx: Tx,
  scope: InScope,
  nominalId: string,
  changes: { field: FieldSpec; before: unknown; after: unknown }[],
  editors: Map<string, UserSummaryRow>,
) {
  const idsOf = (kind: FieldSpec['kind']) =>
    changes
      .filter((c) => c.field.kind === kind)
      .flatMap((c) => [c.before, c.after])
      .filter((v): v is string => typeof v === 'string' && v !== '');
  const users = new Map(editors);
  // A manager's Vigil user is kept on the timeline as the email typed; an id only in older entries.
  const others = idsOf('user').filter((id) => isUuid(id) && !users.has(id));
  if (others.length) for (const [id, user] of await usersByIds(tx, others)) users.set(id, user);
  const agencies = await agenciesByIds(tx, [
    ...[...editors.values()].map((u) => u.agencyId),
    ...idsOf('agency'),
  ]);
  const convictionIds = new Set(idsOf('conviction'));
  const convictions = new Map<string, string>();
  const convictionSection = findSection('convictions')!;
  if (convictionIds.size && scope.visible.section('convictions')) {
    const loaded = await loadVisibleSection(tx, scope, convictionSection, nominalId);
    for (const c of loaded.rows)
      if (convictionIds.has(c.id)) convictions.set(c.id, convictionSection.describe(c));
  }
  const say = (field: FieldSpec, value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (field.kind === 'agency') return agencies.get(String(value))?.name ?? 'An agency no longer listed';
    if (field.kind === 'user')
      return isUuid(String(value))
        ? (users.get(String(value))?.displayName ?? 'A Vigil user')
        : String(value);
    return displayValue(field, value, (id) => convictions.get(id));
  };
  return { users, agencies, say };
}
