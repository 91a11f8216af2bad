-- DPA 2018 s.62 logging: every collection, alteration, consultation, disclosure, combination and erasure.
CREATE TABLE access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users (id),
  agency_id uuid REFERENCES agencies (id),
  roles text[] NOT NULL DEFAULT '{}',
  operation text NOT NULL CHECK (operation IN ('collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure')),
  record_type text NOT NULL,
  record_ids uuid[] NOT NULL DEFAULT '{}',
  section text,
  purpose text,
  source_address text,
  request_id text
);
CREATE INDEX access_log_user ON access_log (user_id, at DESC);
CREATE INDEX access_log_records ON access_log USING gin (record_ids);
