import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import { labelOf } from '../../domain/codes.ts';
import { formatDateLong } from '../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import {
  ROTL_OUTCOME,
  ROTL_TYPE,
  checkRotlApplication,
  checkRotlDecision,
  checkRotlOutcome,
  earliestApprovedRotl,
  isRotlFailure,
  lowerFirst,
  rotlDecisionDue,
  type RotlEpisodeFacts,
} from '../../domain/rotl.ts';
import { isUuid } from '../../validation/fields.ts';
import { mappaStandings, recomputeObligations, recordSignificantEvent } from '../levels/index.ts';
import { loadInScope, recordAndLog, recordFirstRotlDate } from '../nominals/index.ts';
import type { CustodyDue } from './monitoring.ts';
import { ROTL_STEPS, readRotlFields, rotlErrors, type RotlEpisodeStep } from './rotl-fields.ts';

/**
 * Release on temporary licence (issue 14; rules in domain/rotl.ts): each application on the
 * custody episode it is made in, its decision, and how it ended. An approved ROTL brings the
 * record's first-ROTL date forward (the level is due before it, and levels list a person on ROTL
 * with no level); a failure is a significant event. Seen by whoever sees custody.
 */

type RotlRow = Selectable<Schema['rotl_episodes']>;
type Values = Record<string, unknown>;

const SECTION = 'custody';
const LOG_SECTION = 'custody ROTL';

const day = z.iso.date();
export const RotlEpisodeView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  custodyEpisodeId: z.uuid(),
  type: z.object({ code: z.string(), label: z.string() }),
  plannedStartOn: day,
  plannedEndOn: day,
  address: z.object({ line1: z.string(), town: z.string(), postcode: z.string() }),
  escorted: z.boolean(),
  escortDetails: z.string().nullable(),
  decision: z.object({
    status: z.enum(['pending', 'approved', 'refused']),
    decidedBy: z.string().nullable(),
    decidedOn: day.nullable(),
    reason: z.string().nullable(),
  }),
  outcome: z.object({ code: z.string(), label: z.string(), failure: z.boolean() }).nullable(),
  failures: z.string().nullable(),
});
export type RotlEpisodeView = z.infer<typeof RotlEpisodeView>;
export const RotlView = z.object({
  episodes: z.array(RotlEpisodeView).describe('Latest planned start first'),
  inCustody: z.boolean().describe('An application needs an open custody episode'),
  mayEdit: z.boolean(),
});

const facts = (r: RotlRow): RotlEpisodeFacts => ({
  decision: r.decision,
  plannedStartOn: r.planned_start_on,
  plannedEndOn: r.planned_end_on,
  outcome: r.outcome,
});

function view(r: RotlRow): RotlEpisodeView {
  return {
    id: r.id,
    version: r.version,
    custodyEpisodeId: r.custody_episode_id,
    type: { code: r.type, label: labelOf(ROTL_TYPE, r.type) },
    plannedStartOn: r.planned_start_on,
    plannedEndOn: r.planned_end_on,
    address: { line1: r.address_line1, town: r.address_town, postcode: r.address_postcode },
    escorted: r.escorted,
    escortDetails: r.escort_details,
    decision: {
      status: r.decision,
      decidedBy: r.decided_by,
      decidedOn: r.decided_on,
      reason: r.decision_reason,
    },
    outcome: r.outcome
      ? { code: r.outcome, label: labelOf(ROTL_OUTCOME, r.outcome), failure: isRotlFailure(r.outcome) }
      : null,
    failures: r.failures,
  };
}

const episodesOf = (db: Tx | Database['db'], nominalId: string) =>
  db
    .selectFrom('rotl_episodes')
    .selectAll()
    .where('nominal_id', '=', nominalId)
    .orderBy('planned_start_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();

/**
 * A person's ROTL episodes as plain views, latest first, for a caller that has already checked its
 * reader may see custody and logged the read in its transaction (MAPPA F's pre-fill).
 */
export async function rotlEpisodesOf(db: Tx | Database['db'], nominalId: string): Promise<RotlEpisodeView[]> {
  return (await episodesOf(db, nominalId)).map(view);
}

/** The person's ROTL: every application, its decision and outcome. */
export async function getRotl(database: Database, ctx: UseCaseContext, nominalId: string) {
  authorize(ctx.actor, 'custody.view');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const [rows, open] = await Promise.all([episodesOf(tx, nominalId), openCustody(tx, nominalId)]);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: LOG_SECTION,
    });
    return { episodes: rows.map(view), inCustody: Boolean(open), mayEdit: can(ctx.actor, 'custody.edit') };
  });
}

const openCustody = (tx: Tx, nominalId: string) =>
  tx
    .selectFrom('custody_episodes')
    .select(['id', 'establishment_agency_id'])
    .where('nominal_id', '=', nominalId)
    .where('released_on', 'is', null)
    .executeTakeFirst();

const typeLabel = (code: unknown) => lowerFirst(labelOf(ROTL_TYPE, code as string));
const span = (from: string, to: string) =>
  from === to ? formatDateLong(from) : `${formatDateLong(from)} to ${formatDateLong(to)}`;

/** A ROTL application on the person's open custody episode; it waits for a decision. */
export async function recordRotlApplication(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'custody.edit');
  return database.transaction(async (tx) => {
    // Scope first: someone outside it learns nothing, not even which of their answers were wrong.
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const { values, errors } = readRotlFields('application', input, ctx.today);
    const all = rotlErrors('application', errors, checkRotlApplication(values));
    const open = await openCustody(tx, nominalId);
    if (!open) all.type ??= 'This person is not in custody: record a reception into custody first';
    if (Object.keys(all).length || !open) throw new ValidationError(all);
    if (!values.escorted) values.escortDetails = null;
    const columns = Object.fromEntries(
      ROTL_STEPS.application.fields.map((f) => [f.column, values[f.key] ?? null]),
    ) as Pick<
      RotlRow,
      'type' | 'planned_start_on' | 'planned_end_on' | 'address_line1' | 'address_town' | 'address_postcode'
    > & { escorted: boolean; escort_details: string | null };
    const row = await tx
      .insertInto('rotl_episodes')
      .values({
        ...columns,
        nominal_id: nominalId,
        custody_episode_id: open.id,
        created_at: ctx.now,
        created_by: ctx.actor.userId,
        updated_at: ctx.now,
        updated_by: ctx.actor.userId,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: row.id,
        entityVersion: row.version,
        action: 'created',
        summary: `ROTL applied for: ${typeLabel(values.type)}, ${span(values.plannedStartOn as string, values.plannedEndOn as string)}${values.escorted ? ' (escorted)' : ''}`,
        before: null,
        after: values,
      },
      { section: LOG_SECTION },
    );
    return row;
  });
}

/** A step on a recorded ROTL: the decision (once, while pending) or the outcome (once approved and started). */
export async function recordRotlStep(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  rotlId: string,
  step: RotlEpisodeStep,
  input: unknown,
) {
  authorize(ctx.actor, 'custody.edit');
  if (!isUuid(rotlId)) throw new NotFoundError();
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const rotl = await tx
      .selectFrom('rotl_episodes')
      .selectAll()
      .where('id', '=', rotlId)
      .where('nominal_id', '=', nominalId)
      .forUpdate()
      .executeTakeFirst();
    if (!rotl) throw new NotFoundError();
    const { values, errors } = readRotlFields(step, input, ctx.today);
    // A stale version first: what was decided since may be why the answers no longer fit.
    if (values.version !== undefined && rotl.version !== values.version)
      throw new ConflictError('Someone changed this ROTL after you opened it: reload it and try again');
    const crossField =
      step === 'decision'
        ? {
            ...checkRotlDecision(values),
            ...(rotl.decision !== 'pending' ? { decision: 'This ROTL has been decided already' } : {}),
          }
        : checkRotlOutcome(facts(rotl), values, ctx.today);
    const all = rotlErrors(step, errors, crossField);
    if (Object.keys(all).length) throw new ValidationError(all);
    const { version: _version, ...after } = values;
    const changes = Object.fromEntries(ROTL_STEPS[step].fields.map((f) => [f.column, values[f.key] ?? null]));
    if (step === 'outcome' && values.outcome === 'completed') changes.failures = null;
    const updated = await tx
      .updateTable('rotl_episodes')
      .set({ ...changes, updated_at: ctx.now, updated_by: ctx.actor.userId, version: rotl.version + 1 })
      .where('id', '=', rotlId)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const what = `${typeLabel(rotl.type)}, ${span(rotl.planned_start_on, rotl.planned_end_on)}`;
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: rotlId,
        entityVersion: updated.version,
        action: 'updated',
        summary:
          step === 'decision'
            ? `ROTL ${values.decision === 'approved' ? 'approved' : 'refused'}: ${what}`
            : `ROTL outcome: ${labelOf(ROTL_OUTCOME, values.outcome as string).toLowerCase()} (${what})`,
        before: Object.fromEntries(
          Object.keys(changes).map((c) => [c, (rotl as unknown as Values)[c] ?? null]),
        ),
        after,
      },
      { section: LOG_SECTION },
    );
    if (step === 'decision' && values.decision === 'approved') await approved(tx, ctx, nominalId);
    if (step === 'outcome' && isRotlFailure(values.outcome as string) && !isRotlFailure(rotl.outcome))
      await failed(tx, ctx, rotl, values);
    return updated;
  });
}

/** The approved ROTLs give the record its first-ROTL date (the record keeps an earlier one). */
async function approved(tx: Tx, ctx: UseCaseContext, nominalId: string) {
  const first = earliestApprovedRotl((await episodesOf(tx, nominalId)).map(facts));
  if (first) await recordFirstRotlDate(tx, ctx, nominalId, first, 'the approved ROTL episodes');
}

/** A failure on ROTL is a significant event: the managers hear of it and a review becomes due. */
async function failed(tx: Tx, ctx: UseCaseContext, rotl: RotlRow, values: Values) {
  await recordSignificantEvent(tx, ctx, rotl.nominal_id, {
    type: 'rotl_failure',
    occurredOn: ctx.today,
    description: `ROTL (${typeLabel(rotl.type)}): ${labelOf(ROTL_OUTCOME, values.outcome as string).toLowerCase()}.`,
  });
  await recomputeObligations(tx, rotl.nominal_id, ctx.today);
}

// --- Worklist ---------------------------------------------------------------------------------

/**
 * "ROTL decision due" rows of the custody worklist: each application still pending on the given
 * open custody episodes, due before its planned start; a first ROTL of a MAPPA case with no level
 * says the level comes first.
 */
export async function rotlWorklistRows(
  tx: Tx,
  ctx: UseCaseContext,
  episodes: readonly { id: string }[],
): Promise<CustodyDue[]> {
  if (!episodes.length) return [];
  const pending = await tx
    .selectFrom('rotl_episodes')
    .selectAll()
    .where(
      'custody_episode_id',
      'in',
      episodes.map((e) => e.id),
    )
    .where('decision', '=', 'pending')
    .execute();
  if (!pending.length) return [];
  const people = [...new Set(pending.map((p) => p.nominal_id))];
  const [standings, approvedBefore] = await Promise.all([
    mappaStandings(tx, people),
    tx
      .selectFrom('rotl_episodes')
      .select('nominal_id')
      .distinct()
      .where('nominal_id', 'in', people)
      .where('decision', '=', 'approved')
      .execute(),
  ]);
  const hasApproved = new Set(approvedBefore.map((a) => a.nominal_id));
  return pending.flatMap((p) => {
    const standing = standings.get(p.nominal_id);
    const due = rotlDecisionDue(
      { ...facts(p), typeLabel: labelOf(ROTL_TYPE, p.type) },
      {
        category: standing?.category ?? null,
        level: standing?.level ?? null,
        firstRotl: !hasApproved.has(p.nominal_id),
      },
      ctx.today,
    );
    if (!due) return [];
    return [
      {
        nominalId: p.nominal_id,
        episodeId: p.custody_episode_id,
        kind: 'rotl_decision',
        reason: due.reason,
        dueOn: due.dueOn,
        late: due.late,
      },
    ];
  });
}
