import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';

/**
 * The tables the generator fills and the columns it writes (the order of each row's values), in an
 * order that satisfies every foreign key. Nothing here re-declares the schema: the names are
 * checked against db/schema.ts when the code compiles, and the SQL types are read from the
 * database's own catalog (the migrations). A batch is written with one statement per table:
 *   INSERT INTO t (cols) SELECT c1::type1, … FROM unnest($1::text[], …) AS u(c1, …)
 * one array parameter per column, whatever the number of rows — the same on PGlite and on a
 * PostgreSQL server, and without a driver for COPY.
 */
export const TABLES = {
  users: [
    'id',
    'email',
    'display_name',
    'agency_id',
    'area_code',
    'password_hash',
    'vetting_level',
    'vetting_expires_on',
    'training_completed_on',
    'password_changed_at',
    'created_at',
  ],
  user_roles: ['user_id', 'role'],
  nominals: [
    'id',
    'vigil_ref',
    'area_code',
    'forename',
    'middle_names',
    'surname',
    'date_of_birth',
    'sex',
    'ethnicity',
    'nationality',
    'lead_agency_id',
    'mappa_category',
    'mappa_level',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'first_appointment_on',
    'rotl_first_release_on',
    'category3_accepted_on',
    'terrorism_risk_accepted_on',
  ],
  nominal_aliases: ['id', 'nominal_id', 'forename', 'surname', 'date_of_birth', 'from_date'],
  nominal_names: ['nominal_id', 'alias_id', 'forename', 'surname'],
  nominal_identifiers: ['id', 'nominal_id', 'type', 'value'],
  addresses: ['id', 'nominal_id', 'type', 'line1', 'town', 'postcode', 'from_date', 'to_date'],
  convictions: [
    'id',
    'nominal_id',
    'offence',
    'offence_date',
    'conviction_date',
    'court',
    'outcome',
    'length_months',
    'is_index_offence',
    'sentence_start',
    'conditional_release_date',
    'parole_eligibility_date',
    'hdc_eligibility_date',
    'licence_expiry_date',
    'sentence_expiry_date',
    'actual_release_date',
    'sentence_type',
    'length_days',
    'extension_months',
    'operational_months',
    'supervision_months',
    'consecutive_to',
    'terrorist_connection',
    'victim_age',
    'disposal_ended_on',
    'notification_ended_on',
  ],
  civil_orders: [
    'id',
    'nominal_id',
    'kind',
    'made_on',
    'court',
    'ends_on',
    'foreign_conviction_date',
    'foreign_outcome',
    'foreign_length_months',
    'notes',
  ],
  risk_assessments: [
    'id',
    'nominal_id',
    'assessed_on',
    'assessor',
    'rosh_overall',
    'rosh_children',
    'rosh_public',
    'rosh_known_adult',
    'rosh_staff',
    'rm2000',
    'osp_band',
    'rsr_score',
    'rsr_band',
    'recorded_at',
    'recorded_by',
  ],
  markers: ['id', 'nominal_id', 'type', 'start_date', 'end_date'],
  nominal_managers: ['id', 'nominal_id', 'role', 'user_id', 'name', 'agency_id', 'from_date'],
  meetings: [
    'id',
    'area_code',
    'level',
    'starts_at',
    'format',
    'location',
    'online_link',
    'chair_user_id',
    'status',
    'closed_at',
    'closed_by',
    'created_at',
    'created_by',
  ],
  referrals: [
    'id',
    'nominal_id',
    'area_code',
    'status',
    'requested_level',
    'category3',
    'emergency',
    'reason',
    'value_added',
    'invited_agency_ids',
    'record_snapshot',
    'created_at',
    'created_by',
    'updated_at',
    'submitted_at',
  ],
  level_decisions: [
    'id',
    'nominal_id',
    'level',
    'category',
    'kind',
    'criteria',
    'rationale',
    'decided_on',
    'decided_at',
    'decided_by',
    'warning',
    'continues_at_lower_level',
    'meeting_id',
  ],
  referral_decisions: [
    'id',
    'referral_id',
    'outcome',
    'level',
    'rationale',
    'route',
    'decided_by',
    'level_decision_id',
    'decided_at',
  ],
  meeting_nominals: ['meeting_id', 'nominal_id', 'referral_id', 'position'],
  meeting_invitations: ['id', 'meeting_id', 'agency_id', 'standing', 'invited_at', 'invited_by'],
  meeting_attendance: [
    'id',
    'meeting_id',
    'agency_id',
    'person_name',
    'user_id',
    'attendance',
    'recorded_at',
    'recorded_by',
  ],
  minutes: [
    'id',
    'meeting_id',
    'nominal_id',
    'version',
    'status',
    'content',
    'updated_at',
    'updated_by',
    'approved_at',
    'approved_by',
  ],
  actions: [
    'id',
    'nominal_id',
    'meeting_id',
    'description',
    'pillar',
    'safeguarding',
    'owner_agency_id',
    'owner_user_id',
    'owner_name',
    'due_on',
    'status',
    'created_at',
    'created_by',
    'distributed_at',
    'completed_on',
  ],
  action_updates: ['id', 'action_id', 'meeting_id', 'note', 'status', 'created_at', 'created_by'],
  risk_management_plans: [
    'nominal_id',
    'version',
    'supervision',
    'monitoring_and_control',
    'interventions_and_treatment',
    'victim_safety_planning',
    'contingency',
    'conditions',
    'reason',
    'meeting_id',
    'changed_at',
    'changed_by',
  ],
  significant_events: [
    'id',
    'nominal_id',
    'type',
    'occurred_on',
    'description',
    'recorded_at',
    'recorded_by',
    'reviewed_by_decision',
  ],
  offender_notifications: ['id', 'nominal_id', 'kind', 'notified_on', 'recorded_at', 'recorded_by'],
  notification_events: [
    'id',
    'nominal_id',
    'kind',
    'occurred_on',
    'notified_on',
    'details',
    'recorded_at',
    'recorded_by',
  ],
  category3_considerations: ['id', 'nominal_id', 'outcome', 'reason', 'considered_at', 'considered_by'],
  nominal_obligations: [
    'nominal_id',
    'area_code',
    'category',
    'category_reason',
    'eligibility_ends_on',
    'level',
    'in_custody',
    'on_rotl',
    'earliest_release_on',
    'level_decision_due_on',
    'level_decision_basis',
    'review_due_on',
    'review_basis',
    'unreviewed_event_since',
    'notification_due_on',
    'last_reduction_on',
    'reduced_near_release',
    'category3_candidate',
    'computed_on',
    'category_basis',
    'category_facts',
    'notification_basis',
    'notification_obligations',
    'subject_to_notification',
    'classification_needed',
    'rules_version',
  ],
  custody_episodes: [
    'id',
    'nominal_id',
    'establishment_agency_id',
    'received_on',
    'recall',
    'security_category',
    'sentence_start_date',
    'conditional_release_date',
    'parole_eligibility_date',
    'hdc_eligibility_date',
    'licence_expiry_date',
    'sentence_expiry_date',
    'pom_user_id',
    'pom_allocated_on',
    'com_user_id',
    'com_allocated_on',
    'handed_over_on',
    'handover_three_way',
    'released_on',
    'release_type',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  custody_moves: [
    'id',
    'episode_id',
    'from_agency_id',
    'to_agency_id',
    'moved_on',
    'reason',
    'recorded_by',
    'recorded_at',
  ],
  monitoring_cases: [
    'id',
    'nominal_id',
    'episode_id',
    'pin_account',
    'reasons',
    'authorised_by',
    'authorised_on',
    'last_reviewed_on',
    'ended_on',
    'ended_reason',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
  ],
  monitored_contacts: ['id', 'case_id', 'counterpart', 'link', 'source', 'recorded_by', 'recorded_at'],
  communications: [
    'id',
    'case_id',
    'kind',
    'occurred_at',
    'occurred_on',
    'counterpart',
    'duration_seconds',
    'import_id',
    'listened_on',
    'summary',
    'language',
    'translation_requested_on',
    'translation_done_on',
    'concerns',
    'recorded_by',
    'recorded_at',
  ],
  monitoring_flags: [
    'id',
    'case_id',
    'key',
    'kind',
    'counterpart',
    'count',
    'from_on',
    'to_on',
    'evidence',
    'raised_on',
  ],
} as const satisfies { readonly [T in keyof Schema]?: readonly (keyof Schema[T] & string)[] };

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

let catalog: Promise<Map<string, string>> | undefined;

/** Each generated column's SQL type (`table.column` → e.g. `timestamp with time zone`), from the catalog once. */
function columnTypes(tx: Tx): Promise<Map<string, string>> {
  catalog ??= sql<{ name: string; type: string }>`
      SELECT c.relname || '.' || a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = current_schema()::regnamespace
        AND c.relname = ANY(${Object.keys(TABLES)}::text[])
        AND a.attnum > 0 AND NOT a.attisdropped`
    .execute(tx)
    .then(({ rows }) => {
      const types = new Map(rows.map((r) => [r.name, r.type]));
      const missing = Object.entries(TABLES).flatMap(([t, cs]) =>
        (cs as readonly string[]).filter((c) => !types.has(`${t}.${c}`)).map((c) => `${t}.${c}`),
      );
      if (missing.length)
        throw new Error(`The database has no column ${missing.join(', ')}: run the migrations`);
      return types;
    });
  return catalog;
}

/** Writes rows of one table with a single INSERT … SELECT FROM unnest(one text[] per column). */
export async function insertRows(tx: Tx, table: TableName, rows: readonly unknown[][]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns: readonly string[] = TABLES[table];
  const types = await columnTypes(tx);
  const arrays = columns.map((_, c) => rows.map((r) => asText(r[c])));
  const names = sql.join(columns.map((name) => sql.ref(name)));
  const casts = sql.join(columns.map((name) => sql.raw(`u.${name}::${types.get(`${table}.${name}`)}`)));
  const unnest = sql.join(arrays.map((values) => sql`${values}::text[]`));
  const aliases = sql.join(columns.map((name) => sql.raw(name)));
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
