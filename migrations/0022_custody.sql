-- Custody and prisons (issue 14): a person's time in custody, where they are held, who manages
-- them in prison (POM) and in the community (COM), the handover, and what must be ready before
-- release. History is kept: each change goes on the person's timeline (nominal_changes) with what it
-- was; moves between establishments are rows of their own.

CREATE TABLE custody_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  -- Where the person is held now (moves below say where they were).
  establishment_agency_id uuid NOT NULL REFERENCES agencies (id),
  received_on date NOT NULL,
  recall boolean NOT NULL DEFAULT false,
  security_category text,
  sentence_start_date date,
  conditional_release_date date,
  parole_eligibility_date date,
  hdc_eligibility_date date,
  licence_expiry_date date,
  sentence_expiry_date date,
  top_up_supervision_expiry_date date,
  tariff_expiry_date date,
  pom_user_id uuid REFERENCES users (id),
  pom_allocated_on date,
  com_user_id uuid REFERENCES users (id),
  com_allocated_on date,
  handed_over_on date,
  handover_three_way boolean,
  released_on date,
  release_type text,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX custody_episodes_nominal ON custody_episodes (nominal_id, received_on DESC);
-- The establishment's worklist: people held there now.
CREATE INDEX custody_episodes_held ON custody_episodes (establishment_agency_id) WHERE released_on IS NULL;
-- One open episode per person: a second reception while one is open is a move or a mistake.
CREATE UNIQUE INDEX custody_episodes_one_open ON custody_episodes (nominal_id) WHERE released_on IS NULL;

CREATE TABLE custody_moves (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  episode_id uuid NOT NULL REFERENCES custody_episodes (id),
  from_agency_id uuid NOT NULL REFERENCES agencies (id),
  to_agency_id uuid NOT NULL REFERENCES agencies (id),
  moved_on date NOT NULL,
  reason text,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX custody_moves_episode ON custody_moves (episode_id, moved_on);

-- The pre-release checklist: each item done on a day, or not needed (with why), by someone; the
-- timeline keeps what it was before.
CREATE TABLE pre_release_checks (
  episode_id uuid NOT NULL REFERENCES custody_episodes (id),
  item text NOT NULL,
  status text NOT NULL CHECK (status IN ('done', 'not_needed')),
  done_on date,
  note text,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (episode_id, item)
);

-- Per-area settings of the custody rules (docs/custody.md); an area without a row uses the defaults.
CREATE TABLE custody_settings (
  area_code text PRIMARY KEY REFERENCES areas (code),
  handover_months_before_release numeric(3, 1) NOT NULL,
  pom_allocation_days integer NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
