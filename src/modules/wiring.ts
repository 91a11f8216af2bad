import { dueStatus } from './levels/routes.ts';
import { recomputeObligations } from './levels/obligations.ts';
import { recordSignificantEvent } from './levels/significant-events.ts';
import { levelSummary } from './levels/use-cases.ts';
import { extendRecord } from './nominals/extensions.ts';
import { planSummary } from './risk-management-plan/use-cases.ts';

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
