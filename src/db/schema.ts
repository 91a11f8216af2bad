import type { ColumnType, Generated } from 'kysely';

/** How a sign-in attempt failed, for throttling (sign_in_failures.step). */
export type FailureStep = 'password' | 'totp' | 'recovery-code' | 'reauthentication' | 'change-password';

/** Row types of the tables in migrations/. Calendar dates are ISO strings; instants are Dates. */
type Instant = ColumnType<Date, Date | string, Date | string>;
type Version = ColumnType<number, number | undefined, number>;

/** One open Sexual Offences Act 2003 Part 2 duty, as stored in nominal_obligations (src/domain/notification-requirements.ts). */
export interface NotificationObligationRow {
  kind: string;
  dueOn: string | null;
  basis: string;
  section: string;
  eventId: string | null;
}

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
    vetting_level: string | null;
    vetting_expires_on: string | null;
    training_completed_on: string | null;
    totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
    totp_enrolled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
    password_changed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
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
    mfa_verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    reauthenticated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    authenticated_by: ColumnType<'password' | 'oidc', 'password' | 'oidc' | undefined, 'password' | 'oidc'>;
    pending_totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
    ended_reason: ColumnType<string | null, string | null | undefined, string | null>;
  };
  service_accounts: {
    id: Generated<string>;
    name: string;
    user_id: string;
    token_hash: string;
    created_at: Instant;
    expires_at: Date | null;
    revoked_at: Date | null;
    read_only: ColumnType<boolean, boolean | undefined, boolean>;
    area_codes: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
    created_by: ColumnType<string | null, string | null | undefined, string | null>;
    revoked_by: ColumnType<string | null, string | null | undefined, string | null>;
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
    first_appointment_on: string | null;
    rotl_first_release_on: string | null;
    category3_accepted_on: string | null;
    category3_ended_on: string | null;
    terrorism_risk_accepted_on: string | null;
    terrorism_risk_ended_on: string | null;
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
    sentence_type: 'determinate' | 'life' | 'ipp' | 'dpp' | 'hmp' | 'extended' | 'sopc' | 'dto' | null;
    length_days: number | null;
    extension_months: number | null;
    operational_months: number | null;
    supervision_months: number | null;
    consecutive_to: string | null;
    terrorist_connection: Generated<boolean>;
    victim_age: 'under_13' | '13_to_15' | '16_or_17' | '18_or_over' | 'no_victim' | null;
    disposal_ended_on: string | null;
    notification_ended_on: string | null;
    version: Version;
  };
  civil_orders: {
    id: Generated<string>;
    nominal_id: string;
    kind:
      | 'shpo'
      | 'interim_shpo'
      | 'notification_order'
      | 'interim_notification_order'
      | 'cta_notification_order'
      | 'restraining_order';
    made_on: string;
    court: string | null;
    ends_on: string | null;
    foreign_conviction_date: string | null;
    foreign_outcome: string | null;
    foreign_length_months: number | null;
    exclusion_zone: string | null;
    notes: string | null;
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
    sensitivity: 'victims' | 'health' | 'intelligence' | null;
  };
  agency_involvements: {
    id: Generated<string>;
    nominal_id: string;
    agency_id: string;
    reason: 'meeting_invitation' | 'action';
    source_id: string | null;
    sections: string[];
    from_date: string;
    to_date: string | null;
    created_at: Instant;
    created_by: string;
  };
  justified_accesses: {
    id: Generated<string>;
    user_id: string;
    nominal_id: string;
    owning_area_code: string;
    reason: string;
    granted_at: Instant;
    expires_at: Date | string;
    reviewed_at: Date | null;
    reviewed_by: string | null;
    review_outcome: 'appropriate' | 'inappropriate' | null;
    review_note: string | null;
  };
  access_log: {
    /** Position in the hash chain: 1, 2, 3… with no gaps. */
    id: Generated<number>;
    at: Generated<Date>;
    user_id: string | null;
    agency_id: string | null;
    roles: string[];
    service_account_id: string | null;
    operation: 'collection' | 'alteration' | 'consultation' | 'disclosure' | 'combination' | 'erasure';
    record_type: string;
    record_ids: string[];
    section: string | null;
    purpose: string | null;
    recipients: Generated<string[]>;
    source_address: string | null;
    request_id: string | null;
    prev_hash: Generated<Buffer>;
    hash: Generated<Buffer>;
  };
  access_log_records: { record_id: string; at: Date; entry_id: number };
  access_log_head: { singleton: boolean; seq: number; hash: Buffer };
  /** Signed checkpoints of the chain, append-only (migration 0018): `checkpoint` is the signed JSON. */
  access_log_checkpoints: { head_seq: number; head_hash: Buffer; at: Date; checkpoint: string };
  notifications: {
    id: Generated<string>;
    user_id: string;
    nominal_id: string | null;
    subject: string;
    body: string;
    link: string | null;
    created_at: Instant;
    created_by: string | null;
    read_at: Date | null;
    emailed_at: Date | null;
    about_type: 'referral' | 'meeting' | 'minutes' | 'prison-report' | 'action' | null;
    about_id: string | null;
    resolved_at: Date | null;
    resolved_by: string | null;
  };
  area_settings: {
    area_code: string;
    level2_review_weeks: number;
    level3_review_weeks: number;
    significant_event_review_days: number;
    countersignature_required: boolean;
    screening_route: Generated<'coordinator' | 'panel' | 'joint'>;
  };
  screenings: {
    id: Generated<string>;
    nominal_id: string;
    answers: unknown;
    completed_at: Instant;
    completed_by: string;
  };
  level_decisions: {
    id: Generated<string>;
    nominal_id: string;
    level: number | null;
    category: number | null;
    kind: 'initial' | 'review' | 'escalation' | 'reduction' | 'deregistration';
    criteria: string[];
    rationale: string;
    screening_id: string | null;
    decided_on: string;
    decided_at: Instant;
    decided_by: string;
    countersigned_at: Date | null;
    countersigned_by: string | null;
    warning: string | null;
    countersignature_required: Generated<boolean>;
    override_reason: string | null;
    override_by: string | null;
    continues_at_lower_level: string | null;
    meeting_id: string | null;
  };
  status_notifications: {
    id: Generated<string>;
    nominal_id: string;
    told_on: string;
    invited_to_contribute: boolean;
    their_views: string | null;
    recorded_at: Instant;
    recorded_by: string;
  };
  significant_events: {
    id: Generated<string>;
    nominal_id: string;
    type: string;
    occurred_on: string;
    description: string;
    recorded_at: Instant;
    recorded_by: string;
    reviewed_by_decision: string | null;
  };
  category3_considerations: {
    id: Generated<string>;
    nominal_id: string;
    outcome: 'refer' | 'not_needed';
    reason: string;
    considered_at: Instant;
    considered_by: string;
  };
  offender_notifications: {
    id: Generated<string>;
    nominal_id: string;
    kind: 'initial' | 'change' | 'periodic';
    notified_on: string;
    recorded_at: Instant;
    recorded_by: string;
  };
  notification_events: {
    id: Generated<string>;
    nominal_id: string;
    kind:
      | 'name_change'
      | 'home_address_change'
      | 'other_address_stay'
      | 'child_household_stay'
      | 'foreign_travel';
    occurred_on: string;
    notified_on: string | null;
    details: string | null;
    recorded_at: Instant;
    recorded_by: string;
    version: Version;
  };
  rule_corrections: {
    id: Generated<string>;
    nominal_id: string;
    area_code: string;
    rules_version: number;
    old_category: number | null;
    new_category: number | null;
    old_ends_on: string | null;
    new_ends_on: string | null;
    old_reason: string | null;
    new_reason: string | null;
    new_basis: string | null;
    detected_on: string;
    reviewed_at: Date | string | null;
    reviewed_by: string | null;
  };
  nominal_obligations: {
    nominal_id: string;
    area_code: string;
    category: number | null;
    category_reason: string | null;
    eligibility_ends_on: string | null;
    level: number | null;
    in_custody: boolean;
    on_rotl: boolean;
    earliest_release_on: string | null;
    level_decision_due_on: string | null;
    level_decision_basis: string | null;
    review_due_on: string | null;
    review_basis: string | null;
    unreviewed_event_since: string | null;
    notification_due_on: string | null;
    last_reduction_on: string | null;
    reduced_near_release: boolean;
    category3_candidate: boolean;
    computed_on: string;
    category_basis: string | null;
    /** jsonb: write JSON.stringify(...) (node-pg would send a JS array as a PostgreSQL array). */
    category_facts: ColumnType<string[], string | undefined, string>;
    notification_basis: string | null;
    notification_obligations: ColumnType<NotificationObligationRow[], string | undefined, string>;
    subject_to_notification: Generated<boolean>;
    classification_needed: Generated<string[]>;
    rules_version: Generated<number>;
  };
  standing_panel_members: { area_code: string; agency_id: string };
  agency_contacts: { area_code: string; agency_id: string; user_id: string };
  referrals: {
    id: Generated<string>;
    nominal_id: string;
    area_code: string;
    status: Generated<'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn'>;
    requested_level: number | null;
    category3: Generated<boolean>;
    emergency: Generated<boolean>;
    reason: string | null;
    value_added: string | null;
    proposed_release_address: string | null;
    invited_agency_ids: Generated<string[]>;
    record_snapshot: unknown;
    created_at: Instant;
    created_by: string;
    updated_at: Instant;
    submitted_at: Date | string | null;
    version: Version;
  };
  referral_decisions: {
    id: Generated<string>;
    referral_id: string;
    outcome: 'accepted' | 'rejected';
    level: number | null;
    rationale: string;
    route: 'coordinator' | 'panel' | 'joint' | 'emergency';
    panel_members: string | null;
    decided_by: string;
    agreed_by: string | null;
    level_decision_id: string | null;
    decided_at: Instant;
  };
  meetings: {
    id: Generated<string>;
    area_code: string;
    level: number;
    starts_at: Date | string;
    format: 'in_person' | 'online';
    location: string | null;
    online_link: string | null;
    chair_user_id: string | null;
    status: Generated<'scheduled' | 'closed' | 'cancelled'>;
    closed_at: Date | string | null;
    closed_by: string | null;
    created_at: Instant;
    created_by: string;
    version: Version;
  };
  meeting_nominals: {
    meeting_id: string;
    nominal_id: string;
    referral_id: string | null;
    position: Generated<number>;
  };
  meeting_invitations: {
    id: Generated<string>;
    meeting_id: string;
    agency_id: string;
    standing: boolean;
    invited_at: Instant;
    invited_by: string;
  };
  meeting_attendance: {
    id: Generated<string>;
    meeting_id: string;
    agency_id: string;
    person_name: string;
    user_id: string | null;
    attendance: 'attended' | 'apologies' | 'substitute' | 'absent';
    substitute_for: string | null;
    recorded_at: Instant;
    recorded_by: string;
  };
  minutes: {
    id: Generated<string>;
    meeting_id: string;
    nominal_id: string;
    version: Version;
    status: Generated<'draft' | 'approved' | 'superseded'>;
    content: unknown;
    correction_reason: string | null;
    updated_at: Instant;
    updated_by: string;
    approved_at: Date | string | null;
    approved_by: string | null;
    row_version: Version;
  };
  actions: {
    id: Generated<string>;
    nominal_id: string;
    meeting_id: string | null;
    description: string;
    pillar:
      | 'supervision'
      | 'monitoring_and_control'
      | 'interventions_and_treatment'
      | 'victim_safety_planning'
      | 'contingency';
    safeguarding: Generated<boolean>;
    owner_agency_id: string;
    owner_user_id: string | null;
    owner_name: string | null;
    due_on: string;
    status: Generated<'open' | 'completed' | 'cancelled'>;
    created_at: Instant;
    created_by: string;
    distributed_at: Date | string | null;
    completed_on: string | null;
    version: Version;
  };
  action_updates: {
    id: Generated<string>;
    action_id: string;
    meeting_id: string | null;
    note: string;
    status: 'open' | 'completed' | 'cancelled';
    created_at: Instant;
    created_by: string;
  };
  risk_management_plans: {
    nominal_id: string;
    version: number;
    supervision: string;
    monitoring_and_control: string;
    interventions_and_treatment: string;
    victim_safety_planning: string;
    contingency: string;
    conditions: unknown;
    reason: string;
    meeting_id: string | null;
    changed_at: Instant;
    changed_by: string;
  };
  custody_episodes: {
    id: Generated<string>;
    nominal_id: string;
    establishment_agency_id: string;
    received_on: string;
    recall: Generated<boolean>;
    security_category: string | null;
    sentence_start_date: string | null;
    conditional_release_date: string | null;
    parole_eligibility_date: string | null;
    hdc_eligibility_date: string | null;
    licence_expiry_date: string | null;
    sentence_expiry_date: string | null;
    top_up_supervision_expiry_date: string | null;
    tariff_expiry_date: string | null;
    pom_user_id: string | null;
    pom_allocated_on: string | null;
    com_user_id: string | null;
    com_allocated_on: string | null;
    handed_over_on: string | null;
    handover_three_way: boolean | null;
    released_on: string | null;
    release_type: string | null;
    created_at: Instant;
    created_by: string;
    updated_at: Instant;
    updated_by: string;
    version: Version;
  };
  rotl_episodes: {
    id: Generated<string>;
    nominal_id: string;
    custody_episode_id: string;
    type: string;
    planned_start_on: string;
    planned_end_on: string;
    address_line1: string;
    address_town: string;
    address_postcode: string;
    escorted: boolean;
    escort_details: string | null;
    decision: Generated<'pending' | 'approved' | 'refused'>;
    decided_by: string | null;
    decided_on: string | null;
    decision_reason: string | null;
    outcome: string | null;
    failures: string | null;
    created_at: Instant;
    created_by: string;
    updated_at: Instant;
    updated_by: string;
    version: Version;
  };
  custody_moves: {
    id: Generated<string>;
    episode_id: string;
    from_agency_id: string;
    to_agency_id: string;
    moved_on: string;
    reason: string | null;
    recorded_by: string;
    recorded_at: Instant;
  };
  relationship_addresses: {
    id: Generated<string>;
    relationship_id: string;
    nominal_id: string;
    line1: string;
    line2: string | null;
    town: string | null;
    postcode: string;
    from_date: string;
    to_date: string | null;
    recorded_at: Instant;
    recorded_by: string;
    version: Version;
  };
  address_checks: {
    id: Generated<string>;
    nominal_id: string;
    purpose: 'hdc' | 'release';
    line1: string;
    line2: string | null;
    town: string | null;
    postcode: string;
    checked_on: string;
    proposed_by: string;
    proposed_at: Instant;
    decision: 'suitable' | 'unsuitable' | null;
    decision_reason: string | null;
    decided_by: string | null;
    decided_at: Instant | null;
    version: Version;
  };
  address_check_conflicts: {
    id: Generated<string>;
    check_id: string;
    position: number;
    kind: string;
    source: string;
    detail: string;
    about_victim: boolean;
    dismissed_reason: string | null;
    dismissed_by: string | null;
    dismissed_at: Instant | null;
    version: Version;
  };
  pre_release_checks: {
    episode_id: string;
    item: string;
    status: 'done' | 'not_needed';
    done_on: string | null;
    note: string | null;
    recorded_by: string;
    recorded_at: Instant;
  };
  custody_settings: {
    area_code: string;
    handover_months_before_release: ColumnType<string | number, number, number>;
    pom_allocation_days: number;
    calls_per_number_per_day: number | null;
    calls_per_number_per_30_days: number | null;
    baseline_multiplier: ColumnType<string | number | null, number | null, number | null>;
    baseline_minimum_calls: number | null;
    listening_backlog_days: number | null;
    translation_days: number | null;
    updated_at: Instant;
    updated_by: string;
    version: Version;
  };
  monitoring_cases: {
    id: Generated<string>;
    nominal_id: string;
    episode_id: string;
    pin_account: string;
    reasons: string[];
    authorised_by: string;
    authorised_on: string;
    last_reviewed_on: string;
    ended_on: string | null;
    ended_reason: string | null;
    created_at: Instant;
    created_by: string;
    updated_at: Instant;
    updated_by: string;
    version: Version;
  };
  monitored_contacts: {
    id: Generated<string>;
    case_id: string;
    counterpart: string;
    link: string;
    source: string;
    recorded_by: string;
    recorded_at: Instant;
  };
  communication_imports: {
    id: Generated<string>;
    establishment_agency_id: string;
    file_name: string;
    rows_read: number;
    rows_stored: number;
    imported_by: string;
    imported_at: Instant;
  };
  communications: {
    id: Generated<string>;
    case_id: string;
    kind: 'call' | 'mail' | 'visit';
    occurred_at: Instant;
    occurred_on: string;
    counterpart: string;
    duration_seconds: number | null;
    import_id: string | null;
    listened_on: string | null;
    summary: string | null;
    language: string | null;
    translation_requested_on: string | null;
    translation_done_on: string | null;
    concerns: string | null;
    recorded_by: string;
    recorded_at: Instant;
    version: Version;
  };
  monitoring_flags: {
    id: Generated<string>;
    case_id: string;
    key: string;
    kind: string;
    counterpart: string | null;
    count: number;
    from_on: string;
    to_on: string;
    evidence: string;
    raised_on: string;
    outcome: string | null;
    outcome_note: string | null;
    acknowledged_by: string | null;
    acknowledged_at: Instant | null;
    released_summary: string | null;
    released_by: string | null;
    released_at: Instant | null;
    version: Version;
  };
  internal_risk_meetings: {
    id: Generated<string>;
    nominal_id: string;
    establishment_agency_id: string;
    held_on: string;
    custody_behaviour: string | null;
    risk_concerns: string | null;
    decisions: string;
    created_at: Instant;
    created_by: string;
  };
  internal_risk_meeting_attendees: {
    meeting_id: string;
    position: number;
    name: string;
    role: string;
    attended: boolean;
  };
  internal_risk_meeting_actions: {
    id: Generated<string>;
    meeting_id: string;
    position: number;
    description: string;
    owner_name: string;
    due_on: string;
    done_on: string | null;
    updated_at: Instant;
    updated_by: string;
    version: Version;
  };
  prison_reports: {
    id: Generated<string>;
    nominal_id: string;
    meeting_id: string | null;
    establishment_agency_id: string;
    behaviour: string;
    adjudications: string;
    security_intelligence: string;
    offence_paralleling: string;
    rotl: string;
    communications_monitoring: string;
    analysis: string;
    status: Generated<'draft' | 'submitted' | 'approved' | 'returned'>;
    return_reason: string | null;
    written_by: string;
    updated_at: Instant;
    submitted_at: Date | string | null;
    approved_by: string | null;
    approved_at: Date | string | null;
    version: Version;
  };
  user_recovery_codes: {
    id: Generated<string>;
    user_id: string;
    code_hash: string;
    created_at: Instant;
    used_at: Date | null;
  };
  sign_in_failures: {
    id: Generated<number>;
    at: Date | string;
    account_key: string;
    source_address: string | null;
    step: FailureStep;
  };
  sign_in_throttle_locks: { key: string; last_at: Date | string };
  user_changes: {
    id: Generated<string>;
    user_id: string;
    changed_by: string | null;
    changed_at: Instant;
    change: string;
    details: ColumnType<Record<string, unknown>, string | undefined, string>;
  };
  oidc_sign_ins: {
    state_hash: string;
    browser_hash: string;
    nonce: string;
    code_verifier: string;
    created_at: Date | string;
    used_at: Date | null;
  };
  schema_migrations: { name: string; applied_at: Instant };
  retention_schedules: {
    scope: string;
    mappa_review_age: number;
    ended_non_mappa_years: number;
    updated_at: Instant;
    updated_by: string;
  };
  retention_erasures: {
    id: Generated<string>;
    nominal_id: string;
    vigil_ref: string;
    area_code: string;
    basis: 'mappa_review_age' | 'ended_non_mappa';
    due_on: string;
    reason: string;
    erased_sha256: string;
    erased_rows: number;
    decided_at: Instant;
    decided_by: string;
  };
}
