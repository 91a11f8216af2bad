import type { UseCaseContext } from '../../../access/actor.ts';
import { areaWithinTokenAreas, authorize, can, recordWithinTokenAreas } from '../../../access/policy.ts';
import { logAccess, logDownload } from '../../../audit/access-log.ts';
import type { Database, Tx } from '../../../db/database.ts';
import { decisionRoute, screeningOrder } from '../../../domain/referrals.ts';
import { currentObligations, screeningRoute } from '../../levels/index.ts';
import { loadInScope, readNominal } from '../../nominals/index.ts';
import { currentPlan } from '../../risk-management-plan/index.ts';
import { assembleRecord, visibleRecord, type ReferralRecord } from '../record.ts';
import {
  areaAgencies,
  decisionsFor,
  loadReferral,
  referralQuery,
  snapshotOf,
  withDecisions,
  type ReferralView,
} from '../referrals.ts';

/*
 * Reading referrals (MAPPA.md §3 steps 3–4): a person's, one with the record it carries, the
 * referrals page, and the MAPPA A document. Every reading is logged.
 */

/** The record as MAPPA A shows it today, read through the nominals module as the actor sees it. */
export async function liveRecord(tx: Tx, ctx: UseCaseContext, nominalId: string): Promise<ReferralRecord> {
  return assembleRecord(
    await readNominal(tx, ctx, nominalId),
    await currentObligations(tx, nominalId, ctx.today),
    await currentPlan(tx, nominalId),
    ctx.today,
  );
}

/** A person's referrals, newest first: drafts only the actor's own. */
export async function listNominalReferrals(database: Database, ctx: UseCaseContext, nominalId: string) {
  authorize(ctx.actor, 'referral.view');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const rows = await referralQuery(tx)
      .where('r.nominal_id', '=', nominalId)
      .where((eb) => eb.or([eb('r.status', '!=', 'draft'), eb('r.created_by', '=', ctx.actor.userId)]))
      .orderBy('r.created_at', 'desc')
      .execute();
    const referrals = await withDecisions(tx, rows);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'referrals',
    });
    return referrals;
  });
}

/** Screeners decide their own area's submitted referrals. */
function canScreenReferral(ctx: UseCaseContext, referral: ReferralView) {
  return (
    can(ctx.actor, 'referral.screen') &&
    referral.status === 'submitted' &&
    referral.areaCode === ctx.actor.areaCode
  );
}

/**
 * One referral with its decision and the record it carries: the stored snapshot once submitted,
 * the live record while a draft; either as this viewer may see it.
 */
export async function getReferral(database: Database, ctx: UseCaseContext, referralId: string) {
  const loaded = await database.transaction(async (tx) => {
    const { row, referral, scope } = await loadReferral(tx, ctx, referralId);
    const decision = (await decisionsFor(tx, [referralId])).get(referralId) ?? null;
    const agencies = await areaAgencies(tx, row.areaCode);
    const route = await screeningRoute(tx, row.areaCode);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'referral',
      recordIds: [referralId, row.nominalId],
      section: 'referral',
    });
    const snapshot = snapshotOf(row.recordSnapshot);
    const record = visibleRecord(snapshot ?? (await liveRecord(tx, ctx, row.nominalId)), scope.visible);
    return { referral, decision, agencies, route, record, fromSnapshot: snapshot !== null };
  });
  const { referral, decision, agencies, route, record, fromSnapshot } = loaded;
  const invited = agencies.flatMap((g) =>
    g.agencies.filter((a) => referral.invitedAgencyIds.includes(a.id)).map((a) => ({ ...a, type: g.label })),
  );
  return {
    ...referral,
    record,
    recordFrom: fromSnapshot ? ('submission' as const) : ('live' as const),
    decision,
    invitedAgencies: invited,
    agencyGroups: agencies,
    screeningRoute: decisionRoute(route, referral.emergency),
    canEdit: referral.status === 'draft' && referral.createdById === ctx.actor.userId,
    canScreen: canScreenReferral(ctx, referral),
  };
}
export type ReferralDetail = Awaited<ReturnType<typeof getReferral>>;

/**
 * The referrals page: for screeners, their area's referrals awaiting screening (emergencies first,
 * then the longest waiting) and recent decisions; for everyone, their own referrals.
 */
export async function listReferrals(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'referral.view');
  const screener = can(ctx.actor, 'referral.screen');
  return database.transaction(async (tx) => {
    const awaiting = screener
      ? (
          await withDecisions(
            tx,
            await referralQuery(tx)
              // The screener's own area, unless their token leaves it out.
              .where('r.area_code', '=', ctx.actor.areaCode)
              .where(areaWithinTokenAreas(ctx.actor, 'r.area_code'))
              .where('r.status', '=', 'submitted')
              .orderBy('r.submitted_at')
              .limit(500)
              .execute(),
          )
        ).sort((a, b) =>
          screeningOrder(
            { emergency: a.emergency, submittedAt: a.submittedAt ?? '' },
            { emergency: b.emergency, submittedAt: b.submittedAt ?? '' },
          ),
        )
      : [];
    const mine = await withDecisions(
      tx,
      await referralQuery(tx)
        .where('r.created_by', '=', ctx.actor.userId)
        .where('r.status', '!=', 'withdrawn')
        // Wherever the person is managed; for an area-limited token, only in its areas.
        .where(areaWithinTokenAreas(ctx.actor, 'r.area_code'))
        .where(recordWithinTokenAreas(ctx.actor, 'r.nominal_id'))
        .orderBy('r.updated_at', 'desc')
        .limit(200)
        .execute(),
    );
    const recentDecisions = screener
      ? await withDecisions(
          tx,
          await referralQuery(tx)
            .innerJoin('referral_decisions as d', 'd.referral_id', 'r.id')
            .where('r.area_code', '=', ctx.actor.areaCode)
            .where(areaWithinTokenAreas(ctx.actor, 'r.area_code'))
            .orderBy('d.decided_at', 'desc')
            .limit(50)
            .execute(),
        )
      : [];
    const nominalIds = [...new Set([...awaiting, ...mine, ...recentDecisions].map((r) => r.nominalId))];
    if (nominalIds.length)
      await logAccess(tx, ctx, {
        operation: 'consultation',
        recordType: 'nominal',
        recordIds: nominalIds,
        section: 'referrals list',
      });
    return { canScreen: screener, awaitingScreening: awaiting, mine, recentDecisions };
  });
}

/**
 * What the MAPPA A document needs, with the viewing logged: a consultation on screen, a
 * disclosure when downloaded (a copy leaves Vigil, to the person downloading it).
 */
export async function referralForDocument(
  database: Database,
  ctx: UseCaseContext,
  referralId: string,
  format: 'html' | 'pdf',
) {
  const referral = await getReferral(database, ctx, referralId);
  const ids = [referralId, referral.nominalId];
  if (format === 'pdf')
    await logDownload(database, ctx, {
      recordType: 'referral',
      recordIds: ids,
      document: 'MAPPA A referral',
    });
  else
    await database.transaction((tx) =>
      logAccess(tx, ctx, {
        operation: 'consultation',
        recordType: 'referral',
        recordIds: ids,
        section: 'MAPPA A referral document',
      }),
    );
  return referral;
}
