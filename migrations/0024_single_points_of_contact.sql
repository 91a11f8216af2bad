-- Each agency's single point of contact in an area (issue 13): the Vigil user told of an action owned
-- by one of the agency's people who has no Vigil account, so that the action reaches someone. Set on
-- the area's settings page by the coordinator; one per agency and area.
CREATE TABLE agency_contacts (
  area_code text NOT NULL REFERENCES areas (code),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (area_code, agency_id)
);
