import { dueStatus, recomputeObligations, recordSignificantEvent, levelSummary } from './levels/index.ts';
import { lookUpRecordsWith } from './justified-access/index.ts';
import { extendRecord, nominalHeadlines } from './nominals/index.ts';
import { planSummary } from './risk-management-plan/index.ts';

/**
 * The one place capabilities that depend on the record plug back into it (see
 * nominals/extensions.ts). Imported for its effect by every entry point: web/app.ts, cli/main.ts,
 * the demo and generator, and the test support.
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
});

// Justified access opens records but cannot import the record, whose scope depends on it.
lookUpRecordsWith(nominalHeadlines);
