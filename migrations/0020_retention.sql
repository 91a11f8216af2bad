-- Retention and erasure (src/modules/retention, docs/security.md "Retention and erasure").
--
-- retention_schedules: how long records are kept before review for deletion, nationally
-- (scope 'national') and per MAPPA area (scope = the area code); absent rows mean the defaults
-- of src/domain/retention.ts (MAPPA nominals at their 100th birthday, ended non-MAPPA people 6 years
-- after their management ended).
CREATE TABLE retention_schedules (
  scope text PRIMARY KEY CHECK (scope = 'national' OR scope ~ '^[A-Z]{3}$'),
  mappa_review_age smallint NOT NULL CHECK (mappa_review_age BETWEEN 18 AND 150),
  ended_non_mappa_years smallint NOT NULL CHECK (ended_non_mappa_years BETWEEN 1 AND 100),
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id)
);

-- A data protection officer's erasure decisions. The record's content is gone; what stays is who
-- decided, why, on what basis, and a SHA-256 of what was erased (proof of what was removed without
-- keeping it). The access log records the erasure too (operation 'erasure').
CREATE TABLE retention_erasures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL UNIQUE REFERENCES nominals (id),
  vigil_ref text NOT NULL,
  area_code text NOT NULL REFERENCES areas (code),
  basis text NOT NULL CHECK (basis IN ('mappa_review_age', 'ended_non_mappa')),
  due_on date NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  erased_sha256 text NOT NULL CHECK (erased_sha256 ~ '^[0-9a-f]{64}$'),
  erased_rows integer NOT NULL,
  decided_at timestamptz NOT NULL,
  decided_by uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX retention_erasures_decided ON retention_erasures (decided_at DESC);
