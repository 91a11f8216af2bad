import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, UseCaseContext } from '../../src/access/actor.ts';
import { reachOf, SHAREABLE_SECTIONS, WRITE_ACTIONS, type Action } from '../../src/access/policy.ts';
import { ROLE, type Role } from '../../src/domain/codes.ts';
import { grantJustifiedAccess } from '../../src/modules/justified-access/index.ts';
import { addSectionRow, createNominal, getNominal, SECTIONS } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { API_PREFIX, type ApiRouteEntry } from '../../src/web/api.ts';
import { buildApp } from '../../src/web/app.ts';
import { SERVER_ONLY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity, newPnc } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';
import {
  addressIn,
  AWAY_AREA,
  buildTokenWorld,
  callWith,
  exampleBody,
  exampleQuery,
  HOME_AREA,
  NOWHERE_AREA,
  SAMPLE_ROWS,
  tracesOf,
  WORLD_SURNAME,
  type ExampleHints,
  type TokenWorld,
} from '../support/token-scope.ts';

process.env.VIGIL_LOG = 'silent';

const agencyTypeFor = (role: Role) =>
  role.startsWith('police')
    ? 'police'
    : role.startsWith('prison') || role === 'head_of_offender_management_unit'
      ? 'prison'
      : role === 'dtc_representative'
        ? 'housing'
        : 'probation';

/**
 * Every API route × every role × a record in scope and one out of scope: the answer must be what
 * the policy table says. The routes come from the app's own route table, so a new route cannot
 * escape; a route without a declared action fails.
 */
describeEachDatabase(
  'access matrix',
  (getDb) => {
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

    it('every API route that writes names a write action, so a read-only token gets none of them', () => {
      const reads = app.apiRoutes.filter(
        (r) => r.method !== 'GET' && !WRITE_ACTIONS.includes(r.action as Action),
      );
      expect(reads.map((r) => `${r.method} ${r.path}: ${r.action}`)).toEqual([]);
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
            const expected = expectedOutcome(action, tokenActorOf(ctx), recordRoute, which, route.url);
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

    /**
     * API tokens: the token's limits bind every route and list, not only record routes. One user works
     * in two areas (tests/support/token-scope.ts); each of their tokens is sent to every API route
     * (from the app's own table, so a new route is covered the day it is added), addressing the things
     * of each area. A limited token must never show or change anything of an area outside its limit;
     * a read-only token never writes; a revoked token is nobody; no token grants justified access.
     */
    describe('API tokens', () => {
      let world: TokenWorld;
      let doc: Parameters<typeof exampleBody>[0];
      let hints: ExampleHints;
      /** What the user's whole-scope token gets from each GET route, in each area ('' for lists). */
      const whole = new Map<string, { status: number; text: string }>();
      const routes = () => app.apiRoutes;
      const bodyOf = (route: ApiRouteEntry) =>
        route.method === 'GET' ? null : exampleBody(doc, route, hints);
      const queryOf = (route: ApiRouteEntry) => exampleQuery(doc, route, hints);
      const hasParameters = (route: ApiRouteEntry) => route.path.includes('{');
      const key = (route: ApiRouteEntry, area: string) => `${route.method} ${route.path} ${area}`;

      beforeAll(async () => {
        world = await buildTokenWorld(getDb().database);
        doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
        hints = {
          agencyId: world.user.actor.agencyId,
          email: world.user.actor.email,
          // Rules across fields, and values no generic one passes.
          values: {
            q: WORLD_SURNAME,
            value: newPnc(),
            line1: '1 Test Street',
            postcode: 'BS1 1AA',
            lengthMonths: 12,
            location: 'Room 1',
            nominalIds: [world.home.nominal.id],
            note: 'Visited as agreed',
          },
        };
        for (const route of routes().filter((r) => r.method === 'GET')) {
          const areas = hasParameters(route) ? [world.home, world.away] : [null];
          for (const things of areas) {
            const url = (things ? addressIn(route, things) : API_PREFIX + route.path) + queryOf(route);
            whole.set(
              key(route, things?.areaCode ?? ''),
              await callWith(app, world.tokens.unlimited, 'GET', url, null),
            );
          }
        }
      });

      it('covers every API route, and the whole-scope token reaches both areas', () => {
        expect(routes().length).toBe(app.routeTable.filter((r) => r.url.startsWith('/api/v1/')).length);
        // Without this, "not found" below would prove nothing: the user does reach each area's things.
        const unreached = routes()
          .filter((r) => r.method === 'GET' && hasParameters(r))
          .filter((r) => ![world.home, world.away].some((t) => whole.get(key(r, t.areaCode))!.status === 200))
          .map((r) => `${r.path}: ${whole.get(key(r, world.home.areaCode))!.status}`);
        expect(unreached).toEqual([]);
        const lists = [
          '/actions',
          '/referrals',
          '/inbox',
          '/worklists/mine',
          '/search',
          '/audit/user-entries',
        ];
        for (const list of lists) {
          const text = whole.get(`GET ${list} `)!.text;
          for (const things of [world.home, world.away])
            expect(
              tracesOf(things).some((t) => text.includes(t)),
              `${list} shows ${things.areaCode}`,
            ).toBe(true);
        }
      });

      it('an area-limited token never sees or changes anything of another area', async () => {
        const problems: string[] = [];
        const limits = [
          { token: world.tokens.home, within: [world.home], outside: [world.away], homeExcluded: false },
          { token: world.tokens.away, within: [world.away], outside: [world.home], homeExcluded: true },
          { token: world.tokens.nowhere, within: [], outside: [world.home, world.away], homeExcluded: true },
        ];
        for (const limit of limits) {
          const name = `token limited to ${limit.within.map((t) => t.areaCode).join() || NOWHERE_AREA}`;
          for (const route of routes()) {
            const body = bodyOf(route);
            const query = queryOf(route);
            const say = (what: string, answer: { status: number; text: string }) =>
              problems.push(
                `${route.method} ${route.path} with a ${name}: ${what} (${answer.status} ${answer.text.slice(0, 160)})`,
              );
            if (hasParameters(route)) {
              // By id: another area's thing is not found (or refused), whether read or written.
              for (const things of limit.outside) {
                const answer = await callWith(
                  app,
                  limit.token,
                  route.method,
                  addressIn(route, things) + query,
                  body,
                );
                if (answer.status !== 403 && answer.status !== 404) say(`reached ${things.areaCode}`, answer);
              }
              // Within its areas it reads what the whole-scope token reads, less any other area's.
              if (route.method === 'GET')
                for (const things of limit.within) {
                  if (whole.get(key(route, things.areaCode))!.status !== 200) continue;
                  const answer = await callWith(
                    app,
                    limit.token,
                    'GET',
                    addressIn(route, things) + query,
                    null,
                  );
                  if (answer.status !== 200) say(`refused in ${things.areaCode}`, answer);
                  const leaked = limit.outside.flatMap(tracesOf).filter((t) => answer.text.includes(t));
                  if (leaked.length) say(`showed ${leaked.join(', ')} in ${things.areaCode}`, answer);
                }
            } else if (route.method === 'GET') {
              // Lists: filtered, never a trace of another area.
              const answer = await callWith(app, limit.token, 'GET', API_PREFIX + route.path + query, null);
              if (answer.status >= 500 || answer.status === 401) say('failed', answer);
              const leaked = limit.outside.flatMap(tracesOf).filter((t) => answer.text.includes(t));
              if (leaked.length) say(`listed ${leaked.join(', ')}`, answer);
            } else if (limit.homeExcluded) {
              // A write naming no record acts in the user's own area (a new record, a meeting, the
              // area's settings): refused to a token that leaves that area out.
              const answer = await callWith(app, limit.token, route.method, API_PREFIX + route.path, body);
              if (answer.status !== 403 && answer.status !== 404) say(`wrote in ${HOME_AREA}`, answer);
            }
          }
        }
        expect(problems).toEqual([]);
        // Counts, too, are of the token's areas only.
        const counts = async (token: string) =>
          (await callWith(app, token, 'GET', '/api/v1/oversight/counts', null)).text;
        const nominalsIn = async (areaCode: string) =>
          Number(
            (
              await getDb()
                .database.db.selectFrom('nominals')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('area_code', '=', areaCode)
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(JSON.parse(await counts(world.tokens.away)).total).toBe(await nominalsIn(AWAY_AREA));
        expect(JSON.parse(await counts(world.tokens.nowhere)).total).toBe(0);
        expect(
          (await callWith(app, world.tokens.away, 'GET', '/api/v1/area-settings', null)).status,
          'the home area’s settings',
        ).toBe(403);
      });

      it('a read-only token gets 403 on every route that writes, and reads as before', async () => {
        const problems: string[] = [];
        for (const route of routes()) {
          const url = addressIn(route, world.home) + queryOf(route);
          const answer = await callWith(app, world.tokens.readOnly, route.method, url, bodyOf(route));
          const expected =
            route.method === 'GET'
              ? whole.get(key(route, hasParameters(route) ? HOME_AREA : ''))!.status
              : 403;
          if (answer.status !== expected)
            problems.push(
              `${route.method} ${route.path}: expected ${expected}, got ${answer.status} ${answer.text.slice(0, 160)}`,
            );
        }
        expect(problems).toEqual([]);
      });

      it('a revoked token gets 401 on every API route', async () => {
        const problems: string[] = [];
        for (const route of routes()) {
          const url = addressIn(route, world.home) + queryOf(route);
          const answer = await callWith(app, world.tokens.revoked, route.method, url, bodyOf(route));
          if (answer.status !== 401) problems.push(`${route.method} ${route.path}: ${answer.status}`);
        }
        expect(problems).toEqual([]);
      });

      it('no token grants justified access, or reads through a person’s', async () => {
        const { database } = getDb();
        const grants = async () =>
          Number(
            (
              await database.db
                .selectFrom('justified_accesses')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('nominal_id', '=', world.unreachable.id)
                .executeTakeFirstOrThrow()
            ).n,
          );
        const url = `/api/v1/nominals/${world.unreachable.id}`;
        for (const token of Object.values(world.tokens).filter((t) => t !== world.tokens.revoked)) {
          const answer = await callWith(app, token, 'POST', `${url}/justified-access`, {
            reason: 'A new arrival from another area',
          });
          expect(answer.status, answer.text).toBe(403);
          expect((await callWith(app, token, 'GET', url, null)).status).toBe(404);
          const everywhere = await callWith(
            app,
            token,
            'GET',
            `/api/v1/search?q=${WORLD_SURNAME}&allAreas=true&reason=A+new+arrival+from+elsewhere`,
            null,
          );
          expect(everywhere.status, 'searching every area is the first step of justified access').toBe(403);
        }
        expect(await grants()).toBe(0);
        // The person may open it (signed in, with a reason); their tokens still may not read it.
        await grantJustifiedAccess(
          database,
          world.user,
          world.unreachable.id,
          'A new arrival from another area',
        );
        expect((await getNominal(database, world.user, world.unreachable.id)).id).toBe(world.unreachable.id);
        expect((await callWith(app, world.tokens.unlimited, 'GET', url, null)).status).toBe(404);
        const found = await callWith(
          app,
          world.tokens.unlimited,
          'GET',
          `/api/v1/search?q=${WORLD_SURNAME}`,
          null,
        );
        expect(found.text).not.toContain(world.unreachable.id);
      });
    });
  },
  SERVER_ONLY,
);

/** The actor a read-write token of the user's whole scope acts as (what the policy is asked about). */
const tokenActorOf = (ctx: UseCaseContext): Actor => ({
  ...ctx.actor,
  serviceAccountId: 'a token',
  tokenScope: { readOnly: false, areaCodes: null },
});

function expectedOutcome(
  action: string,
  actor: Actor,
  recordRoute: boolean,
  which: 'inScope' | 'outOfScope',
  url: string,
): string {
  if (action === 'public' || action === 'signed-in') return 'allowed';
  const reach = reachOf(actor, action as Action);
  if (reach === null) return 'forbidden';
  if (!recordRoute) return 'allowed';
  // Opening an out-of-scope record with a reason is exactly what justified access is for (a
  // person's decision: no token is ever allowed it, which `reachOf` says above).
  if (action === 'nominal.justified-access' || url.endsWith('/justified-access')) return 'allowed';
  if (which === 'outOfScope') return 'not found';
  return 'allowed';
}
