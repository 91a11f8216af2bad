-- The access log's guards beyond the triggers (docs/access-log.md, issue 11 item 4).
--
-- * `access_log_checkpoints`: every signed checkpoint `vigil audit checkpoint` makes is also kept
--   here, append-only. `vigil audit verify` checks that the chain still passes through each one
--   signed by this installation's key, so a tail deleted after a checkpoint (with the head moved
--   back) is found without the copy held elsewhere, and it says how old the newest checkpoint is.
-- * `access_log_restrict_privileges()`: takes back from every role but the owner anything beyond
--   SELECT on the log's tables and every one of their partitions, and INSERT except on
--   `access_log` and `access_log_checkpoints` (appending is the only write). A broad
--   `GRANT … ON ALL TABLES` (which reaches the partitions, and `access_log_records`) is undone by
--   it; `access_log_ensure_partitions`, run as the owner at every start, calls it, so grants made
--   since the last start are corrected too.

CREATE TABLE access_log_checkpoints (
  head_seq bigint NOT NULL,
  head_hash bytea NOT NULL,
  at timestamptz NOT NULL,
  -- The checkpoint exactly as signed and printed (JSON): the verifier trusts only its signature.
  checkpoint text NOT NULL,
  PRIMARY KEY (head_seq, at)
);

CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log_checkpoints
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

CREATE FUNCTION access_log_restrict_privileges() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  target record;
  revoked int := 0;
BEGIN
  -- Table privileges, then column privileges (GRANT UPDATE (purpose) ON access_log would be one).
  FOR target IN
    WITH log_tables AS (
      SELECT c.oid, c.relowner, c.relacl,
             c.oid IN ('access_log'::regclass, 'access_log_checkpoints'::regclass) AS appendable
      FROM pg_class c
      WHERE c.oid IN ('access_log'::regclass, 'access_log_records'::regclass, 'access_log_head'::regclass,
                      'access_log_checkpoints'::regclass)
         OR c.oid IN (SELECT inhrelid FROM pg_inherits
                      WHERE inhparent IN ('access_log'::regclass, 'access_log_records'::regclass))
    )
    SELECT t.oid::regclass::text AS rel, NULL::text AS col, a.grantee, a.privilege_type
    FROM log_tables t, aclexplode(t.relacl) a
    WHERE a.grantee <> t.relowner AND a.privilege_type <> 'SELECT'
      AND NOT (a.privilege_type = 'INSERT' AND t.appendable)
    UNION ALL
    SELECT t.oid::regclass::text, quote_ident(att.attname), a.grantee, a.privilege_type
    FROM log_tables t
    JOIN pg_attribute att ON att.attrelid = t.oid AND att.attnum > 0 AND NOT att.attisdropped
    , aclexplode(att.attacl) a
    WHERE a.grantee <> t.relowner AND a.privilege_type <> 'SELECT'
      AND NOT (a.privilege_type = 'INSERT' AND t.appendable)
  LOOP
    EXECUTE format('REVOKE %s %s ON %s FROM %s', target.privilege_type,
      CASE WHEN target.col IS NULL THEN '' ELSE '(' || target.col || ')' END, target.rel,
      CASE WHEN target.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(target.grantee::regrole::text) END);
    revoked := revoked + 1;
  END LOOP;
  RETURN revoked;
END
$$;

-- As in 0017, and then the privileges put right: run as the owner at every start.
CREATE OR REPLACE FUNCTION access_log_ensure_partitions(current_month date, months_ahead int) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  this_month timestamp := date_trunc('month', current_month::timestamp);
  created int := 0;
BEGIN
  -- Two servers starting together must not both create the same partition.
  PERFORM pg_advisory_xact_lock(7032);
  FOR i IN 0..greatest(months_ahead, 0) LOOP
    IF access_log_create_partition((this_month + make_interval(months => i))::date) THEN
      created := created + 1;
    END IF;
  END LOOP;
  PERFORM access_log_restrict_privileges();
  RETURN created;
END
$$;

SELECT access_log_restrict_privileges();
