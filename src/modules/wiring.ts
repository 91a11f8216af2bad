import { withheldActionIds } from './actions/index.ts';
import {
  dueStatus,
  extendLevels,
  levelSummary,
  recomputeObligations,
  recordSignificantEvent,
} from './levels/index.ts';
import { justifiedAccessReason, lookUpRecordsWith } from './justified-access/index.ts';
import { meetingDiscusses, meetingsByIds } from './meetings/index.ts';
import { extendRecord, nominalHeadlines } from './nominals/index.ts';
import { extendPlan, planSummary } from './risk-management-plan/index.ts';

/**
 * The one place capabilities that depend on the record plug back into it (see
 * nominals/extensions.ts). Imported for its effect by every entry point: web/app.ts, cli/main.ts,
 * the demo and generator, and the test support. Levels, below meetings, learn of meetings the same
 * way (levels/extensions.ts).
 */
extendRecord({
  async changed(tx, ctx, nominalId, event) {
    if (event) await recordSignificantEvent(tx, ctx, nominalId, event);
    await recomputeObligations(tx, nominalId, ctx.today);
  },
  async overview(database, ctx, nominalId) {
    const mappa = await levelSummary(database, ctx, nominalId);
    return {
      levelSummary: mappa ? { ...mappa, status: dueStatus(mappa.dueOn, ctx.today) } : null,
      riskManagementPlan: await planSummary(database, ctx, nominalId),
    };
  },
  justifiedAccess: (tx, ctx, nominalId) =>
    justifiedAccessReason(tx, { userId: ctx.actor.userId, nominalId, now: ctx.now }),
  // Actions sit above the record: the timeline leaves out those the viewer may not see.
  async withheldEntities(tx, viewer, nominalId) {
    return [{ section: 'actions', entityIds: await withheldActionIds(tx, viewer, nominalId) }];
  },
});

extendLevels({
  meetingDiscussed: meetingDiscusses,
  async meetingStarts(db, meetingIds) {
    const meetings = await meetingsByIds(db, meetingIds);
    return new Map([...meetings].map(([id, meeting]) => [id, meeting.startsAt]));
  },
});
// The plan names the meetings that revised it; meetings sit above it (their agenda shows the plan).
extendPlan({ meetingsByIds, discusses: meetingDiscusses });
// Justified access opens records but cannot import the record, whose scope depends on it.
lookUpRecordsWith(nominalHeadlines);
