import type { UseCaseContext } from '../../access/actor.ts';
import { JUSTIFIED_ACCESS_HOURS, authorize, ownArea } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database } from '../../db/database.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { isUuid } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse.ts';
import { labelAccesses } from './labels.ts';
import { recordHeadlines } from './records.ts';
import { JustificationInput } from './schemas.ts';

/**
 * Looking outside one's scope (a new arrival from another area, an emergency) is allowed for some
 * roles, but only with a reason given first, and only by a person: no API token may (the policy's
 * PEOPLE_ONLY). The access lasts a day, is shown to the area that owns the record and waits for a
 * data protection officer's review.
 */
export async function grantJustifiedAccess(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  rawReason: unknown,
) {
  authorize(ctx.actor, 'nominal.justified-access');
  const { reason } = parseInput(JustificationInput, { reason: rawReason });
  if (!isUuid(nominalId)) throw new NotFoundError();
  return database.transaction(async (tx) => {
    const nominal = (await recordHeadlines(tx, [nominalId])).get(nominalId);
    if (!nominal) throw new NotFoundError();
    const expiresAt = new Date(ctx.now.getTime() + JUSTIFIED_ACCESS_HOURS * 3600_000);
    const grant = await tx
      .insertInto('justified_accesses')
      .values({
        granted_at: ctx.now,
        user_id: ctx.actor.userId,
        nominal_id: nominal.id,
        owning_area_code: nominal.areaCode,
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
    const grants = await tx
      .selectFrom('justified_accesses')
      .select([
        'id',
        'granted_at',
        'expires_at',
        'reason',
        'reviewed_at',
        'review_outcome',
        'user_id',
        'nominal_id',
        'owning_area_code',
        'reviewed_by',
      ])
      .where('owning_area_code', '=', ownArea(ctx.actor))
      .orderBy('granted_at', 'desc')
      .limit(limit)
      .execute();
    const rows = (await labelAccesses(tx, grants)).map((g) => ({
      id: g.id,
      grantedAt: g.granted_at,
      expiresAt: g.expires_at,
      reason: g.reason,
      reviewedAt: g.reviewed_at,
      reviewOutcome: g.review_outcome,
      userName: g.userName,
      agencyName: g.agencyName,
      vigilRef: g.vigilRef,
      nominalId: g.nominal_id,
    }));
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
