import type { UseCaseContext } from '../../access/actor.ts';
import { logAccess, type AccessLogEntry } from '../../audit/access-log.ts';
import type { Tx } from '../../db/database.ts';
import type { ConflictingChange } from '../../domain/errors.ts';
import type { FieldSpec } from '../../validation/fields.ts';
import { usersByIds } from '../users/index.ts';

export interface FieldChange {
  key: string;
  label: string;
  before: unknown;
  after: unknown;
}

/** The fields whose values differ, in form order. */
export function diffValues(
  fields: readonly FieldSpec[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  return fields
    .filter((f) => f.key in after && !sameValue(before[f.key], after[f.key]))
    .map((f) => ({ key: f.key, label: f.label, before: before[f.key] ?? null, after: after[f.key] ?? null }));
}

const sameValue = (a: unknown, b: unknown) => String(a ?? '') === String(b ?? '');

export interface ChangeRecord {
  nominalId: string;
  section: string;
  entityId: string;
  entityVersion: number | null;
  action: 'created' | 'updated' | 'ended' | 'removed';
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Entries about victims or health are shown only to those who may see them. */
  sensitivity?: 'victims' | 'health' | null;
}

/** Appends to the record's timeline, in the same transaction as the change itself. */
export async function recordChange(
  tx: Tx,
  ctx: Pick<UseCaseContext, 'actor' | 'now'>,
  change: ChangeRecord,
): Promise<void> {
  await tx
    .insertInto('nominal_changes')
    .values({
      at: ctx.now,
      nominal_id: change.nominalId,
      user_id: ctx.actor.userId,
      section: change.section,
      entity_id: change.entityId,
      entity_version: change.entityVersion,
      action: change.action,
      summary: change.summary,
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
      sensitivity: change.sensitivity ?? null,
    })
    .execute();
}

/**
 * The ending of every use case that changes a record: the change on the record's timeline and the
 * access-log entry (DPA 2018 s.62), in the same transaction. The entry says what was done to whose
 * record: by default a collection (something added) or an alteration of the person's record.
 */
export async function recordAndLog(
  tx: Tx,
  ctx: Pick<UseCaseContext, 'actor' | 'origin' | 'now'>,
  change: ChangeRecord,
  entry: Partial<AccessLogEntry> & { section: string | undefined },
): Promise<void> {
  await recordChange(tx, ctx, change);
  await logAccess(tx, ctx, {
    operation: change.action === 'created' ? 'collection' : 'alteration',
    recordType: 'nominal',
    recordIds: [change.nominalId],
    ...entry,
  });
}

/** What others saved to an entity after the version the editor started from. */
export async function changesSince(
  tx: Tx,
  entityId: string,
  version: number,
  fields: readonly FieldSpec[],
  sections?: readonly string[],
): Promise<ConflictingChange[]> {
  let query = tx
    .selectFrom('nominal_changes')
    .select(['at', 'summary', 'before', 'after', 'section', 'user_id'])
    .where('entity_id', '=', entityId)
    .where('entity_version', '>', version);
  if (sections) query = query.where('section', 'in', sections);
  const rows = await query.orderBy('id').execute();
  const users = await usersByIds(
    tx,
    rows.map((r) => r.user_id),
  );
  return rows.map((r) => {
    const before = asObject(r.before);
    const after = asObject(r.after);
    return {
      at: new Date(r.at).toISOString(),
      by: users.get(r.user_id)?.displayName ?? '',
      summary: r.summary,
      fields: diffValues(fields, before, after).map((c) => ({
        label: c.label,
        before: String(c.before ?? ''),
        after: String(c.after ?? ''),
      })),
    };
  });
}

export function asObject(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === 'string') return JSON.parse(value) as Record<string, unknown>;
  return value as Record<string, unknown>;
}
