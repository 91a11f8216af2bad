import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { reachOf, SHAREABLE_SECTIONS, type Action } from '../../src/access/policy.ts';
import { ROLE, type Role } from '../../src/domain/codes.ts';
import { addSectionRow, createNominal, SECTIONS } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/** One valid row for each section, so every /{section}/{rowId} route has something to address. */
const SAMPLE_ROWS: Record<string, Record<string, unknown>> = {
  aliases: { forename: 'Jim', surname: 'Ray' },
  identifiers: { type: 'crn', value: '' },
  addresses: { type: 'home', line1: '1 Test Street', postcode: 'BS1 1AA', fromDate: '2025-01-01' },
  relationships: { type: 'associate', personName: 'A Friend', isChild: false, inHousehold: false },
  convictions: { offence: 'Burglary', convictionDate: '2020-01-01', outcome: 'fine', isIndexOffence: false },
  'risk-assessments': { assessedOn: '2025-01-01', assessor: 'An Assessor', roshOverall: 'MEDIUM' },
  markers: { type: 'weapons', startDate: '2025-01-01' },
  managers: { role: 'police_offender_manager', name: 'A Manager', agencyId: '', fromDate: '2025-01-01' },
};

const agencyTypeFor = (role: Role) =>
  role.startsWith('police')
    ? 'police'
    : role.startsWith('prison')
      ? 'prison'
      : role === 'dtc_representative'
        ? 'housing'
        : 'probation';

/**
 * Every API route × every role × a record in scope and one out of scope: the answer must be what
 * the policy table says. The routes come from the app's own route table, so a new route cannot
 * escape; a route without a declared action fails.
 */
describeEachDatabase('access matrix', (getDb) => {
  let app: FastifyInstance;
  const tokens = new Map<Role, string>();
  const actors = new Map<Role, UseCaseContext>();
  const records: Record<'inScope' | 'outOfScope', { id: string; rows: Record<string, string> }> = {
    inScope: { id: '', rows: {} },
    outOfScope: { id: '', rows: {} },
  };

  beforeAll(async () => {
    const { database } = getDb();
    for (const role of ROLE.map((r) => r.code)) {
      const ctx = await makeActor(database, {
        roles: [role],
        areaCode: 'AVS',
        agencyType: agencyTypeFor(role),
      });
      actors.set(role, ctx);
      tokens.set(
        role,
        await createServiceToken(database, testMoment(), ctx.actor.userId, `matrix ${role}`, null, {
          readOnly: false,
        }),
      );
    }
    const owners = {
      inScope: await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' }),
      outOfScope: await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'GLO' }),
    };
    let serial = 100000;
    for (const key of ['inScope', 'outOfScope'] as const) {
      const owner = owners[key];
      const created = await createNominal(database, owner, identity({ forename: 'Matrix', surname: key }));
      records[key].id = created.id;
      for (const section of SECTIONS) {
        const sample = { ...SAMPLE_ROWS[section.name]! };
        if (section.name === 'identifiers') sample.value = `M${++serial}`;
        if (section.name === 'managers') sample.agencyId = owner.actor.agencyId;
        records[key].rows[section.name] = (
          await addSectionRow(database, owner, created.id, section.name, sample)
        ).id;
      }
    }
    // The housing agency is invited to a meeting about the in-scope person, with everything shareable.
    await database.db
      .insertInto('agency_involvements')
      .values({
        created_at: testClock.now(),
        nominal_id: records.inScope.id,
        agency_id: actors.get('dtc_representative')!.actor.agencyId,
        reason: 'meeting_invitation',
        sections: [...SHAREABLE_SECTIONS],
        from_date: '2026-01-01',
        created_by: owners.inScope.actor.userId,
      })
      .execute();
    app = await buildApp({ clock: testClock, database, config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('every route declares its policy action', () => {
    const undeclared = app.routeTable
      .filter((r) => r.action === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('every API route answers each role as the policy table says', async () => {
    const mismatches: string[] = [];
    const apiRoutes = app.routeTable.filter((r) => r.url.startsWith('/api/v1/'));
    expect(apiRoutes.length).toBeGreaterThan(25);
    for (const route of apiRoutes) {
      const action = route.action!;
      const recordRoute = route.url.includes(':id');
      for (const role of ROLE.map((r) => r.code)) {
        const ctx = actors.get(role)!;
        for (const which of recordRoute ? (['inScope', 'outOfScope'] as const) : (['inScope'] as const)) {
          const record = records[which];
          const section = /\/nominals\/:id\/([\w-]+)/.exec(route.url)?.[1] ?? '';
          const url = route.url
            .replace(':id', record.id)
            .replace(':rowId', record.rows[section] ?? '00000000-0000-0000-0000-000000000000')
            .replace(/:\w+/g, '00000000-0000-0000-0000-000000000000');
          const response = await app.inject({
            method: route.method as 'GET',
            url: url + (url.endsWith('/search') ? '?q=Matrix' : ''),
            headers: { authorization: `Bearer ${tokens.get(role)}` },
            ...(route.method === 'GET' ? {} : { payload: {} }),
          });
          const expected = expectedOutcome(action, ctx, recordRoute, which, route.url);
          // An empty body is refused (400) by the route's schema before any record is looked at, so
          // it says nothing about another area's record: for a write, that is as good as "not found".
          // Each capability's own tests send valid bodies to records out of scope and expect 404.
          const refusedUnread =
            response.statusCode === 400 &&
            route.method !== 'GET' &&
            which === 'outOfScope' &&
            expected === 'not found';
          const actual =
            response.statusCode === 403
              ? 'forbidden'
              : response.statusCode === 404 || refusedUnread
                ? 'not found'
                : response.statusCode < 500 && response.statusCode !== 401
                  ? 'allowed'
                  : `HTTP ${response.statusCode}`;
          // Other parameters (a referral, a meeting) address nothing here: "not found" stands for
          // "allowed"; their own tests check them with real rows.
          const placeholder = /:(?!id\b|rowId\b)\w+/.test(route.url);
          if (actual !== expected && !(placeholder && expected === 'allowed' && actual === 'not found'))
            mismatches.push(
              `${route.method} ${route.url} as ${role} on ${which}: expected ${expected}, got ${actual} (${response.statusCode})`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

function expectedOutcome(
  action: string,
  ctx: UseCaseContext,
  recordRoute: boolean,
  which: 'inScope' | 'outOfScope',
  url: string,
): string {
  if (action === 'public' || action === 'signed-in') return 'allowed';
  const reach = reachOf(ctx.actor, action as Action);
  if (reach === null) return 'forbidden';
  if (!recordRoute) return 'allowed';
  // Opening an out-of-scope record with a reason is exactly what justified access is for.
  if (action === 'nominal.justified-access' || url.endsWith('/justified-access')) return 'allowed';
  if (which === 'outOfScope') return 'not found';
  return 'allowed';
}
