-- Prison staff see the prisoners of their establishment: found by the prison offender manager's agency.
CREATE INDEX nominal_managers_prison ON nominal_managers (agency_id) WHERE role = 'prison_offender_manager';
