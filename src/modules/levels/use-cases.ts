import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Db, Tx } from '../../db/database.ts';
import { compareDates, parseIsoDate } from '../../domain/dates.ts';
import { validateAreaSettings } from '../../domain/deadlines.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import {
  LEVEL_CRITERION,
  describeOpenActions,
  levelChange,
  ruleOnReduction,
  validateLevelDecision,
} from '../../domain/levels.ts';
import { SCREENING_ROUTE, type MappaCategory, type MappaLevel } from '../../domain/codes.ts';
import { openActionsFor } from '../actions/index.ts';
import { recordChange, loadInScope } from '../nominals/index.ts';
import { notify } from '../notifications/index.ts';
import { isUuid } from '../../validation/fields.ts';
import { areaSettings, currentObligations, recomputeObligations } from './obligations.ts';
import { activeUsersWithRole } from '../users/index.ts';

/** MAPPA Q: the screening questions a practitioner answers before deciding the level. */
export const SCREENING_QUESTIONS = [
  { key: 'roshHighOrVeryHigh', label: 'Is the person assessed as high or very high risk of serious harm?' },
  { key: 'otherAgenciesInvolved', label: 'Do other agencies need to take actions to manage the risk?' },
  { key: 'barriersToManagement', label: 'Are there barriers the lead agency cannot overcome alone?' },
  { key: 'victimIssues', label: 'Are there victim safety issues that need multi-agency planning?' },
  { key: 'meetingsAddValue', label: 'Would multi-agency meetings add value to managing the risk?' },
] as const;

export interface LevelDecisionForm {
  level?: unknown;
  criteria?: unknown;
  rationale?: unknown;
  decidedOn?: unknown;
  /** A panel accepting a Category 3 referral (the only way into Category 3). */
  category3AcceptedOn?: unknown;
  deregister?: unknown;
  screening?: Record<string, unknown>;
  /** The meeting at which a panel made the decision (it must include this person). */
  meetingId?: unknown;
  /** The chair's reason for reducing or ending MAPPA management while actions are open. */
  overrideReason?: unknown;
  /** Required on every reduction: what continues at the lower level (e.g. a professionals' meeting date). */
  continuesAtLowerLevel?: unknown;
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
const yes = (v: unknown) => v === true || v === 'yes' || v === 'true';
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The meeting at which a panel decided, if named: it must exist and include this person.
 * Adds a field error otherwise.
 */
async function meetingOfDecision(
  tx: Tx,
  nominalId: string,
  input: unknown,
  errors: FieldErrors,
): Promise<string | null> {
  if (input === undefined || input === null || input === '') return null;
  const found =
    typeof input === 'string' && isUuid(input)
      ? await tx
          .selectFrom('meeting_nominals')
          .select('meeting_id')
          .where('meeting_id', '=', input)
          .where('nominal_id', '=', nominalId)
          .executeTakeFirst()
      : undefined;
  if (!found) {
    errors.meetingId = 'Select a meeting that discussed this person';
    return null;
  }
  return found.meeting_id;
}

/**
 * Records a screening and a level decision (or leaving MAPPA), with who, when, why and the
 * screening's answers. Never a default: only a practitioner's decision sets a level.
 */
export async function decideLevel(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  form: LevelDecisionForm,
) {
  authorize(ctx.actor, 'level.decide');
  return database.transaction((tx) => recordLevelDecision(tx, ctx, nominalId, form));
}

/**
 * `decideLevel` inside the caller's transaction, for use cases that decide a level as part of
 * something larger (accepting a referral, a panel's decision at a meeting). The caller authorizes.
 */
export async function recordLevelDecision(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  form: LevelDecisionForm,
) {
  {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const errors: FieldErrors = {};
    const decidedOnInput = typeof form.decidedOn === 'string' && form.decidedOn ? form.decidedOn : ctx.today;
    const decidedOn = parseIsoDate(decidedOnInput, 'Date of the decision');
    if (!decidedOn.ok) errors.decidedOn = decidedOn.error;
    else if (compareDates(decidedOn.value, ctx.today) > 0)
      errors.decidedOn = 'Date of the decision must be today or in the past';
    let category3AcceptedOn: string | null = null;
    if (typeof form.category3AcceptedOn === 'string' && form.category3AcceptedOn) {
      const parsed = parseIsoDate(form.category3AcceptedOn, 'Date the Category 3 referral was accepted');
      if (!parsed.ok) errors.category3AcceptedOn = parsed.error;
      else category3AcceptedOn = parsed.value;
    }
    const deregister = yes(form.deregister);
    const level = Number(form.level);
    const criteria = list(form.criteria);
    const rationale = typeof form.rationale === 'string' ? form.rationale.trim() : '';
    if (rationale.length > 4000) errors.rationale = 'Rationale must be 4000 characters or fewer';

    // Category 3 comes only from an accepted referral; everything else from the record.
    if (category3AcceptedOn) {
      await tx
        .updateTable('nominals')
        .set({ category3_accepted_on: category3AcceptedOn, category3_ended_on: null })
        .where('id', '=', nominalId)
        .execute();
    }
    await recomputeObligations(tx, nominalId, ctx.today);
    const obligations = await tx
      .selectFrom('nominal_obligations')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .executeTakeFirstOrThrow();
    const category = obligations.category as MappaCategory | null;

    if (!deregister) {
      if (![1, 2, 3].includes(level)) errors.level = 'Select the level';
      else
        Object.assign(
          errors,
          validateLevelDecision({ category, level: level as MappaLevel, criteria, rationale }),
          errors,
        );
    } else if (!rationale) errors.rationale = 'Enter why MAPPA management is ending';

    const overrideReason = text(form.overrideReason);
    const continuesAtLowerLevel = text(form.continuesAtLowerLevel);
    if (overrideReason.length > 4000)
      errors.overrideReason = 'Reason for the override must be 4000 characters or fewer';
    if (continuesAtLowerLevel.length > 4000)
      errors.continuesAtLowerLevel = 'What continues at the lower level must be 4000 characters or fewer';
    const meetingId = await meetingOfDecision(tx, nominalId, form.meetingId, errors);

    const previous = await tx
      .selectFrom('level_decisions')
      .select(['level', 'kind'])
      .where('nominal_id', '=', nominalId)
      .orderBy('decided_at', 'desc')
      .executeTakeFirst();
    const from = previous && previous.kind !== 'deregistration' ? (previous.level as MappaLevel) : null;
    const change =
      deregister || ![1, 2, 3].includes(level) || !decidedOn.ok
        ? { direction: 'deregistration' as const, warnings: [] as string[], nearRelease: false }
        : levelChange({
            from,
            to: level as MappaLevel,
            decidedOn: decidedOn.value,
            releaseDate: obligations.earliest_release_on,
          });
    // Ending MAPPA for someone with no level is not a step down: nothing to refuse.
    const lowering = deregister ? from !== null : change.direction === 'reduction';
    const openActions = lowering ? await openActionsFor(tx, nominalId) : { total: 0, safeguarding: 0 };
    const ruling = ruleOnReduction({
      direction: deregister ? (lowering ? 'deregistration' : 'unchanged') : change.direction,
      openActions,
      mayOverride: can(ctx.actor, 'level.override'),
      overrideReason,
      continuesAtLowerLevel,
    });
    // Only the level's own errors when the level itself is wrong; otherwise the reduction's too.
    if (!errors.level) Object.assign(errors, ruling.errors);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const kind = change.direction === 'unchanged' ? 'review' : change.direction;

    const screening = form.screening
      ? await tx
          .insertInto('screenings')
          .values({
            completed_at: ctx.now,
            nominal_id: nominalId,
            answers: JSON.stringify(
              Object.fromEntries(SCREENING_QUESTIONS.map((q) => [q.key, form.screening?.[q.key] ?? null])),
            ),
            completed_by: ctx.actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      : null;
    const decision = await tx
      .insertInto('level_decisions')
      .values({
        decided_at: ctx.now,
        nominal_id: nominalId,
        level: deregister ? null : level,
        category,
        kind,
        criteria,
        rationale,
        screening_id: screening?.id ?? null,
        decided_on: (decidedOn as { value: string }).value,
        decided_by: ctx.actor.userId,
        warning: change.warnings.join(' ') || null,
        override_reason: ruling.overridden ? overrideReason : null,
        override_by: ruling.overridden ? ctx.actor.userId : null,
        continues_at_lower_level: lowering && continuesAtLowerLevel ? continuesAtLowerLevel : null,
        meeting_id: meetingId,
        // Fixed now: a later change of the area's rule or the decider's roles must not rewrite it.
        countersignature_required:
          (await areaRequiresCountersignature(tx, obligations.area_code)) &&
          !ctx.actor.roles.some((role) => (COUNTERSIGNING_ROLES as readonly string[]).includes(role)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The decision considered every event recorded before it.
    await tx
      .updateTable('significant_events')
      .set({ reviewed_by_decision: decision.id })
      .where('nominal_id', '=', nominalId)
      .where('reviewed_by_decision', 'is', null)
      .execute();
    // An agency invited to Level 2/3 meetings has no more need to know once the person is back at
    // Level 1 or out of MAPPA (actions still open keep their own access until closed).
    if (deregister || level === 1)
      await tx
        .updateTable('agency_involvements')
        .set({ to_date: ctx.today })
        .where('nominal_id', '=', nominalId)
        .where('reason', '=', 'meeting_invitation')
        .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', ctx.today)]))
        .execute();
    await recomputeObligations(tx, nominalId, ctx.today);
    const decided = deregister
      ? 'MAPPA management ended'
      : `Level ${level} ${kind === 'initial' ? 'set' : kind === 'review' ? 'confirmed on review' : kind === 'escalation' ? `(escalated from Level ${from})` : `(reduced from Level ${from})`}`;
    // The override is part of the timeline's one-line summary so nobody can miss it.
    const summary = ruling.overridden
      ? `${decided}: chair’s override by ${ctx.actor.displayName} (${describeOpenActions(openActions)}): ${overrideReason}`
      : decided;
    await recordChange(tx, ctx, {
      nominalId,
      section: 'levels',
      entityId: decision.id,
      entityVersion: 1,
      action: 'created',
      summary,
      before: { level: from },
      after: {
        level: deregister ? null : level,
        rationale,
        ...(meetingId ? { meetingId } : {}),
        ...(lowering && continuesAtLowerLevel ? { continuesAtLowerLevel } : {}),
        ...(ruling.overridden
          ? {
              overrideReason,
              overrideBy: ctx.actor.displayName,
              openActions: openActions.total,
              openSafeguardingActions: openActions.safeguarding,
            }
          : {}),
      },
    });
    // A reduction near release is flagged on the coordinators' worklist (reduced_near_release);
    // they are also told at once.
    if (kind === 'reduction' && change.nearRelease) {
      const coordinators = await activeUsersWithRole(tx, 'mappa_coordinator', {
        areaCode: obligations.area_code,
      });
      await notify(tx, ctx, {
        userIds: coordinators.map((c) => c.id),
        nominalId,
        subject: `Level reduced near release: Level ${level} (from Level ${from})`,
        body: `${ctx.actor.displayName} reduced the level to Level ${level}. ${change.warnings.join(' ')}`,
        link: `/nominals/${nominalId}/levels#decisions`,
      });
    }
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'level decision',
    });
    return {
      id: decision.id,
      kind,
      category,
      level: deregister ? null : level,
      warnings: change.warnings,
      overridden: ruling.overridden,
    };
  }
}

/** Whether and when the person was told of their MAPPA status and invited to contribute. */
export async function recordStatusNotification(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: Record<string, unknown>,
) {
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const errors: FieldErrors = {};
    const told = parseIsoDate(String(input.toldOn ?? ''), 'Date they were told');
    if (!told.ok) errors.toldOn = told.error;
    else if (compareDates(told.value, ctx.today) > 0)
      errors.toldOn = 'Date they were told must be today or in the past';
    if (!['yes', 'no', true, false].includes(input.invitedToContribute as never))
      errors.invitedToContribute = 'Select whether they were invited to contribute';
    const views = typeof input.theirViews === 'string' ? input.theirViews.trim() : '';
    if (views.length > 4000) errors.theirViews = 'Their views must be 4000 characters or fewer';
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const row = await tx
      .insertInto('status_notifications')
      .values({
        recorded_at: ctx.now,
        nominal_id: nominalId,
        told_on: (told as { value: string }).value,
        invited_to_contribute: yes(input.invitedToContribute),
        their_views: views || null,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(tx, ctx, {
      nominalId,
      section: 'levels',
      entityId: row.id,
      entityVersion: 1,
      action: 'created',
      summary: 'Told of their MAPPA status',
      before: null,
      after: { toldOn: (told as { value: string }).value },
    });
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'MAPPA status told',
    });
    return { id: row.id };
  });
}

/** Everything about a person's MAPPA status: obligations, decisions with screenings, events, status told. */
export async function getLevelHistory(database: Database, ctx: UseCaseContext, nominalId: string) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    // An invited agency sees MAPPA status only if it was shared with it.
    if (!scope.visible.section('levels')) throw new NotFoundError();
    const obligations = await currentObligations(tx, nominalId, ctx.today);
    const decisions = await tx
      .selectFrom('level_decisions as d')
      .innerJoin('users as u', 'u.id', 'd.decided_by')
      .leftJoin('screenings as s', 's.id', 'd.screening_id')
      .select([
        'd.id',
        'd.level',
        'd.category',
        'd.kind',
        'd.criteria',
        'd.rationale',
        'd.decided_on as decidedOn',
        'd.decided_at as decidedAt',
        'd.warning',
        'd.decided_by as decidedById',
        'u.display_name as decidedBy',
        'd.countersigned_at as countersignedAt',
        (eb) =>
          eb
            .selectFrom('users as cu')
            .select('cu.display_name')
            .whereRef('cu.id', '=', 'd.countersigned_by')
            .as('countersignedBy'),
        'd.countersignature_required as countersignatureRequired',
        'd.override_reason as overrideReason',
        (eb) =>
          eb
            .selectFrom('users as ou')
            .select('ou.display_name')
            .whereRef('ou.id', '=', 'd.override_by')
            .as('overrideByName'),
        'd.continues_at_lower_level as continuesAtLowerLevel',
        'd.meeting_id as meetingId',
        (eb) =>
          eb
            .selectFrom('meetings as m')
            .select('m.starts_at')
            .whereRef('m.id', '=', 'd.meeting_id')
            .as('meetingStartsAt'),
        's.answers',
      ])
      .where('d.nominal_id', '=', nominalId)
      .orderBy('d.decided_at', 'desc')
      .execute();
    const events = await tx
      .selectFrom('significant_events as e')
      .innerJoin('users as u', 'u.id', 'e.recorded_by')
      .select([
        'e.id',
        'e.type',
        'e.occurred_on as occurredOn',
        'e.description',
        'e.recorded_at as recordedAt',
        'e.reviewed_by_decision as reviewedBy',
        'u.display_name as recordedBy',
      ])
      .where('e.nominal_id', '=', nominalId)
      .orderBy('e.recorded_at', 'desc')
      .execute();
    const told = await tx
      .selectFrom('status_notifications')
      .select([
        'told_on as toldOn',
        'invited_to_contribute as invitedToContribute',
        'their_views as theirViews',
      ])
      .where('nominal_id', '=', nominalId)
      .orderBy('told_on', 'desc')
      .execute();
    const offenderNotifications = await tx
      .selectFrom('offender_notifications as n')
      .innerJoin('users as u', 'u.id', 'n.recorded_by')
      .select([
        'n.id',
        'n.kind',
        'n.notified_on as notifiedOn',
        'n.recorded_at as recordedAt',
        'u.display_name as recordedBy',
      ])
      .where('n.nominal_id', '=', nominalId)
      .orderBy('n.notified_on', 'desc')
      .orderBy('n.recorded_at', 'desc')
      .execute();
    const countersignatureRequired = await areaRequiresCountersignature(tx, obligations.area_code);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'levels',
    });
    return {
      obligations,
      decisions: decisions.map((d) => ({
        ...d,
        answers: typeof d.answers === 'string' ? JSON.parse(d.answers) : d.answers,
        awaitingCountersignature: awaitsCountersignature(d),
      })),
      events,
      toldOfStatus: told,
      offenderNotifications,
      countersignatureRequired,
      criteria: LEVEL_CRITERION,
    };
  });
}

/** The person's category, level and next due date, for the top of their record (part of the record's consultation). */
export async function levelSummary(database: Database, ctx: UseCaseContext, nominalId: string) {
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    if (!scope.visible.section('levels')) return null;
    const o = await currentObligations(tx, nominalId, ctx.today);
    const dueOn = o.level === null ? o.level_decision_due_on : o.review_due_on;
    return {
      category: o.category,
      level: o.level,
      dueLabel: o.level === null ? 'Level decision due' : 'Review due',
      dueOn,
      basis: o.level === null ? o.level_decision_basis : o.review_basis,
    };
  });
}

// --- Countersignature ----------------------------------------------------------------------------

/** Roles whose level decisions never need countersigning, and who may countersign others'. */
export const COUNTERSIGNING_ROLES = [
  'senior_probation_officer',
  'meeting_chair',
  'mappa_coordinator',
] as const;

async function areaRequiresCountersignature(tx: Tx, areaCode: string): Promise<boolean> {
  const row = await tx
    .selectFrom('area_settings')
    .select('countersignature_required')
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
  return row?.countersignature_required ?? false;
}

/** A decision awaits countersignature if it needed one when it was made, until it is countersigned. */
function awaitsCountersignature(d: {
  countersignatureRequired: boolean;
  countersignedAt: Date | string | null;
}): boolean {
  return d.countersignatureRequired && d.countersignedAt === null;
}

/** A senior colleague countersigns someone else's level decision that awaits it. */
export async function countersignLevelDecision(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  decisionId: string,
) {
  authorize(ctx.actor, 'level.countersign');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    if (!isUuid(decisionId)) throw new ValidationError({ decisionId: 'Select a level decision' });
    const decision = await tx
      .selectFrom('level_decisions as d')
      .select(['d.id', 'd.level', 'd.decided_by', 'd.countersigned_at', 'd.countersignature_required'])
      .where('d.id', '=', decisionId)
      .where('d.nominal_id', '=', nominalId)
      .executeTakeFirst();
    if (!decision) throw new NotFoundError();
    if (decision.decided_by === ctx.actor.userId)
      throw new ValidationError({ decisionId: 'You cannot countersign your own level decision' });
    if (
      !awaitsCountersignature({
        countersignatureRequired: decision.countersignature_required,
        countersignedAt: decision.countersigned_at,
      })
    )
      throw new ValidationError({
        decisionId: decision.countersigned_at
          ? 'This level decision has already been countersigned'
          : 'This level decision does not need countersigning',
      });
    const updated = await tx
      .updateTable('level_decisions')
      .set({ countersigned_at: ctx.now, countersigned_by: ctx.actor.userId })
      .where('id', '=', decisionId)
      .where('countersigned_at', 'is', null)
      .returning(['id', 'countersigned_at'])
      .executeTakeFirst();
    if (!updated)
      throw new ValidationError({ decisionId: 'This level decision has already been countersigned' });
    await recordChange(tx, ctx, {
      nominalId,
      section: 'levels',
      entityId: decisionId,
      entityVersion: 2,
      action: 'updated',
      summary: `Level decision countersigned${decision.level ? ` (Level ${decision.level})` : ''}`,
      before: { countersignedBy: null },
      after: { countersignedBy: ctx.actor.userId },
    });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'level decision countersignature',
    });
    return { id: updated.id, countersignedAt: updated.countersigned_at };
  });
}

// --- Notifications to the police (SOA 2003 s.83–85) ----------------------------------------------

export const OFFENDER_NOTIFICATION_KIND = [
  { code: 'initial', label: 'Initial notification (within 3 days)' },
  { code: 'change', label: 'Change of details (name, address, travel)' },
  { code: 'periodic', label: 'Periodic (annual) notification' },
] as const;

/** Records that a registered sex offender notified the police; the next periodic notification falls due a year later. */
export async function recordOffenderNotification(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: { kind?: unknown; notifiedOn?: unknown },
) {
  authorize(ctx.actor, 'notification.record');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const errors: FieldErrors = {};
    const kind = OFFENDER_NOTIFICATION_KIND.find((k) => k.code === input.kind)?.code;
    if (!kind) errors.kind = 'Select the kind of notification';
    const notified = parseIsoDate(String(input.notifiedOn ?? ''), 'Date they notified the police');
    if (!notified.ok) errors.notifiedOn = notified.error;
    else if (compareDates(notified.value, ctx.today) > 0)
      errors.notifiedOn = 'Date they notified the police must be today or in the past';
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const notifiedOn = (notified as { value: string }).value;
    const row = await tx
      .insertInto('offender_notifications')
      .values({
        nominal_id: nominalId,
        kind: kind!,
        notified_on: notifiedOn,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recomputeObligations(tx, nominalId, ctx.today);
    const { notification_due_on: nextDueOn } = await tx
      .selectFrom('nominal_obligations')
      .select('notification_due_on')
      .where('nominal_id', '=', nominalId)
      .executeTakeFirstOrThrow();
    await recordChange(tx, ctx, {
      nominalId,
      section: 'levels',
      entityId: row.id,
      entityVersion: 1,
      action: 'created',
      summary: 'Notification to the police recorded',
      before: null,
      after: { kind, notifiedOn },
    });
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'notification to the police',
    });
    return { id: row.id, nextDueOn };
  });
}

// --- Area settings -----------------------------------------------------------------------------

export type ScreeningRoute = 'coordinator' | 'panel' | 'joint';

/** How the area screens referrals (MAPPA.md §3 step 4); the coordinator alone unless the area chose otherwise. */
export async function screeningRoute(db: Db | Tx, areaCode: string): Promise<ScreeningRoute> {
  const row = await db
    .selectFrom('area_settings')
    .select('screening_route')
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
  return row?.screening_route ?? 'coordinator';
}

export interface PanelAgency {
  agencyId: string;
  name: string;
  type: string;
}

/**
 * The agency types of the default standing panel (recommendation 9: the Responsible Authority
 * agencies, children's social care, mental health and housing at minimum), in the order shown.
 */
export const DEFAULT_PANEL_TYPES = [
  'police',
  'probation',
  'prison',
  'childrens_social_care',
  'health',
  'housing',
] as const;

/**
 * The area's standing panel: the agencies it configured, or, when none are, one agency of each
 * default type (the first by name; for health, a mental health trust when the area has one).
 */
export async function standingPanel(db: Db | Tx, areaCode: string): Promise<PanelAgency[]> {
  const configured = await db
    .selectFrom('standing_panel_members as m')
    .innerJoin('agencies as a', 'a.id', 'm.agency_id')
    .select(['a.id as agencyId', 'a.name', 'a.type'])
    .where('m.area_code', '=', areaCode)
    .orderBy('a.type')
    .orderBy('a.name')
    .execute();
  if (configured.length) return sortPanel(configured);
  const agencies = await db
    .selectFrom('agencies')
    .select(['id as agencyId', 'name', 'type'])
    .where('area_code', '=', areaCode)
    .where('type', 'in', [...DEFAULT_PANEL_TYPES])
    .orderBy('name')
    .execute();
  const panel: PanelAgency[] = [];
  for (const type of DEFAULT_PANEL_TYPES) {
    const ofType = agencies.filter((a) => a.type === type);
    const pick =
      type === 'health' ? (ofType.find((a) => /mental health/i.test(a.name)) ?? ofType[0]) : ofType[0];
    if (pick) panel.push(pick);
  }
  return panel;
}

const typeOrder = (type: string) => {
  const i = (DEFAULT_PANEL_TYPES as readonly string[]).indexOf(type);
  return i === -1 ? DEFAULT_PANEL_TYPES.length : i;
};
const sortPanel = (panel: PanelAgency[]) =>
  [...panel].sort(
    (a, b) =>
      typeOrder(a.type) - typeOrder(b.type) || a.type.localeCompare(b.type) || a.name.localeCompare(b.name),
  );

export interface AreaSettingsView {
  areaCode: string;
  level2ReviewWeeks: number;
  level3ReviewWeeks: number;
  significantEventReviewDays: number;
  countersignatureRequired: boolean;
  screeningRoute: ScreeningRoute;
  /** The agencies invited to every Level 2/3 meeting. */
  standingPanel: PanelAgency[];
  /** False when the area has not chosen its panel and the default applies. */
  standingPanelConfigured: boolean;
}

async function readAreaSettings(tx: Tx, areaCode: string): Promise<AreaSettingsView> {
  const configured = await tx
    .selectFrom('standing_panel_members')
    .select('agency_id')
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
  return {
    areaCode,
    ...(await areaSettings(tx, areaCode)),
    countersignatureRequired: await areaRequiresCountersignature(tx, areaCode),
    screeningRoute: await screeningRoute(tx, areaCode),
    standingPanel: await standingPanel(tx, areaCode),
    standingPanelConfigured: configured !== undefined,
  };
}

/** The review intervals and countersignature rule of the actor's own area. */
export async function getAreaSettings(database: Database, ctx: UseCaseContext): Promise<AreaSettingsView> {
  authorize(ctx.actor, 'area.settings');
  return database.transaction((tx) => readAreaSettings(tx, ctx.actor.areaCode));
}

/** The agencies of the actor's area that could sit on its standing panel, for the settings form. */
export async function areaAgencies(database: Database, ctx: UseCaseContext): Promise<PanelAgency[]> {
  authorize(ctx.actor, 'area.settings');
  const rows = await database.db
    .selectFrom('agencies')
    .select(['id as agencyId', 'name', 'type'])
    .where('area_code', '=', ctx.actor.areaCode)
    .orderBy('name')
    .execute();
  return sortPanel(rows);
}

const wholeNumber = (v: unknown): unknown => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v);

/**
 * Changes the actor's own area's settings, then brings every decided case's due dates into line.
 * The screening route and standing panel are kept as they are when not given (API clients that
 * predate them); an empty panel means the default panel (recommendation 9).
 */
export async function updateAreaSettings(
  database: Database,
  ctx: UseCaseContext,
  input: {
    level2ReviewWeeks?: unknown;
    level3ReviewWeeks?: unknown;
    significantEventReviewDays?: unknown;
    countersignatureRequired?: unknown;
    screeningRoute?: unknown;
    standingPanelAgencyIds?: unknown;
  },
) {
  authorize(ctx.actor, 'area.settings');
  const settings = {
    level2ReviewWeeks: wholeNumber(input.level2ReviewWeeks),
    level3ReviewWeeks: wholeNumber(input.level3ReviewWeeks),
    significantEventReviewDays: wholeNumber(input.significantEventReviewDays),
  };
  const errors = validateAreaSettings(settings);
  const countersign = input.countersignatureRequired;
  if (![true, false, 'yes', 'no'].includes(countersign as never))
    errors.countersignatureRequired = 'Select whether level decisions need countersigning';
  const route = input.screeningRoute;
  if (route !== undefined && !SCREENING_ROUTE.some((r) => r.code === route))
    errors.screeningRoute = 'Select how referrals are screened';
  const panelInput = input.standingPanelAgencyIds;
  const panelIds =
    panelInput === undefined
      ? undefined
      : Array.isArray(panelInput)
        ? panelInput
        : typeof panelInput === 'string' && panelInput
          ? [panelInput]
          : panelInput === '' || panelInput === null
            ? []
            : null;
  if (panelIds === null || panelIds?.some((id) => typeof id !== 'string' || !isUuid(id)))
    errors.standingPanelAgencyIds = 'Select agencies from the list';
  const areaCode = ctx.actor.areaCode;
  const values = {
    level2_review_weeks: settings.level2ReviewWeeks as number,
    level3_review_weeks: settings.level3ReviewWeeks as number,
    significant_event_review_days: settings.significantEventReviewDays as number,
    countersignature_required: yes(countersign),
    ...(route !== undefined ? { screening_route: route as ScreeningRoute } : {}),
  };
  return database.transaction(async (tx) => {
    const panel = [...new Set((panelIds ?? []) as string[])];
    if (panel.length && !errors.standingPanelAgencyIds) {
      const inArea = await tx
        .selectFrom('agencies')
        .select('id')
        .where('id', 'in', panel)
        .where('area_code', '=', areaCode)
        .execute();
      if (inArea.length !== panel.length)
        errors.standingPanelAgencyIds = 'Select agencies of your own area from the list';
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const before = await readAreaSettings(tx, areaCode);
    await tx
      .insertInto('area_settings')
      .values({ area_code: areaCode, ...values })
      .onConflict((oc) => oc.column('area_code').doUpdateSet(values))
      .execute();
    if (panelIds !== undefined) {
      await tx.deleteFrom('standing_panel_members').where('area_code', '=', areaCode).execute();
      if (panel.length)
        await tx
          .insertInto('standing_panel_members')
          .values(panel.map((agencyId) => ({ area_code: areaCode, agency_id: agencyId })))
          .execute();
    }
    const decided = await tx
      .selectFrom('nominal_obligations')
      .select('nominal_id')
      .where('area_code', '=', areaCode)
      .where('level', 'is not', null)
      .execute();
    for (const { nominal_id } of decided) await recomputeObligations(tx, nominal_id, ctx.today);
    const after = await readAreaSettings(tx, areaCode);
    const brief = (v: AreaSettingsView) => ({
      ...v,
      standingPanel: v.standingPanelConfigured ? v.standingPanel.map((a) => a.agencyId) : 'default',
    });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'area_settings',
      recordIds: [],
      section: `area ${areaCode}: ${JSON.stringify({ before: brief(before), after: brief(after) })}`,
    });
    return { ...after, recomputed: decided.length };
  });
}
