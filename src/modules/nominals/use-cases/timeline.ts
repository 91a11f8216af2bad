import type { UseCaseContext } from '../../../access/actor.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Database } from '../../../db/database.ts';
import { agenciesByIds } from '../../reference/index.ts';
import { usersByIds } from '../../users/index.ts';
import { asObject, diffValues } from '../changes.ts';
import { withoutLeftOut } from '../queries.ts';
import { loadInScope, timelineLeaveOut } from '../scope.ts';
import { fieldsOfSection } from '../sections.ts';

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
    const query = withoutLeftOut(
      tx
        .selectFrom('nominal_changes')
        .select(['id', 'at', 'section', 'action', 'summary', 'before', 'after', 'user_id'])
        .where('nominal_id', '=', nominalId),
      await timelineLeaveOut(tx, ctx, scope),
    );
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
