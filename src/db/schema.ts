import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables in migrations/. Calendar dates are ISO strings; instants are Dates. */
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;

export interface Schema {
  areas: { code: string; name: string; country: string; police_forces: string; population_millions: string };
  agencies: { id: Generated<string>; area_code: string; type: string; name: string };
  users: {
    id: Generated<string>;
    email: string;
    display_name: string;
    agency_id: string;
    area_code: string;
    password_hash: string | null;
    disabled_at: Date | null;
    created_at: Instant;
    created_by: string | null;
    version: Version;
  };
  user_roles: { user_id: string; role: string };
  sessions: {
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Instant;
    last_seen_at: Instant;
    expires_at: Date | string;
    ended_at: Date | null;
  };
  service_accounts: {
    id: Generated<string>;
    name: string;
    user_id: string;
    token_hash: string;
    created_at: Instant;
    expires_at: Date | null;
    revoked_at: Date | null;
  };
  nominals: {
    id: Generated<string>;
    vigil_ref: string;
    area_code: string;
    forename: string;
    middle_names: string | null;
    surname: string;
    date_of_birth: string;
    sex: string;
    gender_identity: string | null;
    ethnicity: string | null;
    nationality: string | null;
    disability: string | null;
    religion: string | null;
    sexual_orientation: string | null;
    language: string | null;
    interpreter_needed: Generated<boolean>;
    lead_agency_id: string | null;
    mappa_category: number | null;
    mappa_level: number | null;
    version: Version;
    created_at: Instant;
    created_by: string;
    updated_at: Instant;
    updated_by: string;
  };
  nominal_aliases: {
    id: Generated<string>;
    nominal_id: string;
    forename: string;
    surname: string;
    date_of_birth: string | null;
    from_date: string | null;
    to_date: string | null;
    version: Version;
  };
  nominal_names: {
    nominal_id: string;
    alias_id: string | null;
    forename: string;
    surname: string;
    full_name: ColumnType<string, never, never>;
    forename_sound: ColumnType<string, never, never>;
    surname_sound: ColumnType<string, never, never>;
  };
  nominal_identifiers: {
    id: Generated<string>;
    nominal_id: string;
    type: string;
    value: string;
    version: Version;
  };
  addresses: {
    id: Generated<string>;
    nominal_id: string;
    type: string;
    line1: string | null;
    line2: string | null;
    town: string | null;
    postcode: string | null;
    from_date: string;
    to_date: string | null;
    version: Version;
  };
  relationships: {
    id: Generated<string>;
    nominal_id: string;
    type: string;
    person_name: string;
    related_nominal_id: string | null;
    date_of_birth: string | null;
    is_child: boolean;
    in_household: boolean;
    from_date: string | null;
    to_date: string | null;
    notes: string | null;
    version: Version;
  };
  convictions: {
    id: Generated<string>;
    nominal_id: string;
    offence: string;
    offence_date: string | null;
    conviction_date: string;
    court: string | null;
    outcome: string;
    length_months: number | null;
    is_index_offence: boolean;
    sentence_start: string | null;
    conditional_release_date: string | null;
    parole_eligibility_date: string | null;
    hdc_eligibility_date: string | null;
    licence_expiry_date: string | null;
    sentence_expiry_date: string | null;
    actual_release_date: string | null;
    version: Version;
  };
  risk_assessments: {
    id: Generated<string>;
    nominal_id: string;
    assessed_on: string;
    assessor: string;
    rosh_overall: string;
    rosh_children: string | null;
    rosh_public: string | null;
    rosh_known_adult: string | null;
    rosh_staff: string | null;
    rosh_prisoners: string | null;
    rm2000: string | null;
    osp_score: string | null;
    osp_band: string | null;
    rsr_score: string | null;
    rsr_band: string | null;
    recorded_at: Instant;
    recorded_by: string;
  };
  markers: {
    id: Generated<string>;
    nominal_id: string;
    type: string;
    start_date: string;
    end_date: string | null;
    notes: string | null;
    version: Version;
  };
  nominal_managers: {
    id: Generated<string>;
    nominal_id: string;
    role: string;
    user_id: string | null;
    name: string;
    agency_id: string;
    from_date: string;
    to_date: string | null;
    version: Version;
  };
  nominal_changes: {
    id: Generated<number>;
    nominal_id: string;
    at: Instant;
    user_id: string;
    section: string;
    entity_id: string;
    entity_version: number | null;
    action: 'created' | 'updated' | 'ended' | 'removed';
    summary: string;
    before: unknown;
    after: unknown;
  };
  access_log: {
    id: Generated<number>;
    at: Instant;
    user_id: string | null;
    agency_id: string | null;
    roles: string[];
    operation: 'collection' | 'alteration' | 'consultation' | 'disclosure' | 'combination' | 'erasure';
    record_type: string;
    record_ids: string[];
    section: string | null;
    purpose: string | null;
    source_address: string | null;
    request_id: string | null;
  };
  schema_migrations: { name: string; applied_at: Instant };
}
