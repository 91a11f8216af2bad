import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, withinTokenAreas } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Db, Tx } from '../../db/database.ts';
import { addYears, type IsoDate } from '../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import {
  NATIONAL,
  RETENTION_BASIS,
  erasedPart,
  type ErasedPart,
  retentionReview,
  scheduleFor,
  type RetentionSchedule,
} from '../../domain/retention.ts';
import { parseInput } from '../../validation/parse.ts';
import { eraseActionsAbout } from '../actions/index.ts';
import { eraseCustodyOf } from '../custody/index.ts';
import { eraseLevelHistoryOf } from '../levels/index.ts';
import { eraseMinutesOf } from '../meetings/index.ts';
import {
  erasePersonalData,
  nominalHeadlines,
  retentionCandidates,
  type RetentionCandidate,
} from '../nominals/index.ts';
import { eraseNotificationsAbout } from '../notifications/index.ts';
import { eraseReportsOf } from '../prison-reports/index.ts';
import { eraseReferralsOf } from '../referrals/index.ts';
import { erasePlanOf } from '../risk-management-plan/index.ts';
import { ErasureInput } from './schemas.ts';

/**
 * Retention and erasure (docs/security.md): the records due for review for deletion under the
 * retention schedule (src/domain/retention.ts), and a data protection officer's decision to erase a
 * person's personal data. The list is national (the DPO's oversight is not need-to-know) and
 * viewing it is logged; an erasure is one transaction: each owning capability removes the data
 * it holds about the person (the record itself, and the copies and free text in its level history, referrals,
 * minutes, the risk management plan, prison reports, actions and notifications), the decision is
 * kept here with a hash of what went, and the access log records the erasure and how many rows of
 * each kind went.
 */

export interface ReviewItem {
  nominalId: string;
  vigilRef: string;
  areaCode: string;
  name: string;
  dateOfBirth: string;
  basis: 'mappa_review_age' | 'ended_non_mappa';
  basisLabel: string;
  dueOn: string;
}

async function schedules(db: Db | Tx): Promise<Map<string, RetentionSchedule>> {
  const rows = await db.selectFrom('retention_schedules').selectAll().execute();
  return new Map(
    rows.map((r) => [
      r.scope,
      { mappaReviewAge: r.mappa_review_age, endedNonMappaYears: r.ended_non_mappa_years },
    ]),
  );
}

async function dueForReview(db: Db | Tx, today: IsoDate): Promise<ReviewItem[]> {
  const settings = await schedules(db);
  const all = [...settings.values(), scheduleFor(NATIONAL, settings)];
  const candidates = await retentionCandidates(db, {
    bornOnOrBefore: addYears(today, -Math.min(...all.map((s) => s.mappaReviewAge))),
    endedOnOrBefore: addYears(today, -Math.min(...all.map((s) => s.endedNonMappaYears))),
  });
  const erased = new Set(
    (await db.selectFrom('retention_erasures').select('nominal_id').execute()).map((r) => r.nominal_id),
  );
  return candidates.flatMap((c) => {
    if (erased.has(c.id)) return [];
    const item = reviewItem(c, settings);
    return item && item.dueOn <= today ? [item] : [];
  });
}

function reviewItem(c: RetentionCandidate, settings: Map<string, RetentionSchedule>): ReviewItem | null {
  const review = retentionReview(c, scheduleFor(c.areaCode, settings));
  if (review.basis === 'still_managed' || review.dueOn === null) return null;
  return {
    nominalId: c.id,
    vigilRef: c.vigilRef,
    areaCode: c.areaCode,
    name: c.name,
    dateOfBirth: c.dateOfBirth,
    basis: review.basis,
    basisLabel: RETENTION_BASIS[review.basis],
    dueOn: review.dueOn,
  };
}

/** The records due for review for deletion today, oldest due first; logged as a consultation. */
/** The records due for review that the actor reaches (an area-limited token: its areas only). */
async function dueInReach(tx: Tx, ctx: UseCaseContext): Promise<ReviewItem[]> {
  return (await dueForReview(tx, ctx.today)).filter((e) => withinTokenAreas(ctx.actor, e.areaCode));
}

export async function listDueForReview(
  database: Database,
  ctx: UseCaseContext,
): Promise<{ today: string; entries: ReviewItem[] }> {
  authorize(ctx.actor, 'retention.review');
  return database.transaction(async (tx) => {
    const entries = (await dueInReach(tx, ctx)).sort(
      (a, b) => a.dueOn.localeCompare(b.dueOn) || a.vigilRef.localeCompare(b.vigilRef),
    );
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: entries.map((e) => e.nominalId),
      section: 'retention review',
      purpose: 'Records due for review for deletion',
    });
    return { today: ctx.today, entries };
  });
}

/** One record due for review (for the erase page); not due, or already erased, is "not found". */
export async function getDueForReview(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
): Promise<ReviewItem> {
  authorize(ctx.actor, 'retention.review');
  return database.transaction(async (tx) => {
    const item = (await dueInReach(tx, ctx)).find((e) => e.nominalId === nominalId);
    if (!item) throw new NotFoundError('This record is not due for review for deletion');
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'retention review',
      purpose: 'Record due for review for deletion',
    });
    return item;
  });
}

export interface Erasure {
  id: string;
  nominalId: string;
  vigilRef: string;
  basis: 'mappa_review_age' | 'ended_non_mappa';
  dueOn: string;
  reason: string;
  erasedSha256: string;
  erasedRows: number;
  /** Rows deleted or blanked, per kind (the record, referrals, minutes…). */
  erasedParts: Record<ErasureKind, number>;
  decidedAt: string;
}

/** What an erasure reaches, in the order it goes, with the words the access log uses for each. */
export const ERASURE_KINDS = {
  record: 'record',
  levels: 'level history',
  referrals: 'referrals',
  minutes: 'minutes',
  plan: 'risk management plan versions',
  prisonReports: 'prison reports',
  actions: 'actions and updates',
  notifications: 'notifications',
  custody:
    'custody (moves, pre-release checks, ROTL, release and HDC address checks, IRMMs, communications monitoring)',
} as const;
export type ErasureKind = keyof typeof ERASURE_KINDS;

/** Every capability's erasure of one person, in one transaction (the caller's). */
async function eraseEverywhere(
  tx: Tx,
  ctx: UseCaseContext,
  nominalId: string,
): Promise<Record<ErasureKind, ErasedPart>> {
  return {
    record: await erasePersonalData(tx, ctx, nominalId),
    levels: await eraseLevelHistoryOf(tx, nominalId),
    referrals: await eraseReferralsOf(tx, nominalId),
    minutes: await eraseMinutesOf(tx, nominalId),
    plan: await erasePlanOf(tx, nominalId),
    prisonReports: await eraseReportsOf(tx, nominalId),
    actions: await eraseActionsAbout(tx, nominalId),
    notifications: await eraseNotificationsAbout(tx, nominalId),
    custody: await eraseCustodyOf(tx, nominalId),
  };
}

/**
 * A data protection officer's decision to erase a person's personal data, with a reason. Only a
 * record due for review may be erased; a second erasure is a conflict. The access log records the
 * erasure (operation 'erasure') and keeps its chain: it names the record by id, never held the
 * erased content, and says how many rows of each kind went; the decision keeps only a SHA-256 of
 * the content (of each capability's SHA-256, by kind) and the total rows.
 */
export async function erasePerson(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
): Promise<Erasure> {
  authorize(ctx.actor, 'retention.erase');
  const { reason } = parseInput(ErasureInput, input);
  return database.transaction(async (tx) => {
    // A token limited to some areas reaches no one else's record, due or not.
    const person = (await nominalHeadlines(tx, [nominalId])).get(nominalId);
    if (!person || !withinTokenAreas(ctx.actor, person.areaCode)) throw new NotFoundError();
    const done = await tx
      .selectFrom('retention_erasures')
      .select('decided_at')
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst();
    if (done) throw new ConflictError('This person’s personal data has already been erased');
    const item = (await dueForReview(tx, ctx.today)).find((e) => e.nominalId === nominalId);
    if (!item)
      throw new ValidationError({
        reason: 'This record is not due for review for deletion, so it cannot be erased',
      });
    const parts = await eraseEverywhere(tx, ctx, nominalId);
    const kinds = Object.keys(ERASURE_KINDS) as ErasureKind[];
    const counts = Object.fromEntries(kinds.map((k) => [k, parts[k].rows])) as Record<ErasureKind, number>;
    const erased = erasedPart(
      Object.fromEntries(kinds.map((k) => [k, parts[k].sha256])),
      kinds.reduce((n, k) => n + counts[k], 0),
    );
    const row = await tx
      .insertInto('retention_erasures')
      .values({
        nominal_id: nominalId,
        vigil_ref: item.vigilRef,
        area_code: item.areaCode,
        basis: item.basis,
        due_on: item.dueOn,
        reason,
        erased_sha256: erased.sha256,
        erased_rows: erased.rows,
        decided_at: ctx.now,
        decided_by: ctx.actor.userId,
      })
      .returning(['id', 'decided_at'])
      .executeTakeFirstOrThrow();
    await logAccess(tx, ctx, {
      operation: 'erasure',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: 'personal data',
      purpose: `Erased by the data protection officer (${item.basisLabel}, due ${item.dueOn}; rows erased: ${kinds
        .map((k) => `${ERASURE_KINDS[k]} ${counts[k]}`)
        .join(', ')}): ${reason}`,
    });
    return {
      id: row.id,
      nominalId,
      vigilRef: item.vigilRef,
      basis: item.basis,
      dueOn: item.dueOn,
      reason,
      erasedSha256: erased.sha256,
      erasedRows: erased.rows,
      erasedParts: counts,
      decidedAt: new Date(row.decided_at).toISOString(),
    };
  });
}

/** Sets the national schedule (scope 'national') or an area's (its code); the DPO's decision. */
export async function setRetentionSchedule(
  database: Database,
  ctx: UseCaseContext,
  scope: string,
  schedule: RetentionSchedule,
): Promise<void> {
  authorize(ctx.actor, 'retention.erase');
  await database.transaction(async (tx) => {
    await tx
      .insertInto('retention_schedules')
      .values({
        scope,
        mappa_review_age: schedule.mappaReviewAge,
        ended_non_mappa_years: schedule.endedNonMappaYears,
        updated_at: ctx.now,
        updated_by: ctx.actor.userId,
      })
      .onConflict((oc) =>
        oc.column('scope').doUpdateSet({
          mappa_review_age: schedule.mappaReviewAge,
          ended_non_mappa_years: schedule.endedNonMappaYears,
          updated_at: ctx.now,
          updated_by: ctx.actor.userId,
        }),
      )
      .execute();
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'retention_schedule',
      recordIds: [],
      section: scope,
      purpose: `Retention schedule: MAPPA nominals reviewed at ${schedule.mappaReviewAge}, ended non-MAPPA people after ${schedule.endedNonMappaYears} years`,
    });
  });
}
