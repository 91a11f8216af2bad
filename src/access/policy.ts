import { sql, type Expression, type SqlBool } from 'kysely';
import type { Moment } from '../clock.ts';
import { ROLE, type Role } from '../domain/codes.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { Actor } from './actor.ts';

/**
 * Who may do what to which record: one policy, deny by default, called by every use case (pages,
 * API and CLI alike). `docs/security.md` shows this same table; tests/integration/access-matrix
 * checks every route against it.
 *
 * A cell says how far a role's permission reaches:
 * - `yes`: the action is not about one person's record (or reaches any record it names);
 * - `area`: records managed in the user's area, records they are a named manager of, prisoners in
 *   their establishment, and records they have opened with a justified reason;
 * - `involved`: only records on which the user's agency is involved (invited to a meeting or given
 *   an action), and only the sections shared with it.
 */
export type Reach = 'yes' | 'area' | 'involved';

export type Action =
  | 'nominal.search'
  | 'nominal.view'
  | 'nominal.create'
  | 'nominal.edit'
  | 'nominal.justified-access'
  | 'section.victims'
  | 'section.health'
  | 'section.intelligence'
  | 'aggregates.view'
  | 'accesslog.view'
  | 'accesslog.export'
  | 'justified-access.review'
  | 'justified-access.view-area'
  | 'retention.review'
  | 'retention.erase'
  | 'reference.view'
  | 'user.manage'
  | 'level.decide'
  | 'worklist.area'
  | 'category3.view'
  | 'category3.consider'
  | 'notification.record'
  | 'area.settings'
  | 'level.countersign'
  | 'level.override'
  | 'referral.create'
  | 'referral.view'
  | 'referral.screen'
  | 'meeting.view'
  | 'meeting.manage'
  | 'minutes.approve'
  | 'action.update'
  | 'rmp.view'
  | 'rmp.edit'
  | 'prison-report.write'
  | 'prison-report.approve'
  | 'custody.view'
  | 'custody.edit'
  | 'monitoring.view'
  | 'monitoring.manage'
  | 'monitoring.release'
  | 'monitoring.released'
  | 'inbox.mark-read';

const RA_CASE_ROLES = [
  'probation_practitioner',
  'senior_probation_officer',
  'police_offender_manager',
  'prison_offender_manager',
  'head_of_offender_management_unit',
] as const;
const MAPPA_UNIT = ['mappa_coordinator', 'mappa_administrator', 'meeting_chair'] as const;
/** Prison staff of the security compartment: they reach prisoners' records, not the MAPPA process. */
const PRISON_COMPARTMENT = ['prison_security', 'prison_public_protection_lead'] as const;

const each = <R extends Role>(roles: readonly R[], reach: Reach) =>
  Object.fromEntries(roles.map((r) => [r, reach])) as Record<R, Reach>;

export const POLICY: Readonly<Record<Action, Readonly<Partial<Record<Role, Reach>>>>> = {
  'nominal.search': {
    ...each(RA_CASE_ROLES, 'area'),
    ...each(PRISON_COMPARTMENT, 'area'),
    ...each(MAPPA_UNIT, 'area'),
    victim_liaison_officer: 'area',
    dtc_representative: 'involved',
  },
  'nominal.view': {
    ...each(RA_CASE_ROLES, 'area'),
    ...each(PRISON_COMPARTMENT, 'area'),
    ...each(MAPPA_UNIT, 'area'),
    victim_liaison_officer: 'area',
    dtc_representative: 'involved',
  },
  'nominal.create': {
    ...each(RA_CASE_ROLES, 'area'),
    mappa_coordinator: 'area',
    mappa_administrator: 'area',
  },
  'nominal.edit': {
    ...each(RA_CASE_ROLES, 'area'),
    ...each(PRISON_COMPARTMENT, 'area'),
    ...each(MAPPA_UNIT, 'area'),
  },
  // May look outside their scope after giving a reason (e.g. a new arrival from another area).
  'nominal.justified-access': {
    ...each(RA_CASE_ROLES, 'yes'),
    mappa_coordinator: 'yes',
    meeting_chair: 'yes',
  },
  // Victim details must never reach the offender: only those who plan victim safety see them.
  'section.victims': {
    probation_practitioner: 'yes',
    senior_probation_officer: 'yes',
    police_offender_manager: 'yes',
    victim_liaison_officer: 'yes',
    mappa_coordinator: 'yes',
    meeting_chair: 'yes',
  },
  'section.health': {
    ...each(RA_CASE_ROLES, 'yes'),
    ...each(MAPPA_UNIT, 'yes'),
    dtc_representative: 'involved',
  },
  'section.intelligence': { police_offender_manager: 'yes', mappa_coordinator: 'yes', meeting_chair: 'yes' },
  // Counts only: never a name, a date of birth or an address.
  'aggregates.view': {
    smb_member: 'yes',
    lay_adviser: 'yes',
    national_analyst: 'yes',
    mappa_coordinator: 'yes',
    senior_probation_officer: 'yes',
  },
  'accesslog.view': { data_protection_officer: 'yes' },
  'accesslog.export': { data_protection_officer: 'yes' },
  'justified-access.review': { data_protection_officer: 'yes' },
  'justified-access.view-area': { mappa_coordinator: 'yes', data_protection_officer: 'yes' },
  // Records due for review for deletion, and erasing one: the data protection officer's alone.
  'retention.review': { data_protection_officer: 'yes' },
  'retention.erase': { data_protection_officer: 'yes' },
  'reference.view': Object.fromEntries(ROLE.map((r) => [r.code, 'yes'])) as Record<Role, Reach>,
  'user.manage': { admin: 'yes' },
  // The level is a practitioner's decision: an administrator never sets one (no "default Level 1").
  'level.decide': { ...each(RA_CASE_ROLES, 'area'), mappa_coordinator: 'area', meeting_chair: 'area' },
  'worklist.area': {
    mappa_coordinator: 'yes',
    mappa_administrator: 'yes',
    senior_probation_officer: 'yes',
    meeting_chair: 'yes',
  },
  'category3.view': { ...each(RA_CASE_ROLES, 'area'), mappa_coordinator: 'area' },
  'category3.consider': { ...each(RA_CASE_ROLES, 'area'), mappa_coordinator: 'area' },
  // Registered sex offenders' notifications to the police (SOA 2003 s.83–85).
  'notification.record': {
    police_offender_manager: 'area',
    probation_practitioner: 'area',
    mappa_coordinator: 'area',
    mappa_administrator: 'area',
  },
  // The area's review intervals and whether level decisions need countersigning.
  'area.settings': { mappa_coordinator: 'yes' },
  'level.countersign': { senior_probation_officer: 'area', meeting_chair: 'area', mappa_coordinator: 'area' },
  // Reducing a level or ending MAPPA while actions are open: the chair's call, with a reason.
  'level.override': { meeting_chair: 'area' },
  // Any Responsible Authority or duty-to-co-operate user who can see the record may refer it.
  'referral.create': {
    ...each(RA_CASE_ROLES, 'area'),
    ...each(MAPPA_UNIT, 'area'),
    dtc_representative: 'involved',
  },
  'referral.view': {
    ...each(RA_CASE_ROLES, 'area'),
    ...each(MAPPA_UNIT, 'area'),
    dtc_representative: 'involved',
  },
  // The coordinator screens (alone, on a panel, or jointly with a police detective inspector, who
  // holds the chair role); emergency referrals are the coordinator's alone.
  'referral.screen': { mappa_coordinator: 'area', meeting_chair: 'area' },
  'meeting.view': {
    ...each(RA_CASE_ROLES, 'area'),
    ...each(MAPPA_UNIT, 'area'),
    victim_liaison_officer: 'area',
    dtc_representative: 'involved',
  },
  'meeting.manage': { ...each(MAPPA_UNIT, 'area') },
  'minutes.approve': { meeting_chair: 'area' },
  // Owners update their own actions, whichever agency they are in.
  'action.update': {
    ...each(RA_CASE_ROLES, 'area'),
    ...each(MAPPA_UNIT, 'area'),
    victim_liaison_officer: 'area',
    dtc_representative: 'involved',
  },
  'rmp.view': {
    ...each(RA_CASE_ROLES, 'area'),
    ...each(MAPPA_UNIT, 'area'),
    victim_liaison_officer: 'area',
    dtc_representative: 'involved',
  },
  'rmp.edit': { ...each(RA_CASE_ROLES, 'area'), mappa_coordinator: 'area', meeting_chair: 'area' },
  // MAPPA F: written in the prison, approved before it is shared by the head of the establishment's
  // offender management unit or another of its prison offender managers (not its author).
  'prison-report.write': { prison_offender_manager: 'area', head_of_offender_management_unit: 'area' },
  'prison-report.approve': { prison_offender_manager: 'area', head_of_offender_management_unit: 'area' },
  // Everyone marks their own inbox items read (it changes their inbox, so no read-only token may).
  'inbox.mark-read': Object.fromEntries(ROLE.map((r) => [r.code, 'yes'])) as Record<Role, Reach>,
  // Custody (issue 14): the prison records reception, moves and dates; the prison and community
  // offender managers and the MAPPA unit record allocation, handover and the pre-release checks.
  'custody.view': {
    ...each(RA_CASE_ROLES, 'area'),
    ...each(PRISON_COMPARTMENT, 'area'),
    ...each(MAPPA_UNIT, 'area'),
    victim_liaison_officer: 'area',
  },
  'custody.edit': {
    ...each(RA_CASE_ROLES, 'area'),
    mappa_coordinator: 'area',
    mappa_administrator: 'area',
  },
  // Communications monitoring (issue 14): the security compartment. Prison staff who manage the
  // case see and work it; security alone releases a flag (and a summary) to the community managers,
  // who see only what was released. Duty-to-co-operate agencies never see monitoring.
  'monitoring.view': {
    prison_offender_manager: 'area',
    head_of_offender_management_unit: 'area',
    ...each(PRISON_COMPARTMENT, 'area'),
  },
  'monitoring.manage': {
    prison_offender_manager: 'area',
    head_of_offender_management_unit: 'area',
    ...each(PRISON_COMPARTMENT, 'area'),
  },
  'monitoring.release': { prison_security: 'area', head_of_offender_management_unit: 'area' },
  'monitoring.released': {
    prison_offender_manager: 'area',
    head_of_offender_management_unit: 'area',
    ...each(PRISON_COMPARTMENT, 'area'),
    probation_practitioner: 'area',
    senior_probation_officer: 'area',
    police_offender_manager: 'area',
    ...each(MAPPA_UNIT, 'area'),
  },
};

/**
 * Actions that change something (a record, a review, a setting), or send a copy out of Vigil: a
 * read-only API token never gets them. Routes agree: every API route other than a GET names one of
 * these (tests/integration/access-matrix.test.ts), and a read-only token is refused every such route
 * before its handler runs (src/access/routes.ts).
 */
export const WRITE_ACTIONS: readonly Action[] = [
  'nominal.create',
  'nominal.edit',
  'nominal.justified-access',
  'accesslog.export',
  'justified-access.review',
  'user.manage',
  'level.decide',
  'category3.consider',
  'notification.record',
  'area.settings',
  'level.countersign',
  'level.override',
  'referral.create',
  'referral.screen',
  'meeting.manage',
  'minutes.approve',
  'action.update',
  'rmp.edit',
  'prison-report.write',
  'prison-report.approve',
  'custody.edit',
  'monitoring.manage',
  'monitoring.release',
  'retention.erase',
  'inbox.mark-read',
];

/**
 * A person's decision, never a machine's: no API token gets these, whatever its scope. Looking
 * outside one's scope with a reason is a person's judgement at that moment; a token neither grants
 * a justified access nor reads through one a person was granted.
 */
export const PEOPLE_ONLY: readonly Action[] = ['nominal.justified-access'];

/**
 * What a use of an action is: reading (seeing the worklist of actions one may update, the area's
 * settings) or writing. By default an action in WRITE_ACTIONS is used to write; a GET route, and a
 * use case that only reads, says 'read'.
 */
export type Use = 'read' | 'write';

const useOf = (action: Action): Use => (WRITE_ACTIONS.includes(action) ? 'write' : 'read');

/** The actor acts through an API token (a machine client), not as a person signed in. */
export const viaToken = (actor: Actor): boolean =>
  actor.serviceAccountId !== undefined || actor.tokenScope !== undefined;

/**
 * The widest reach any of the actor's roles gives for the action, or null. The one place a token's
 * own limits on actions are applied: read-only tokens never write, and no token gets an action that
 * is a person's alone. (Its area limit is applied by `withinTokenAreas` and the scopes below.)
 */
export function reachOf(actor: Actor, action: Action, use: Use = useOf(action)): Reach | null {
  if (viaToken(actor) && PEOPLE_ONLY.includes(action)) return null;
  if (use === 'write' && actor.tokenScope?.readOnly) return null;
  const reaches = actor.roles.map((role) => POLICY[action][role]).filter((r): r is Reach => r !== undefined);
  if (reaches.includes('yes')) return 'yes';
  if (reaches.includes('area')) return 'area';
  if (reaches.includes('involved')) return 'involved';
  return null;
}

export function can(actor: Actor, action: Action, use?: Use): boolean {
  return reachOf(actor, action, use) !== null;
}

export function authorize(actor: Actor, action: Action, use?: Use): void {
  if (!can(actor, action, use))
    throw new ForbiddenError(undefined, `policy: none of the roles held (${rolesHeld(actor)}) may ${action}`);
}

/** The actor's roles as a log entry names them. */
export function rolesHeld(actor: Actor): string {
  return actor.roles.join(', ') || 'no role';
}

// --- A token's areas ---------------------------------------------------------------------------
//
// An area-limited token narrows everything its user reaches to those areas: records (by the area
// that manages them), and everything about a record (actions, referrals, meetings, reports, the
// plan, inbox items, access-log entries, justified accesses), however the user reaches it — by
// area, as a named manager, as an action's owner, as a referrer or as a recipient. The helpers
// below are that one rule; every scope and list applies it.

/** The areas the actor's token is limited to; null when there is no limit (a person, or a whole-scope token). */
export function tokenAreas(actor: Actor): readonly string[] | null {
  return actor.tokenScope?.areaCodes ?? null;
}

/** Whether something of this area is within the token's areas (always, without a limit; never, for an unknown area). */
export function withinTokenAreas(actor: Actor, areaCode: string | null | undefined): boolean {
  const areas = tokenAreas(actor);
  return !areas || (typeof areaCode === 'string' && areas.includes(areaCode));
}

/** SQL: the area in `areaColumn` is within the token's areas (true without a limit). */
export function areaWithinTokenAreas(actor: Actor, areaColumn: string): Expression<SqlBool> {
  const areas = tokenAreas(actor);
  return areas ? sql<SqlBool>`${sql.ref(areaColumn)} = ANY(${[...areas]}::text[])` : sql<SqlBool>`true`;
}

/**
 * SQL: the person's record named by `nominalIdColumn` is managed in the token's areas (true without
 * a limit; false for no record, e.g. an inbox item about several people).
 */
export function recordWithinTokenAreas(actor: Actor, nominalIdColumn: string): Expression<SqlBool> {
  const areas = tokenAreas(actor);
  return areas
    ? sql<SqlBool>`${sql.ref(nominalIdColumn)} IN (SELECT n.id FROM nominals n WHERE n.area_code = ANY(${[...areas]}::text[]))`
    : sql<SqlBool>`true`;
}

/**
 * SQL: every record id in the uuid[] `recordIdsColumn` is a person's record managed in the token's
 * areas (true without a limit). Ids of other things (a referral, a meeting) cannot be placed in an
 * area, so an entry naming one is outside any limit.
 */
export function recordsWithinTokenAreas(actor: Actor, recordIdsColumn: string): Expression<SqlBool> {
  const areas = tokenAreas(actor);
  return areas
    ? sql<SqlBool>`NOT EXISTS (SELECT 1 FROM unnest(${sql.ref(recordIdsColumn)}) AS r(id)
        WHERE r.id NOT IN (SELECT n.id FROM nominals n WHERE n.area_code = ANY(${[...areas]}::text[])))`
    : sql<SqlBool>`true`;
}

/**
 * The areas whose area-wide figures and lists the actor sees: their own area, or with `national`
 * every area (null) — narrowed to the token's areas, so possibly none.
 */
export function areasInReach(actor: Actor, national = false): readonly string[] | null {
  const areas = tokenAreas(actor);
  if (national) return areas;
  return withinTokenAreas(actor, actor.areaCode) ? [actor.areaCode] : [];
}

/**
 * The actor's own area, for what is done in or about "my area" (a new record, a meeting, the area's
 * worklists and settings): refused to a token whose areas leave it out.
 */
export function ownArea(actor: Actor): string {
  if (!withinTokenAreas(actor, actor.areaCode))
    throw new ForbiddenError('This API token is limited to other areas than your own');
  return actor.areaCode;
}

/** The sections of a record that can be shared with an involved duty-to-co-operate agency. */
export const SHAREABLE_SECTIONS = [
  'identity',
  'identifiers',
  'aliases',
  'addresses',
  'relationships',
  'convictions',
  'risk-assessments',
  'markers',
  'managers',
  'health',
  'levels',
] as const;

export interface NominalScopeFacts {
  areaCode: string;
  /** Current managers (today within their dates). */
  managers: readonly { userId: string | null; role: string; agencyId: string }[];
  /** Current involvements of agencies, with what is shared with each. */
  involvements: readonly { agencyId: string; sections: readonly string[] }[];
  /** The actor holds an unexpired justified access to this record. */
  justified: boolean;
}

/** How the actor reaches this record, if at all. */
export type RecordAccess =
  | { via: 'area' | 'manager' | 'establishment' | 'justified'; sections: 'all' }
  | { via: 'involvement'; sections: readonly string[] };

export function accessToNominal(
  actor: Actor,
  action: 'nominal.view' | 'nominal.edit',
  nominal: NominalScopeFacts,
): RecordAccess | null {
  const reach = reachOf(actor, action);
  if (!reach) return null;
  if (!withinTokenAreas(actor, nominal.areaCode)) return null;
  if (reach === 'area' || reach === 'yes') {
    if (nominal.areaCode === actor.areaCode) return { via: 'area', sections: 'all' };
    if (nominal.managers.some((m) => m.userId === actor.userId)) return { via: 'manager', sections: 'all' };
    if (
      actor.agencyType === 'prison' &&
      nominal.managers.some((m) => m.role === 'prison_offender_manager' && m.agencyId === actor.agencyId)
    ) {
      return { via: 'establishment', sections: 'all' };
    }
    // A person's justified access is theirs: their tokens do not read through it.
    if (nominal.justified && !viaToken(actor)) return { via: 'justified', sections: 'all' };
  }
  if (reachOf(actor, action) !== null && actor.roles.some((r) => POLICY[action][r] === 'involved')) {
    const shared = nominal.involvements
      .filter((i) => i.agencyId === actor.agencyId)
      .flatMap((i) => i.sections);
    if (shared.length)
      return {
        via: 'involvement',
        sections: [...new Set(shared)].filter((s) => (SHAREABLE_SECTIONS as readonly string[]).includes(s)),
      };
  }
  return null;
}

/** What a user with this access may see of a record's sensitive parts. */
export function sensitiveVisibility(actor: Actor, access: RecordAccess) {
  const shared = (section: string) => access.sections === 'all' || access.sections.includes(section);
  const reach = (action: Action) => {
    const r = reachOf(actor, action);
    return r === 'yes' || r === 'area' || (r === 'involved' && access.via === 'involvement');
  };
  return {
    // Victims and intelligence are never shared with an involved agency.
    victims: access.via !== 'involvement' && reach('section.victims'),
    intelligence: access.via !== 'involvement' && reach('section.intelligence'),
    health: reach('section.health') && shared('health'),
    section: shared,
  };
}

/**
 * The same scope as `accessToNominal`, as SQL over a `nominals` row aliased `n`, for searches and
 * lists. Justified accesses are included, so a record opened with a reason can be found again (by
 * the person who gave it: not through their tokens).
 */
export function nominalScope(actor: Actor, moment: Moment): Expression<SqlBool> {
  const { today, now } = moment;
  const reach = reachOf(actor, 'nominal.view');
  const tokenLimit = sql`AND ${areaWithinTokenAreas(actor, 'n.area_code')}`;
  // Each condition is an uncorrelated IN (…): run once per query (a hashed subplan over the user's
  // own rows), not once per candidate row — searches score thousands of candidates.
  const current = sql`m.from_date <= ${today}::date AND (m.to_date IS NULL OR m.to_date >= ${today}::date)`;
  const byArea = sql`(n.area_code = ${actor.areaCode}
    OR n.id IN (SELECT m.nominal_id FROM nominal_managers m WHERE m.user_id = ${actor.userId} AND ${current})
    OR (${actor.agencyType === 'prison'} AND n.id IN (SELECT m.nominal_id FROM nominal_managers m
        WHERE m.role = 'prison_offender_manager' AND m.agency_id = ${actor.agencyId} AND ${current}))
    OR (${!viaToken(actor)} AND n.id IN (SELECT j.nominal_id FROM justified_accesses j
        WHERE j.user_id = ${actor.userId} AND j.expires_at > ${now})))`;
  const byInvolvement = sql`n.id IN (SELECT i.nominal_id FROM agency_involvements i WHERE i.agency_id = ${actor.agencyId}
    AND i.from_date <= ${today}::date AND (i.to_date IS NULL OR i.to_date >= ${today}::date))`;
  const involved = actor.roles.some((r) => POLICY['nominal.view'][r] === 'involved');
  if (reach === 'area' || reach === 'yes') {
    return sql<SqlBool>`((${byArea}${involved ? sql` OR ${byInvolvement}` : sql``}) ${tokenLimit})`;
  }
  if (reach === 'involved') return sql<SqlBool>`(${byInvolvement} ${tokenLimit})`;
  return sql<SqlBool>`false`;
}

/** How long a justified access lasts before the reason must be given again. */
export const JUSTIFIED_ACCESS_HOURS = 24;
