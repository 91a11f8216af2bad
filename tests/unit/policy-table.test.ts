import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyTableMarkdown } from '../../src/access/policy-table.ts';
import {
  areasInReach,
  can,
  ownArea,
  PEOPLE_ONLY,
  POLICY,
  reachOf,
  WRITE_ACTIONS,
  withinTokenAreas,
  type Action,
} from '../../src/access/policy.ts';
import { ForbiddenError } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/access/actor.ts';
import { projectRoot } from '../../src/config.ts';

const actor = (roles: Actor['roles'], tokenScope?: Actor['tokenScope']): Actor => ({
  userId: 'u',
  displayName: 'U',
  email: 'u@example.gov.uk',
  agencyId: 'a',
  agencyName: 'A',
  agencyType: 'probation',
  areaCode: 'AVS',
  roles,
  ...(tokenScope ? { tokenScope } : {}),
});

describe('the access policy table', () => {
  it('docs/security.md shows exactly the policy the code enforces', () => {
    const doc = readFileSync(path.join(projectRoot, 'docs/security.md'), 'utf8');
    const table = /<!-- policy-table:start -->\n([\s\S]*?)\n<!-- policy-table:end -->/.exec(doc)?.[1];
    expect(table, 'the table in docs/security.md is stale: run npm run docs:policy').toBe(
      policyTableMarkdown(),
    );
  });

  it('denies by default: a role the table does not name gets nothing', () => {
    expect(reachOf(actor(['lay_adviser']), 'nominal.view')).toBeNull();
    expect(reachOf(actor([]), 'reference.view')).toBeNull();
  });

  it('takes the widest reach of a user’s roles', () => {
    expect(reachOf(actor(['dtc_representative', 'probation_practitioner']), 'nominal.view')).toBe('area');
    expect(reachOf(actor(['dtc_representative']), 'nominal.view')).toBe('involved');
  });

  it('never gives a write action to a read-only token', () => {
    expect(
      reachOf(actor(['probation_practitioner'], { readOnly: true, areaCodes: null }), 'nominal.edit'),
    ).toBeNull();
    expect(
      reachOf(actor(['probation_practitioner'], { readOnly: true, areaCodes: null }), 'nominal.view'),
    ).toBe('area');
  });

  it('reads a write action’s list with a read-only token, but never writes with it', () => {
    const readOnly = actor(['probation_practitioner'], { readOnly: true, areaCodes: null });
    for (const action of WRITE_ACTIONS) expect(can(readOnly, action), action).toBe(false);
    expect(reachOf(readOnly, 'action.update', 'read')).toBe('area');
    expect(reachOf(readOnly, 'action.update', 'write')).toBeNull();
  });

  it('gives no token what is a person’s decision, however wide the token', () => {
    const everyRole = Object.keys(POLICY['nominal.justified-access']) as Actor['roles'];
    const person = actor(everyRole);
    const token = {
      ...actor(everyRole),
      serviceAccountId: 's',
      tokenScope: { readOnly: false, areaCodes: null },
    };
    for (const action of PEOPLE_ONLY) {
      expect(can(person, action), action).toBe(true);
      expect(can(token, action), action).toBe(false);
      expect(WRITE_ACTIONS as readonly Action[], action).toContain(action);
    }
  });

  it('narrows an area-limited token to its areas, its user’s own area included', () => {
    const glo = actor(['mappa_coordinator'], { readOnly: false, areaCodes: ['GLO'] });
    const avs = actor(['mappa_coordinator'], { readOnly: false, areaCodes: ['AVS', 'GLO'] });
    const person = actor(['mappa_coordinator']);
    expect(withinTokenAreas(person, 'GLO')).toBe(true);
    expect(withinTokenAreas(glo, 'GLO')).toBe(true);
    expect(withinTokenAreas(glo, 'AVS')).toBe(false);
    expect(withinTokenAreas(glo, null)).toBe(false);
    expect(areasInReach(person)).toEqual(['AVS']);
    expect(areasInReach(person, true)).toBeNull();
    expect(areasInReach(glo)).toEqual([]);
    expect(areasInReach(glo, true)).toEqual(['GLO']);
    expect(ownArea(avs)).toBe('AVS');
    expect(() => ownArea(glo)).toThrow(ForbiddenError);
  });

  it('keeps victim details and intelligence away from duty-to-co-operate agencies and prisons', () => {
    for (const action of ['section.victims', 'section.intelligence'] as const) {
      expect(POLICY[action].dtc_representative).toBeUndefined();
      expect(POLICY[action].prison_offender_manager).toBeUndefined();
    }
  });
});
