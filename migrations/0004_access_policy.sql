-- Need-to-know access: which agencies are involved in a case, out-of-scope access with a reason,
-- and the vetting and training without which nobody sees anything.

-- A duty-to-co-operate agency sees a nominal only while it is involved: invited to a meeting about
-- them or given an action. `sections` lists what is shared with it (never victims or intelligence).
CREATE TABLE agency_involvements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  reason text NOT NULL CHECK (reason IN ('meeting_invitation', 'action')),
  source_id uuid,
  sections text[] NOT NULL,
  from_date date NOT NULL,
  to_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX agency_involvements_agency ON agency_involvements (agency_id, nominal_id);
CREATE INDEX agency_involvements_nominal ON agency_involvements (nominal_id);

-- "Justified access": a reason given before looking outside one's scope; time-limited, shown to the
-- owning area and reviewed by a data protection officer.
CREATE TABLE justified_accesses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  owning_area_code text NOT NULL REFERENCES areas (code),
  reason text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users (id),
  review_outcome text CHECK (review_outcome IN ('appropriate', 'inappropriate')),
  review_note text
);
CREATE INDEX justified_accesses_user ON justified_accesses (user_id, nominal_id, expires_at);
CREATE INDEX justified_accesses_unreviewed ON justified_accesses (granted_at) WHERE reviewed_at IS NULL;
CREATE INDEX justified_accesses_area ON justified_accesses (owning_area_code, granted_at DESC);

ALTER TABLE users
  ADD COLUMN vetting_level text,
  ADD COLUMN vetting_expires_on date,
  ADD COLUMN training_completed_on date;

-- Timeline entries about victims or health are shown only to those who may see that section.
ALTER TABLE nominal_changes ADD COLUMN sensitivity text CHECK (sensitivity IN ('victims', 'health', 'intelligence'));
