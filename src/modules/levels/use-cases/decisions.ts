import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize, can } from '../../../access/policy.ts';
import type { Database, Tx } from '../../../db/database.ts';
import type { MappaCategory, MappaLevel } from '../../../domain/codes.ts';
import { compareDates, parseIsoDate } from '../../../domain/dates.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../../domain/errors.ts';
import {
  describeOpenActions,
  levelChange,
  ruleOnReduction,
  validateLevelDecision,
  type LevelChange,
  type ReductionRuling,
} from '../../../domain/levels.ts';
import { isUuid } from '../../../validation/fields.ts';
import { openActionsFor } from '../../actions/index.ts';
import { acceptCategory3, endCurrentInvolvements, loadInScope, recordAndLog } from '../../nominals/index.ts';
import { notify } from '../../notifications/index.ts';
import { activeUsersWithRole } from '../../users/index.ts';
import { COUNTERSIGNING_ROLES, SCREENING_QUESTIONS } from '../codes.ts';
import { levelExtensions } from '../extensions.ts';
import { recomputeObligations, storedObligations, type Obligations } from '../obligations.ts';
import { areaRequiresCountersignature } from './area-settings.ts';

/**
 * Level decisions (MAPPA.md §3 steps 2, 7): a screening and a level, a review, an escalation, a
 * guarded reduction or the end of MAPPA management, with who, when and why; and countersigning
 * them where the area requires it. Never a default: only a practitioner's decision sets a level.
 */

export interface LevelDecisionForm {
  level?: unknown;
  criteria?: unknown;
  rationale?: unknown;
  decidedOn?: unknown;
  /** A panel accepting a Category 3 referral (the only way into Category 3). */
  category3AcceptedOn?: unknown;
  deregister?: unknown;
  screening?: Record<string, unknown> | undefined;
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
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The decision as given, and the problems that need nothing but the form to see. */
function readDecisionForm(form: LevelDecisionForm, today: string, errors: FieldErrors) {
  const decidedOnInput = typeof form.decidedOn === 'string' && form.decidedOn ? form.decidedOn : today;
  const decidedOn = parseIsoDate(decidedOnInput, 'Date of the decision');
  if (!decidedOn.ok) errors.decidedOn = decidedOn.error;
  else if (compareDates(decidedOn.value, today) > 0)
    errors.decidedOn = 'Date of the decision must be today or in the past';
  let category3AcceptedOn: string | null = null;
  if (typeof form.category3AcceptedOn === 'string' && form.category3AcceptedOn) {
    const parsed = parseIsoDate(form.category3AcceptedOn, 'Date the Category 3 referral was accepted');
    if (!parsed.ok) errors.category3AcceptedOn = parsed.error;
    else category3AcceptedOn = parsed.value;
  }
  const rationale = trimmed(form.rationale);
  if (rationale.length > 4000) errors.rationale = 'Rationale must be 4000 characters or fewer';
  return {
    decidedOn: decidedOn.ok ? decidedOn.value : null,
    category3AcceptedOn,
    deregister: yes(form.deregister),
    level: Number(form.level),
    criteria: list(form.criteria),
    rationale,
  };
}
type DecisionInput = ReturnType<typeof readDecisionForm>;

/** What a reduction must say and may override, checked after the level itself. */
function readReductionFields(form: LevelDecisionForm, errors: FieldErrors) {
  const overrideReason = trimmed(form.overrideReason);
  const continuesAtLowerLevel = trimmed(form.continuesAtLowerLevel);
  if (overrideReason.length > 4000)
    errors.overrideReason = 'Reason for the override must be 4000 characters or fewer';
  if (continuesAtLowerLevel.length > 4000)
    errors.continuesAtLowerLevel = 'What continues at the lower level must be 4000 characters or fewer';
  return { overrideReason, continuesAtLowerLevel };
}

/** The meeting at which a panel decided, if named: it must include this person. Adds a field error otherwise. */
async function meetingOfDecision(
  tx: Tx,
  nominalId: string,
  input: unknown,
  errors: FieldErrors,
): Promise<string | null> {
  if (input === undefined || input === null || input === '') return null;
  if (
    typeof input === 'string' &&
    isUuid(input) &&
    (await levelExtensions().meetingDiscussed(tx, input, nominalId))
  )
    return input;
  errors.meetingId = 'Select a meeting that discussed this person';
  return null;
}

/** The level's own rules for the person's category (or, ending MAPPA, that the reason is given). */
function checkLevel(input: DecisionInput, category: MappaCategory | null, errors: FieldErrors): void {
  const { deregister, level, criteria, rationale } = input;
  if (deregister) {
    if (!rationale) errors.rationale = 'Enter why MAPPA management is ending';
  } else if (![1, 2, 3].includes(level)) errors.level = 'Select the level';
  else
    Object.assign(
      errors,
      validateLevelDecision({ category, level: level as MappaLevel, criteria, rationale }),
      errors,
    );
}

/** The level's move; "deregistration" also stands for a decision whose level or date is unreadable. */
type DecisionChange = Omit<LevelChange, 'direction'> & {
  direction: LevelChange['direction'] | 'deregistration';
};

interface Assessment {
  from: MappaLevel | null;
  change: DecisionChange;
  /** A step down (or out): open actions must be done or overridden, and what continues said. */
  lowering: boolean;
  openActions: { total: number; safeguarding: number };
  ruling: ReductionRuling;
}

/** Which way the level moves from the last decision, and whether a reduction may go ahead. */
async function assessChange(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  input: DecisionInput,
  reduction: { overrideReason: string; continuesAtLowerLevel: string },
  releaseDate: string | null,
): Promise<Assessment> {
  const previous = await tx
    .selectFrom('level_decisions')
    .select(['level', 'kind'])
    .where('nominal_id', '=', nominalId)
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();
  const from = previous && previous.kind !== 'deregistration' ? (previous.level as MappaLevel) : null;
  const change: DecisionChange =
    input.deregister || ![1, 2, 3].includes(input.level) || !input.decidedOn
      ? { direction: 'deregistration', warnings: [], nearRelease: false }
      : levelChange({ from, to: input.level as MappaLevel, decidedOn: input.decidedOn, releaseDate });
  // Ending MAPPA for someone with no level is not a step down: nothing to refuse.
  const lowering = input.deregister ? from !== null : change.direction === 'reduction';
  const openActions = lowering ? await openActionsFor(tx, nominalId) : { total: 0, safeguarding: 0 };
  const ruling = ruleOnReduction({
    direction: input.deregister ? (lowering ? 'deregistration' : 'unchanged') : change.direction,
    openActions,
    mayOverride: can(ctx.actor, 'level.override'),
    ...reduction,
  });
  return { from, change, lowering, openActions, ruling };
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
  await loadInScope(tx, ctx, nominalId, 'nominal.edit');
  const errors: FieldErrors = {};
  const input = readDecisionForm(form, ctx.today, errors);
  // Category 3 comes only from an accepted referral; everything else from the record.
  if (input.category3AcceptedOn) await acceptCategory3(tx, nominalId, input.category3AcceptedOn);
  await recomputeObligations(tx, nominalId, ctx.today);
  const obligations = await storedObligations(tx, nominalId);
  const category = obligations.category as MappaCategory | null;
  checkLevel(input, category, errors);
  const reduction = readReductionFields(form, errors);
  const meetingId = await meetingOfDecision(tx, nominalId, form.meetingId, errors);
  const assessment = await assessChange(
    tx,
    ctx,
    nominalId,
    input,
    reduction,
    obligations.earliest_release_on,
  );
  // Only the level's own errors when the level itself is wrong; otherwise the reduction's too.
  if (!errors.level) Object.assign(errors, assessment.ruling.errors);
  if (Object.keys(errors).length) throw new ValidationError(errors);

  const decision = await insertDecision(tx, ctx, nominalId, form, {
    input,
    category,
    meetingId,
    assessment,
    reduction,
    obligations,
  });
  await afterDecision(tx, ctx, nominalId, decision.id, input);
  await recordAndLog(
    tx,
    ctx,
    timelineEntry(ctx, nominalId, decision.id, input, meetingId, assessment, reduction),
    {
      section: 'level decision',
    },
  );
  // A reduction near release is flagged on the coordinators' worklist (reduced_near_release);
  // they are also told at once.
  if (decision.kind === 'reduction' && assessment.change.nearRelease)
    await tellCoordinatorsOfReductionNearRelease(
      tx,
      ctx,
      nominalId,
      obligations.area_code,
      input.level,
      assessment,
    );
  return {
    id: decision.id,
    kind: decision.kind,
    category,
    level: input.deregister ? null : input.level,
    warnings: assessment.change.warnings,
    overridden: assessment.ruling.overridden,
  };
}

/** The screening (when one was done) and the decision itself. */
async function insertDecision(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  form: LevelDecisionForm,
  decided: {
    input: DecisionInput;
    category: MappaCategory | null;
    meetingId: string | null;
    assessment: Assessment;
    reduction: { overrideReason: string; continuesAtLowerLevel: string };
    obligations: Obligations;
  },
) {
  const { input, assessment, reduction } = decided;
  const kind = assessment.change.direction === 'unchanged' ? 'review' : assessment.change.direction;
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
  const overridden = assessment.ruling.overridden;
  const row = await tx
    .insertInto('level_decisions')
    .values({
      decided_at: ctx.now,
      nominal_id: nominalId,
      level: input.deregister ? null : input.level,
      category: decided.category,
      kind,
      criteria: input.criteria,
      rationale: input.rationale,
      screening_id: screening?.id ?? null,
      decided_on: input.decidedOn!,
      decided_by: ctx.actor.userId,
      warning: assessment.change.warnings.join(' ') || null,
      override_reason: overridden ? reduction.overrideReason : null,
      override_by: overridden ? ctx.actor.userId : null,
      continues_at_lower_level:
        assessment.lowering && reduction.continuesAtLowerLevel ? reduction.continuesAtLowerLevel : null,
      meeting_id: decided.meetingId,
      // Fixed now: a later change of the area's rule or the decider's roles must not rewrite it.
      countersignature_required:
        (await areaRequiresCountersignature(tx, decided.obligations.area_code)) &&
        !ctx.actor.roles.some((role) => (COUNTERSIGNING_ROLES as readonly string[]).includes(role)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, kind };
}

/** What a decision settles: the events it considered, the invitations it ends, the dates now due. */
async function afterDecision(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  decisionId: string,
  input: DecisionInput,
): Promise<void> {
  // The decision considered every event recorded before it.
  await tx
    .updateTable('significant_events')
    .set({ reviewed_by_decision: decisionId })
    .where('nominal_id', '=', nominalId)
    .where('reviewed_by_decision', 'is', null)
    .execute();
  // An agency invited to Level 2/3 meetings has no more need to know once the person is back at
  // Level 1 or out of MAPPA (actions still open keep their own access until closed).
  if (input.deregister || input.level === 1)
    await endCurrentInvolvements(tx, nominalId, 'meeting_invitation', ctx.today);
  await recomputeObligations(tx, nominalId, ctx.today);
}

/** The decision's line on the record's timeline; an override is in its one-line summary so nobody can miss it. */
function timelineEntry(
  ctx: UseCaseContext,
  nominalId: string,
  decisionId: string,
  input: DecisionInput,
  meetingId: string | null,
  { from, change, lowering, openActions, ruling }: Assessment,
  { overrideReason, continuesAtLowerLevel }: { overrideReason: string; continuesAtLowerLevel: string },
) {
  const { deregister, level, rationale } = input;
  const kind = change.direction === 'unchanged' ? 'review' : change.direction;
  const decided = deregister
    ? 'MAPPA management ended'
    : `Level ${level} ${kind === 'initial' ? 'set' : kind === 'review' ? 'confirmed on review' : kind === 'escalation' ? `(escalated from Level ${from})` : `(reduced from Level ${from})`}`;
  return {
    nominalId,
    section: 'levels',
    entityId: decisionId,
    entityVersion: 1,
    action: 'created' as const,
    summary: ruling.overridden
      ? `${decided}: chair’s override by ${ctx.actor.displayName} (${describeOpenActions(openActions)}): ${overrideReason}`
      : decided,
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
  };
}

async function tellCoordinatorsOfReductionNearRelease(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  areaCode: string,
  level: number,
  { from, change }: Assessment,
): Promise<void> {
  const coordinators = await activeUsersWithRole(tx, 'mappa_coordinator', { areaCode });
  await notify(tx, ctx, {
    userIds: coordinators.map((c) => c.id),
    nominalId,
    subject: `Level reduced near release: Level ${level} (from Level ${from})`,
    body: `${ctx.actor.displayName} reduced the level to Level ${level}. ${change.warnings.join(' ')}`,
    link: `/nominals/${nominalId}/levels#decisions`,
  });
}

// --- Countersignature ----------------------------------------------------------------------------

/** A decision awaits countersignature if it needed one when it was made, until it is countersigned. */
export function awaitsCountersignature(d: {
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
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'levels',
        entityId: decisionId,
        entityVersion: 2,
        action: 'updated',
        summary: `Level decision countersigned${decision.level ? ` (Level ${decision.level})` : ''}`,
        before: { countersignedBy: null },
        after: { countersignedBy: ctx.actor.userId },
      },
      { section: 'level decision countersignature' },
    );
    return { id: updated.id, countersignedAt: updated.countersigned_at };
  });
}
