import { sql, type Expression, type SqlBool } from 'kysely';
import type { Role } from '../domain/codes.ts';
import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import type { Actor } from './actor.ts';

/**
 * Who may do what: one policy, deny by default. docs/security.md shows the same table.
 * Record scope (which nominals) is applied on top of the role check by `canSeeNominal` and
 * `nominalScope`.
 */
export type Action =
  'nominal.search' | 'nominal.view' | 'nominal.create' | 'nominal.edit' | 'reference.view' | 'user.manage';

/** Roles that work on individual cases in their area (Responsible Authority staff and the MAPPA unit). */
const CASE_ROLES: readonly Role[] = [
  'probation_practitioner',
  'senior_probation_officer',
  'police_offender_manager',
  'prison_offender_manager',
  'mappa_coordinator',
  'mappa_administrator',
  'meeting_chair',
];

export const POLICY: Readonly<Record<Action, readonly Role[]>> = {
  'nominal.search': CASE_ROLES,
  'nominal.view': CASE_ROLES,
  'nominal.create': CASE_ROLES,
  'nominal.edit': CASE_ROLES,
  'reference.view': [...CASE_ROLES, 'admin', 'data_protection_officer'],
  'user.manage': ['admin'],
};

export function can(actor: Actor, action: Action): boolean {
  return actor.roles.some((role) => POLICY[action].includes(role));
}

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw new ForbiddenError();
}

export interface NominalScopeFacts {
  areaCode: string;
  /** Users named as a current manager of the nominal in any agency. */
  managerUserIds: readonly string[];
}

/** A nominal is in scope if it is managed in the actor's area, or the actor is one of its named managers. */
export function canSeeNominal(
  actor: Actor,
  action: 'nominal.view' | 'nominal.edit',
  nominal: NominalScopeFacts,
): boolean {
  if (!can(actor, action)) return false;
  return nominal.areaCode === actor.areaCode || nominal.managerUserIds.includes(actor.userId);
}

/** Out-of-scope records are reported as not found, so an identifier in a URL reveals nothing. */
export function authorizeNominal(
  actor: Actor,
  action: 'nominal.view' | 'nominal.edit',
  nominal: NominalScopeFacts,
): void {
  if (!canSeeNominal(actor, action, nominal)) throw new NotFoundError();
}

/** The same scope as `canSeeNominal`, as SQL over a `nominals` row aliased `n`, for searches and lists. */
export function nominalScope(actor: Actor): Expression<SqlBool> {
  return sql<SqlBool>`(n.area_code = ${actor.areaCode} OR EXISTS (
    SELECT 1 FROM nominal_managers m
    WHERE m.nominal_id = n.id AND m.user_id = ${actor.userId} AND m.to_date IS NULL))`;
}
