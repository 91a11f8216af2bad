import type { Db, Tx } from '../../db/database.ts';

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
