-- "My actions" finds an agency's actions with no named owner directly, not through its area's records.
CREATE INDEX actions_agency ON actions (owner_agency_id, due_on);
