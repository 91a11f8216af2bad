import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import { can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type FieldErrors,
} from '../../domain/errors.ts';
import { AUDIT_PAGE_SIZE, countCapped, parsePage, type AccessLogPage } from '../../audit/paging.ts';
import { isUuid } from '../../validation/fields.ts';

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
  owningAreaName: string;
  reviewedAt: Date | null;
  reviewerName: string | null;
  reviewOutcome: 'appropriate' | 'inappropriate' | null;
  reviewNote: string | null;
}

function justifiedAccessQuery(tx: Tx) {
  return tx
    .selectFrom('justified_accesses as j')
    .innerJoin('users as u', 'u.id', 'j.user_id')
    .innerJoin('agencies as g', 'g.id', 'u.agency_id')
    .innerJoin('nominals as n', 'n.id', 'j.nominal_id')
    .leftJoin('areas as a', 'a.code', 'j.owning_area_code')
    .leftJoin('users as r', 'r.id', 'j.reviewed_by')
    .select([
      'j.id',
      'j.granted_at as grantedAt',
      'j.expires_at as expiresAt',
      'j.reason',
      'u.id as userId',
      'u.display_name as userName',
      'u.email as userEmail',
      'g.name as agencyName',
      'n.id as nominalId',
      'n.vigil_ref as vigilRef',
      'j.owning_area_code as owningAreaCode',
      'a.name as owningAreaName',
      'j.reviewed_at as reviewedAt',
      'r.display_name as reviewerName',
      'j.review_outcome as reviewOutcome',
      'j.review_note as reviewNote',
    ]);
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
    const { total, capped } = await countCapped(
      tx,
      sql`SELECT 1 FROM justified_accesses WHERE reviewed_at IS NULL`,
    );
    const rows = (await justifiedAccessQuery(tx)
      .where('j.reviewed_at', 'is', null)
      .orderBy('j.granted_at', 'asc')
      .orderBy('j.id')
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE)
      .execute()) as JustifiedAccessForReview[];
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
    const row = (await justifiedAccessQuery(tx).where('j.id', '=', id).executeTakeFirst()) as
      JustifiedAccessForReview | undefined;
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

export const REVIEW_OUTCOMES = [
  { value: 'appropriate', text: 'Appropriate', hint: 'The reason justified looking at this record' },
  {
    value: 'inappropriate',
    text: 'Inappropriate',
    hint: 'The reason did not justify it: say what happens next',
  },
] as const;

/** Records the reviewer's finding, once: a second review of the same access is a conflict. */
export async function reviewJustifiedAccess(
  database: Database,
  ctx: UseCaseContext,
  id: string,
  input: { outcome?: unknown; note?: unknown },
): Promise<{ id: string; outcome: 'appropriate' | 'inappropriate'; reviewedAt: Date }> {
  if (!can(ctx.actor, 'justified-access.review')) throw new ForbiddenError();
  const errors: FieldErrors = {};
  const outcome = input.outcome === 'appropriate' || input.outcome === 'inappropriate' ? input.outcome : null;
  if (!outcome) errors.outcome = 'Select whether the access was appropriate or inappropriate';
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (outcome === 'inappropriate' && note.length < 10)
    errors.note = 'Say why the access was inappropriate and what happens next (at least 10 characters)';
  else if (note.length > 2000) errors.note = 'Note must be 2000 characters or fewer';
  if (Object.keys(errors).length) throw new ValidationError(errors);
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
      .returning(['id', 'nominal_id', 'reviewed_at'])
      .executeTakeFirst();
    if (!reviewed) {
      const existing = await justifiedAccessQuery(tx).where('j.id', '=', id).executeTakeFirst();
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
    return { id: reviewed.id, outcome: outcome!, reviewedAt: reviewed.reviewed_at! };
  });
}
