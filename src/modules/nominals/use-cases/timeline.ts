import type { UseCaseContext } from '../../../access/actor.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database } from '../../../db/database.ts';
import { agenciesByIds } from '../../reference/index.ts';
import { usersByIds } from '../../users/index.ts';
import { asObject, diffValues } from '../changes.ts';
import { loadInScope } from '../scope.ts';
import { SECTIONS, fieldsOfSection } from '../sections.ts';

/** Every change to the record, newest first, paged. */
export async function getTimeline(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  page = 1,
  pageSize = 50,
) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    // Entries about what the viewer may not see are left out, not just blanked.
    const hidden = (['victims', 'health', 'intelligence'] as const).filter((kind) => !scope.visible[kind]);
    const unshared = SECTIONS.filter((section) => !scope.visible.section(section.name)).map(
      (section) => section.name,
    );
    let query = tx
      .selectFrom('nominal_changes')
      .select(['id', 'at', 'section', 'action', 'summary', 'before', 'after', 'user_id'])
      .where('nominal_id', '=', nominalId);
    if (hidden.length)
      query = query.where((eb) =>
        eb.or([eb('sensitivity', 'is', null), eb('sensitivity', 'not in', hidden)]),
      );
    if (unshared.length) query = query.where('section', 'not in', unshared);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(pageSize + 1)
      .offset((Math.max(1, page) - 1) * pageSize)
      .execute();
    const shown = rows.slice(0, pageSize);
    // Who made each change, and their agency: one lookup each for the page.
    const users = await usersByIds(
      tx,
      shown.map((r) => r.user_id),
    );
    const agencies = await agenciesByIds(
      tx,
      [...users.values()].map((u) => u.agencyId),
    );
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'timeline',
    });
    return {
      page,
      hasMore: rows.length > pageSize,
      entries: shown.map((r) => {
        const user = users.get(r.user_id);
        return {
          at: new Date(r.at).toISOString(),
          by: user?.displayName ?? '',
          agency: (user && agencies.get(user.agencyId)?.name) ?? '',
          section: r.section,
          action: r.action,
          summary: r.summary,
          changes: describeChange(r.section, r.before, r.after).filter(
            (c) => scope.visible.health || c.field !== 'Disability',
          ),
        };
      }),
    };
  });
}

function describeChange(sectionName: string, before: unknown, after: unknown) {
  return diffValues(fieldsOfSection(sectionName), asObject(before), asObject(after)).map((c) => ({
    field: c.label,
    before: c.before,
    after: c.after,
  }));
}
