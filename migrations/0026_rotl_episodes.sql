-- Release on temporary licence (issue 14): each application, its decision, the release and how it
-- ended, on the custody episode it happened in. History is kept: every step goes on the person's
-- timeline (nominal_changes) with what it was; the row is versioned.

CREATE TABLE rotl_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  custody_episode_id uuid NOT NULL REFERENCES custody_episodes (id),
  type text NOT NULL,
  planned_start_on date NOT NULL,
  planned_end_on date NOT NULL,
  address_line1 text NOT NULL,
  address_town text NOT NULL,
  address_postcode text NOT NULL,
  escorted boolean NOT NULL,
  escort_details text,
  decision text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'refused')),
  -- Who decided (name and grade: the governor need not be a Vigil user), when and why.
  decided_by text,
  decided_on date,
  decision_reason text,
  outcome text CHECK (
    outcome IN ('completed', 'failed_to_return', 'returned_late', 'breach_of_conditions', 'recalled')
  ),
  failures text,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CHECK (planned_end_on >= planned_start_on),
  CHECK (decision = 'pending' OR decided_on IS NOT NULL),
  CHECK (outcome IS NULL OR decision = 'approved')
);
CREATE INDEX rotl_episodes_nominal ON rotl_episodes (nominal_id, planned_start_on DESC);
-- The custody worklist: applications waiting for a decision, by the episode they are on.
CREATE INDEX rotl_episodes_pending ON rotl_episodes (custody_episode_id) WHERE decision = 'pending';
