-- The law, exactly (issue 12; docs/legal-rules.md): the facts the statutes need, recorded.

-- Sentences as the courts pass them. `sentence_type` refines a custodial outcome (null =
-- determinate); a term is `length_months` plus `length_days` (weeks are recorded as days);
-- `consecutive_to` names the conviction this term runs after (SOA 2003 s.82(3) aggregation).
ALTER TABLE convictions
  ADD COLUMN sentence_type text CHECK (
    sentence_type IN ('determinate', 'life', 'ipp', 'dpp', 'hmp', 'extended', 'sopc', 'dto')
  ),
  ADD COLUMN length_days integer CHECK (length_days BETWEEN 1 AND 3650),
  ADD COLUMN extension_months integer CHECK (extension_months BETWEEN 1 AND 120),
  ADD COLUMN operational_months integer CHECK (operational_months BETWEEN 1 AND 60),
  ADD COLUMN supervision_months integer CHECK (supervision_months BETWEEN 1 AND 60),
  ADD COLUMN consecutive_to uuid REFERENCES convictions (id) ON DELETE SET NULL,
  ADD COLUMN terrorist_connection boolean NOT NULL DEFAULT false,
  -- Schedule 3 conditions turn on the victim's age at the offence; null = not recorded.
  ADD COLUMN victim_age text CHECK (
    victim_age IN ('under_13', '13_to_15', '16_or_17', '18_or_over', 'no_victim')
  ),
  -- The last day a hospital order, guardianship or licence applied when it ended early.
  ADD COLUMN disposal_ended_on date,
  -- The last day notification applied when it ended early (discharged on review, quashed).
  ADD COLUMN notification_ended_on date;

-- Orders that create or extend notification, or Category 4 (SOA 2003 s.97-103, s.103A-103G;
-- CTA 2008 Schedule 4). A notification order carries the conviction abroad it is made for.
CREATE TABLE civil_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  kind text NOT NULL CHECK (
    kind IN (
      'shpo', 'interim_shpo', 'notification_order', 'interim_notification_order',
      'cta_notification_order'
    )
  ),
  made_on date NOT NULL,
  court text,
  -- Last day it applies; null = until further order (an SHPO may be indefinite).
  ends_on date,
  foreign_conviction_date date,
  foreign_outcome text,
  foreign_length_months integer CHECK (foreign_length_months > 0),
  notes text,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX civil_orders_nominal ON civil_orders (nominal_id);

-- Category 4 by decision: "others at risk of involvement in terrorism" (MAPPA Guidance ch.6).
ALTER TABLE nominals
  ADD COLUMN terrorism_risk_accepted_on date,
  ADD COLUMN terrorism_risk_ended_on date;

-- What the police learn that starts a notification clock (SOA 2003 s.84, s.86): a change of name
-- or home address, a stay elsewhere, a stay in a household with a child, intended foreign travel.
-- `occurred_on` is the change, the day the qualifying period was reached, or the departure date;
-- `notified_on` is when the person notified it (null: not yet).
CREATE TABLE notification_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  kind text NOT NULL CHECK (
    kind IN (
      'name_change', 'home_address_change', 'other_address_stay', 'child_household_stay',
      'foreign_travel'
    )
  ),
  occurred_on date NOT NULL,
  notified_on date,
  details text CHECK (length(details) <= 2000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX notification_events_nominal ON notification_events (nominal_id, occurred_on DESC);

-- Each obligation with its legal basis, as the rules computed it.
ALTER TABLE nominal_obligations
  ADD COLUMN category_basis text,
  ADD COLUMN category_facts jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN notification_basis text,
  -- Every open SOA Part 2 duty: [{kind, dueOn, basis, section, eventId}]
  ADD COLUMN notification_obligations jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN subject_to_notification boolean NOT NULL DEFAULT false,
  -- Offences not on the reference list, or a Schedule 3 threshold whose facts are not recorded.
  ADD COLUMN classification_needed text[] NOT NULL DEFAULT '{}',
  ADD COLUMN rules_version integer NOT NULL DEFAULT 1;
CREATE INDEX nominal_obligations_classification ON nominal_obligations (area_code)
  WHERE cardinality(classification_needed) > 0;

-- People whose category or end date changed when the rules were corrected: never silently.
CREATE TABLE rule_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES nominals (id),
  area_code text NOT NULL REFERENCES areas (code),
  rules_version integer NOT NULL,
  old_category smallint,
  new_category smallint,
  old_ends_on date,
  new_ends_on date,
  old_reason text,
  new_reason text,
  new_basis text,
  detected_on date NOT NULL,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users (id),
  UNIQUE (nominal_id, rules_version)
);
CREATE INDEX rule_corrections_open ON rule_corrections (area_code, detected_on) WHERE reviewed_at IS NULL;
