-- The nominal record: one shared record per person managed under MAPPA.
-- Every editable row carries `version` for optimistic concurrency; every change is kept in nominal_changes.

CREATE TABLE nominals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vigil_ref text NOT NULL UNIQUE,
  area_code text NOT NULL REFERENCES areas (code),
  forename text NOT NULL,
  middle_names text,
  surname text NOT NULL,
  date_of_birth date NOT NULL,
  sex text NOT NULL,
  gender_identity text,
  ethnicity text,
  nationality text,
  disability text,
  religion text,
  sexual_orientation text,
  language text,
  interpreter_needed boolean NOT NULL DEFAULT false,
  lead_agency_id uuid REFERENCES agencies (id),
  -- Set by level decisions (eligibility issue); null means "not yet decided", never a default level.
  mappa_category smallint CHECK (mappa_category BETWEEN 1 AND 4),
  mappa_level smallint CHECK (mappa_level BETWEEN 1 AND 3),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX nominals_area ON nominals (area_code);

CREATE TABLE nominal_aliases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  forename text NOT NULL,
  surname text NOT NULL,
  date_of_birth date,
  from_date date,
  to_date date,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX nominal_aliases_nominal ON nominal_aliases (nominal_id);

-- Every name a person is known by (own and aliases), kept for tolerant search:
-- trigram for misspellings, double metaphone for names that sound alike.
CREATE TABLE nominal_names (
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  alias_id uuid REFERENCES nominal_aliases (id),
  forename text NOT NULL,
  surname text NOT NULL,
  full_name text GENERATED ALWAYS AS (lower(forename || ' ' || surname)) STORED,
  forename_sound text GENERATED ALWAYS AS (dmetaphone(forename)) STORED,
  surname_sound text GENERATED ALWAYS AS (dmetaphone(surname)) STORED
);
CREATE UNIQUE INDEX nominal_names_key ON nominal_names (nominal_id, coalesce(alias_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX nominal_names_trgm ON nominal_names USING gin (full_name gin_trgm_ops);
CREATE INDEX nominal_names_surname_trgm ON nominal_names USING gin (lower(surname) gin_trgm_ops);
CREATE INDEX nominal_names_forename_sound ON nominal_names (forename_sound);
CREATE INDEX nominal_names_surname_sound ON nominal_names (surname_sound);

CREATE TABLE nominal_identifiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  type text NOT NULL CHECK (type IN ('pnc', 'cro', 'prison_number', 'crn')),
  value text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  -- An identifier belongs to one person only.
  UNIQUE (type, value)
);
CREATE INDEX nominal_identifiers_nominal ON nominal_identifiers (nominal_id);

CREATE TABLE addresses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  type text NOT NULL,
  line1 text,
  line2 text,
  town text,
  postcode text,
  from_date date NOT NULL,
  to_date date,
  version integer NOT NULL DEFAULT 1,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX addresses_nominal ON addresses (nominal_id);

CREATE TABLE relationships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  type text NOT NULL,
  person_name text NOT NULL,
  related_nominal_id uuid REFERENCES nominals (id),
  date_of_birth date,
  is_child boolean NOT NULL DEFAULT false,
  in_household boolean NOT NULL DEFAULT false,
  from_date date,
  to_date date,
  notes text,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX relationships_nominal ON relationships (nominal_id);

CREATE TABLE convictions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  offence text NOT NULL,
  offence_date date,
  conviction_date date NOT NULL,
  court text,
  outcome text NOT NULL,
  length_months integer CHECK (length_months > 0),
  is_index_offence boolean NOT NULL DEFAULT false,
  sentence_start date,
  conditional_release_date date,
  parole_eligibility_date date,
  hdc_eligibility_date date,
  licence_expiry_date date,
  sentence_expiry_date date,
  actual_release_date date,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX convictions_nominal ON convictions (nominal_id);

-- Risk assessments are never edited: a new one is added and the latest is current.
CREATE TABLE risk_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  assessed_on date NOT NULL,
  assessor text NOT NULL,
  rosh_overall text NOT NULL,
  rosh_children text,
  rosh_public text,
  rosh_known_adult text,
  rosh_staff text,
  rosh_prisoners text,
  rm2000 text,
  osp_score numeric(6, 2),
  osp_band text,
  rsr_score numeric(6, 2),
  rsr_band text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX risk_assessments_nominal ON risk_assessments (nominal_id, assessed_on DESC, recorded_at DESC);

CREATE TABLE markers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  type text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  notes text,
  version integer NOT NULL DEFAULT 1,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX markers_nominal ON markers (nominal_id);

CREATE TABLE nominal_managers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  role text NOT NULL CHECK (role IN ('police_offender_manager', 'community_offender_manager', 'prison_offender_manager')),
  user_id uuid REFERENCES users (id),
  name text NOT NULL,
  agency_id uuid NOT NULL REFERENCES agencies (id),
  from_date date NOT NULL,
  to_date date,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX nominal_managers_nominal ON nominal_managers (nominal_id);
CREATE INDEX nominal_managers_user ON nominal_managers (user_id) WHERE to_date IS NULL;

-- The timeline: every change to a record, who made it, and the values before and after.
CREATE TABLE nominal_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid NOT NULL REFERENCES users (id),
  section text NOT NULL,
  entity_id uuid NOT NULL,
  -- The entity's version after this change, so a conflict can show exactly what came after the editor's copy.
  entity_version integer,
  action text NOT NULL CHECK (action IN ('created', 'updated', 'ended', 'removed')),
  summary text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX nominal_changes_nominal ON nominal_changes (nominal_id, id DESC);
CREATE INDEX nominal_changes_entity ON nominal_changes (entity_id, id);

CREATE SEQUENCE vigil_ref_seq START 1000;
