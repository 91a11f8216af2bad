-- Internal risk management meetings (IRMM) held in an establishment about one prisoner (issue 14):
-- who attended or sent apologies, what was said of the person's behaviour and risk, what was
-- decided, and the actions agreed. Owned by the custody capability.

CREATE TABLE internal_risk_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  establishment_agency_id uuid NOT NULL REFERENCES agencies (id),
  held_on date NOT NULL,
  custody_behaviour text,
  risk_concerns text,
  decisions text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX internal_risk_meetings_nominal ON internal_risk_meetings (nominal_id, held_on);

CREATE TABLE internal_risk_meeting_attendees (
  meeting_id uuid NOT NULL REFERENCES internal_risk_meetings (id),
  position integer NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  attended boolean NOT NULL,
  PRIMARY KEY (meeting_id, position)
);

CREATE TABLE internal_risk_meeting_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES internal_risk_meetings (id),
  position integer NOT NULL,
  description text NOT NULL,
  owner_name text NOT NULL,
  due_on date NOT NULL,
  done_on date,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (meeting_id, position)
);
-- The worklist's overdue actions: only those not done are read.
CREATE INDEX internal_risk_meeting_actions_open ON internal_risk_meeting_actions (due_on) WHERE done_on IS NULL;
