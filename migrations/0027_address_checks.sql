-- Release and home detention curfew (HDC) address checks (issue 14). Relationships carry an address
-- with its history: a new address ends the previous one (kept, with its last day), never overwrites
-- it, so a check can be read against where people lived on the day it was made.
CREATE TABLE relationship_addresses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  relationship_id uuid NOT NULL REFERENCES relationships (id),
  -- The person whose record it is: the check and erasure read by it.
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  line1 text NOT NULL,
  line2 text,
  town text,
  postcode text NOT NULL,
  from_date date NOT NULL,
  to_date date,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX relationship_addresses_relationship ON relationship_addresses (relationship_id, from_date DESC);
CREATE INDEX relationship_addresses_nominal ON relationship_addresses (nominal_id);

-- A proposed address (for HDC or release) checked against the record on the day it was proposed;
-- the decision (suitable or unsuitable) is recorded on it once every conflict is dealt with.
CREATE TABLE address_checks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  purpose text NOT NULL CHECK (purpose IN ('hdc', 'release')),
  line1 text NOT NULL,
  line2 text,
  town text,
  postcode text NOT NULL,
  checked_on date NOT NULL,
  proposed_by uuid NOT NULL REFERENCES users (id),
  proposed_at timestamptz NOT NULL,
  decision text CHECK (decision IN ('suitable', 'unsuitable')),
  decision_reason text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE INDEX address_checks_nominal ON address_checks (nominal_id, proposed_at DESC);
-- The worklist: checks awaiting a decision.
CREATE INDEX address_checks_awaiting ON address_checks (nominal_id) WHERE decision IS NULL;

-- Each conflict the rule found, with its source; set aside only with a recorded reason.
CREATE TABLE address_check_conflicts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  check_id uuid NOT NULL REFERENCES address_checks (id),
  position integer NOT NULL,
  kind text NOT NULL,
  source text NOT NULL,
  detail text NOT NULL,
  -- Names a victim: withheld from those who may not see victims.
  about_victim boolean NOT NULL,
  dismissed_reason text,
  dismissed_by uuid REFERENCES users (id),
  dismissed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (check_id, position),
  CHECK ((dismissed_at IS NULL) = (dismissed_reason IS NULL))
);

-- A sexual harm prevention order may forbid entering places: its exclusion zone as written (full
-- postcodes, sectors like "SW1A 1" or districts like "SW1A", separated by commas).
ALTER TABLE civil_orders ADD COLUMN exclusion_zone text;
