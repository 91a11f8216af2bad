import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Db, Tx } from '../../db/database.ts';
import { ConflictError, ValidationError, type ConflictingChange } from '../../domain/errors.ts';
import { isUuid } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse.ts';
import { loadInScope, recordAndLog } from '../nominals/index.ts';
import { planMeetings, type PlanMeeting } from './extensions.ts';
import { PlanRevision, type PlanRevisionInput } from './schemas.ts';
import {
  currentPlan,
  planChanges,
  planVersions,
  withheldFor,
  type PlanChange,
  type PlanView,
} from './versions.ts';

/**
 * One risk management plan per person (MAPPA.md §3 step 5): the Four Pillars, a contingency plan
 * and the full list of current licence or order conditions. Append-only: the current plan is the
 * highest version, and the primary key (nominal, version) makes a second writer of the same
 * version fail, so the meeting and the lead agency always see the same plan.
 */

export interface PlanVersionView extends PlanView {
  /** What this version changed from the one before it (the first version: everything it set). */
  changes: PlanChange[];
  meeting: PlanMeeting | null;
}

/** Whether the meeting (an id as typed: a malformed one is no meeting) discussed the person. */
const discussed = async (tx: Tx, meetingId: string, nominalId: string) =>
  isUuid(meetingId) && (await planMeetings().discusses(tx, meetingId, nominalId));

/** The meetings named by these versions: when, and at what level. */
async function meetingsOf(db: Db | Tx, ids: readonly (string | null)[]) {
  const found = await planMeetings().meetingsByIds(db, ids);
  return new Map([...found.values()].map((m) => [m.id, { id: m.id, startsAt: m.startsAt, level: m.level }]));
}

const consulted = (tx: Tx, ctx: UseCaseContext, nominalId: string) =>
  logAccess(tx, ctx, {
    operation: 'consultation',
    recordType: 'nominal',
    recordIds: [nominalId],
    section: 'risk management plan',
  });

/** The plan and every earlier version with what each changed; logged as a consultation. */
export async function getPlan(database: Database, ctx: UseCaseContext, nominalId: string) {
  authorize(ctx.actor, 'rmp.view');
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const victimsVisible = scope.visible.victims;
    const versions = await planVersions(tx, nominalId);
    const meetings = await meetingsOf(
      tx,
      versions.map((v) => v.meetingId),
    );
    const history: PlanVersionView[] = versions.map((v, i) => ({
      ...withheldFor(v, victimsVisible),
      changes: planChanges(versions[i + 1] ?? null, v, victimsVisible),
      meeting: v.meetingId ? (meetings.get(v.meetingId) ?? null) : null,
    }));
    await consulted(tx, ctx, nominalId);
    return { current: history[0] ?? null, versions: history, victimsVisible };
  });
}

/**
 * The current plan's who, when and meeting, for the top of the record (part of the record's
 * consultation, like the level summary). Null when the actor may not see plans.
 */
export async function planSummary(database: Database, ctx: UseCaseContext, nominalId: string) {
  if (!can(ctx.actor, 'rmp.view')) return null;
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const plan = await currentPlan(tx, nominalId);
    if (!plan) return { plan: null, meeting: null };
    const meeting = plan.meetingId
      ? ((await meetingsOf(tx, [plan.meetingId])).get(plan.meetingId) ?? null)
      : null;
    return {
      plan: {
        version: plan.version,
        changedAt: plan.changedAt,
        changedByName: plan.changedByName,
        reason: plan.reason,
        conditions: plan.conditions.length,
      },
      meeting,
    };
  });
}

/** What the edit page needs: the current plan (victims withheld as on the plan page) and the meeting named. */
export async function planForEditing(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  meetingId: string | undefined,
) {
  authorize(ctx.actor, 'rmp.edit');
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const plan = await currentPlan(tx, nominalId);
    const meeting =
      meetingId && (await discussed(tx, meetingId, nominalId))
        ? ((await meetingsOf(tx, [meetingId])).get(meetingId) ?? null)
        : null;
    await consulted(tx, ctx, nominalId);
    return {
      plan: plan ? withheldFor(plan, scope.visible.victims) : null,
      victimsVisible: scope.visible.victims,
      meeting,
    };
  });
}

/**
 * Revises the plan: a new version with who, when, why and optionally the meeting that decided it.
 * The editor names the version they started from (0 for the first plan); if someone saved a later
 * one first, nothing is written and the conflict says who changed what. Those who may not see
 * victims' details cannot change victim safety planning: their revision keeps it as it was.
 */
export async function revisePlan(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: PlanRevisionInput,
): Promise<PlanView> {
  authorize(ctx.actor, 'rmp.edit');
  const {
    expectedVersion: expected,
    conditions,
    reason,
    meetingId,
    ...parts
  } = parseInput(PlanRevision, input);

  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    if (meetingId !== null && !(await discussed(tx, meetingId, nominalId)))
      throw new ValidationError({ meetingId: 'Select a meeting that discussed this person' });

    const current = await currentPlan(tx, nominalId);
    const currentVersion = current?.version ?? 0;
    if (expected !== currentVersion)
      throw await staleRevision(tx, nominalId, expected, scope.visible.victims);
    if (!scope.visible.victims) parts.victimSafetyPlanning = current?.victimSafetyPlanning ?? '';

    const version = currentVersion + 1;
    const next: PlanView = {
      version,
      ...parts,
      conditions,
      reason,
      changedAt: ctx.now,
      changedByName: ctx.actor.displayName,
      meetingId,
    };
    const changes = planChanges(current, next, scope.visible.victims);
    if (!changes.length && !meetingId)
      throw new ValidationError({
        reason:
          'Nothing in the plan has changed. Change the plan, or open it from the meeting that reviewed it',
      });
    // The primary key (nominal, version) is the last word: a writer who lost the race writes nothing.
    const inserted = await tx
      .insertInto('risk_management_plans')
      .values({
        changed_at: ctx.now,
        nominal_id: nominalId,
        version,
        supervision: parts.supervision,
        monitoring_and_control: parts.monitoringAndControl,
        interventions_and_treatment: parts.interventionsAndTreatment,
        victim_safety_planning: parts.victimSafetyPlanning,
        contingency: parts.contingency,
        conditions: JSON.stringify(conditions),
        reason,
        meeting_id: meetingId,
        changed_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['nominal_id', 'version']).doNothing())
      .returning(['version', 'changed_at'])
      .executeTakeFirst();
    if (!inserted) throw await staleRevision(tx, nominalId, expected, scope.visible.victims);

    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'risk-management-plan',
        entityId: nominalId,
        entityVersion: version,
        action: version === 1 ? 'created' : 'updated',
        summary: `Risk management plan ${version === 1 ? 'written' : 'revised'} (version ${version}${meetingId ? ', at a meeting' : ''}): ${reason}`,
        before: current ? { version: current.version } : null,
        after: {
          version,
          changed: [...new Set(changes.map((c) => c.label))],
          reason,
          ...(meetingId ? { meetingId } : {}),
        },
      },
      { section: 'risk management plan' },
    );
    return withheldFor({ ...next, changedAt: new Date(inserted.changed_at) }, scope.visible.victims);
  });
}

/** Someone saved the plan after the editor opened it: who, when, and what they changed. */
async function staleRevision(
  tx: Tx,
  nominalId: string,
  expected: number,
  victimsVisible: boolean,
): Promise<ConflictError> {
  const versions = (await planVersions(tx, nominalId)).reverse();
  const later = versions.filter((v) => v.version > expected);
  const changes: ConflictingChange[] = later.map((v) => {
    const before = versions.find((p) => p.version === v.version - 1) ?? null;
    return {
      at: v.changedAt.toISOString(),
      by: v.changedByName,
      summary: `Version ${v.version}: ${v.reason}`,
      fields: planChanges(before, v, victimsVisible),
    };
  });
  const who = [...new Set(later.map((v) => v.changedByName))].join(' and ');
  return new ConflictError(
    later.length
      ? `${who} saved a newer version of the plan (version ${later.at(-1)!.version}) after you opened it. Your changes have not been saved. Check what changed, then make your changes again.`
      : 'The plan has changed since you opened it. Your changes have not been saved: reload the plan and make your changes again.',
    changes,
  );
}
