import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { areaWithinTokenAreas, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { AUDIT_PAGE_SIZE, countCapped, parsePage, type AccessLogPage } from '../../audit/paging.ts';
import { isUuid } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse.ts';
import { labelAccesses } from './labels.ts';
import { ReviewInput } from './schemas.ts';

/**
 * The data protection officer's review of justified accesses: each look outside one's scope is
 * reviewed once, as appropriate or not. The queue is paged like the access log's pages.
 */

/**
 * Reading the review queue is a read: reviewers may, and so may a read-only API token of someone
 * who may read the log (recording a review is a write, which such a token may not do).
 */
function authorizeReviewQueue(ctx: UseCaseContext): void {
  if (!can(ctx.actor, 'justified-access.review') && !can(ctx.actor, 'accesslog.view'))
    throw new ForbiddenError();
}

export interface JustifiedAccessForReview {
  id: string;
  grantedAt: Date;
  expiresAt: Date;
  reason: string;
  userId: string;
  userName: string;
  userEmail: string;
  agencyName: string;
  nominalId: string;
  vigilRef: string;
  owningAreaCode: string;
  owningAreaName: string | null;
  reviewedAt: Date | null;
  reviewerName: string | null;
  reviewOutcome: 'appropriate' | 'inappropriate' | null;
  reviewNote: string | null;
}

/** The grants' own columns; the names around them come from their owners (labels.ts). */
function grants(tx: Tx) {
  return tx
    .selectFrom('justified_accesses')
    .select([
      'id',
      'granted_at',
      'expires_at',
      'reason',
      'user_id',
      'nominal_id',
      'owning_area_code',
      'reviewed_at',
      'reviewed_by',
      'review_outcome',
      'review_note',
    ]);
}

/** Grants as the reviewer reads them, those whose user, agency or record is gone left out. */
async function forReview(
  tx: Tx,
  rows: Awaited<ReturnType<ReturnType<typeof grants>['execute']>>,
): Promise<JustifiedAccessForReview[]> {
  return (await labelAccesses(tx, rows)).map((g) => ({
    id: g.id,
    grantedAt: g.granted_at,
    expiresAt: new Date(g.expires_at),
    reason: g.reason,
    userId: g.user_id,
    userName: g.userName,
    userEmail: g.userEmail,
    agencyName: g.agencyName,
    nominalId: g.nominal_id,
    vigilRef: g.vigilRef,
    owningAreaCode: g.owning_area_code,
    owningAreaName: g.owningAreaName,
    reviewedAt: g.reviewed_at,
    reviewerName: g.reviewerName,
    reviewOutcome: g.review_outcome,
    reviewNote: g.review_note,
  }));
}

/** Oldest first: the longest-waiting is reviewed first. */
export async function listJustifiedAccessesAwaitingReview(
  database: Database,
  ctx: UseCaseContext,
  input: { page?: unknown } = {},
): Promise<AccessLogPage<JustifiedAccessForReview>> {
  authorizeReviewQueue(ctx);
  const page = parsePage(input.page);
  return database.transaction(async (tx) => {
    // An area-limited token sees the accesses to its areas' records only.
    const inAreas = areaWithinTokenAreas(ctx.actor, 'owning_area_code');
    const { total, capped } = await countCapped(
      tx,
      sql`SELECT 1 FROM justified_accesses WHERE reviewed_at IS NULL AND ${inAreas}`,
    );
    const rows = await forReview(
      tx,
      await grants(tx)
        .where('reviewed_at', 'is', null)
        .where(inAreas)
        .orderBy('granted_at', 'asc')
        .orderBy('id')
        .limit(AUDIT_PAGE_SIZE)
        .offset((page - 1) * AUDIT_PAGE_SIZE)
        .execute(),
    );
    if (rows.length) {
      await logAccess(tx, ctx, {
        operation: 'consultation',
        recordType: 'justified_access',
        recordIds: rows.map((r) => r.nominalId),
        section: 'justified accesses awaiting review',
        purpose: 'data protection oversight',
      });
    }
    return { entries: rows, total, totalCapped: capped, page, pageSize: AUDIT_PAGE_SIZE };
  });
}

export async function getJustifiedAccessForReview(
  database: Database,
  ctx: UseCaseContext,
  id: string,
): Promise<JustifiedAccessForReview> {
  authorizeReviewQueue(ctx);
  if (!isUuid(id)) throw new NotFoundError();
  return database.transaction(async (tx) => {
    const [row] = await forReview(
      tx,
      await grants(tx)
        .where('id', '=', id)
        .where(areaWithinTokenAreas(ctx.actor, 'owning_area_code'))
        .execute(),
    );
    if (!row) throw new NotFoundError();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'justified_access',
      recordIds: [row.nominalId],
      section: 'justified access review',
      purpose: 'data protection oversight',
    });
    return row;
  });
}

/** Records the reviewer's finding, once: a second review of the same access is a conflict. */
export async function reviewJustifiedAccess(
  database: Database,
  ctx: UseCaseContext,
  id: string,
  input: { outcome?: unknown; note?: unknown },
): Promise<{ id: string; outcome: 'appropriate' | 'inappropriate'; reviewedAt: Date }> {
  if (!can(ctx.actor, 'justified-access.review')) throw new ForbiddenError();
  const { outcome, note = '' } = parseInput(ReviewInput, input);
  if (!isUuid(id)) throw new NotFoundError();
  return database.transaction(async (tx) => {
    const reviewed = await tx
      .updateTable('justified_accesses')
      .set({
        reviewed_at: ctx.now,
        reviewed_by: ctx.actor.userId,
        review_outcome: outcome,
        review_note: note || null,
      })
      .where('id', '=', id)
      .where('reviewed_at', 'is', null)
      .where(areaWithinTokenAreas(ctx.actor, 'owning_area_code'))
      .returning(['id', 'nominal_id', 'reviewed_at'])
      .executeTakeFirst();
    if (!reviewed) {
      const [existing] = await forReview(
        tx,
        await grants(tx)
          .where('id', '=', id)
          .where(areaWithinTokenAreas(ctx.actor, 'owning_area_code'))
          .execute(),
      );
      if (!existing) throw new NotFoundError();
      throw new ConflictError(
        `This access was reviewed already${existing.reviewerName ? ` by ${existing.reviewerName}` : ''}: it was found ${existing.reviewOutcome}.`,
      );
    }
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'justified_access',
      recordIds: [reviewed.nominal_id],
      section: 'justified access review',
      purpose: `review of justified access ${reviewed.id}: ${outcome}`,
    });
    return { id: reviewed.id, outcome, reviewedAt: reviewed.reviewed_at! };
  });
}
