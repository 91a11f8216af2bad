import type { Db, Tx } from '../../db/database.ts';

/**
 * What a justified access needs to know of the record it opens: that it exists, its Vigil reference
 * and the area that owns it. The record (nominals) depends on this capability, because a person's
 * scope includes the records they have justified access to; so this capability cannot import the
 * record. The record's own lookup is plugged in here instead, once, in src/modules/wiring.ts (as
 * levels and the plan plug into the record: see nominals/extensions.ts).
 */
export interface RecordHeadline {
  id: string;
  vigilRef: string;
  areaCode: string;
}

export type RecordLookup = (db: Db | Tx, ids: readonly string[]) => Promise<Map<string, RecordHeadline>>;

let lookup: RecordLookup | undefined;

export function lookUpRecordsWith(implementation: RecordLookup): void {
  lookup = implementation;
}

/** The records by id, in one query; those that do not exist are absent from the map. */
export function recordHeadlines(db: Db | Tx, ids: readonly string[]): Promise<Map<string, RecordHeadline>> {
  if (!lookup) throw new Error('Justified access cannot look up records: import src/modules/wiring.ts first');
  return lookup(db, ids);
}
