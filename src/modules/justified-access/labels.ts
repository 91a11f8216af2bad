import type { Tx } from '../../db/database.ts';
import { agenciesByIds, areasByCodes } from '../reference/index.ts';
import { usersByIds } from '../users/index.ts';
import { recordHeadlines } from './records.ts';

interface GrantRow {
  user_id: string;
  nominal_id: string;
  owning_area_code: string;
  reviewed_by: string | null;
}

export interface AccessLabels {
  userName: string;
  userEmail: string;
  agencyName: string;
  vigilRef: string;
  owningAreaName: string | null;
  reviewerName: string | null;
}

/**
 * Who looked (and from which agency), at which record, owned by which area, and who reviewed it:
 * names that users, reference data and the record own, looked up for a whole page of accesses at
 * once (one query each, however many rows). A row whose user, agency or record cannot be found is
 * left out (null), as the join this replaces left it out.
 */
export async function labelAccesses<R extends GrantRow>(
  tx: Tx,
  rows: readonly R[],
): Promise<(R & AccessLabels)[]> {
  const users = await usersByIds(
    tx,
    rows.flatMap((r) => [r.user_id, r.reviewed_by]),
  );
  const agencies = await agenciesByIds(
    tx,
    rows.map((r) => users.get(r.user_id)?.agencyId),
  );
  const areas = await areasByCodes(
    tx,
    rows.map((r) => r.owning_area_code),
  );
  const records = await recordHeadlines(
    tx,
    rows.map((r) => r.nominal_id),
  );
  return rows.flatMap((row) => {
    const user = users.get(row.user_id);
    const agency = agencies.get(user?.agencyId ?? '');
    const record = records.get(row.nominal_id);
    if (!user || !agency || !record) return [];
    return [
      {
        ...row,
        userName: user.displayName,
        userEmail: user.email,
        agencyName: agency.name,
        vigilRef: record.vigilRef,
        owningAreaName: areas.get(row.owning_area_code)?.name ?? null,
        reviewerName: row.reviewed_by ? (users.get(row.reviewed_by)?.displayName ?? null) : null,
      },
    ];
  });
}
