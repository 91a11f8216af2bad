import type { Db, Tx } from '../../db/database.ts';

/**
 * What the plan needs to know of meetings. A meeting reviews the plan and its agenda shows it, so
 * meetings depend on the plan and the plan cannot import them; instead they plug in here, once, in
 * src/modules/wiring.ts (as the record's extensions do). A plan read or revised before that is
 * refused rather than shown without its meetings.
 */
export interface PlanMeeting {
  id: string;
  startsAt: Date;
  level: number;
}

export interface PlanMeetings {
  /** Meetings by id: when and at what level, to say which meeting decided a version. */
  meetingsByIds(db: Db | Tx, ids: readonly (string | null)[]): Promise<Map<string, PlanMeeting>>;
  /** Whether the meeting exists and discussed the person (both ids are UUIDs). */
  discusses(db: Db | Tx, meetingId: string, nominalId: string): Promise<boolean>;
}

let meetings: PlanMeetings | undefined;

export function extendPlan(implementation: PlanMeetings): void {
  meetings = implementation;
}

export function planMeetings(): PlanMeetings {
  if (!meetings) throw new Error('The plan is not wired to meetings: import src/modules/wiring.ts first');
  return meetings;
}
