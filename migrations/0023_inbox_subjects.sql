-- What each inbox item is about (a referral, a meeting, a meeting's minutes for one person, a prison
-- report, an action), so that it can be resolved when the work it asks for is done by anyone
-- entitled to do it (a coordinator screens the referral, a manager approves the report, the chair
-- closes the meeting), instead of staying unread in everyone else's inbox.
ALTER TABLE notifications
  ADD COLUMN about_type text CHECK (about_type IN ('referral', 'meeting', 'minutes', 'prison-report', 'action')),
  ADD COLUMN about_id uuid,
  ADD COLUMN resolved_at timestamptz,
  ADD COLUMN resolved_by uuid REFERENCES users (id),
  ADD CONSTRAINT notifications_about_both CHECK ((about_type IS NULL) = (about_id IS NULL));

-- Items still open about one thing: what resolving looks up, inside the transaction doing the work.
CREATE INDEX notifications_open_about ON notifications (about_type, about_id) WHERE resolved_at IS NULL;

-- Items written before this migration named what they are about only by their link.
UPDATE notifications SET about_type = 'referral', about_id = substring(link FROM '^/referrals/([0-9a-f-]{36})')::uuid
  WHERE link ~ '^/referrals/[0-9a-f-]{36}$';
UPDATE notifications SET about_type = 'minutes', about_id = substring(link FROM '^/meetings/([0-9a-f-]{36})/')::uuid
  WHERE link ~ '^/meetings/[0-9a-f-]{36}/nominals/[0-9a-f-]{36}/minutes';
UPDATE notifications SET about_type = 'meeting', about_id = substring(link FROM '^/meetings/([0-9a-f-]{36})')::uuid
  WHERE link ~ '^/meetings/[0-9a-f-]{36}$';
UPDATE notifications SET about_type = 'prison-report', about_id = substring(link FROM '/prison-reports/([0-9a-f-]{36})$')::uuid
  WHERE link ~ '^/nominals/[0-9a-f-]{36}/prison-reports/[0-9a-f-]{36}$';
UPDATE notifications SET about_type = 'action', about_id = substring(link FROM '^/actions/([0-9a-f-]{36})')::uuid
  WHERE link ~ '^/actions/[0-9a-f-]{36}$';
