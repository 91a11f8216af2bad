import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { ZodType } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { API_PREFIX, jsonSchemaOf } from '../../src/web/api.ts';
import { buildApp } from '../../src/web/app.ts';
import { testClock } from '../support/clock.ts';
import { apiDocumentText, apiTypes } from '../support/openapi.ts';

/**
 * The API's documentation is the API: each route's zod schemas are the objects Fastify enforces and
 * the ones the OpenAPI document is made from; the document is valid OpenAPI 3.1; docs/openapi.json
 * and the typed client's types (tests/support/api-schema.ts) are that document, regenerated.
 */
describe('the OpenAPI document', () => {
  let database: Database;
  let app: FastifyInstance;
  let document: {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; in: string; schema: unknown }[];
          requestBody?: { content: Record<string, { schema: unknown }> };
        }
      >
    >;
  };

  beforeAll(async () => {
    database = await openDatabase({});
    app = await buildApp({ database, config: { trustProxy: false }, clock: testClock });
    document = (await app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? [], 'OpenAPI 3.1 validation').toEqual([]);
    expect(result.valid).toBe(true);
    expect((document as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('documents, for every API route, exactly the zod schemas Fastify enforces', () => {
    expect(app.apiRoutes.length).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const route of app.apiRoutes) {
      const name = `${route.method} ${route.path}`;
      const url = API_PREFIX + route.path.replace(/\{(\w+)\}/g, ':$1');
      const served = app.routeTable.find((r) => r.method === route.method && r.url === url) as
        { schema?: Record<string, unknown> } | undefined;
      const documented = document.paths[API_PREFIX + route.path]?.[route.method.toLowerCase()];
      if (!served || !documented) {
        problems.push(`${name}: ${served ? 'not documented' : 'not served'}`);
        continue;
      }
      for (const [part, fastifyPart] of [
        ['params', 'params'],
        ['query', 'querystring'],
        ['body', 'body'],
      ] as const) {
        const declared = route[part];
        if (declared === undefined) {
          if (served.schema?.[fastifyPart] !== undefined)
            problems.push(`${name}: ${part} enforced but not declared`);
          continue;
        }
        if (!(declared instanceof ZodType)) {
          problems.push(`${name}: ${part} is not a zod schema`);
          continue;
        }
        // The very object Fastify validates with.
        if (served.schema?.[fastifyPart] !== declared)
          problems.push(`${name}: ${part} enforced is not the declared one`);
        const json = jsonSchemaOf(declared, 'input') as { properties?: Record<string, unknown> };
        if (part === 'body') {
          expect(documented.requestBody?.content['application/json']?.schema, `${name} body`).toEqual(json);
        } else {
          for (const [property, schema] of Object.entries(json.properties ?? {})) {
            const parameter = documented.parameters?.find(
              (p) => p.name === property && p.in === (part === 'params' ? 'path' : 'query'),
            );
            if (!parameter) problems.push(`${name}: ${part} ${property} not documented`);
            else expect(parameter.schema, `${name} ${part} ${property}`).toEqual(schema);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('is what docs/openapi.json and the typed client (tests/support/api-schema.ts) hold: run `npm run api:types` after changing the API', async () => {
    const committed = await readFile(path.join(projectRoot, 'docs/openapi.json'), 'utf8');
    expect(committed).toEqual(await apiDocumentText(document));
    const types = await readFile(path.join(projectRoot, 'tests/support/api-schema.ts'), 'utf8');
    expect(types).toEqual(await apiTypes(document));
  });
});
