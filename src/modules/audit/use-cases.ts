import { sql } from 'kysely';
import type { Actor, UseCaseContext } from '../../access/actor.ts';
import { can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { ForbiddenError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { parseVigilReference } from '../../domain/identifiers.ts';
import { isUuid } from '../../validation/fields.ts';
import { accessHistoryCsv, type AccessLogRow } from './csv.ts';
import { AUDIT_PAGE_SIZE, countCapped, parsePage, type AccessLogPage } from '../../audit/paging.ts';

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

/** Whose history is asked for: a person by Vigil reference or id, or any record by id. */
export interface Subject {
  recordId: string;
  vigilRef: string | null;
  name: string | null;
  areaCode: string | null;
}

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
    const subject = await findSubject(tx, input.q);
    const { total, capped } = await countCapped(
      tx,
      sql`SELECT 1 FROM access_log_records WHERE record_id = ${subject.recordId}::uuid`,
    );
    const rows = await sql<EntryRow>`
      WITH page AS (
        SELECT entry_id, at FROM access_log_records
        WHERE record_id = ${subject.recordId}::uuid
        ORDER BY at DESC, entry_id DESC
        LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(page - 1) * AUDIT_PAGE_SIZE}
      )
      SELECT ${ENTRY_COLUMNS}
      FROM page p
      JOIN access_log l ON l.id = p.entry_id AND l.at = p.at
      LEFT JOIN users u ON u.id = l.user_id
      LEFT JOIN agencies g ON g.id = l.agency_id
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
      entries: rows.rows.map(toRow),
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
    const user = await tx
      .selectFrom('users as u')
      .innerJoin('agencies as g', 'g.id', 'u.agency_id')
      .select(['u.id', 'u.email', 'u.display_name as name', 'g.name as agencyName'])
      .where(sql<boolean>`lower(u.email) = ${email}`)
      .executeTakeFirst();
    if (!user) throw new ValidationError({ email: 'No user has this email address' });
    const { total, capped } = await countCapped(
      tx,
      sql`SELECT 1 FROM access_log WHERE user_id = ${user.id}::uuid`,
    );
    const rows = await sql<EntryRow>`
      SELECT ${ENTRY_COLUMNS}
      FROM access_log l
      LEFT JOIN users u ON u.id = l.user_id
      LEFT JOIN agencies g ON g.id = l.agency_id
      WHERE l.user_id = ${user.id}::uuid
      ORDER BY l.at DESC, l.id DESC
      LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(page - 1) * AUDIT_PAGE_SIZE}`.execute(tx);
    const entries = rows.rows.map(toRow);
    const ids = [...new Set(entries.flatMap((e) => e.recordIds))];
    const refs = new Map(
      ids.length
        ? (await tx.selectFrom('nominals').select(['id', 'vigil_ref']).where('id', 'in', ids).execute()).map(
            (n) => [n.id, n.vigil_ref] as const,
          )
        : [],
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
        records: e.recordIds.map((id) => ({ id, vigilRef: refs.get(id) ?? null })),
      })),
      total,
      totalCapped: capped,
      page,
      pageSize: AUDIT_PAGE_SIZE,
    };
  });
}

// --- Export of a person's access history -------------------------------------------------------

export const EXPORT_PURPOSES = [
  { value: 'subject_access_request', text: 'Subject access request' },
  { value: 'information_commissioner', text: 'Request from the Information Commissioner’s Office' },
  { value: 'investigation', text: 'Investigation of a possible data breach or misuse' },
] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number]['value'];

export interface ExportInput {
  q?: unknown;
  recipient?: unknown;
  purpose?: unknown;
  reference?: unknown;
}

export function validateExport(input: ExportInput): {
  recipient: string;
  purpose: ExportPurpose;
  reference: string | null;
} {
  const errors: FieldErrors = {};
  if (typeof input.q !== 'string' || !input.q.trim())
    errors.q = 'Enter the Vigil reference or record id of the person';
  const recipient = typeof input.recipient === 'string' ? input.recipient.trim().replace(/\s+/g, ' ') : '';
  if (recipient.length < 3)
    errors.recipient = 'Enter who the access history is for, for example the person themselves or the ICO';
  else if (recipient.length > 200) errors.recipient = 'Recipient must be 200 characters or fewer';
  const purpose = EXPORT_PURPOSES.find((p) => p.value === input.purpose)?.value;
  if (!purpose) errors.purpose = 'Select why you are exporting the access history';
  const reference = typeof input.reference === 'string' ? input.reference.trim() : '';
  if (reference.length > 100) errors.reference = 'Reference must be 100 characters or fewer';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { recipient, purpose: purpose!, reference: reference || null };
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
  const { recipient, purpose, reference } = validateExport(input);
  const purposeText =
    EXPORT_PURPOSES.find((p) => p.value === purpose)!.text + (reference ? ` (reference ${reference})` : '');
  return database.transaction(async (tx) => {
    const subject = await findSubject(tx, input.q);
    await logAccess(tx, ctx, {
      operation: 'disclosure',
      recordType: 'access_log',
      recordIds: [subject.recordId],
      section: 'access history export (CSV)',
      purpose: purposeText,
      recipients: [recipient],
    });
    const rows = await sql<EntryRow>`
      SELECT ${ENTRY_COLUMNS}
      FROM access_log_records r
      JOIN access_log l ON l.id = r.entry_id AND l.at = r.at
      LEFT JOIN users u ON u.id = l.user_id
      LEFT JOIN agencies g ON g.id = l.agency_id
      WHERE r.record_id = ${subject.recordId}::uuid
      ORDER BY r.at, r.entry_id`.execute(tx);
    const entries = rows.rows.map(toRow);
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

// --- Shared ---------------------------------------------------------------------------------

async function findSubject(tx: Tx, raw: unknown): Promise<Subject> {
  const q = typeof raw === 'string' ? raw.trim() : '';
  if (!q) throw new ValidationError({ q: 'Enter a Vigil reference, like VGL-0000001Y, or a record id' });
  let nominal;
  if (isUuid(q)) {
    nominal = await tx
      .selectFrom('nominals')
      .select(['id', 'vigil_ref', 'forename', 'surname', 'area_code'])
      .where('id', '=', q.toLowerCase())
      .executeTakeFirst();
    // Any record's id will do: the log also names justified accesses, users and records since erased.
    if (!nominal) return { recordId: q.toLowerCase(), vigilRef: null, name: null, areaCode: null };
  } else {
    const ref = parseVigilReference(q);
    if (!ref.ok) throw new ValidationError({ q: `${ref.error}, or give a record id` });
    nominal = await tx
      .selectFrom('nominals')
      .select(['id', 'vigil_ref', 'forename', 'surname', 'area_code'])
      .where('vigil_ref', '=', ref.value)
      .executeTakeFirst();
    if (!nominal) throw new ValidationError({ q: `No person has the Vigil reference ${ref.value}` });
  }
  return {
    recordId: nominal.id,
    vigilRef: nominal.vigil_ref,
    name: `${nominal.forename} ${nominal.surname}`,
    areaCode: nominal.area_code,
  };
}

interface EntryRow {
  seq: number;
  at: string;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  agency_name: string | null;
  roles: string[] | null;
  service_account_id: string | null;
  operation: string;
  record_type: string;
  record_ids: string[] | null;
  section: string | null;
  purpose: string | null;
  recipients: string[] | null;
  source_address: string | null;
  request_id: string | null;
}

const ENTRY_COLUMNS = sql`
  l.id AS seq, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  l.user_id::text AS user_id, u.display_name AS user_name, u.email AS user_email, g.name AS agency_name, l.roles,
  l.service_account_id::text AS service_account_id, l.operation, l.record_type, l.record_ids::text[] AS record_ids,
  l.section, l.purpose, l.recipients, l.source_address, l.request_id`;

function toRow(r: EntryRow): AccessLogRow {
  return {
    seq: Number(r.seq),
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    userEmail: r.user_email,
    agencyName: r.agency_name,
    roles: r.roles ?? [],
    serviceAccountId: r.service_account_id,
    operation: r.operation,
    recordType: r.record_type,
    recordIds: r.record_ids ?? [],
    section: r.section,
    purpose: r.purpose,
    recipients: r.recipients ?? [],
    sourceAddress: r.source_address,
    requestId: r.request_id,
  };
}
