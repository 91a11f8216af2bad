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
  return { nominal, access, visible: sensitiveVisibility(ctx.actor, access) };
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

/** The kind of sensitive information a row holds, if any: victims and health are need-to-know. */
export function sensitivityOf(sectionName: string, values: Row): 'victims' | 'health' | null {
  if (sectionName === 'relationships' && values.type === 'victim') return 'victims';
  if (sectionName === 'markers' && values.type === 'mental_health') return 'health';
  return null;
}

/** Whether the viewer may see this row, given the section is shared with them at all. */
export function rowVisible(scope: InScope, sectionName: string, row: Row): boolean {
  if (!scope.visible.section(sectionName)) return false;
  const sensitivity = sensitivityOf(sectionName, row);
  return sensitivity === null || scope.visible[sensitivity];
}
