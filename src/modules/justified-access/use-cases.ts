import type { UseCaseContext } from '../../access/actor.ts';
import { JUSTIFIED_ACCESS_HOURS, authorize } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database } from '../../db/database.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { isUuid } from '../../validation/fields.ts';

/**
 * Looking outside one's scope (a new arrival from another area, an emergency) is allowed for some
 * roles, but only with a reason given first. The access lasts a day, is shown to the area that
 * owns the record and waits for a data protection officer's review.
 */
export async function grantJustifiedAccess(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  rawReason: unknown,
) {
  authorize(ctx.actor, 'nominal.justified-access');
  const reason = typeof rawReason === 'string' ? rawReason.trim() : '';
  if (reason.length < 10)
    throw new ValidationError({
      reason: 'Give your reason for viewing this record (at least 10 characters)',
    });
  if (reason.length > 500) throw new ValidationError({ reason: 'Reason must be 500 characters or fewer' });
  if (!isUuid(nominalId)) throw new NotFoundError();
  return database.transaction(async (tx) => {
    const nominal = await tx
      .selectFrom('nominals')
      .select(['id', 'area_code'])
      .where('id', '=', nominalId)
      .executeTakeFirst();
    if (!nominal) throw new NotFoundError();
    const expiresAt = new Date(ctx.now.getTime() + JUSTIFIED_ACCESS_HOURS * 3600_000);
    const grant = await tx
      .insertInto('justified_accesses')
      .values({
        granted_at: ctx.now,
        user_id: ctx.actor.userId,
        nominal_id: nominal.id,
        owning_area_code: nominal.area_code,
        reason,
        expires_at: expiresAt,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominal.id],
      section: 'justified access granted',
      purpose: reason,
    });
    return { id: grant.id, nominalId: nominal.id, expiresAt: expiresAt.toISOString() };
  });
}

/** Justified accesses to the records an area owns, newest first: the owning area sees who looked and why. */
export async function listJustifiedAccessesToArea(database: Database, ctx: UseCaseContext, limit = 200) {
  authorize(ctx.actor, 'justified-access.view-area');
  return database.transaction(async (tx) => {
    const rows = await tx
      .selectFrom('justified_accesses as j')
      .innerJoin('users as u', 'u.id', 'j.user_id')
      .innerJoin('agencies as g', 'g.id', 'u.agency_id')
      .innerJoin('nominals as n', 'n.id', 'j.nominal_id')
      .select([
        'j.id',
        'j.granted_at as grantedAt',
        'j.expires_at as expiresAt',
        'j.reason',
        'j.reviewed_at as reviewedAt',
        'j.review_outcome as reviewOutcome',
        'u.display_name as userName',
        'g.name as agencyName',
        'n.vigil_ref as vigilRef',
        'n.id as nominalId',
      ])
      .where('j.owning_area_code', '=', ctx.actor.areaCode)
      .orderBy('j.granted_at', 'desc')
      .limit(limit)
      .execute();
    if (rows.length) {
      await logAccess(tx, ctx, {
        operation: 'consultation',
        recordType: 'justified_access',
        recordIds: rows.map((r) => r.nominalId),
        section: 'justified accesses to area',
      });
    }
    return rows;
  });
}
