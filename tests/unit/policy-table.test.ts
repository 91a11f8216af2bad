import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyTableMarkdown } from '../../src/access/policy-table.ts';
import { POLICY, reachOf } from '../../src/access/policy.ts';
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

  it('keeps victim details and intelligence away from duty-to-co-operate agencies and prisons', () => {
    for (const action of ['section.victims', 'section.intelligence'] as const) {
      expect(POLICY[action].dtc_representative).toBeUndefined();
      expect(POLICY[action].prison_offender_manager).toBeUndefined();
    }
  });
});
