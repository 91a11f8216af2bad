import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { SERVER_ONLY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { countRows, identity } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/** Values people and programs get wrong: wrong types, huge strings, odd unicode, nesting, near-miss dates. */
const malformedValue = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '2024-02-30',
    '1999-13-01',
    '9999-99-99',
    'null',
    '<script>',
    "'; DROP TABLE nominals;--",
    '\u0000',
    'x'.repeat(5000),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);

/**
 * Malformed input at every API route that takes a body: never a server error, and nothing
 * written unless the request succeeded.
 */
describeEachDatabase(
  'API under malformed input',
  (getDb) => {
    let app: FastifyInstance;
    let token: string;
    let nominalId: string;
    let addressId: string;

    beforeAll(async () => {
      const { database } = getDb();
      const ctx = await makeActor(database, {
        roles: ['probation_practitioner', 'mappa_coordinator'],
        areaCode: 'AVS',
      });
      // A token that may write: a read-only one is refused every write before its body is read.
      token = await createServiceToken(database, testMoment(), ctx.actor.userId, 'fuzz', null, {
        readOnly: false,
      });
      nominalId = (await createNominal(database, ctx, identity({ forename: 'Fuzz', surname: 'Target' }))).id;
      addressId = (
        await addSectionRow(database, ctx, nominalId, 'addresses', {
          type: 'home',
          line1: '1 A St',
          postcode: 'BS1 1AA',
          fromDate: '2025-01-01',
        })
      ).id;
      app = await buildApp({
        clock: testClock,
        database,
        config: { trustProxy: false },
        apiRateLimit: 1_000_000,
      });
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
    });

    it('answers every malformed body without a 500, and writes nothing when it refuses', async () => {
      const routes = app.routeTable.filter(
        (r) =>
          r.url.startsWith('/api/v1/') && (r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH'),
      );
      expect(routes.length).toBeGreaterThan(10);
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const route of routes) {
        const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
        const schema =
          doc.paths[openApiPath][route.method.toLowerCase()].requestBody?.content['application/json'].schema;
        const keys = Object.keys(schema?.properties ?? {});
        const body = fc.oneof(
          fc.dictionary(keys.length ? fc.constantFrom(...keys) : fc.string(), malformedValue, {
            maxKeys: keys.length + 2,
          }),
          malformedValue,
        );
        const pathId = fc.oneof(
          fc.constant(nominalId),
          fc.uuid(),
          fc.constantFrom('x', '..', '%00', '1; DROP'),
        );
        await fc.assert(
          fc.asyncProperty(body, pathId, async (payload, id) => {
            const before = await countRows(getDb().database);
            // Every other path id (an event, a correction, …) gets the same malformed or unknown id.
            const url = route.url.replace(':rowId', addressId).replace(/:\w+/g, () => encodeURIComponent(id));
            const response = await app.inject({
              method: route.method as 'POST',
              url,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              payload: JSON.stringify(payload) ?? 'undefined',
            });
            expect(
              response.statusCode,
              `${route.method} ${url} ${JSON.stringify(payload)?.slice(0, 200)}`,
            ).toBeLessThan(500);
            if (response.statusCode >= 400) {
              expect(response.headers['content-type']).toContain('application/problem+json');
              const after = await countRows(getDb().database);
              // Refusals write only their own access-log entry, never a record.
              expect({ ...after, access_log: 0 }).toEqual({ ...before, access_log: 0 });
            }
          }),
          { numRuns: 25, seed: 20261123 },
        );
      }
    });
  },
  SERVER_ONLY,
);
