-- MAPPA eligibility and levels: every decision kept with who, when and why; significant events;
-- the per-area settings the rules use; and the obligations computed for each person's worklist.

CREATE TABLE area_settings (
  area_code text PRIMARY KEY REFERENCES areas (code),
  level2_review_weeks integer NOT NULL DEFAULT 16 CHECK (level2_review_weeks BETWEEN 1 AND 52),
  level3_review_weeks integer NOT NULL DEFAULT 8 CHECK (level3_review_weeks BETWEEN 1 AND 52),
  significant_event_review_days integer NOT NULL DEFAULT 10 CHECK (significant_event_review_days BETWEEN 1 AND 90),
  countersignature_required boolean NOT NULL DEFAULT false
);

-- Facts the deadline rules need that are not part of a conviction.
ALTER TABLE nominals
  ADD COLUMN first_appointment_on date,
  ADD COLUMN rotl_first_release_on date,
  ADD COLUMN category3_accepted_on date,
  ADD COLUMN category3_ended_on date;

-- MAPPA Q: the practitioner's screening, with the answers as given.
CREATE TABLE screenings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  answers jsonb NOT NULL,
  completed_at timestamptz NOT NULL DEFAULT now(),
  completed_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX screenings_nominal ON screenings (nominal_id, completed_at DESC);

-- Level decisions: a level (or none, on leaving MAPPA) with its criteria and rationale.
CREATE TABLE level_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  level smallint CHECK (level BETWEEN 1 AND 3),
  category smallint CHECK (category BETWEEN 1 AND 4),
  kind text NOT NULL CHECK (kind IN ('initial', 'review', 'escalation', 'reduction', 'deregistration')),
  criteria text[] NOT NULL DEFAULT '{}',
  rationale text NOT NULL,
  screening_id uuid REFERENCES screenings (id),
  decided_on date NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid NOT NULL REFERENCES users (id),
  countersigned_at timestamptz,
  countersigned_by uuid REFERENCES users (id),
  warning text
);
CREATE INDEX level_decisions_nominal ON level_decisions (nominal_id, decided_at DESC);

-- Whether and when the person was told of their MAPPA status and invited to contribute.
CREATE TABLE status_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  told_on date NOT NULL,
  invited_to_contribute boolean NOT NULL,
  their_views text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid NOT NULL REFERENCES users (id)
);

CREATE TABLE significant_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  type text NOT NULL,
  occurred_on date NOT NULL,
  description text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid NOT NULL REFERENCES users (id),
  reviewed_by_decision uuid REFERENCES level_decisions (id)
);
CREATE INDEX significant_events_nominal ON significant_events (nominal_id, recorded_at DESC);

-- Category 3 candidates (recommendation 14): considered, with the outcome and why.
CREATE TABLE category3_considerations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  outcome text NOT NULL CHECK (outcome IN ('refer', 'not_needed')),
  reason text NOT NULL,
  considered_at timestamptz NOT NULL DEFAULT now(),
  considered_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX category3_considerations_nominal ON category3_considerations (nominal_id, considered_at DESC);

-- Registered sex offenders' notifications to the police (SOA 2003 s.83–85).
CREATE TABLE offender_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  kind text NOT NULL CHECK (kind IN ('initial', 'change', 'periodic')),
  notified_on date NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX offender_notifications_nominal ON offender_notifications (nominal_id, notified_on DESC);

-- What each person's worklist needs, computed by the domain rules whenever their record changes,
-- so that area worklists are an indexed read even at national scale.
CREATE TABLE nominal_obligations (
  nominal_id uuid PRIMARY KEY REFERENCES nominals (id),
  area_code text NOT NULL REFERENCES areas (code),
  category smallint,
  category_reason text,
  eligibility_ends_on date,
  level smallint,
  in_custody boolean NOT NULL DEFAULT false,
  on_rotl boolean NOT NULL DEFAULT false,
  earliest_release_on date,
  level_decision_due_on date,
  level_decision_basis text,
  review_due_on date,
  review_basis text,
  unreviewed_event_since date,
  notification_due_on date,
  last_reduction_on date,
  reduced_near_release boolean NOT NULL DEFAULT false,
  category3_candidate boolean NOT NULL DEFAULT false,
  computed_on date NOT NULL
);
CREATE INDEX nominal_obligations_area ON nominal_obligations (area_code, category, level);
CREATE INDEX nominal_obligations_level_due ON nominal_obligations (area_code, level_decision_due_on) WHERE level IS NULL AND category IS NOT NULL;
CREATE INDEX nominal_obligations_review_due ON nominal_obligations (area_code, review_due_on) WHERE level IS NOT NULL;
CREATE INDEX nominal_obligations_candidates ON nominal_obligations (area_code) WHERE category3_candidate;
