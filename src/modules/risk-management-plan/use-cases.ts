import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Db, Tx } from '../../db/database.ts';
import {
  ConflictError,
  ValidationError,
  type ConflictingChange,
  type FieldErrors,
} from '../../domain/errors.ts';
import { recordChange, loadInScope } from '../nominals/index.ts';
import { isUuid } from '../../validation/fields.ts';

/**
 * One risk management plan per person (MAPPA.md §3 step 5): the Four Pillars, a contingency plan
 * and the full list of current licence or order conditions. Append-only: the current plan is the
 * highest version, and the primary key (nominal, version) makes a second writer of the same
 * version fail, so the meeting and the lead agency always see the same plan.
 */
export interface PlanView {
  version: number;
  supervision: string;
  monitoringAndControl: string;
  interventionsAndTreatment: string;
  victimSafetyPlanning: string;
  contingency: string;
  conditions: string[];
  reason: string;
  changedAt: Date;
  changedByName: string;
  meetingId: string | null;
}

const asConditions = (v: unknown): string[] => {
  const parsed = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

function planQuery(db: Db | Tx, nominalId: string) {
  return db
    .selectFrom('risk_management_plans as p')
    .innerJoin('users as u', 'u.id', 'p.changed_by')
    .select([
      'p.version',
      'p.supervision',
      'p.monitoring_and_control',
      'p.interventions_and_treatment',
      'p.victim_safety_planning',
      'p.contingency',
      'p.conditions',
      'p.reason',
      'p.changed_at',
      'p.meeting_id',
      'u.display_name',
    ])
    .where('p.nominal_id', '=', nominalId);
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

function toView(row: PlanRow): PlanView {
  return {
    version: row.version,
    supervision: row.supervision,
    monitoringAndControl: row.monitoring_and_control,
    interventionsAndTreatment: row.interventions_and_treatment,
    victimSafetyPlanning: row.victim_safety_planning,
    contingency: row.contingency,
    conditions: asConditions(row.conditions),
    reason: row.reason,
    changedAt: new Date(row.changed_at),
    changedByName: row.display_name,
    meetingId: row.meeting_id,
  };
}

/** The person's current plan (its highest version), or null when none has been written. No access check: the caller's. */
export async function currentPlan(db: Db | Tx, nominalId: string): Promise<PlanView | null> {
  const row = await planQuery(db, nominalId).orderBy('p.version', 'desc').limit(1).executeTakeFirst();
  return row ? toView(row) : null;
}

/** Every version, newest first. No access check: the caller's. */
export async function planVersions(db: Db | Tx, nominalId: string): Promise<PlanView[]> {
  const rows = await planQuery(db, nominalId).orderBy('p.version', 'desc').execute();
  return rows.map(toView);
}

// --- Reading and revising the plan -----------------------------------------------------------

/** The plan's parts, in the order of the Four Pillars (Kemshall) and then the contingency plan. */
export const PLAN_PARTS = [
  {
    key: 'supervision',
    column: 'supervision',
    label: 'Supervision',
    hint: 'Who sees the person, how often and where; what each contact checks.',
  },
  {
    key: 'monitoringAndControl',
    column: 'monitoring_and_control',
    label: 'Monitoring and control',
    hint: 'Licence or order conditions being enforced, electronic monitoring, police visits, disclosure.',
  },
  {
    key: 'interventionsAndTreatment',
    column: 'interventions_and_treatment',
    label: 'Interventions and treatment',
    hint: 'Programmes, mental health or substance misuse treatment, help with housing and work.',
  },
  {
    key: 'victimSafetyPlanning',
    column: 'victim_safety_planning',
    label: 'Victim safety planning',
    hint: 'How known and potential victims are protected: exclusion zones, no-contact conditions, the victim liaison officer’s plan.',
  },
  {
    key: 'contingency',
    column: 'contingency',
    label: 'Contingency plan',
    hint: 'What happens if risk rises or the plan breaks down, and what happens at the end of the sentence or licence.',
  },
] as const;
export type PlanPartKey = (typeof PLAN_PARTS)[number]['key'];

const PART_MAX = 10000;
const CONDITION_MAX = 1000;
const CONDITIONS_MAX = 100;
const REASON_MAX = 2000;

/** Shown instead of victim safety planning to those who may not see victims' details. */
export const VICTIM_PLANNING_WITHHELD =
  'Withheld: victim safety planning is shown only to those who plan victims’ safety.';

export interface PlanChange {
  label: string;
  before: string;
  after: string;
}

export interface PlanVersionView extends PlanView {
  /** What this version changed from the one before it (the first version: everything it set). */
  changes: PlanChange[];
  meeting: { id: string; startsAt: Date; level: number } | null;
}

export interface PlanInput {
  expectedVersion?: unknown;
  supervision?: unknown;
  monitoringAndControl?: unknown;
  interventionsAndTreatment?: unknown;
  victimSafetyPlanning?: unknown;
  contingency?: unknown;
  conditions?: unknown;
  reason?: unknown;
  meetingId?: unknown;
}

const partOf = (plan: PlanView | null, key: PlanPartKey) => (plan ? plan[key] : '');

/** The differences between two versions, part by part and condition by condition. */
export function planChanges(before: PlanView | null, after: PlanView, victimsVisible = true): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const part of PLAN_PARTS) {
    const was = partOf(before, part.key);
    const now = after[part.key];
    if (was === now) continue;
    changes.push(
      part.key === 'victimSafetyPlanning' && !victimsVisible
        ? { label: part.label, before: 'Withheld', after: 'Withheld' }
        : { label: part.label, before: was, after: now },
    );
  }
  const wasConditions = before?.conditions ?? [];
  const removed = wasConditions.filter((c) => !after.conditions.includes(c));
  const added = after.conditions.filter((c) => !wasConditions.includes(c));
  for (const c of removed) changes.push({ label: 'Condition removed', before: c, after: '' });
  for (const c of added) changes.push({ label: 'Condition added', before: '', after: c });
  return changes;
}

function withheldFor(plan: PlanView, victimsVisible: boolean): PlanView {
  return victimsVisible || !plan.victimSafetyPlanning
    ? plan
    : { ...plan, victimSafetyPlanning: VICTIM_PLANNING_WITHHELD };
}

async function meetingsOf(db: Db | Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map<string, { id: string; startsAt: Date; level: number }>();
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'starts_at', 'level'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((m) => [m.id, { id: m.id, startsAt: new Date(m.starts_at), level: m.level }]));
}

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
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'risk management plan',
    });
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

/** Whether the meeting exists and discussed this person. */
async function meetingIncludes(tx: Tx, meetingId: string, nominalId: string): Promise<boolean> {
  if (!isUuid(meetingId)) return false;
  const row = await tx
    .selectFrom('meeting_nominals')
    .select('meeting_id')
    .where('meeting_id', '=', meetingId)
    .where('nominal_id', '=', nominalId)
    .executeTakeFirst();
  return row !== undefined;
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
      meetingId && (await meetingIncludes(tx, meetingId, nominalId))
        ? ((await meetingsOf(tx, [meetingId])).get(meetingId) ?? null)
        : null;
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'risk management plan',
    });
    return {
      plan: plan ? withheldFor(plan, scope.visible.victims) : null,
      victimsVisible: scope.visible.victims,
      meeting,
    };
  });
}

const textOf = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '');

/** The conditions as given: a list of lines (blank lines dropped), or null when not a list. */
export function conditionsOf(v: unknown): string[] | null {
  if (v === undefined || v === null || v === '') return [];
  const lines = Array.isArray(v) ? v : typeof v === 'string' ? v.split('\n') : null;
  if (!lines || lines.some((l) => typeof l !== 'string')) return null;
  return (lines as string[]).map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '');
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
  input: PlanInput,
): Promise<PlanView> {
  authorize(ctx.actor, 'rmp.edit');
  const errors: FieldErrors = {};
  const expected =
    typeof input.expectedVersion === 'number'
      ? input.expectedVersion
      : typeof input.expectedVersion === 'string' && /^\d{1,9}$/.test(input.expectedVersion)
        ? Number(input.expectedVersion)
        : NaN;
  if (!Number.isInteger(expected) || expected < 0)
    errors.expectedVersion = 'Reload the plan: the version you started from is missing';
  const parts = {} as Record<PlanPartKey, string>;
  for (const part of PLAN_PARTS) {
    const value = input[part.key];
    if (value !== undefined && value !== null && typeof value !== 'string')
      errors[part.key] = `${part.label} must be text`;
    parts[part.key] = textOf(value);
    if (parts[part.key].length > PART_MAX)
      errors[part.key] = `${part.label} must be ${PART_MAX} characters or fewer`;
  }
  const conditions = conditionsOf(input.conditions);
  if (conditions === null) errors.conditions = 'Enter each condition as a line of text';
  else if (conditions.length > CONDITIONS_MAX)
    errors.conditions = `Enter ${CONDITIONS_MAX} conditions or fewer`;
  else if (conditions.some((c) => c.length > CONDITION_MAX))
    errors.conditions = `Each condition must be ${CONDITION_MAX} characters or fewer`;
  const reason = textOf(input.reason);
  if (!reason) errors.reason = 'Enter why the plan is changing';
  else if (reason.length > REASON_MAX) errors.reason = `Reason must be ${REASON_MAX} characters or fewer`;
  const meetingId =
    input.meetingId === undefined || input.meetingId === null || input.meetingId === ''
      ? null
      : input.meetingId;

  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    if (
      meetingId !== null &&
      !(typeof meetingId === 'string' && (await meetingIncludes(tx, meetingId, nominalId)))
    )
      errors.meetingId = 'Select a meeting that discussed this person';
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const current = await currentPlan(tx, nominalId);
    const currentVersion = current?.version ?? 0;
    if (expected !== currentVersion)
      throw await staleRevision(tx, nominalId, expected, scope.visible.victims);
    if (!scope.visible.victims) parts.victimSafetyPlanning = current?.victimSafetyPlanning ?? '';

    const version = currentVersion + 1;
    const next: PlanView = {
      version,
      ...parts,
      conditions: conditions!,
      reason,
      changedAt: ctx.now,
      changedByName: ctx.actor.displayName,
      meetingId: meetingId as string | null,
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
        meeting_id: meetingId as string | null,
        changed_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['nominal_id', 'version']).doNothing())
      .returning(['version', 'changed_at'])
      .executeTakeFirst();
    if (!inserted) throw await staleRevision(tx, nominalId, expected, scope.visible.victims);

    const changedLabels = [...new Set(changes.map((c) => c.label))];
    await recordChange(tx, ctx, {
      nominalId,
      section: 'risk-management-plan',
      entityId: nominalId,
      entityVersion: version,
      action: version === 1 ? 'created' : 'updated',
      summary: `Risk management plan ${version === 1 ? 'written' : 'revised'} (version ${version}${meetingId ? ', at a meeting' : ''}): ${reason}`,
      before: current ? { version: current.version } : null,
      after: { version, changed: changedLabels, reason, ...(meetingId ? { meetingId } : {}) },
    });
    await logAccess(tx, ctx, {
      operation: version === 1 ? 'collection' : 'alteration',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'risk management plan',
    });
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
