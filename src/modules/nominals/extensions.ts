import type { UseCaseContext } from '../../access/actor.ts';
import type { Viewer } from '../../access/projections.ts';
import type { Database, Tx } from '../../db/database.ts';
import type { SignificantEventInput } from '../../domain/significant-events.ts';

/**
 * What other capabilities add to the record. Levels, the risk management plan and justified access
 * depend on the record (its facts, scope, timeline and names), so nominals cannot import them;
 * instead they plug in here,
 * once, in src/modules/wiring.ts, which every entry point loads (the web app, the CLI, tooling and
 * the test support). A record changed before that is refused rather than left without its
 * obligations.
 */
export interface RecordExtensions {
  /**
   * In the transaction of every change to a record: the significant event the change raises, if
   * any (everyone managing the person hears at once), then the person's obligations recomputed.
   */
  changed(tx: Tx, ctx: UseCaseContext, nominalId: string, event: SignificantEventInput | null): Promise<void>;
  /** What the record's overview page shows beside the record itself (the MAPPA level, the plan). */
  overview(database: Database, ctx: UseCaseContext, nominalId: string): Promise<Record<string, unknown>>;
  /**
   * The reason the actor gave to open this record, if that justified access has not yet expired
   * (else null): one of the ways a record outside their scope is in it. Asked by every scope check.
   */
  justifiedAccess(tx: Tx, ctx: UseCaseContext, nominalId: string): Promise<string | null>;
  /**
   * What capabilities above the record hold about this person that the viewer may not see (another
   * agency's action): their entries are left off the record's timeline and the agenda's new
   * information, as the capability's own pages leave them out.
   */
  withheldEntities(
    tx: Tx,
    viewer: Viewer,
    nominalId: string,
  ): Promise<{ section: string; entityIds: readonly string[] }[]>;
}

let extensions: RecordExtensions | undefined;

export function extendRecord(implementation: RecordExtensions): void {
  extensions = implementation;
}

export function recordExtensions(): RecordExtensions {
  if (!extensions)
    throw new Error('The record is not wired to its obligations: import src/modules/wiring.ts first');
  return extensions;
}
