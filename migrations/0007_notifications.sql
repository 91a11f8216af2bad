-- The in-app inbox: what reached whom, about which person, and whether an email went too.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  nominal_id uuid REFERENCES nominals (id),
  subject text NOT NULL,
  body text NOT NULL,
  link text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  read_at timestamptz,
  emailed_at timestamptz
);
CREATE INDEX notifications_inbox ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unsent ON notifications (created_at) WHERE emailed_at IS NULL;
