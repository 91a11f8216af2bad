-- Worklists at national scale (docs/performance.md).
-- A practitioner's caseload is found by manager, including allocations that end in the future.
CREATE INDEX nominal_managers_user_all ON nominal_managers (user_id);
-- Overdue actions are few nationally: the area's list starts from them, not from the area's people.
CREATE INDEX actions_open_due ON actions (due_on) WHERE status = 'open';
-- The area's list counts read only people some list can show, not every person under supervision.
CREATE INDEX nominal_obligations_area_listed ON nominal_obligations (area_code)
  WHERE category IS NOT NULL OR level IS NOT NULL OR unreviewed_event_since IS NOT NULL OR reduced_near_release;
