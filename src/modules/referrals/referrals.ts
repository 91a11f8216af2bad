import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, withinTokenAreas } from '../../access/policy.ts';
import type { Db, Tx } from '../../db/database.ts';
import { AGENCY_TYPE } from '../../domain/codes.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { DecisionRoute, ReferralStatus } from '../../domain/referrals.ts';
import { ERASED_TEXT } from '../../domain/retention.ts';
import { isUuid } from '../../validation/fields.ts';
import { levelDecisionCriteria } from '../levels/index.ts';
import { loadInScope, nominalHeadlines } from '../nominals/index.ts';
import { agenciesByIds, agenciesInArea } from '../reference/index.ts';
import { usersByIds } from '../users/index.ts';
import type { ReferralRecord } from './record.ts';

/**
 * Referrals and their decisions as they are read: from this capability's own tables (referrals,
 * referral_decisions), with the person, the referrer, the deciders and the level criteria named by
 * their owners, in one lookup each however many referrals a list holds.
 */

export function referralQuery(db: Db | Tx) {
  return db
    .selectFrom('referrals as r')
    .select([
      'r.id',
      'r.nominal_id as nominalId',
      'r.area_code as areaCode',
      'r.status',
      'r.requested_level as requestedLevel',
      'r.category3',
      'r.emergency',
      'r.reason',
      'r.value_added as valueAdded',
      'r.proposed_release_address as proposedReleaseAddress',
      'r.invited_agency_ids as invitedAgencyIds',
      'r.record_snapshot as recordSnapshot',
      'r.created_at as createdAt',
      'r.created_by as createdById',
      'r.updated_at as updatedAt',
      'r.submitted_at as submittedAt',
      'r.version',
    ]);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['executeTakeFirstOrThrow']>>;

export interface ReferralDecisionView {
  id: string;
  outcome: 'accepted' | 'rejected';
  level: number | null;
  criteria: string[];
  rationale: string;
  route: DecisionRoute;
  panelMembers: string | null;
  decidedAt: string;
  decidedBy: string;
  agreedBy: string | null;
  levelDecisionId: string | null;
}

export interface ReferralView {
  id: string;
  nominalId: string;
  /** The person, as their record names them. */
  name: string;
  vigilRef: string;
  areaCode: string;
  status: ReferralStatus;
  requestedLevel: number | null;
  category3: boolean;
  emergency: boolean;
  reason: string | null;
  valueAdded: string | null;
  proposedReleaseAddress: string | null;
  invitedAgencyIds: string[];
  createdAt: string;
  createdById: string;
  /** The referrer, and their agency. */
  createdBy: string;
  createdByAgency: string;
  updatedAt: string;
  submittedAt: string | null;
  version: number;
}

/** uuid[] arrives as an array from both drivers; accept the text form too. */
function uuidList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}

export const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The referrals as views: people, referrers and their agencies named in one lookup each. */
export async function referralViews(db: Db | Tx, rows: readonly ReferralRow[]): Promise<ReferralView[]> {
  const [people, users] = await Promise.all([
    nominalHeadlines(
      db,
      rows.map((r) => r.nominalId),
    ),
    usersByIds(
      db,
      rows.map((r) => r.createdById),
    ),
  ]);
  const agencies = await agenciesByIds(
    db,
    [...users.values()].map((u) => u.agencyId),
  );
  return rows.map((row) => {
    const { recordSnapshot: _snapshot, ...rest } = row;
    const person = people.get(row.nominalId);
    const referrer = users.get(row.createdById);
    return {
      ...rest,
      name: person?.name ?? '',
      vigilRef: person?.vigilRef ?? '',
      status: row.status as ReferralStatus,
      invitedAgencyIds: uuidList(row.invitedAgencyIds),
      createdAt: iso(row.createdAt)!,
      createdBy: referrer?.displayName ?? '',
      createdByAgency: (referrer && agencies.get(referrer.agencyId)?.name) ?? '',
      updatedAt: iso(row.updatedAt)!,
      submittedAt: iso(row.submittedAt),
    };
  });
}

/** Each referral's decision (if decided), by referral id: who decided, who agreed, the level criteria. */
export async function decisionsFor(
  db: Db | Tx,
  referralIds: readonly string[],
): Promise<Map<string, ReferralDecisionView>> {
  if (!referralIds.length) return new Map();
  const rows = await db
    .selectFrom('referral_decisions')
    .select([
      'id',
      'referral_id',
      'outcome',
      'level',
      'rationale',
      'route',
      'panel_members',
      'decided_at',
      'decided_by',
      'agreed_by',
      'level_decision_id',
    ])
    .where('referral_id', 'in', [...new Set(referralIds)])
    .execute();
  const [users, criteria] = await Promise.all([
    usersByIds(
      db,
      rows.flatMap((r) => [r.decided_by, r.agreed_by]),
    ),
    levelDecisionCriteria(
      db,
      rows.map((r) => r.level_decision_id),
    ),
  ]);
  return new Map(
    rows.map((r) => [
      r.referral_id,
      {
        criteria: (r.level_decision_id && criteria.get(r.level_decision_id)) || [],
        id: r.id,
        outcome: r.outcome,
        level: r.level,
        rationale: r.rationale,
        route: r.route,
        panelMembers: r.panel_members,
        decidedAt: iso(r.decided_at)!,
        decidedBy: users.get(r.decided_by)?.displayName ?? '',
        agreedBy: r.agreed_by ? (users.get(r.agreed_by)?.displayName ?? null) : null,
        levelDecisionId: r.level_decision_id,
      },
    ]),
  );
}

/** The referrals as views, each with its decision (or null). */
export async function withDecisions(db: Db | Tx, rows: readonly ReferralRow[]) {
  const [views, decisions] = await Promise.all([
    referralViews(db, rows),
    decisionsFor(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return views.map((view) => ({ ...view, decision: decisions.get(view.id) ?? null }));
}

/**
 * A referral the actor may see: its person is in their scope, and a draft is its referrer's alone.
 * Anything else is "not found", so an id reveals nothing.
 */
export async function loadReferral(tx: Tx, ctx: UseCaseContext, referralId: string) {
  authorize(ctx.actor, 'referral.view');
  if (!isUuid(referralId)) throw new NotFoundError();
  const row = await referralQuery(tx).where('r.id', '=', referralId).executeTakeFirst();
  if (!row)
    throw new NotFoundError(undefined, {
      recordType: 'referral',
      recordIds: [referralId],
      section: 'refused: no such referral',
    });
  const scope = await loadInScope(tx, ctx, row.nominalId, 'nominal.view');
  if (row.status === 'draft' && row.createdById !== ctx.actor.userId) throw new NotFoundError();
  // A referral made in an area is of that area, even if the person has moved since.
  if (!withinTokenAreas(ctx.actor, row.areaCode)) throw new NotFoundError();
  const [referral] = await referralViews(tx, [row]);
  return { row, referral: referral!, scope };
}

/** The area's agencies, grouped by type in the national order, for "agencies to invite". */
export async function areaAgencies(tx: Tx, areaCode: string) {
  const rows = await agenciesInArea(tx, areaCode);
  return AGENCY_TYPE.map((t) => ({
    type: t.code as string,
    label: t.label as string,
    agencies: rows.filter((r) => r.type === t.code).map((r) => ({ id: r.id, name: r.name })),
  })).filter((g) => g.agencies.length > 0);
}
export type AgencyGroup = Awaited<ReturnType<typeof areaAgencies>>[number];

/** An erased person's snapshot: when it was taken and of which record, nothing about the person. */
export interface ErasedSnapshot {
  erased: true;
  assembledOn: string;
  vigilRef: string;
  area: string;
}

export const erasedSnapshot = (record: ReferralRecord | ErasedSnapshot): ErasedSnapshot => ({
  erased: true,
  assembledOn: record.assembledOn,
  vigilRef: record.vigilRef,
  area: 'erased' in record ? record.area : record.mappa.area,
});

/** A snapshot as stored; an erased one (retention) reads as an empty record named 'Erased'. */
export const snapshotOf = (value: unknown): ReferralRecord | null => {
  if (value === null || value === undefined) return null;
  const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as ReferralRecord | ErasedSnapshot;
  if (!('erased' in parsed)) return parsed;
  return {
    assembledOn: parsed.assembledOn,
    name: ERASED_TEXT,
    vigilRef: parsed.vigilRef,
    personal: [],
    identifiers: [],
    addresses: { current: null, proposedRelease: null },
    indexOffence: null,
    otherConvictions: [],
    relevantDates: [],
    mappa: {
      category: null,
      categoryLabel: ERASED_TEXT,
      categoryReason: null,
      level: null,
      leadAgency: null,
      area: parsed.area,
      inCustody: false,
      earliestReleaseOn: null,
    },
    riskAssessment: null,
    riskManagementPlan: null,
    markers: [],
    managers: [],
  };
};
