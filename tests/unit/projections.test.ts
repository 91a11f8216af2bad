import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/access/actor.ts';
import type { RecordAccess } from '../../src/access/policy.ts';
import {
  actionVisibleTo,
  isVictimRelationship,
  victimKeysOf,
  type ActionFacts,
} from '../../src/access/projections.ts';
import type { Role } from '../../src/domain/codes.ts';

const actor = (roles: Role[], agencyId = 'agency-housing', userId = 'user-1'): Actor => ({
  userId,
  displayName: 'Test',
  email: 'test@example.gov.uk',
  agencyId,
  agencyName: 'Agency',
  agencyType: 'housing',
  areaCode: 'NOR',
  roles,
});
const AREA: RecordAccess = { via: 'area', sections: 'all' };
const INVOLVED: RecordAccess = { via: 'involvement', sections: ['identity', 'relationships'] };
const policeVictimAction: ActionFacts = {
  ownerAgencyId: 'agency-police',
  ownerUserId: 'user-police',
  pillar: 'victim_safety_planning',
  safeguarding: true,
};

describe('actionVisibleTo', () => {
  it('an involved agency sees its own actions, never another agency’s', () => {
    const housing = actor(['dtc_representative']);
    expect(actionVisibleTo({ actor: housing, access: INVOLVED }, policeVictimAction)).toBe(false);
    expect(
      actionVisibleTo(
        { actor: housing, access: INVOLVED },
        { ...policeVictimAction, ownerAgencyId: 'agency-housing', ownerUserId: null },
      ),
    ).toBe(true);
    expect(
      actionVisibleTo(
        { actor: housing, access: INVOLVED },
        { ...policeVictimAction, pillar: 'supervision', safeguarding: false },
      ),
    ).toBe(false);
  });

  it('victim safety planning: those who see victims and the MAPPA unit, not a prison offender manager', () => {
    const see = (roles: Role[]) =>
      actionVisibleTo({ actor: actor(roles, 'agency-other', 'user-2'), access: AREA }, policeVictimAction);
    expect(see(['probation_practitioner'])).toBe(true);
    expect(see(['mappa_administrator'])).toBe(true);
    expect(see(['prison_offender_manager'])).toBe(false);
    expect(
      actionVisibleTo(
        { actor: actor(['prison_offender_manager'], 'agency-other', 'user-police'), access: AREA },
        policeVictimAction,
      ),
    ).toBe(true);
  });
});

describe('isVictimRelationship', () => {
  const rows = [
    { id: '1', type: 'ex_partner', person_name: 'Vera Victimson', related_nominal_id: null },
    { id: '2', type: 'victim', person_name: 'vera  VICTIMSON.', related_nominal_id: null },
    { id: '3', type: 'partner', person_name: 'Paula Partner', related_nominal_id: 'nominal-9' },
    { id: '4', type: 'victim', person_name: 'Unnamed', related_nominal_id: 'nominal-9' },
    { id: '5', type: 'child', person_name: 'Charlie Child', related_nominal_id: null },
  ];
  it('looks at who the row is about, not just its type', () => {
    const victims = victimKeysOf(rows);
    expect(rows.filter((r) => isVictimRelationship(r, victims)).map((r) => r.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });
});
