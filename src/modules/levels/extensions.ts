import type { Db, Tx } from '../../db/database.ts';

/**
 * What levels needs from meetings, which sit above it (a meeting's panel decides levels, so
 * meetings imports levels and levels cannot import meetings). Meetings plug in here, once, in
 * src/modules/wiring.ts, which every entry point loads; a decision naming a meeting before that is
 * refused rather than recorded unchecked.
 */
export interface LevelExtensions {
  /** Whether the meeting discussed this person: a panel's decision must name such a meeting. */
  meetingDiscussed(db: Db | Tx, meetingId: string, nominalId: string): Promise<boolean>;
  /** When meetings started, by id, for the decisions' history. */
  meetingStarts(db: Db | Tx, meetingIds: readonly string[]): Promise<Map<string, Date>>;
}

let extensions: LevelExtensions | undefined;

export function extendLevels(implementation: LevelExtensions): void {
  extensions = implementation;
}

export function levelExtensions(): LevelExtensions {
  if (!extensions) throw new Error('Levels are not wired to meetings: import src/modules/wiring.ts first');
  return extensions;
}
