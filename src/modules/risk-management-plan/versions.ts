import type { Db, Tx } from '../../db/database.ts';
import { usersByIds } from '../users/index.ts';

/**
 * The plan's versions, over this capability's own table (risk_management_plans): append-only, the
 * current plan is the highest version. Who wrote each is named by the users capability.
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

const asConditions = (v: unknown): string[] => {
  const parsed = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

function planQuery(db: Db | Tx, nominalId: string) {
  return db
    .selectFrom('risk_management_plans')
    .select([
      'version',
      'supervision',
      'monitoring_and_control',
      'interventions_and_treatment',
      'victim_safety_planning',
      'contingency',
      'conditions',
      'reason',
      'changed_at',
      'changed_by',
      'meeting_id',
    ])
    .where('nominal_id', '=', nominalId);
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

/** The rows as views, each writer named (one lookup for them all). */
async function toViews(db: Db | Tx, rows: readonly PlanRow[]): Promise<PlanView[]> {
  const users = await usersByIds(
    db,
    rows.map((r) => r.changed_by),
  );
  return rows.map((row) => ({
    version: row.version,
    supervision: row.supervision,
    monitoringAndControl: row.monitoring_and_control,
    interventionsAndTreatment: row.interventions_and_treatment,
    victimSafetyPlanning: row.victim_safety_planning,
    contingency: row.contingency,
    conditions: asConditions(row.conditions),
    reason: row.reason,
    changedAt: new Date(row.changed_at),
    changedByName: users.get(row.changed_by)?.displayName ?? '',
    meetingId: row.meeting_id,
  }));
}

/** The person's current plan (its highest version), or null when none has been written. No access check: the caller's. */
export async function currentPlan(db: Db | Tx, nominalId: string): Promise<PlanView | null> {
  const row = await planQuery(db, nominalId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? ((await toViews(db, [row]))[0] ?? null) : null;
}

/** Every version, newest first. No access check: the caller's. */
export async function planVersions(db: Db | Tx, nominalId: string): Promise<PlanView[]> {
  return toViews(db, await planQuery(db, nominalId).orderBy('version', 'desc').execute());
}

export interface PlanChange {
  label: string;
  before: string;
  after: string;
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

/** Shown instead of victim safety planning to those who may not see victims' details. */
export const VICTIM_PLANNING_WITHHELD =
  'Withheld: victim safety planning is shown only to those who plan victims’ safety.';

export function withheldFor(plan: PlanView, victimsVisible: boolean): PlanView {
  return victimsVisible || !plan.victimSafetyPlanning
    ? plan
    : { ...plan, victimSafetyPlanning: VICTIM_PLANNING_WITHHELD };
}
