import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';

/**
 * The tables the generator fills, each with the columns it writes and their types, in an order
 * that satisfies every foreign key. A batch is written with one statement per table:
 *   INSERT INTO t (cols) SELECT c1::type1, … FROM unnest($1::text[], …) AS u(c1, …)
 * one array parameter per column, whatever the number of rows — the same on PGlite and on a
 * PostgreSQL server, and without a driver for COPY.
 */
export const TABLES = {
  users: [
    ['id', 'uuid'],
    ['email', 'text'],
    ['display_name', 'text'],
    ['agency_id', 'uuid'],
    ['area_code', 'text'],
    ['password_hash', 'text'],
    ['vetting_level', 'text'],
    ['vetting_expires_on', 'date'],
    ['training_completed_on', 'date'],
    ['password_changed_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
  ],
  user_roles: [
    ['user_id', 'uuid'],
    ['role', 'text'],
  ],
  nominals: [
    ['id', 'uuid'],
    ['vigil_ref', 'text'],
    ['area_code', 'text'],
    ['forename', 'text'],
    ['middle_names', 'text'],
    ['surname', 'text'],
    ['date_of_birth', 'date'],
    ['sex', 'text'],
    ['ethnicity', 'text'],
    ['nationality', 'text'],
    ['lead_agency_id', 'uuid'],
    ['mappa_category', 'smallint'],
    ['mappa_level', 'smallint'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['updated_at', 'timestamptz'],
    ['updated_by', 'uuid'],
    ['first_appointment_on', 'date'],
    ['rotl_first_release_on', 'date'],
    ['category3_accepted_on', 'date'],
  ],
  nominal_aliases: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['forename', 'text'],
    ['surname', 'text'],
    ['date_of_birth', 'date'],
    ['from_date', 'date'],
  ],
  nominal_names: [
    ['nominal_id', 'uuid'],
    ['alias_id', 'uuid'],
    ['forename', 'text'],
    ['surname', 'text'],
  ],
  nominal_identifiers: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['type', 'text'],
    ['value', 'text'],
  ],
  addresses: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['type', 'text'],
    ['line1', 'text'],
    ['town', 'text'],
    ['postcode', 'text'],
    ['from_date', 'date'],
    ['to_date', 'date'],
  ],
  convictions: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['offence', 'text'],
    ['offence_date', 'date'],
    ['conviction_date', 'date'],
    ['court', 'text'],
    ['outcome', 'text'],
    ['length_months', 'integer'],
    ['is_index_offence', 'boolean'],
    ['sentence_start', 'date'],
    ['conditional_release_date', 'date'],
    ['parole_eligibility_date', 'date'],
    ['hdc_eligibility_date', 'date'],
    ['licence_expiry_date', 'date'],
    ['sentence_expiry_date', 'date'],
    ['actual_release_date', 'date'],
  ],
  risk_assessments: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['assessed_on', 'date'],
    ['assessor', 'text'],
    ['rosh_overall', 'text'],
    ['rosh_children', 'text'],
    ['rosh_public', 'text'],
    ['rosh_known_adult', 'text'],
    ['rosh_staff', 'text'],
    ['rm2000', 'text'],
    ['osp_band', 'text'],
    ['rsr_score', 'numeric'],
    ['rsr_band', 'text'],
    ['recorded_at', 'timestamptz'],
    ['recorded_by', 'uuid'],
  ],
  markers: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['type', 'text'],
    ['start_date', 'date'],
    ['end_date', 'date'],
  ],
  nominal_managers: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['role', 'text'],
    ['user_id', 'uuid'],
    ['name', 'text'],
    ['agency_id', 'uuid'],
    ['from_date', 'date'],
  ],
  meetings: [
    ['id', 'uuid'],
    ['area_code', 'text'],
    ['level', 'smallint'],
    ['starts_at', 'timestamptz'],
    ['format', 'text'],
    ['location', 'text'],
    ['online_link', 'text'],
    ['chair_user_id', 'uuid'],
    ['status', 'text'],
    ['closed_at', 'timestamptz'],
    ['closed_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
  ],
  referrals: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['area_code', 'text'],
    ['status', 'text'],
    ['requested_level', 'smallint'],
    ['category3', 'boolean'],
    ['emergency', 'boolean'],
    ['reason', 'text'],
    ['value_added', 'text'],
    ['invited_agency_ids', 'uuid[]'],
    ['record_snapshot', 'jsonb'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['updated_at', 'timestamptz'],
    ['submitted_at', 'timestamptz'],
  ],
  level_decisions: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['level', 'smallint'],
    ['category', 'smallint'],
    ['kind', 'text'],
    ['criteria', 'text[]'],
    ['rationale', 'text'],
    ['decided_on', 'date'],
    ['decided_at', 'timestamptz'],
    ['decided_by', 'uuid'],
    ['warning', 'text'],
    ['continues_at_lower_level', 'text'],
    ['meeting_id', 'uuid'],
  ],
  referral_decisions: [
    ['id', 'uuid'],
    ['referral_id', 'uuid'],
    ['outcome', 'text'],
    ['level', 'smallint'],
    ['rationale', 'text'],
    ['route', 'text'],
    ['decided_by', 'uuid'],
    ['level_decision_id', 'uuid'],
    ['decided_at', 'timestamptz'],
  ],
  meeting_nominals: [
    ['meeting_id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['referral_id', 'uuid'],
    ['position', 'smallint'],
  ],
  meeting_invitations: [
    ['id', 'uuid'],
    ['meeting_id', 'uuid'],
    ['agency_id', 'uuid'],
    ['standing', 'boolean'],
    ['invited_at', 'timestamptz'],
    ['invited_by', 'uuid'],
  ],
  meeting_attendance: [
    ['id', 'uuid'],
    ['meeting_id', 'uuid'],
    ['agency_id', 'uuid'],
    ['person_name', 'text'],
    ['user_id', 'uuid'],
    ['attendance', 'text'],
    ['recorded_at', 'timestamptz'],
    ['recorded_by', 'uuid'],
  ],
  minutes: [
    ['id', 'uuid'],
    ['meeting_id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['version', 'integer'],
    ['status', 'text'],
    ['content', 'jsonb'],
    ['updated_at', 'timestamptz'],
    ['updated_by', 'uuid'],
    ['approved_at', 'timestamptz'],
    ['approved_by', 'uuid'],
  ],
  actions: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['meeting_id', 'uuid'],
    ['description', 'text'],
    ['pillar', 'text'],
    ['safeguarding', 'boolean'],
    ['owner_agency_id', 'uuid'],
    ['owner_user_id', 'uuid'],
    ['owner_name', 'text'],
    ['due_on', 'date'],
    ['status', 'text'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['distributed_at', 'timestamptz'],
    ['completed_on', 'date'],
  ],
  action_updates: [
    ['id', 'uuid'],
    ['action_id', 'uuid'],
    ['meeting_id', 'uuid'],
    ['note', 'text'],
    ['status', 'text'],
    ['created_at', 'timestamptz'],
    ['created_by', 'uuid'],
  ],
  risk_management_plans: [
    ['nominal_id', 'uuid'],
    ['version', 'integer'],
    ['supervision', 'text'],
    ['monitoring_and_control', 'text'],
    ['interventions_and_treatment', 'text'],
    ['victim_safety_planning', 'text'],
    ['contingency', 'text'],
    ['conditions', 'jsonb'],
    ['reason', 'text'],
    ['meeting_id', 'uuid'],
    ['changed_at', 'timestamptz'],
    ['changed_by', 'uuid'],
  ],
  significant_events: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['type', 'text'],
    ['occurred_on', 'date'],
    ['description', 'text'],
    ['recorded_at', 'timestamptz'],
    ['recorded_by', 'uuid'],
    ['reviewed_by_decision', 'uuid'],
  ],
  offender_notifications: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['kind', 'text'],
    ['notified_on', 'date'],
    ['recorded_at', 'timestamptz'],
    ['recorded_by', 'uuid'],
  ],
  category3_considerations: [
    ['id', 'uuid'],
    ['nominal_id', 'uuid'],
    ['outcome', 'text'],
    ['reason', 'text'],
    ['considered_at', 'timestamptz'],
    ['considered_by', 'uuid'],
  ],
  nominal_obligations: [
    ['nominal_id', 'uuid'],
    ['area_code', 'text'],
    ['category', 'smallint'],
    ['category_reason', 'text'],
    ['eligibility_ends_on', 'date'],
    ['level', 'smallint'],
    ['in_custody', 'boolean'],
    ['on_rotl', 'boolean'],
    ['earliest_release_on', 'date'],
    ['level_decision_due_on', 'date'],
    ['level_decision_basis', 'text'],
    ['review_due_on', 'date'],
    ['review_basis', 'text'],
    ['unreviewed_event_since', 'date'],
    ['notification_due_on', 'date'],
    ['last_reduction_on', 'date'],
    ['reduced_near_release', 'boolean'],
    ['category3_candidate', 'boolean'],
    ['computed_on', 'date'],
  ],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;

export type TableName = keyof typeof TABLES;
export type Rows = Record<TableName, unknown[][]>;

export const emptyRows = (): Rows =>
  Object.fromEntries(Object.keys(TABLES).map((t) => [t, []])) as unknown as Rows;

/** A value as the text PostgreSQL parses back into the column's type; arrays as array literals. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value))
    return `{${value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;
  return String(value);
}

/** Writes rows of one table with a single INSERT … SELECT FROM unnest(one text[] per column). */
export async function insertRows(tx: Tx, table: TableName, rows: readonly unknown[][]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = TABLES[table];
  const arrays = columns.map((_, c) => rows.map((r) => asText(r[c])));
  const names = sql.join(columns.map(([name]) => sql.ref(name)));
  const casts = sql.join(columns.map(([name, type]) => sql.raw(`u.${name}::${type}`)));
  const unnest = sql.join(arrays.map((values) => sql`${values}::text[]`));
  const aliases = sql.join(columns.map(([name]) => sql.raw(name)));
  await sql`INSERT INTO ${sql.table(table)} (${names}) SELECT ${casts} FROM unnest(${unnest}) AS u(${aliases})`.execute(
    tx,
  );
  return rows.length;
}

/** Writes a batch: every table in foreign-key order. Returns the number of rows written. */
export async function insertBatch(tx: Tx, rows: Rows): Promise<number> {
  let written = 0;
  for (const table of Object.keys(TABLES) as TableName[]) written += await insertRows(tx, table, rows[table]);
  return written;
}
