-- One clock (src/clock.ts): every instant Vigil stores comes from the clock injected into the use
-- case, never from the database's now(). Without these defaults, an insert that forgets its
-- timestamp fails instead of silently taking the database server's time, which may differ from
-- Vigil's (another machine, another clock, a test a year ahead).
ALTER TABLE users ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE sessions ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE sessions ALTER COLUMN last_seen_at DROP DEFAULT;
ALTER TABLE service_accounts ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE nominals ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE nominals ALTER COLUMN updated_at DROP DEFAULT;
ALTER TABLE risk_assessments ALTER COLUMN recorded_at DROP DEFAULT;
ALTER TABLE nominal_changes ALTER COLUMN at DROP DEFAULT;
ALTER TABLE access_log ALTER COLUMN at DROP DEFAULT;
ALTER TABLE agency_involvements ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE justified_accesses ALTER COLUMN granted_at DROP DEFAULT;
ALTER TABLE user_recovery_codes ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE user_changes ALTER COLUMN changed_at DROP DEFAULT;
ALTER TABLE notifications ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE screenings ALTER COLUMN completed_at DROP DEFAULT;
ALTER TABLE level_decisions ALTER COLUMN decided_at DROP DEFAULT;
ALTER TABLE status_notifications ALTER COLUMN recorded_at DROP DEFAULT;
ALTER TABLE significant_events ALTER COLUMN recorded_at DROP DEFAULT;
ALTER TABLE category3_considerations ALTER COLUMN considered_at DROP DEFAULT;
ALTER TABLE offender_notifications ALTER COLUMN recorded_at DROP DEFAULT;
ALTER TABLE referrals ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE referrals ALTER COLUMN updated_at DROP DEFAULT;
ALTER TABLE referral_decisions ALTER COLUMN decided_at DROP DEFAULT;
ALTER TABLE meetings ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE meeting_invitations ALTER COLUMN invited_at DROP DEFAULT;
ALTER TABLE meeting_attendance ALTER COLUMN recorded_at DROP DEFAULT;
ALTER TABLE minutes ALTER COLUMN updated_at DROP DEFAULT;
ALTER TABLE actions ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE action_updates ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE risk_management_plans ALTER COLUMN changed_at DROP DEFAULT;
ALTER TABLE prison_reports ALTER COLUMN updated_at DROP DEFAULT;
ALTER TABLE generation_runs ALTER COLUMN started_at DROP DEFAULT;
ALTER TABLE generation_batches ALTER COLUMN done_at DROP DEFAULT;

-- Access-log partitions follow Vigil's clock (entries carry its `at`), not the database server's:
-- the caller says which month is current.
DROP FUNCTION access_log_ensure_partitions(int);
CREATE FUNCTION access_log_ensure_partitions(current_month date, months_ahead int) RETURNS int
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
  RETURN created;
END
$$;
