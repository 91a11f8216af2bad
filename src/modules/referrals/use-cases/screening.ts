import type { z } from 'zod';
import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize, POLICY } from '../../../access/policy.ts';
import type { Database, Tx } from '../../../db/database.ts';
import type { MappaCategory, MappaLevel, Role } from '../../../domain/codes.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../../domain/errors.ts';
import { LEVEL_CRITERION, validateLevelDecision } from '../../../domain/levels.ts';
import {
  REFERRAL_TEXT_MAX,
  decisionRoute,
  validateDecision,
  whoMayDecide,
  type DecisionRoute,
} from '../../../domain/referrals.ts';
import { isUuid } from '../../../validation/fields.ts';
import { parseInput } from '../../../validation/parse.ts';
import { currentObligations, recordLevelDecision, screeningRoute } from '../../levels/index.ts';
import { recordAndLog } from '../../nominals/index.ts';
import { notify, resolveInboxItems } from '../../notifications/index.ts';
import { agenciesByIds } from '../../reference/index.ts';
import { activeUsersWithRole, usersByIds } from '../../users/index.ts';
import { iso, loadReferral, type ReferralView } from '../referrals.ts';
import { ScreeningDecision, type ScreeningDecisionValue } from '../schemas.ts';
import { getReferral } from './reading.ts';

/*
 * Screening a referral (MAPPA.md §3 step 4): by the area's route (the coordinator, a panel, or the
 * coordinator jointly with a police detective inspector; an emergency is always the coordinator's).
 * The decision, the level decision it makes and the referrer's notification are one transaction.
 */

const SCREENING_ROLES = Object.keys(POLICY['referral.screen']) as Role[];

/** Police officers who screen in the area: who may agree a joint decision. */
async function policeScreeners(tx: Tx, areaCode: string) {
  const screeners = await activeUsersWithRole(tx, SCREENING_ROLES, { areaCode });
  const agencies = await agenciesByIds(
    tx,
    screeners.map((s) => s.agencyId),
  );
  return screeners.flatMap((s) => {
    const agency = agencies.get(s.agencyId);
    return agency?.type === 'police' ? [{ id: s.id, name: s.name, agency: agency.name }] : [];
  });
}

/** A submitted referral in the screener's own area, with what the screening form needs. */
export async function getScreening(database: Database, ctx: UseCaseContext, referralId: string) {
  authorize(ctx.actor, 'referral.screen');
  const referral = await getReferral(database, ctx, referralId);
  if (referral.areaCode !== ctx.actor.areaCode) throw new NotFoundError();
  const officers = await database.transaction((tx) => policeScreeners(tx, referral.areaCode));
  return { referral, officers: officers.filter((o) => o.id !== ctx.actor.userId), criteria: LEVEL_CRITERION };
}

/** The officer named as agreeing a joint decision: their agency, and whether they screen in the area. */
async function agreeingOfficer(tx: Tx, userId: string | null, areaCode: string) {
  if (!userId || !isUuid(userId)) return null;
  const user = (await usersByIds(tx, [userId])).get(userId);
  if (!user) return null;
  const [agency, screeners] = await Promise.all([
    agenciesByIds(tx, [user.agencyId]),
    activeUsersWithRole(tx, SCREENING_ROLES, { areaCode }),
  ]);
  return {
    userId: user.id,
    agencyType: agency.get(user.agencyId)?.type ?? '',
    screensInArea: screeners.some((s) => s.id === user.id),
  };
}

type Decision = z.output<typeof ScreeningDecision>;

/**
 * Everything wrong with the decision at once: the decision itself, who may make it by this route,
 * and the level decision's own rules (an accepted referral sets the person's level).
 */
async function decisionErrors(
  tx: Tx,
  ctx: UseCaseContext,
  referral: ReferralView,
  input: Decision,
  route: DecisionRoute,
  officer: Awaited<ReturnType<typeof agreeingOfficer>>,
): Promise<FieldErrors> {
  const { outcome, rationale, criteria } = input;
  const level = outcome === 'accepted' ? input.level : null;
  const panelMembers = route === 'panel' ? input.panelMembers : null;
  const errors: FieldErrors = {
    ...validateDecision({ outcome, level, rationale }),
    ...whoMayDecide({
      route,
      decider: { userId: ctx.actor.userId, roles: ctx.actor.roles },
      panelMembers,
      agreedBy: officer,
    }),
  };
  if (panelMembers && panelMembers.length > REFERRAL_TEXT_MAX)
    errors.panelMembers = `Panel members must be ${REFERRAL_TEXT_MAX} characters or fewer`;
  if (outcome === 'accepted' && level) {
    // The level decision's own rules, checked now so every problem is shown together.
    const obligations = await currentObligations(tx, referral.nominalId, ctx.today);
    const levelErrors = validateLevelDecision({
      category: referral.category3 ? 3 : ((obligations.category as MappaCategory | null) ?? null),
      level: level as MappaLevel,
      criteria,
      rationale: rationale ?? '',
    });
    if (levelErrors.level) errors.outcome ??= levelErrors.level;
    if (levelErrors.criteria) errors.criteria = levelErrors.criteria;
  } else if (outcome === 'rejected' && criteria.length) {
    errors.criteria = 'A rejection has no level criteria: remove them, or accept the referral';
  }
  return errors;
}

/** The referrer is told at once; so is the officer who agreed a joint decision. */
async function tellDecision(
  tx: Tx,
  ctx: UseCaseContext,
  referral: ReferralView,
  decision: { outcome: 'accepted' | 'rejected'; level: number | null; rationale: string; summary: string },
  officerId: string | null,
) {
  const who = `${ctx.actor.displayName} (${ctx.actor.agencyName})`;
  const accepted = decision.outcome === 'accepted';
  await notify(tx, ctx, {
    userIds: [referral.createdById].filter((id) => id !== ctx.actor.userId),
    nominalId: referral.nominalId,
    subject: `Your referral for ${referral.vigilRef} was ${accepted ? `accepted at Level ${decision.level}` : 'rejected'}`,
    body: `${who} ${accepted ? `accepted your referral of ${referral.name} at Level ${decision.level}` : `rejected your referral of ${referral.name}`}. Rationale: ${decision.rationale}`,
    link: `/referrals/${referral.id}`,
  });
  if (officerId)
    await notify(tx, ctx, {
      userIds: [officerId],
      nominalId: referral.nominalId,
      subject: `Joint screening decision recorded for ${referral.vigilRef}`,
      body: `${who} recorded that you agreed: ${decision.summary.toLowerCase()}. Rationale: ${decision.rationale}`,
      link: `/referrals/${referral.id}`,
    });
}

/**
 * Accepts (at Level 2 or 3, with the level decision it makes) or rejects a referral, with a
 * rationale, by the area's screening route; the referrer is told at once. One transaction: a
 * refusal anywhere leaves nothing written.
 */
export async function decideReferral(
  database: Database,
  ctx: UseCaseContext,
  referralId: string,
  input: ScreeningDecisionValue,
) {
  authorize(ctx.actor, 'referral.screen');
  const decision = parseInput(ScreeningDecision, input);
  return database.transaction(async (tx) => {
    const { row, referral } = await loadReferral(tx, ctx, referralId);
    if (row.areaCode !== ctx.actor.areaCode) throw new NotFoundError();
    if (row.status !== 'submitted')
      throw new ValidationError({
        outcome:
          row.status === 'accepted' || row.status === 'rejected'
            ? 'This referral has already been decided'
            : 'Only a submitted referral can be screened',
      });
    const route = decisionRoute(await screeningRoute(tx, row.areaCode), row.emergency);
    const officer = route === 'joint' ? await agreeingOfficer(tx, decision.agreedBy, row.areaCode) : null;
    const errors = await decisionErrors(tx, ctx, referral, decision, route, officer);
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const outcome = decision.outcome!;
    const level = outcome === 'accepted' ? decision.level : null;
    const rationale = decision.rationale!;
    const levelDecision =
      outcome === 'accepted'
        ? await recordLevelDecision(tx, ctx, row.nominalId, {
            level,
            criteria: decision.criteria,
            rationale,
            ...(row.category3 ? { category3AcceptedOn: ctx.today } : {}),
          })
        : null;
    const written = await tx
      .insertInto('referral_decisions')
      .values({
        decided_at: ctx.now,
        referral_id: referralId,
        outcome,
        level,
        rationale,
        route,
        panel_members: (route === 'panel' && decision.panelMembers?.trim()) || null,
        decided_by: ctx.actor.userId,
        agreed_by: officer?.userId ?? null,
        level_decision_id: levelDecision?.id ?? null,
      })
      .returning(['id', 'decided_at'])
      .executeTakeFirstOrThrow();
    const updated = await tx
      .updateTable('referrals')
      .set({ status: outcome, updated_at: ctx.now, version: row.version + 1 })
      .where('id', '=', referralId)
      .where('status', '=', 'submitted')
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw new ValidationError({ outcome: 'This referral has already been decided' });
    const summary = outcome === 'accepted' ? `Referral accepted at Level ${level}` : 'Referral rejected';
    await resolveInboxItems(tx, ctx, { subjectType: 'referral', subjectId: referralId });
    await tellDecision(tx, ctx, referral, { outcome, level, rationale, summary }, officer?.userId ?? null);
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId: row.nominalId,
        section: 'referrals',
        entityId: referralId,
        entityVersion: updated.version,
        action: 'updated',
        summary: `${summary}${row.category3 && outcome === 'accepted' ? ' (Category 3)' : ''}`,
        before: { status: 'submitted' },
        after: { status: outcome, level },
      },
      {
        operation: 'alteration',
        recordType: 'referral',
        recordIds: [referralId, row.nominalId],
        section: `referral ${outcome}`,
      },
    );
    return {
      id: written.id,
      referralId,
      outcome,
      level,
      route,
      levelDecisionId: levelDecision?.id ?? null,
      decidedAt: iso(written.decided_at)!,
    };
  });
}
