-- `vigil generate` (synthetic national dataset): which run this database holds and which of its
-- deterministic batches are already written, so an interrupted run resumes without duplicating.
-- Each batch writes its rows and its row here in one transaction.
CREATE TABLE generation_runs (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  seed bigint NOT NULL,
  scale numeric NOT NULL,
  as_of date NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE generation_batches (
  step text PRIMARY KEY,
  rows_written bigint NOT NULL,
  done_at timestamptz NOT NULL DEFAULT now()
);
