-- Multi-agency management at Levels 2 and 3: referral (MAPPA A) and its screening, meetings with
-- invitations and attendance (MAPPA E), minutes per meeting and nominal (MAPPA B), actions with
-- their updates, one versioned risk management plan per person, and the prison report (MAPPA F).

-- How each area screens referrals, and who sits on its standing panel (recommendation 9).
ALTER TABLE area_settings
  ADD COLUMN screening_route text NOT NULL DEFAULT 'coordinator'
    CHECK (screening_route IN ('coordinator', 'panel', 'joint'));
CREATE TABLE standing_panel_members (
  area_code text NOT NULL REFERENCES areas (code),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  PRIMARY KEY (area_code, agency_id)
);

-- MAPPA A. A draft is the referrer's own until submitted; `record_snapshot` keeps the record as it
-- stood at submission, so the document shows exactly what the screeners saw.
CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  area_code text NOT NULL REFERENCES areas (code),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'accepted', 'rejected', 'withdrawn')),
  requested_level smallint CHECK (requested_level IN (2, 3)),
  category3 boolean NOT NULL DEFAULT false,
  emergency boolean NOT NULL DEFAULT false,
  reason text,
  value_added text,
  proposed_release_address text,
  invited_agency_ids uuid[] NOT NULL DEFAULT '{}',
  record_snapshot jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX referrals_nominal ON referrals (nominal_id, created_at DESC);
CREATE INDEX referrals_awaiting ON referrals (area_code, submitted_at) WHERE status = 'submitted';
CREATE INDEX referrals_referrer ON referrals (created_by, updated_at DESC);

-- The screening decision on a referral, with its rationale; rejected referrals are kept for audit.
-- A joint decision names the police officer who agreed it; a panel decision names who sat.
CREATE TABLE referral_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL UNIQUE REFERENCES referrals (id),
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
  level smallint CHECK (level IN (2, 3)),
  rationale text NOT NULL,
  route text NOT NULL CHECK (route IN ('coordinator', 'panel', 'joint', 'emergency')),
  panel_members text,
  decided_by uuid NOT NULL REFERENCES users (id),
  agreed_by uuid REFERENCES users (id),
  level_decision_id uuid REFERENCES level_decisions (id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((outcome = 'accepted') = (level IS NOT NULL))
);

-- Level 2/3 meetings, for one or more nominals.
CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_code text NOT NULL REFERENCES areas (code),
  level smallint NOT NULL CHECK (level IN (2, 3)),
  starts_at timestamptz NOT NULL,
  format text NOT NULL CHECK (format IN ('in_person', 'online')),
  location text,
  online_link text,
  chair_user_id uuid REFERENCES users (id),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'closed', 'cancelled')),
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX meetings_area ON meetings (area_code, starts_at DESC);

CREATE TABLE meeting_nominals (
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  referral_id uuid REFERENCES referrals (id),
  position smallint NOT NULL DEFAULT 0,
  PRIMARY KEY (meeting_id, nominal_id)
);
CREATE INDEX meeting_nominals_nominal ON meeting_nominals (nominal_id);

-- Invitations: the standing panel's agencies and those chosen for the case.
CREATE TABLE meeting_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  standing boolean NOT NULL,
  invited_at timestamptz NOT NULL DEFAULT now(),
  invited_by uuid NOT NULL REFERENCES users (id),
  UNIQUE (meeting_id, agency_id)
);

-- MAPPA E: who came, from which agency; apologies; substitutes.
CREATE TABLE meeting_attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  person_name text NOT NULL,
  user_id uuid REFERENCES users (id),
  attendance text NOT NULL CHECK (attendance IN ('attended', 'apologies', 'substitute', 'absent')),
  substitute_for text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id);

-- MAPPA B: one set of minutes per meeting and nominal, structured by the agenda. Approved minutes
-- are locked; a correction is a new version with its reason, the old one kept.
CREATE TABLE minutes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  version integer NOT NULL DEFAULT 1,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'superseded')),
  content jsonb NOT NULL DEFAULT '{}',
  correction_reason text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  approved_at timestamptz,
  approved_by uuid REFERENCES users (id),
  row_version integer NOT NULL DEFAULT 1,
  UNIQUE (meeting_id, nominal_id, version)
);
CREATE INDEX minutes_nominal ON minutes (nominal_id, updated_at DESC);

-- Actions: what, which pillar, owner (agency and person), due date, status; updates kept.
CREATE TABLE actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  meeting_id uuid REFERENCES meetings (id),
  description text NOT NULL,
  pillar text NOT NULL CHECK (pillar IN ('supervision', 'monitoring_and_control', 'interventions_and_treatment', 'victim_safety_planning', 'contingency')),
  safeguarding boolean NOT NULL DEFAULT false,
  owner_agency_id uuid NOT NULL REFERENCES agencies (id),
  owner_user_id uuid REFERENCES users (id),
  owner_name text,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES users (id),
  distributed_at timestamptz,
  completed_on date,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX actions_nominal ON actions (nominal_id, status);
CREATE INDEX actions_owner_open ON actions (owner_user_id, due_on) WHERE status = 'open';
CREATE INDEX actions_meeting ON actions (meeting_id);

CREATE TABLE action_updates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action_id uuid NOT NULL REFERENCES actions (id),
  meeting_id uuid REFERENCES meetings (id),
  note text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX action_updates_action ON action_updates (action_id, created_at);

-- One risk management plan per person, append-only: the current plan is the highest version.
-- The primary key makes a second writer of the same version fail, so two plans cannot diverge.
CREATE TABLE risk_management_plans (
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  version integer NOT NULL CHECK (version >= 1),
  supervision text NOT NULL DEFAULT '',
  monitoring_and_control text NOT NULL DEFAULT '',
  interventions_and_treatment text NOT NULL DEFAULT '',
  victim_safety_planning text NOT NULL DEFAULT '',
  contingency text NOT NULL DEFAULT '',
  conditions jsonb NOT NULL DEFAULT '[]',
  reason text NOT NULL,
  meeting_id uuid REFERENCES meetings (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (nominal_id, version)
);

-- A reduction (or ending MAPPA) with open actions needs the chair's override and its reason;
-- every reduction says what continues at the lower level. A panel's decisions name the meeting.
ALTER TABLE level_decisions
  ADD COLUMN override_reason text,
  ADD COLUMN override_by uuid REFERENCES users (id),
  ADD COLUMN continues_at_lower_level text,
  ADD COLUMN meeting_id uuid REFERENCES meetings (id);

-- MAPPA F: the prison's report for a meeting, with analysis; shared only once a manager approves.
CREATE TABLE prison_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  meeting_id uuid REFERENCES meetings (id),
  establishment_agency_id uuid NOT NULL REFERENCES agencies (id),
  behaviour text NOT NULL DEFAULT '',
  adjudications text NOT NULL DEFAULT '',
  security_intelligence text NOT NULL DEFAULT '',
  offence_paralleling text NOT NULL DEFAULT '',
  rotl text NOT NULL DEFAULT '',
  communications_monitoring text NOT NULL DEFAULT '',
  analysis text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  return_reason text,
  written_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX prison_reports_nominal ON prison_reports (nominal_id, updated_at DESC);
