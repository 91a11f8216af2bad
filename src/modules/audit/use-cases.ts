import { sql } from 'kysely';
import type { Actor, UseCaseContext } from '../../access/actor.ts';
import { can, recordsWithinTokenAreas, tokenAreas, withinTokenAreas } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import { AUDIT_PAGE_SIZE, countCapped, parsePage, type AccessLogPage } from '../../audit/paging.ts';
import type { Database, Tx } from '../../db/database.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { parseInput } from '../../validation/parse.ts';
import { agenciesByIds } from '../reference/index.ts';
import { nominalHeadlines } from '../nominals/index.ts';
import { userByEmail } from '../users/index.ts';
import { accessHistoryCsv, type AccessLogRow } from './csv.ts';
import { ENTRY_COLUMNS, labelEntries, type EntryRow } from './entries.ts';
import { EXPORT_PURPOSES, ExportForm } from './schemas.ts';
import { findSubject, type Subject } from './subject.ts';

/**
 * What a data protection officer needs from the access log (DPA 2018 s.62): who viewed or changed a
 * person's record, what a user viewed, the justified accesses awaiting review, and a person's access
 * history exported for a subject access request or the Information Commissioner. Reading the log is
 * itself logged (record type `access_log`); an export is logged as a disclosure to its recipient.
 */

export type AuditAction = 'accesslog.view' | 'accesslog.export' | 'justified-access.review';

/**
 * The one place that decides who may use the DPO pages and API. The policy (src/access/policy.ts)
 * grants these actions to the data protection officer; before it did, this read
 * `actor.roles.includes('data_protection_officer')`.
 */
export function mayAudit(actor: Actor, action: AuditAction): boolean {
  return can(actor, action);
}

function authorizeAudit(actor: Actor, action: AuditAction): void {
  if (!mayAudit(actor, action)) throw new ForbiddenError();
}

/**
 * Whose history is asked for, if the actor may ask: an area-limited token only about a person
 * managed in its areas (any other record cannot be placed in an area, so it is outside the limit).
 */
async function subjectInScope(tx: Tx, actor: Actor, q: unknown): Promise<Subject> {
  const subject = await findSubject(tx, q);
  if (!withinTokenAreas(actor, subject.areaCode)) throw new NotFoundError();
  return subject;
}

/**
 * For an area-limited token, the entries of a record's history it may read, as a join on
 * `access_log_records r`: those naming only people's records managed in its areas (an entry also
 * naming another area's person, or a meeting or referral, says something of another area). Nothing
 * without a limit, so a person's reading stays on the records index alone.
 */
function entriesWithinTokenAreas(actor: Actor) {
  return tokenAreas(actor)
    ? sql`JOIN access_log l ON l.id = r.entry_id AND l.at = r.at AND ${recordsWithinTokenAreas(actor, 'l.record_ids')}`
    : sql``;
}

export type { Subject } from './subject.ts';
export type { AccessLogRow } from './csv.ts';
export {
  AUDIT_PAGE_SIZE,
  COUNT_CAP,
  countCapped,
  parsePage,
  type AccessLogPage,
} from '../../audit/paging.ts';

// --- Who viewed or changed a person's record ------------------------------------------------

export async function accessHistoryOfRecord(
  database: Database,
  ctx: UseCaseContext,
  input: { q?: unknown; page?: unknown },
): Promise<AccessLogPage<AccessLogRow> & { subject: Subject }> {
  authorizeAudit(ctx.actor, 'accesslog.view');
  const page = parsePage(input.page);
  return database.transaction(async (tx) => {
    const subject = await subjectInScope(tx, ctx.actor, input.q);
    const inAreas = entriesWithinTokenAreas(ctx.actor);
    const { total, capped } = await countCapped(
      tx,
      sql`SELECT 1 FROM access_log_records r ${inAreas} WHERE r.record_id = ${subject.recordId}::uuid`,
    );
    const rows = await sql<EntryRow>`
      WITH page AS (
        SELECT r.entry_id, r.at FROM access_log_records r ${inAreas}
        WHERE r.record_id = ${subject.recordId}::uuid
        ORDER BY r.at DESC, r.entry_id DESC
        LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(page - 1) * AUDIT_PAGE_SIZE}
      )
      SELECT ${ENTRY_COLUMNS}
      FROM page p
      JOIN access_log l ON l.id = p.entry_id AND l.at = p.at
      ORDER BY p.at DESC, p.entry_id DESC`.execute(tx);
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'access_log',
      recordIds: [subject.recordId],
      section: 'who viewed or changed this record',
      purpose: 'data protection oversight',
    });
    return {
      subject,
      entries: await labelEntries(tx, rows.rows),
      total,
      totalCapped: capped,
      page,
      pageSize: AUDIT_PAGE_SIZE,
    };
  });
}

// --- What a user did ------------------------------------------------------------------------

export interface UserActivityRow extends AccessLogRow {
  /** The records named, with the Vigil reference of each that is a person's record. */
  records: { id: string; vigilRef: string | null }[];
}

export async function accessHistoryOfUser(
  database: Database,
  ctx: UseCaseContext,
  input: { email?: unknown; page?: unknown },
): Promise<
  AccessLogPage<UserActivityRow> & { user: { id: string; email: string; name: string; agencyName: string } }
> {
  authorizeAudit(ctx.actor, 'accesslog.view');
  const page = parsePage(input.page);
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  if (!email) throw new ValidationError({ email: 'Enter the email address of the user' });
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email))
    throw new ValidationError({
      email: 'Enter an email address in the correct format, like name@example.gov.uk',
    });
  return database.transaction(async (tx) => {
    const found = await userByEmail(tx, email);
    const agency = found && (await agenciesByIds(tx, [found.agencyId])).get(found.agencyId);
    if (!found || !agency) throw new ValidationError({ email: 'No user has this email address' });
    const user = { id: found.id, email: found.email, name: found.displayName, agencyName: agency.name };
    // An area-limited token sees the entries about its areas' records only.
    const inAreas = recordsWithinTokenAreas(ctx.actor, 'l.record_ids');
    const { total, capped } = await countCapped(
      tx,
      sql`SELECT 1 FROM access_log l WHERE l.user_id = ${user.id}::uuid AND ${inAreas}`,
    );
    const rows = await sql<EntryRow>`
      SELECT ${ENTRY_COLUMNS}
      FROM access_log l
      WHERE l.user_id = ${user.id}::uuid AND ${inAreas}
      ORDER BY l.at DESC, l.id DESC
      LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(page - 1) * AUDIT_PAGE_SIZE}`.execute(tx);
    const entries = await labelEntries(tx, rows.rows);
    const people = await nominalHeadlines(
      tx,
      entries.flatMap((e) => e.recordIds),
    );
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'access_log',
      recordIds: [user.id],
      section: 'what this user viewed or changed',
      purpose: 'data protection oversight',
    });
    return {
      user,
      entries: entries.map((e) => ({
        ...e,
        records: e.recordIds.map((id) => ({ id, vigilRef: people.get(id)?.vigilRef ?? null })),
      })),
      total,
      totalCapped: capped,
      page,
      pageSize: AUDIT_PAGE_SIZE,
    };
  });
}

// --- Export of a person's access history -------------------------------------------------------

export { EXPORT_PURPOSES, type ExportPurpose } from './schemas.ts';

export interface ExportInput {
  q?: unknown;
  recipient?: unknown;
  purpose?: unknown;
  reference?: unknown;
}

/**
 * Everything the log holds about one person's record, oldest first, as CSV. The export is itself a
 * disclosure to the named recipient, logged first so that the file includes it.
 */
export async function exportAccessHistory(
  database: Database,
  ctx: UseCaseContext,
  input: ExportInput,
): Promise<{ subject: Subject; entries: AccessLogRow[]; csv: string; filename: string; recipient: string }> {
  authorizeAudit(ctx.actor, 'accesslog.export');
  const { q, recipient, purpose, reference } = parseInput(ExportForm, input);
  const purposeText =
    EXPORT_PURPOSES.find((p) => p.value === purpose)!.text + (reference ? ` (reference ${reference})` : '');
  return database.transaction(async (tx) => {
    const subject = await subjectInScope(tx, ctx.actor, q);
    await logAccess(tx, ctx, {
      operation: 'disclosure',
      recordType: 'access_log',
      recordIds: [subject.recordId],
      section: 'access history export (CSV)',
      purpose: purposeText,
      // The file goes first to the officer downloading it, then to the named recipient.
      recipients: [recipient, `${ctx.actor.displayName} (${ctx.actor.agencyName}), downloaded as a CSV`],
    });
    const rows = await sql<EntryRow>`
      SELECT ${ENTRY_COLUMNS}
      FROM access_log_records r
      JOIN access_log l ON l.id = r.entry_id AND l.at = r.at
      WHERE r.record_id = ${subject.recordId}::uuid AND ${recordsWithinTokenAreas(ctx.actor, 'l.record_ids')}
      ORDER BY r.at, r.entry_id`.execute(tx);
    const entries = await labelEntries(tx, rows.rows);
    const day = ctx.today;
    return {
      subject,
      entries,
      recipient,
      csv: accessHistoryCsv(entries),
      filename: `access-history-${(subject.vigilRef ?? subject.recordId).replace(/[^\w-]/g, '')}-${day}.csv`,
    };
  });
}
