import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { reachOf, type Action } from '../../src/access/policy.ts';
import { ROLE, type Role } from '../../src/domain/codes.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, SERVER_ONLY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

const agencyTypeFor = (role: Role) =>
  role.startsWith('police')
    ? 'police'
    : role.startsWith('prison') || role === 'head_of_offender_management_unit'
      ? 'prison'
      : role === 'dtc_representative'
        ? 'housing'
        : 'probation';

/** Routes that end a session or start sign-in: exercised by the sign-in suites, not here. */
const SESSION_ROUTES =
  /^\/(sign-in|sign-out|signed-out|session\/|reauthenticate|account\/sign-out-everywhere|account\/recovery-codes)/;

/**
 * Every page route × every role × a record in scope and one out of scope, signed in through the
 * real pages (password and TOTP): the answer must be what the policy table says — refused by role
 * (403), hidden by scope (404), or let through to the use case (anything else but a server error).
 */
describeEachDatabase(
  'access matrix (pages)',
  (getDb) => {
    let app: FastifyInstance;
    const sessions = new Map<Role, { cookie: string; csrfToken: string }>();
    const actors = new Map<Role, UseCaseContext>();
    const records = { inScope: '', outOfScope: '' };
    const addresses = { inScope: '', outOfScope: '' };
    /** The user the administration routes act on: not one of the signed-in users, whom they could disable. */
    let targetUserId = '';

    beforeAll(async () => {
      const { database } = getDb();
      app = await buildApp({
        clock: testClock,
        database,
        config: { trustProxy: false },
        sleep: async () => undefined,
      });
      await app.ready();
      for (const role of ROLE.map((r) => r.code)) {
        const ctx = await makeActor(database, {
          roles: [role],
          areaCode: 'AVS',
          agencyType: agencyTypeFor(role),
        });
        actors.set(role, ctx);
        sessions.set(
          role,
          await signInWithPages(app, {
            email: ctx.actor.email,
            password: TEST_PASSWORD,
            remoteAddress: `10.9.${ROLE.findIndex((r) => r.code === role)}.1`,
          }),
        );
      }
      targetUserId = (await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' })).actor
        .userId;
      for (const [key, area] of [
        ['inScope', 'AVS'],
        ['outOfScope', 'GLO'],
      ] as const) {
        const owner = await makeActor(database, { roles: ['probation_practitioner'], areaCode: area });
        records[key] = (
          await createNominal(database, owner, identity({ forename: 'Page', surname: key }))
        ).id;
        addresses[key] = (
          await addSectionRow(database, owner, records[key], 'addresses', {
            type: 'home',
            line1: '1 A St',
            postcode: 'BS1 1AA',
            fromDate: '2025-01-01',
          })
        ).id;
      }
    });
    afterAll(async () => {
      await app?.close();
    });

    it('every page route answers each role as the policy table says', async () => {
      const routes = app.routeTable.filter(
        (r) =>
          !r.url.startsWith('/api/') &&
          !SESSION_ROUTES.test(r.url) &&
          r.action !== 'public' &&
          !r.url.includes('*') &&
          !/\.(css|js)$/.test(r.url),
      );
      expect(routes.length).toBeGreaterThan(30);
      const mismatches: string[] = [];
      for (const route of routes) {
        const recordRoute = route.url.startsWith('/nominals/:id');
        for (const role of ROLE.map((r) => r.code)) {
          const session = sessions.get(role)!;
          for (const which of recordRoute ? (['inScope', 'outOfScope'] as const) : (['inScope'] as const)) {
            const url = route.url
              .replace(':id', recordRoute ? records[which] : targetUserId)
              .replace(':section', 'addresses')
              .replace(':rowId', addresses[which])
              .replace(/:\w+/g, '00000000-0000-0000-0000-000000000000');
            const response = await app.inject({
              method: route.method as 'GET',
              url,
              headers: { cookie: session.cookie },
              ...(route.method === 'POST' ? { payload: { _csrf: session.csrfToken } } : {}),
            });
            const expected = expectedFor(route.action as string, actors.get(role)!, recordRoute, which);
            const status = response.statusCode;
            const actual =
              status === 403
                ? 'forbidden'
                : status === 404
                  ? 'not found'
                  : status >= 500
                    ? `error ${status}`
                    : 'allowed';
            // A 404 for an allowed role is right when the route names something else that does not exist (a token, a decision).
            const placeholder =
              /:(?!id\b|section\b|rowId\b)\w+/.test(route.url) ||
              (route.url.includes(':id') && !recordRoute && !route.url.startsWith('/admin/users/:id'));
            if (actual !== expected && !(placeholder && expected === 'allowed' && actual === 'not found')) {
              mismatches.push(
                `${route.method} ${route.url} as ${role} on ${which}: expected ${expected}, got ${actual} (${status})`,
              );
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  },
  SERVER_ONLY,
);

function expectedFor(
  action: string,
  ctx: UseCaseContext,
  recordRoute: boolean,
  which: 'inScope' | 'outOfScope',
): string {
  if (action === 'public' || action === 'signed-in') return 'allowed';
  if (reachOf(ctx.actor, action as Action) === null) return 'forbidden';
  if (!recordRoute || action === 'nominal.justified-access') return 'allowed';
  // A duty-to-co-operate agency sees no record it is not involved in; nothing here involves it.
  if (reachOf(ctx.actor, action as Action) === 'involved') return 'not found';
  return which === 'outOfScope' ? 'not found' : 'allowed';
}
