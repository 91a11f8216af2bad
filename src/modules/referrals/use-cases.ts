import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can, POLICY } from '../../access/policy.ts';
import { logAccess, logDownload } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { AGENCY_TYPE, labelOf, type MappaCategory, type MappaLevel, type Role } from '../../domain/codes.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { LEVEL_CRITERION, validateLevelDecision } from '../../domain/levels.ts';
import {
  REFERRAL_TEXT_MAX,
  decisionRoute,
  screeningOrder,
  validateDecision,
  validateSubmission,
  whoMayDecide,
  type DecisionRoute,
  type ReferralStatus,
} from '../../domain/referrals.ts';
import { recordLevelDecision, screeningRoute, currentObligations } from '../levels/index.ts';
import { activeUsersWithRole } from '../users/index.ts';
import { recordChange, loadInScope, readNominal } from '../nominals/index.ts';
import { isUuid } from '../../validation/fields.ts';
import { notify } from '../notifications/index.ts';
import { currentPlan } from '../risk-management-plan/index.ts';
import { assembleRecord, visibleRecord, type ReferralRecord } from './record.ts';

/*
 * Referral to Level 2 or 3 (MAPPA A) and its screening (MAPPA.md §3 steps 3–4). A draft is the
 * referrer's own and saves as they go; submitting stores the record as it stood, for the
 * screeners; the decision (with its level decision) and the referrer's notification are one
 * transaction. Each use case: authorise → scope → rules → write → access log.
 */

type Input = Record<string, unknown>;

// --- Loading a referral in scope -----------------------------------------------------------------

const REFERRAL_COLUMNS = [
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
  'u.display_name as createdBy',
  'g.name as createdByAgency',
  'r.updated_at as updatedAt',
  'r.submitted_at as submittedAt',
  'r.version',
  'n.vigil_ref as vigilRef',
  'n.forename',
  'n.surname',
] as const;

function referralQuery(tx: Tx) {
  return tx
    .selectFrom('referrals as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .innerJoin('agencies as g', 'g.id', 'u.agency_id')
    .innerJoin('nominals as n', 'n.id', 'r.nominal_id')
    .select([...REFERRAL_COLUMNS]);
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

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function present(row: Awaited<ReturnType<ReturnType<typeof referralQuery>['executeTakeFirstOrThrow']>>) {
  const { recordSnapshot: _snapshot, forename, surname, ...rest } = row;
  return {
    ...rest,
    status: row.status as ReferralStatus,
    name: `${forename} ${surname}`,
    invitedAgencyIds: uuidList(row.invitedAgencyIds),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    submittedAt: iso(row.submittedAt),
  };
}
export type ReferralView = ReturnType<typeof present>;

/**
 * A referral the actor may see: its person is in their scope, and a draft is its referrer's alone.
 * Anything else is "not found", so an id reveals nothing.
 */
async function loadReferral(tx: Tx, ctx: UseCaseContext, referralId: string) {
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
  return { row, referral: present(row), scope };
}

async function loadDecision(tx: Tx, referralId: string) {
  const row = await tx
    .selectFrom('referral_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.decided_by')
    .leftJoin('users as a', 'a.id', 'd.agreed_by')
    .leftJoin('level_decisions as ld', 'ld.id', 'd.level_decision_id')
    .select([
      'ld.criteria',
      'd.id',
      'd.outcome',
      'd.level',
      'd.rationale',
      'd.route',
      'd.panel_members as panelMembers',
      'd.decided_at as decidedAt',
      'u.display_name as decidedBy',
      'a.display_name as agreedBy',
      'd.level_decision_id as levelDecisionId',
    ])
    .where('d.referral_id', '=', referralId)
    .executeTakeFirst();
  return row
    ? {
        ...row,
        criteria: row.criteria ?? [],
        route: row.route as DecisionRoute,
        decidedAt: iso(row.decidedAt)!,
      }
    : null;
}
export type ReferralDecisionView = NonNullable<Awaited<ReturnType<typeof loadDecision>>>;

/** The area's agencies, grouped by type in the national order, for "agencies to invite". */
async function areaAgencies(tx: Tx, areaCode: string) {
  const rows = await tx
    .selectFrom('agencies')
    .select(['id', 'name', 'type'])
    .where('area_code', '=', areaCode)
    .orderBy('name')
    .execute();
  return AGENCY_TYPE.map((t) => ({
    type: t.code as string,
    label: t.label as string,
    agencies: rows.filter((r) => r.type === t.code).map((r) => ({ id: r.id, name: r.name })),
  })).filter((g) => g.agencies.length > 0);
}
export type AgencyGroup = Awaited<ReturnType<typeof areaAgencies>>[number];

/** The record as MAPPA A shows it today, read through the nominals module as the actor sees it. */
async function liveRecord(tx: Tx, ctx: UseCaseContext, nominalId: string): Promise<ReferralRecord> {
  return assembleRecord(
    await readNominal(tx, ctx, nominalId),
    await currentObligations(tx, nominalId, ctx.today),
    await currentPlan(tx, nominalId),
    ctx.today,
  );
}

const snapshotOf = (value: unknown): ReferralRecord | null =>
  value === null || value === undefined
    ? null
    : ((typeof value === 'string' ? JSON.parse(value) : value) as ReferralRecord);

// --- The person's referrals -----------------------------------------------------------------------

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
    const referrals = [];
    for (const row of rows) referrals.push({ ...present(row), decision: await loadDecision(tx, row.id) });
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'referrals',
    });
    return referrals;
  });
}

// --- Drafting -------------------------------------------------------------------------------------

/** Starts a referral: a draft, pre-filled from the record (read live until it is submitted). */
export async function startReferral(database: Database, ctx: UseCaseContext, nominalId: string) {
  authorize(ctx.actor, 'referral.create');
  return database.transaction(async (tx) => {
    const { nominal } = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const row = await tx
      .insertInto('referrals')
      .values({
        nominal_id: nominalId,
        area_code: nominal.area_code,
        created_by: ctx.actor.userId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'referral',
      recordIds: [row.id, nominalId],
      section: 'referral draft started',
    });
    return { id: row.id, version: row.version, status: 'draft' as const };
  });
}

const yesNo = (v: unknown): boolean | undefined =>
  v === true || v === 'yes' || v === 'true'
    ? true
    : v === false || v === 'no' || v === 'false'
      ? false
      : undefined;

/** The version the editor started from: required, so a save never silently overwrites another. */
function parseVersion(version: unknown): number {
  const n = typeof version === 'string' && /^\d+$/.test(version) ? Number(version) : version;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 2_147_483_647)
    throw new ValidationError({ version: 'Send the version you read, as a whole number' });
  return n;
}

/**
 * The referrer's fields present in `input`, checked for form only (a draft may be incomplete).
 * Only keys present are returned: a partial save changes only what it names.
 */
function draftFields(input: Input, errors: FieldErrors) {
  const set: {
    requested_level?: number | null;
    emergency?: boolean;
    category3?: boolean;
    reason?: string | null;
    value_added?: string | null;
    proposed_release_address?: string | null;
    invited_agency_ids?: string[];
  } = {};
  if ('requestedLevel' in input) {
    const v = input.requestedLevel;
    if (v === null || v === undefined || v === '') set.requested_level = null;
    else if ([2, 3, '2', '3'].includes(v as never)) set.requested_level = Number(v);
    else errors.requestedLevel = 'Select Level 2 or Level 3';
  }
  for (const [key, column] of [
    ['emergency', 'emergency'],
    ['category3', 'category3'],
  ] as const) {
    if (!(key in input) || input[key] === '' || input[key] === undefined) continue;
    const value = yesNo(input[key]);
    if (value === undefined)
      errors[key] =
        key === 'emergency'
          ? 'Select whether this is an emergency referral'
          : 'Select whether this is a Category 3 referral';
    else set[column] = value;
  }
  for (const [key, column, label] of [
    ['reason', 'reason', 'Reason for referral'],
    ['valueAdded', 'value_added', 'What multi-agency management would add'],
    ['proposedReleaseAddress', 'proposed_release_address', 'Proposed release address'],
  ] as const) {
    if (!(key in input)) continue;
    const v = input[key];
    if (v === null || v === undefined) set[column] = null;
    else if (typeof v !== 'string') errors[key] = `${label} must be text`;
    else if (v.length > REFERRAL_TEXT_MAX)
      errors[key] = `${label} must be ${REFERRAL_TEXT_MAX} characters or fewer`;
    else set[column] = v.trim() ? v : null;
  }
  if ('invitedAgencyIds' in input) {
    const v = input.invitedAgencyIds;
    const list = Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : v === null || v === '' ? [] : null;
    if (list === null || list.some((id) => typeof id !== 'string' || !isUuid(id)) || list.length > 100)
      errors.invitedAgencyIds = 'Select agencies from the list';
    else set.invited_agency_ids = [...new Set(list as string[])];
  }
  return set;
}

/** The draft row for its referrer, locked for the change; refuses anything that is not a draft. */
async function loadOwnDraft(tx: Tx, ctx: UseCaseContext, referralId: string) {
  authorize(ctx.actor, 'referral.create');
  const loaded = await loadReferral(tx, ctx, referralId);
  if (loaded.row.createdById !== ctx.actor.userId) throw new NotFoundError();
  if (loaded.row.status !== 'draft')
    throw new ValidationError({
      referral: `This referral is ${labelOf(REFERRAL_STATUS_LABELS, loaded.row.status).toLowerCase()}: it can no longer be changed`,
    });
  return loaded;
}

const REFERRAL_STATUS_LABELS = [
  { code: 'draft', label: 'A draft' },
  { code: 'submitted', label: 'Submitted' },
  { code: 'accepted', label: 'Accepted' },
  { code: 'rejected', label: 'Rejected' },
  { code: 'withdrawn', label: 'Withdrawn' },
] as const;

function staleDraft(row: { updatedAt: Date | string; createdBy: string }) {
  const at = new Date(row.updatedAt).toISOString();
  const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' }).format(
    new Date(at),
  );
  return new ConflictError(
    `This draft was saved at ${time} by ${row.createdBy} after you opened it, perhaps in another tab or window. Your changes have not been saved. Reload the draft, check it, then make your changes again.`,
    [{ at, by: row.createdBy, summary: 'Referral draft saved', fields: [] }],
  );
}

/** Saves what the referrer has typed so far (autosave, "Save draft", or PATCH). */
export async function saveReferralDraft(
  database: Database,
  ctx: UseCaseContext,
  referralId: string,
  input: Input,
) {
  return database.transaction(async (tx) => {
    const { row } = await loadOwnDraft(tx, ctx, referralId);
    const errors: FieldErrors = {};
    const set = draftFields(input, errors);
    const version = parseVersion(input.version);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    if (set.invited_agency_ids?.length) {
      const known = await tx
        .selectFrom('agencies')
        .select('id')
        .where('id', 'in', set.invited_agency_ids)
        .where('area_code', '=', row.areaCode)
        .execute();
      if (known.length !== set.invited_agency_ids.length)
        throw new ValidationError({ invitedAgencyIds: 'Select agencies from the list' });
    }
    if (row.version !== version) throw staleDraft(row);
    const updated = await tx
      .updateTable('referrals')
      .set({ ...set, updated_at: ctx.now, version: version + 1 })
      .where('id', '=', referralId)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .returning(['version', 'updated_at'])
      .executeTakeFirst();
    if (!updated) throw staleDraft(row);
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'referral',
      recordIds: [referralId, row.nominalId],
      section: 'referral draft',
    });
    return { id: referralId, version: updated.version, updatedAt: iso(updated.updated_at)! };
  });
}

/** A draft the referrer no longer needs: kept, marked withdrawn. */
export async function withdrawReferral(
  database: Database,
  ctx: UseCaseContext,
  referralId: string,
  input: Input,
) {
  return database.transaction(async (tx) => {
    const { row } = await loadOwnDraft(tx, ctx, referralId);
    const version = parseVersion(input.version);
    const updated = await tx
      .updateTable('referrals')
      .set({ status: 'withdrawn', updated_at: ctx.now, version: version + 1 })
      .where('id', '=', referralId)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw staleDraft(row);
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'referral',
      recordIds: [referralId, row.nominalId],
      section: 'referral withdrawn',
    });
    return {
      id: referralId,
      nominalId: row.nominalId,
      version: updated.version,
      status: 'withdrawn' as const,
    };
  });
}

// --- Submitting -----------------------------------------------------------------------------------

/**
 * Sends the referral for screening: checks it is complete, stores the record as it stands (what
 * the screeners will see), and tells the area's MAPPA coordinators.
 */
export async function submitReferral(
  database: Database,
  ctx: UseCaseContext,
  referralId: string,
  input: Input,
) {
  authorize(ctx.actor, 'referral.create');
  const version = parseVersion(input.version);
  return database.transaction(async (tx) => {
    const { row } = await loadOwnDraft(tx, ctx, referralId);
    if (row.version !== version) throw staleDraft(row);
    const nominalId = row.nominalId;
    // The record as the referrer sees it, read in this same transaction (its reading is logged too).
    const record = await liveRecord(tx, ctx, nominalId);
    const obligations = await currentObligations(tx, nominalId, ctx.today);
    const errors = validateSubmission({
      requestedLevel: row.requestedLevel,
      category3: row.category3,
      reason: row.reason,
      valueAdded: row.valueAdded,
      currentCategory: (obligations.category as MappaCategory | null) ?? null,
    });
    if (Object.keys(errors).length) throw new ValidationError(errors);
    if (!record.addresses.proposedRelease && row.proposedReleaseAddress)
      record.addresses.proposedRelease = `${row.proposedReleaseAddress} (given by the referrer)`;
    const updated = await tx
      .updateTable('referrals')
      .set({
        status: 'submitted',
        submitted_at: ctx.now,
        updated_at: ctx.now,
        record_snapshot: JSON.stringify(record),
        version: version + 1,
      })
      .where('id', '=', referralId)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .returning(['version', 'submitted_at'])
      .executeTakeFirst();
    if (!updated) throw staleDraft(row);
    const coordinators = await activeUsersWithRole(tx, 'mappa_coordinator', { areaCode: row.areaCode });
    const notified = await notify(tx, ctx, {
      userIds: coordinators.map((c) => c.id).filter((id) => id !== ctx.actor.userId),
      nominalId,
      subject: `${row.emergency ? 'Emergency referral' : 'Referral'} to Level ${row.requestedLevel} for ${row.vigilRef} awaits screening`,
      body: `${ctx.actor.displayName} (${ctx.actor.agencyName}) referred ${row.forename} ${row.surname} for Level ${row.requestedLevel} management${row.category3 ? ' as a Category 3 case' : ''}.${row.emergency ? ' This is an emergency referral: the coordinator decides it at once.' : ''}`,
      link: `/referrals/${referralId}`,
    });
    await recordChange(tx, ctx, {
      nominalId,
      section: 'referrals',
      entityId: referralId,
      entityVersion: updated.version,
      action: 'created',
      summary: `Referred to Level ${row.requestedLevel}${row.emergency ? ' (emergency)' : ''}${row.category3 ? ' as a Category 3 case' : ''}`,
      before: null,
      after: { requestedLevel: row.requestedLevel, emergency: row.emergency, category3: row.category3 },
    });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'referral',
      recordIds: [referralId, nominalId],
      section: 'referral submitted',
    });
    return {
      id: referralId,
      version: updated.version,
      status: 'submitted' as const,
      submittedAt: iso(updated.submitted_at)!,
      notified: notified.length,
    };
  });
}

// --- Reading --------------------------------------------------------------------------------------

/**
 * One referral with its decision and the record it carries: the stored snapshot once submitted,
 * the live record while a draft; either as this viewer may see it.
 */
export async function getReferral(database: Database, ctx: UseCaseContext, referralId: string) {
  const loaded = await database.transaction(async (tx) => {
    const { row, referral, scope } = await loadReferral(tx, ctx, referralId);
    const decision = await loadDecision(tx, referralId);
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

/** Screeners decide their own area's submitted referrals. */
function canScreenReferral(ctx: UseCaseContext, referral: ReferralView) {
  return (
    can(ctx.actor, 'referral.screen') &&
    referral.status === 'submitted' &&
    referral.areaCode === ctx.actor.areaCode
  );
}

/**
 * The referrals page: for screeners, their area's referrals awaiting screening (emergencies first,
 * then the longest waiting) and recent decisions; for everyone, their own referrals.
 */
export async function listReferrals(database: Database, ctx: UseCaseContext) {
  authorize(ctx.actor, 'referral.view');
  const screener = can(ctx.actor, 'referral.screen');
  return database.transaction(async (tx) => {
    const withDecision = async (rows: Awaited<ReturnType<ReturnType<typeof referralQuery>['execute']>>) => {
      const out = [];
      for (const row of rows) out.push({ ...present(row), decision: await loadDecision(tx, row.id) });
      return out;
    };
    const awaiting = screener
      ? (
          await withDecision(
            await referralQuery(tx)
              .where('r.area_code', '=', ctx.actor.areaCode)
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
    const mine = await withDecision(
      await referralQuery(tx)
        .where('r.created_by', '=', ctx.actor.userId)
        .where('r.status', '!=', 'withdrawn')
        .orderBy('r.updated_at', 'desc')
        .limit(200)
        .execute(),
    );
    const recentDecisions = screener
      ? await withDecision(
          await referralQuery(tx)
            .innerJoin('referral_decisions as d', 'd.referral_id', 'r.id')
            .where('r.area_code', '=', ctx.actor.areaCode)
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

// --- Screening ------------------------------------------------------------------------------------

const SCREENING_ROLES = Object.keys(POLICY['referral.screen']) as Role[];

/** Police officers who screen in the area: who may agree a joint decision. */
async function policeScreeners(tx: Tx, areaCode: string) {
  return tx
    .selectFrom('users as u')
    .innerJoin('agencies as g', 'g.id', 'u.agency_id')
    .select(['u.id', 'u.display_name as name', 'g.name as agency'])
    .where('u.area_code', '=', areaCode)
    .where('g.type', '=', 'police')
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as ur')
          .select('ur.user_id')
          .whereRef('ur.user_id', '=', 'u.id')
          .where('ur.role', 'in', SCREENING_ROLES),
      ),
    )
    .orderBy('u.display_name')
    .execute();
}

/** A submitted referral in the screener's own area, with what the screening form needs. */
export async function getScreening(database: Database, ctx: UseCaseContext, referralId: string) {
  authorize(ctx.actor, 'referral.screen');
  const referral = await getReferral(database, ctx, referralId);
  if (referral.areaCode !== ctx.actor.areaCode) throw new NotFoundError();
  const officers = await database.transaction((tx) => policeScreeners(tx, referral.areaCode));
  return { referral, officers: officers.filter((o) => o.id !== ctx.actor.userId), criteria: LEVEL_CRITERION };
}

export interface DecisionInput {
  outcome?: unknown;
  level?: unknown;
  criteria?: unknown;
  rationale?: unknown;
  panelMembers?: unknown;
  agreedBy?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

/**
 * Accepts (at Level 2 or 3, with the level decision it makes) or rejects a referral, with a
 * rationale, by the area's screening route; the referrer is told at once. One transaction: a
 * refusal anywhere leaves nothing written.
 */
export async function decideReferral(
  database: Database,
  ctx: UseCaseContext,
  referralId: string,
  input: DecisionInput,
) {
  authorize(ctx.actor, 'referral.screen');
  return database.transaction(async (tx) => {
    const { row } = await loadReferral(tx, ctx, referralId);
    if (row.areaCode !== ctx.actor.areaCode) throw new NotFoundError();
    if (row.status !== 'submitted')
      throw new ValidationError({
        outcome:
          row.status === 'accepted' || row.status === 'rejected'
            ? 'This referral has already been decided'
            : 'Only a submitted referral can be screened',
      });
    const outcome = text(input.outcome);
    const level = [2, 3, '2', '3'].includes(input.level as never) ? Number(input.level) : null;
    const rationale = text(input.rationale);
    const criteria = list(input.criteria);
    const route = decisionRoute(await screeningRoute(tx, row.areaCode), row.emergency);
    const agreedById = route === 'joint' ? text(input.agreedBy) : null;
    const officer =
      agreedById && isUuid(agreedById)
        ? await tx
            .selectFrom('users as u')
            .innerJoin('agencies as g', 'g.id', 'u.agency_id')
            .select(['u.id', 'u.area_code', 'u.disabled_at', 'g.type'])
            .select((eb) =>
              eb
                .exists(
                  eb
                    .selectFrom('user_roles as ur')
                    .select('ur.user_id')
                    .whereRef('ur.user_id', '=', 'u.id')
                    .where('ur.role', 'in', SCREENING_ROLES),
                )
                .as('screens'),
            )
            .where('u.id', '=', agreedById)
            .executeTakeFirst()
        : undefined;
    const panelMembers = route === 'panel' ? text(input.panelMembers) : null;
    const errors: FieldErrors = {
      ...validateDecision({ outcome, level: outcome === 'accepted' ? level : null, rationale }),
      ...whoMayDecide({
        route,
        decider: { userId: ctx.actor.userId, roles: ctx.actor.roles },
        panelMembers,
        agreedBy: officer
          ? {
              userId: officer.id,
              agencyType: officer.type,
              screensInArea:
                Boolean(officer.screens) && officer.area_code === row.areaCode && !officer.disabled_at,
            }
          : null,
      }),
    };
    if (panelMembers && panelMembers.length > REFERRAL_TEXT_MAX)
      errors.panelMembers = `Panel members must be ${REFERRAL_TEXT_MAX} characters or fewer`;
    const obligations = await currentObligations(tx, row.nominalId, ctx.today);
    if (outcome === 'accepted' && level) {
      // The level decision's own rules, checked now so every problem is shown together.
      const levelErrors = validateLevelDecision({
        category: row.category3 ? 3 : ((obligations.category as MappaCategory | null) ?? null),
        level: level as MappaLevel,
        criteria,
        rationale: rationale ?? '',
      });
      if (levelErrors.level) errors.outcome ??= levelErrors.level;
      if (levelErrors.criteria) errors.criteria = levelErrors.criteria;
    } else if (outcome === 'rejected' && criteria.length) {
      errors.criteria = 'A rejection has no level criteria: remove them, or accept the referral';
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const levelDecision =
      outcome === 'accepted'
        ? await recordLevelDecision(tx, ctx, row.nominalId, {
            level,
            criteria,
            rationale,
            ...(row.category3 ? { category3AcceptedOn: ctx.today } : {}),
          })
        : null;
    const decision = await tx
      .insertInto('referral_decisions')
      .values({
        decided_at: ctx.now,
        referral_id: referralId,
        outcome: outcome as 'accepted' | 'rejected',
        level: outcome === 'accepted' ? level : null,
        rationale: rationale!,
        route,
        panel_members: panelMembers?.trim() || null,
        decided_by: ctx.actor.userId,
        agreed_by: officer?.id ?? null,
        level_decision_id: levelDecision?.id ?? null,
      })
      .returning(['id', 'decided_at'])
      .executeTakeFirstOrThrow();
    const updated = await tx
      .updateTable('referrals')
      .set({ status: outcome as 'accepted' | 'rejected', updated_at: ctx.now, version: row.version + 1 })
      .where('id', '=', referralId)
      .where('status', '=', 'submitted')
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw new ValidationError({ outcome: 'This referral has already been decided' });
    const summary = outcome === 'accepted' ? `Referral accepted at Level ${level}` : 'Referral rejected';
    await recordChange(tx, ctx, {
      nominalId: row.nominalId,
      section: 'referrals',
      entityId: referralId,
      entityVersion: updated.version,
      action: 'updated',
      summary: `${summary}${row.category3 && outcome === 'accepted' ? ' (Category 3)' : ''}`,
      before: { status: 'submitted' },
      after: { status: outcome, level: outcome === 'accepted' ? level : null },
    });
    const who = `${ctx.actor.displayName} (${ctx.actor.agencyName})`;
    await notify(tx, ctx, {
      userIds: [row.createdById].filter((id) => id !== ctx.actor.userId),
      nominalId: row.nominalId,
      subject: `Your referral for ${row.vigilRef} was ${outcome === 'accepted' ? `accepted at Level ${level}` : 'rejected'}`,
      body: `${who} ${outcome === 'accepted' ? `accepted your referral of ${row.forename} ${row.surname} at Level ${level}` : `rejected your referral of ${row.forename} ${row.surname}`}. Rationale: ${rationale}`,
      link: `/referrals/${referralId}`,
    });
    if (officer)
      await notify(tx, ctx, {
        userIds: [officer.id],
        nominalId: row.nominalId,
        subject: `Joint screening decision recorded for ${row.vigilRef}`,
        body: `${who} recorded that you agreed: ${summary.toLowerCase()}. Rationale: ${rationale}`,
        link: `/referrals/${referralId}`,
      });
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'referral',
      recordIds: [referralId, row.nominalId],
      section: `referral ${outcome}`,
    });
    return {
      id: decision.id,
      referralId,
      outcome: outcome as 'accepted' | 'rejected',
      level: outcome === 'accepted' ? level : null,
      route,
      levelDecisionId: levelDecision?.id ?? null,
      decidedAt: iso(decision.decided_at)!,
    };
  });
}

// --- The document ---------------------------------------------------------------------------------

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
