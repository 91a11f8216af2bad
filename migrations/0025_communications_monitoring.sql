-- Public protection monitoring of a prisoner's calls, mail and visits (issue 14). The prison
-- decides who is monitored; Vigil records it, holds the monitored person's communications, raises
-- flags with their evidence and keeps each flag's acknowledgement. Intelligence stays in the
-- security compartment: what the community may see is released flag by flag.

CREATE TABLE monitoring_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  episode_id uuid NOT NULL REFERENCES custody_episodes (id),
  -- The phone system's account of the prisoner: call records are matched to the case by it.
  pin_account text NOT NULL,
  reasons text[] NOT NULL,
  authorised_by text NOT NULL,
  authorised_on date NOT NULL,
  last_reviewed_on date NOT NULL,
  ended_on date,
  ended_reason text,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX monitoring_cases_nominal ON monitoring_cases (nominal_id);
-- One open case per PIN account: the import's match must be unambiguous.
CREATE UNIQUE INDEX monitoring_cases_open_pin ON monitoring_cases (pin_account) WHERE ended_on IS NULL;

-- Numbers and addresses that matter: a victim's, a child's, a no-contact order's, a co-defendant's.
CREATE TABLE monitored_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES monitoring_cases (id),
  counterpart text NOT NULL,
  link text NOT NULL,
  source text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX monitored_contacts_case ON monitored_contacts (case_id);

CREATE TABLE communication_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  establishment_agency_id uuid NOT NULL REFERENCES agencies (id),
  file_name text NOT NULL,
  rows_read integer NOT NULL,
  rows_stored integer NOT NULL,
  imported_by uuid NOT NULL REFERENCES users (id),
  imported_at timestamptz NOT NULL
);

CREATE TABLE communications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES monitoring_cases (id),
  kind text NOT NULL CHECK (kind IN ('call', 'mail', 'visit')),
  occurred_at timestamptz NOT NULL,
  -- The London day, for the rules' windows.
  occurred_on date NOT NULL,
  counterpart text NOT NULL,
  duration_seconds integer,
  import_id uuid REFERENCES communication_imports (id),
  listened_on date,
  summary text,
  language text,
  translation_requested_on date,
  translation_done_on date,
  concerns text,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
-- The flag scan reads a case's last 90 days (and an establishment's month) by day.
CREATE INDEX communications_case_day ON communications (case_id, occurred_on);

CREATE TABLE monitoring_flags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES monitoring_cases (id),
  key text NOT NULL,
  kind text NOT NULL,
  counterpart text,
  count integer NOT NULL,
  from_on date NOT NULL,
  to_on date NOT NULL,
  evidence text NOT NULL,
  raised_on date NOT NULL,
  outcome text,
  outcome_note text,
  acknowledged_by uuid REFERENCES users (id),
  acknowledged_at timestamptz,
  -- Security may release the flag and a summary to the community managers; nothing else leaves.
  released_summary text,
  released_by uuid REFERENCES users (id),
  released_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (case_id, key)
);
CREATE INDEX monitoring_flags_open ON monitoring_flags (case_id) WHERE outcome IS NULL;

-- The area's monitoring thresholds (docs/custody.md); defaults when blank.
ALTER TABLE custody_settings
  ADD COLUMN calls_per_number_per_day integer,
  ADD COLUMN calls_per_number_per_30_days integer,
  ADD COLUMN baseline_multiplier numeric(4, 1),
  ADD COLUMN baseline_minimum_calls integer,
  ADD COLUMN listening_backlog_days integer,
  ADD COLUMN translation_days integer;
