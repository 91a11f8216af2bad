-- Whether a level decision needed countersigning is fixed when it is made: a later change to the
-- area's setting or the decider's roles must not rewrite history.
ALTER TABLE level_decisions ADD COLUMN countersignature_required boolean NOT NULL DEFAULT false;
