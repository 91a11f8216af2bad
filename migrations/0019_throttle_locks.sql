-- Throttling that cannot be raced: every attempt takes a row lock on its source address (and, for
-- the second-factor steps, on its account) before counting the failures in the window and writing
-- its own, so parallel attempts queue behind each other and at most the limit is ever evaluated.
-- `key` is 'source:<address>' or 'account:<sha-256 of the email>'; old rows are removed as new ones come.
CREATE TABLE sign_in_throttle_locks (
  key text PRIMARY KEY,
  last_at timestamptz NOT NULL
);
CREATE INDEX sign_in_throttle_locks_last_at ON sign_in_throttle_locks (last_at);

