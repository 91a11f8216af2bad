import type { UseCaseContext } from '../../../access/actor.ts';
import { authorize } from '../../../access/policy.ts';
import { logAccess } from '../../../audit/access-log.ts';
import type { Updateable } from 'kysely';
import type { Database, Tx } from '../../../db/database.ts';
import type { Schema } from '../../../db/schema.ts';
import { labelOf, type MappaCategory } from '../../../domain/codes.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { validateSubmission } from '../../../domain/referrals.ts';
import { parseInput } from '../../../validation/parse.ts';
import { currentObligations } from '../../levels/index.ts';
import { loadInScope, recordAndLog } from '../../nominals/index.ts';
import { notify } from '../../notifications/index.ts';
import { agenciesByIds } from '../../reference/index.ts';
import { activeUsersWithRole } from '../../users/index.ts';
import { iso, loadReferral, type ReferralView } from '../referrals.ts';
import { DraftInput, VersionInput, type DraftInputValue, type VersionInputValue } from '../schemas.ts';
import { liveRecord } from './reading.ts';

/*
 * Referral to Level 2 or 3 (MAPPA A): a draft is the referrer's own and saves as they go;
 * submitting stores the record as it stood, for the screeners, and tells the area's MAPPA
 * coordinators. Each use case: authorise → check the input → scope → rules → write → access log.
 */

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

const REFERRAL_STATUS_LABELS = [
  { code: 'draft', label: 'A draft' },
  { code: 'submitted', label: 'Submitted' },
  { code: 'accepted', label: 'Accepted' },
  { code: 'rejected', label: 'Rejected' },
  { code: 'withdrawn', label: 'Withdrawn' },
] as const;

/** The draft for its referrer; refuses anything that is not a draft. */
async function loadOwnDraft(tx: Tx, ctx: UseCaseContext, referralId: string) {
  authorize(ctx.actor, 'referral.create');
  const loaded = await loadReferral(tx, ctx, referralId);
  if (loaded.row.createdById !== ctx.actor.userId) throw new NotFoundError();
  if (loaded.row.status !== 'draft')
    throw new ValidationError({
      referral: `This referral is ${labelOf(REFERRAL_STATUS_LABELS, loaded.row.status).toLowerCase()}: it can no longer be changed`,
    });
  return loaded.referral;
}

function staleDraft(draft: Pick<ReferralView, 'updatedAt' | 'createdBy'>) {
  const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' }).format(
    new Date(draft.updatedAt),
  );
  return new ConflictError(
    `This draft was saved at ${time} by ${draft.createdBy} after you opened it, perhaps in another tab or window. Your changes have not been saved. Reload the draft, check it, then make your changes again.`,
    [{ at: draft.updatedAt, by: draft.createdBy, summary: 'Referral draft saved', fields: [] }],
  );
}

/** Writes the draft's next version: refused as stale if another save came first. */
async function writeDraft(
  tx: Tx,
  ctx: UseCaseContext,
  draft: ReferralView,
  version: number,
  changes: Updateable<Schema['referrals']>,
) {
  const updated = await tx
    .updateTable('referrals')
    .set({ ...changes, updated_at: ctx.now, version: version + 1 })
    .where('id', '=', draft.id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returning(['version', 'updated_at', 'submitted_at'])
    .executeTakeFirst();
  if (!updated) throw staleDraft(draft);
  return updated;
}

const logged = (tx: Tx, ctx: UseCaseContext, draft: ReferralView, section: string) =>
  logAccess(tx, ctx, {
    operation: 'alteration',
    recordType: 'referral',
    recordIds: [draft.id, draft.nominalId],
    section,
  });

/** Only the area's agencies may be invited. */
async function checkInvited(tx: Tx, areaCode: string, agencyIds: readonly string[] | undefined) {
  if (!agencyIds?.length) return;
  const known = await agenciesByIds(tx, agencyIds);
  if (agencyIds.some((id) => known.get(id)?.areaCode !== areaCode))
    throw new ValidationError({ invitedAgencyIds: 'Select agencies from the list' });
}

/** Saves what the referrer has typed so far (autosave, "Save draft", or PATCH): only the fields sent. */
export async function saveReferralDraft(
  database: Database,
  ctx: UseCaseContext,
  referralId: string,
  input: DraftInputValue,
) {
  authorize(ctx.actor, 'referral.create');
  const { version, ...fields } = parseInput(DraftInput, input);
  return database.transaction(async (tx) => {
    const draft = await loadOwnDraft(tx, ctx, referralId);
    await checkInvited(tx, draft.areaCode, fields.invitedAgencyIds);
    if (draft.version !== version) throw staleDraft(draft);
    const set = {
      requested_level: fields.requestedLevel,
      emergency: fields.emergency,
      category3: fields.category3,
      reason: fields.reason,
      value_added: fields.valueAdded,
      proposed_release_address: fields.proposedReleaseAddress,
      invited_agency_ids: fields.invitedAgencyIds,
    };
    // Fields not sent stay as they were.
    const updated = await writeDraft(
      tx,
      ctx,
      draft,
      version,
      Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined)),
    );
    await logged(tx, ctx, draft, 'referral draft');
    return { id: referralId, version: updated.version, updatedAt: iso(updated.updated_at)! };
  });
}

/** A draft the referrer no longer needs: kept, marked withdrawn. */
export async function withdrawReferral(
  database: Database,
  ctx: UseCaseContext,
  referralId: string,
  input: VersionInputValue,
) {
  authorize(ctx.actor, 'referral.create');
  const { version } = parseInput(VersionInput, input);
  return database.transaction(async (tx) => {
    const draft = await loadOwnDraft(tx, ctx, referralId);
    const updated = await writeDraft(tx, ctx, draft, version, { status: 'withdrawn' });
    await logged(tx, ctx, draft, 'referral withdrawn');
    return {
      id: referralId,
      nominalId: draft.nominalId,
      version: updated.version,
      status: 'withdrawn' as const,
    };
  });
}

/**
 * Sends the referral for screening: checks it is complete, stores the record as it stands (what
 * the screeners will see), and tells the area's MAPPA coordinators.
 */
export async function submitReferral(
  database: Database,
  ctx: UseCaseContext,
  referralId: string,
  input: VersionInputValue,
) {
  authorize(ctx.actor, 'referral.create');
  const { version } = parseInput(VersionInput, input);
  return database.transaction(async (tx) => {
    const draft = await loadOwnDraft(tx, ctx, referralId);
    if (draft.version !== version) throw staleDraft(draft);
    const nominalId = draft.nominalId;
    // The record as the referrer sees it, read in this same transaction (its reading is logged too).
    const record = await liveRecord(tx, ctx, nominalId);
    const obligations = await currentObligations(tx, nominalId, ctx.today);
    const errors = validateSubmission({
      requestedLevel: draft.requestedLevel,
      category3: draft.category3,
      reason: draft.reason,
      valueAdded: draft.valueAdded,
      currentCategory: (obligations.category as MappaCategory | null) ?? null,
    });
    if (Object.keys(errors).length) throw new ValidationError(errors);
    if (!record.addresses.proposedRelease && draft.proposedReleaseAddress)
      record.addresses.proposedRelease = `${draft.proposedReleaseAddress} (given by the referrer)`;
    const updated = await writeDraft(tx, ctx, draft, version, {
      status: 'submitted',
      submitted_at: ctx.now,
      record_snapshot: JSON.stringify(record),
    });
    const coordinators = await activeUsersWithRole(tx, 'mappa_coordinator', { areaCode: draft.areaCode });
    const level = draft.requestedLevel;
    const notified = await notify(tx, ctx, {
      userIds: coordinators.map((c) => c.id).filter((id) => id !== ctx.actor.userId),
      nominalId,
      subject: `${draft.emergency ? 'Emergency referral' : 'Referral'} to Level ${level} for ${draft.vigilRef} awaits screening`,
      body: `${ctx.actor.displayName} (${ctx.actor.agencyName}) referred ${draft.name} for Level ${level} management${draft.category3 ? ' as a Category 3 case' : ''}.${draft.emergency ? ' This is an emergency referral: the coordinator decides it at once.' : ''}`,
      link: `/referrals/${referralId}`,
    });
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: 'referrals',
        entityId: referralId,
        entityVersion: updated.version,
        action: 'created',
        summary: `Referred to Level ${level}${draft.emergency ? ' (emergency)' : ''}${draft.category3 ? ' as a Category 3 case' : ''}`,
        before: null,
        after: { requestedLevel: level, emergency: draft.emergency, category3: draft.category3 },
      },
      {
        operation: 'alteration',
        recordType: 'referral',
        recordIds: [referralId, nominalId],
        section: 'referral submitted',
      },
    );
    return {
      id: referralId,
      version: updated.version,
      status: 'submitted' as const,
      submittedAt: iso(updated.submitted_at)!,
      notified: notified.length,
    };
  });
}
