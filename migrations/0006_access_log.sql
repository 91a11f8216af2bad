-- The DPA 2018 s.62 access log, append-only and hash-chained IN THE DATABASE (docs/access-log.md).
--
-- * `access_log` is partitioned by month on `at` (UTC month boundaries), with a DEFAULT partition
--   for anything outside the months created so far; `access_log_ensure_partitions(n)` (run at every
--   start) creates the current month and the next n.
-- * A BEFORE INSERT trigger gives each entry its place in the chain: `id` is its sequence number
--   (1, 2, 3… with no gaps), `prev_hash` the hash of the entry before it and
--   `hash = sha256(prev_hash || utf8(access_log_canonical(…)))`. The head of the chain is the one row
--   of `access_log_head`, locked by the trigger until commit, so concurrent transactions append one
--   after another; a deferred trigger moves it to the transaction's last entry at commit.
-- * `access_log_records` holds one row per record named by an entry, partitioned the same way, with
--   a btree on (record_id, at, entry_id): "who looked at this person" reads the newest entries first
--   and stops at the page size instead of collecting every match from a GIN index.
-- * Triggers refuse UPDATE, DELETE and TRUNCATE of all three tables (and of every partition), for
--   every role including the owner; on a PostgreSQL server the application's own role is also
--   granted only SELECT and INSERT (docs/access-log.md).
--
-- The entries written under 0003 are carried over in their original order and chained.

ALTER TABLE access_log RENAME TO access_log_0003;
ALTER INDEX access_log_pkey RENAME TO access_log_0003_pkey;
ALTER INDEX access_log_user RENAME TO access_log_0003_user;
ALTER INDEX access_log_records RENAME TO access_log_0003_records;

CREATE TABLE access_log (
  -- The entry's sequence number in the chain ("seq"): set by the trigger, never by the caller.
  id bigint NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  -- Who: the user, their agency and roles at the time; a machine client's service account if any.
  user_id uuid REFERENCES users (id),
  agency_id uuid REFERENCES agencies (id),
  roles text[] NOT NULL DEFAULT '{}',
  service_account_id uuid,
  -- What.
  operation text NOT NULL CHECK (operation IN ('collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure')),
  record_type text NOT NULL,
  record_ids uuid[] NOT NULL DEFAULT '{}',
  section text,
  -- Why, and to whom (a disclosure names its recipients).
  purpose text,
  recipients text[] NOT NULL DEFAULT '{}',
  -- From where.
  source_address text,
  request_id text,
  -- The chain.
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE INDEX access_log_by_user ON access_log (user_id, at DESC);

CREATE TABLE access_log_records (
  record_id uuid NOT NULL,
  at timestamptz NOT NULL,
  entry_id bigint NOT NULL
) PARTITION BY RANGE (at);
CREATE INDEX access_log_records_by_record ON access_log_records (record_id, at DESC, entry_id DESC);

CREATE TABLE access_log_default PARTITION OF access_log DEFAULT;
CREATE TABLE access_log_records_default PARTITION OF access_log_records DEFAULT;

-- The head of the chain: exactly one row.
CREATE TABLE access_log_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  seq bigint NOT NULL,
  hash bytea NOT NULL
);
INSERT INTO access_log_head (seq, hash) VALUES (0, decode(repeat('00', 32), 'hex'));

-- Canonical text of an entry. Each field is length-prefixed so no value can imitate a separator:
-- NULL is `N`; a text is `S<bytes>:<text>` (its length in UTF-8 bytes); an array is
-- `A<count>:<fields>`. src/audit/chain.ts builds the same text to verify the chain outside the database.
CREATE FUNCTION access_log_field(value text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN 'N' ELSE 'S' || octet_length(convert_to(value, 'UTF8')) || ':' || value END
$$;

CREATE FUNCTION access_log_field(value text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN 'N' ELSE
    'A' || coalesce(cardinality(value), 0) || ':' ||
    coalesce((SELECT string_agg(access_log_field(e), '' ORDER BY n) FROM unnest(value) WITH ORDINALITY AS t (e, n)), '')
  END
$$;

CREATE FUNCTION access_log_canonical(
  e_id bigint, e_at timestamptz, e_user_id uuid, e_agency_id uuid, e_roles text[], e_service_account_id uuid,
  e_operation text, e_record_type text, e_record_ids uuid[], e_section text, e_purpose text, e_recipients text[],
  e_source_address text, e_request_id text
) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT 'vigil-access-log/1'
    || access_log_field(e_id::text)
    || access_log_field(to_char(e_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || access_log_field(e_user_id::text)
    || access_log_field(e_agency_id::text)
    || access_log_field(e_roles)
    || access_log_field(e_service_account_id::text)
    || access_log_field(e_operation)
    || access_log_field(e_record_type)
    || access_log_field(e_record_ids::text[])
    || access_log_field(e_section)
    || access_log_field(e_purpose)
    || access_log_field(e_recipients)
    || access_log_field(e_source_address)
    || access_log_field(e_request_id)
$$;

-- Appends the entry to the chain. SECURITY DEFINER: the application's role needs no right on the
-- head or the records index, only INSERT on access_log.
CREATE FUNCTION access_log_append() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  prev_seq bigint;
  prev_hash bytea;
  own record;
BEGIN
  -- Waits for any other transaction appending right now, then holds the head until commit: it sees
  -- the head that transaction left, and nobody else appends until this transaction ends.
  SELECT seq, hash INTO STRICT prev_seq, prev_hash FROM access_log_head FOR UPDATE;
  -- The head moves once, at commit (access_log_move_head): entries this transaction appended
  -- already lie beyond it. (Updating the head row for every entry would leave one row version per
  -- entry for the next to step over: quadratic in the entries of one transaction.)
  SELECT l.id, l.hash INTO own FROM access_log l WHERE l.id > prev_seq ORDER BY l.id DESC LIMIT 1;
  IF FOUND THEN
    prev_seq := own.id;
    prev_hash := own.hash;
  END IF;
  NEW.id := prev_seq + 1;
  NEW.prev_hash := prev_hash;
  NEW.hash := sha256(prev_hash || convert_to(access_log_canonical(
    NEW.id, NEW.at, NEW.user_id, NEW.agency_id, NEW.roles, NEW.service_account_id, NEW.operation, NEW.record_type,
    NEW.record_ids, NEW.section, NEW.purpose, NEW.recipients, NEW.source_address, NEW.request_id), 'UTF8'));
  INSERT INTO access_log_records (record_id, at, entry_id)
    SELECT DISTINCT r, NEW.at, NEW.id FROM unnest(NEW.record_ids) AS r WHERE r IS NOT NULL;
  RETURN NEW;
END
$$;

-- At commit (a deferred constraint trigger), moves the head to the transaction's last entry. The
-- first event does it; the others find the head already there.
CREATE FUNCTION access_log_move_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  head_seq bigint;
  last record;
BEGIN
  SELECT seq INTO STRICT head_seq FROM access_log_head FOR UPDATE;
  IF NEW.id > head_seq THEN
    SELECT l.id, l.hash INTO STRICT last FROM access_log l WHERE l.id > head_seq ORDER BY l.id DESC LIMIT 1;
    UPDATE access_log_head SET seq = last.id, hash = last.hash;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION access_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- The head moves only inside access_log_append (one trigger deeper than a direct UPDATE).
  IF TG_TABLE_NAME = 'access_log_head' AND TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the access log is append-only: % of % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER access_log_append BEFORE INSERT ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_append();
CREATE CONSTRAINT TRIGGER access_log_move_head AFTER INSERT ON access_log
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION access_log_move_head();
-- Row triggers on a partitioned table are cloned onto every partition, present and future.
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log_records
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_append_only BEFORE INSERT OR UPDATE OR DELETE ON access_log_head
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
-- Statement triggers are not cloned: each partition gets its own (access_log_create_partition).
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_records
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_head
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_default
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_records_default
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

-- Creates the partitions of access_log and access_log_records for the UTC month containing
-- `month`; false if they exist already, or if entries for that month already sit in the DEFAULT
-- partition (they cannot be moved out of an append-only table: the month stays in DEFAULT).
CREATE FUNCTION access_log_create_partition(month date) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  first_day timestamp := date_trunc('month', month::timestamp);
  from_at text := to_char(first_day, 'YYYY-MM-DD HH24:MI:SS') || '+00';
  to_at text := to_char(first_day + interval '1 month', 'YYYY-MM-DD HH24:MI:SS') || '+00';
  suffix text := to_char(first_day, '"y"YYYY"m"MM');
  parent text;
  partition text;
  grantee record;
BEGIN
  IF to_regclass('access_log_' || suffix) IS NOT NULL THEN
    RETURN false;
  END IF;
  IF EXISTS (SELECT 1 FROM access_log_default WHERE at >= from_at::timestamptz AND at < to_at::timestamptz)
     OR EXISTS (SELECT 1 FROM access_log_records_default WHERE at >= from_at::timestamptz AND at < to_at::timestamptz) THEN
    RAISE WARNING 'access log entries for % are already in the default partition: that month stays there', suffix;
    RETURN false;
  END IF;
  FOREACH parent IN ARRAY ARRAY['access_log', 'access_log_records'] LOOP
    partition := parent || '_' || suffix;
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition, parent, from_at, to_at);
    EXECUTE format('CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()', partition);
    -- Default privileges may have granted more than reading and appending: take back what could
    -- change entries (a TRIGGER could rewrite an entry after it is hashed).
    FOR grantee IN
      SELECT DISTINCT a.grantee AS oid FROM pg_class c, aclexplode(c.relacl) a
      WHERE c.oid = partition::regclass AND a.grantee <> c.relowner AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER')
    LOOP
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER ON %I FROM %s', partition,
        CASE WHEN grantee.oid = 0 THEN 'PUBLIC' ELSE quote_ident(grantee.oid::regrole::text) END);
    END LOOP;
  END LOOP;
  RETURN true;
END
$$;

-- Run at every start (vigil serve, vigil migrate): the current UTC month and the next `months_ahead`.
-- Returns how many months' partitions it created.
CREATE FUNCTION access_log_ensure_partitions(months_ahead int) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  this_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC');
  created int := 0;
BEGIN
  -- Two servers starting together must not both create the same partition.
  PERFORM pg_advisory_xact_lock(7032);
  FOR i IN 0..greatest(months_ahead, 0) LOOP
    IF access_log_create_partition((this_month + make_interval(months => i))::date) THEN
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END
$$;

-- Partitions from the oldest carried-over entry (or three months back) to a year ahead, then the
-- old entries, re-chained in their original order.
DO $$
DECLARE
  first_month timestamp := date_trunc('month', least(
    (SELECT min(at) FROM access_log_0003), now() - interval '3 months') AT TIME ZONE 'UTC');
  month timestamp := first_month;
BEGIN
  WHILE month < date_trunc('month', now() AT TIME ZONE 'UTC') LOOP
    PERFORM access_log_create_partition(month::date);
    month := month + interval '1 month';
  END LOOP;
  PERFORM access_log_ensure_partitions(12);
END
$$;

INSERT INTO access_log (at, user_id, agency_id, roles, operation, record_type, record_ids, section, purpose, source_address, request_id)
  SELECT at, user_id, agency_id, roles, operation, record_type, record_ids, section, purpose, source_address, request_id
  FROM access_log_0003 ORDER BY id;
DROP TABLE access_log_0003;
