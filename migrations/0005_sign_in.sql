-- Sign-in: a mandatory second factor (TOTP with single-use recovery codes), throttled attempts,
-- sessions that record when the second factor was last proved, scoped API tokens, single sign-on
-- state, and a history of every change made to a user.

ALTER TABLE users
  -- The TOTP shared secret (base32). It cannot be hashed: the server must compute codes from it.
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_enrolled_at timestamptz,
  -- The last 30-second time step a code was accepted for: a code is never accepted twice.
  ADD COLUMN totp_last_step bigint,
  ADD COLUMN password_changed_at timestamptz,
  ADD CONSTRAINT users_vetting_level CHECK (vetting_level IS NULL OR vetting_level IN ('NPPV2', 'NPPV3', 'SC', 'DV'));

-- Ten single-use codes per user, for when the authenticator is lost. Only argon2id hashes are kept.
CREATE TABLE user_recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);
CREATE INDEX user_recovery_codes_unused ON user_recovery_codes (user_id) WHERE used_at IS NULL;

ALTER TABLE sessions
  -- Null while the session is "pending": the password (or organisation account) is proved, the
  -- second factor not yet. A pending session reaches only the second-factor pages and sign-out.
  ADD COLUMN mfa_verified_at timestamptz,
  -- When the user last proved the second factor again before a highly sensitive operation.
  ADD COLUMN reauthenticated_at timestamptz,
  ADD COLUMN authenticated_by text NOT NULL DEFAULT 'password' CHECK (authenticated_by IN ('password', 'oidc')),
  -- A TOTP secret offered during enrolment, kept with the session until a code confirms it.
  ADD COLUMN pending_totp_secret text,
  ADD COLUMN ended_reason text;
-- Sessions opened before the second factor existed never passed it: they end now.
UPDATE sessions SET ended_at = now(), ended_reason = 'two-factor-introduced' WHERE ended_at IS NULL;
CREATE INDEX sessions_user_open ON sessions (user_id) WHERE ended_at IS NULL;

-- Failed sign-in steps, for throttling: a sliding window per account and per source address.
-- `account_key` is the SHA-256 of the lower-cased email, so unknown accounts are throttled exactly
-- like real ones and the table holds no addresses. Rows older than a day are deleted as new ones come.
CREATE TABLE sign_in_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  account_key text NOT NULL,
  source_address text,
  step text NOT NULL CHECK (step IN ('password', 'totp', 'recovery-code', 'reauthentication', 'change-password'))
);
CREATE INDEX sign_in_failures_account ON sign_in_failures (account_key, at);
CREATE INDEX sign_in_failures_source ON sign_in_failures (source_address, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);

-- API tokens get a scope. Tokens issued before scopes existed keep the full power they were given;
-- new tokens are read-only unless asked otherwise.
ALTER TABLE service_accounts
  ADD COLUMN read_only boolean NOT NULL DEFAULT false,
  ADD COLUMN area_codes text[],
  ADD COLUMN created_by uuid REFERENCES users (id),
  ADD COLUMN revoked_by uuid REFERENCES users (id);
ALTER TABLE service_accounts ALTER COLUMN read_only SET DEFAULT true;
CREATE INDEX service_accounts_user ON service_accounts (user_id);

-- Who changed what about a user, and when: roles, vetting, training, disabling, ended sessions,
-- reset second factors, revoked tokens. `changed_by` is null for the command line.
CREATE TABLE user_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  changed_by uuid REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  change text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX user_changes_user ON user_changes (user_id, changed_at DESC);

-- Single sign-on requests in flight: state, nonce and PKCE verifier, bound to the browser that
-- started them (the hash of a random value in a cookie), used once, for ten minutes at most.
CREATE TABLE oidc_sign_ins (
  state_hash text PRIMARY KEY,
  browser_hash text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX oidc_sign_ins_created ON oidc_sign_ins (created_at);
