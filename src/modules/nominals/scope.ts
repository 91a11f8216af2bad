import { isUuid } from '../../validation/fields.ts';
import type { UseCaseContext } from '../../access/actor.ts';
import {
  accessToNominal,
  authorize,
  POLICY,
  sensitiveVisibility,
  type RecordAccess,
} from '../../access/policy.ts';
import { noteBasis } from '../../audit/access-log.ts';
import type { Tx } from '../../db/database.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { recordExtensions } from './extensions.ts';
import type { TimelineLeaveOut } from './queries.ts';
import { SECTIONS } from './sections.ts';
import { isVictimRelationship, victimKeysOf, type VictimKeys } from '../../access/projections.ts';

export interface InScope {
  nominal: { id: string; area_code: string; version: number };
  access: RecordAccess;
  visible: ReturnType<typeof sensitiveVisibility>;
}

/**
 * Loads what the access policy needs to decide about one record and asks it. Anything out of scope
 * is "not found", so an identifier in a URL reveals nothing.
 */
export async function loadInScope(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
  action: 'nominal.view' | 'nominal.edit',
): Promise<InScope> {
  authorize(ctx.actor, action);
  if (!isUuid(nominalId)) throw new NotFoundError();
  const nominal = await tx
    .selectFrom('nominals')
    .select(['id', 'area_code', 'version'])
    .where('id', '=', nominalId)
    .executeTakeFirst();
  if (!nominal)
    throw new NotFoundError(undefined, {
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'refused: no such record',
    });
  const current = <T extends { from_date: string; to_date: string | null }>(rows: T[]) =>
    rows.filter((r) => r.from_date <= ctx.today && (r.to_date === null || r.to_date >= ctx.today));
  const [managers, involvements, justified] = await Promise.all([
    tx
      .selectFrom('nominal_managers')
      .select(['user_id', 'role', 'agency_id', 'from_date', 'to_date'])
      .where('nominal_id', '=', nominalId)
      .execute(),
    tx
      .selectFrom('agency_involvements')
      .select(['agency_id', 'sections', 'from_date', 'to_date'])
      .where('nominal_id', '=', nominalId)
      .where('agency_id', '=', ctx.actor.agencyId)
      .execute(),
    // Justified access is a capability above the record: it answers through the wiring.
    recordExtensions().justifiedAccess(tx, ctx, nominalId),
  ]);
  const access = accessToNominal(ctx.actor, action, {
    areaCode: nominal.area_code,
    managers: current(managers).map((m) => ({ userId: m.user_id, role: m.role, agencyId: m.agency_id })),
    involvements: current(involvements).map((i) => ({ agencyId: i.agency_id, sections: i.sections })),
    justified: justified !== null,
  });
  if (!access)
    throw new NotFoundError(undefined, {
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `refused: ${action} out of scope`,
    });
  // DPA 2018 s.62: each look at the record carries the basis on which it was allowed.
  noteBasis(tx, nominalId, basisOf(ctx, action, access, nominal.area_code, justified));
  return { nominal, access, visible: visibilityOf(ctx.actor, access) };
}

/**
 * What the viewer may see. Civil orders (SHPOs, notification orders) are court disposals like
 * convictions, so they are shared with an involved agency exactly when the convictions are.
 */
function visibilityOf(actor: UseCaseContext['actor'], access: RecordAccess) {
  const visible = sensitiveVisibility(actor, access);
  return { ...visible, section: (name: string) => visible.section(name === 'orders' ? 'convictions' : name) };
}

/** The basis of access in words: named manager, invited agency, justified access, oversight, area role. */
function basisOf(
  ctx: UseCaseContext,
  action: 'nominal.view' | 'nominal.edit',
  access: RecordAccess,
  areaCode: string,
  justifiedReason: string | null,
): string {
  switch (access.via) {
    case 'manager':
      return 'named manager';
    case 'establishment':
      return 'prison offender manager’s establishment';
    case 'justified':
      return `justified access: ${justifiedReason ?? ''}`;
    case 'involvement':
      return `invited agency (sections shared: ${access.sections.join(', ') || 'none'})`;
    case 'area': {
      const reaching = ctx.actor.roles.filter(
        (r) => POLICY[action][r] === 'area' || POLICY[action][r] === 'yes',
      );
      const oversight = reaching.filter((r) => POLICY[action][r] === 'yes');
      return oversight.length
        ? `oversight (${oversight.join(', ')})`
        : `area role (${reaching.join(', ')}) in ${areaCode}`;
    }
  }
}

type Row = Record<string, unknown>;

/** The kind of sensitive information a row holds by its own values, if any (for its timeline entry). */
export function sensitivityOf(sectionName: string, values: Row): 'victims' | 'health' | null {
  if (sectionName === 'relationships' && values.type === 'victim') return 'victims';
  if (sectionName === 'markers' && values.type === 'mental_health') return 'health';
  return null;
}

/** The people recorded as victims on this record, for `isVictimRelationship`. */
async function victimsOf(tx: Tx, nominalId: string): Promise<VictimKeys> {
  const rows = await tx
    .selectFrom('relationships')
    .select(['type', 'person_name', 'related_nominal_id'])
    .where('nominal_id', '=', nominalId)
    .where('type', '=', 'victim')
    .execute();
  return victimKeysOf(rows);
}

/**
 * Which rows of a section the viewer may see, given the section is shared with them at all: the
 * one projection of record rows, for the overview, the section pages, one row and the API alike.
 * A relationship about a victim (recorded as one, or the same person under another heading) is
 * withheld from those who may not see victims; a mental health marker from those who may not see
 * health.
 */
export async function rowFilter(tx: Tx, scope: InScope, sectionName: string): Promise<(row: Row) => boolean> {
  if (!scope.visible.section(sectionName)) return () => false;
  if (sectionName === 'relationships' && !scope.visible.victims) {
    const victims = await victimsOf(tx, scope.nominal.id);
    return (row) => !isVictimRelationship(row, victims);
  }
  return (row) => {
    const sensitivity = sensitivityOf(sectionName, row);
    return sensitivity === null || scope.visible[sensitivity];
  };
}

/** The relationship rows about victims on this record, when the viewer may not see victims. */
export async function withheldRelationshipIds(tx: Tx, scope: InScope): Promise<string[]> {
  if (scope.visible.victims) return [];
  const rows = await tx
    .selectFrom('relationships')
    .select(['id', 'type', 'person_name', 'related_nominal_id'])
    .where('nominal_id', '=', scope.nominal.id)
    .execute();
  const victims = victimKeysOf(rows);
  return rows.filter((r) => isVictimRelationship(r, victims)).map((r) => r.id);
}

/**
 * What of the record's timeline this viewer may not see: the one projection of timeline entries,
 * for the timeline page and API and the agenda's new information. Entries of sensitivities they
 * may not see, sections not shared with them, the entries about a victim's relationship rows, and
 * the entries about other capabilities' entities withheld from them (another agency's action).
 */
export async function timelineLeaveOut(
  tx: Tx,
  ctx: UseCaseContext,
  scope: InScope,
): Promise<TimelineLeaveOut> {
  const viewer = { actor: ctx.actor, access: scope.access };
  const [relationships, others] = await Promise.all([
    withheldRelationshipIds(tx, scope),
    recordExtensions().withheldEntities(tx, viewer, scope.nominal.id),
  ]);
  return {
    sensitivities: (['victims', 'health', 'intelligence'] as const).filter((kind) => !scope.visible[kind]),
    sections: SECTIONS.filter((section) => !scope.visible.section(section.name)).map((s) => s.name),
    entities: [{ section: 'relationships', entityIds: relationships }, ...others],
  };
}
