import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { openDatabase } from '../../src/db/database.ts';
import { buildApp } from '../../src/web/app.ts';
import { testClock } from './clock.ts';

/** The OpenAPI document exactly as the app serves it at /api/openapi.json (no database is read). */
export async function apiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({});
  const app = await buildApp({ database, config: { trustProxy: false }, clock: testClock });
  try {
    const response = await app.inject({ url: '/api/openapi.json' });
    return response.json() as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}

/** The document as docs/openapi.json holds it (formatted as the repository is). */
export async function apiDocumentText(document: Record<string, unknown>): Promise<string> {
  return format(JSON.stringify(document), { ...(await resolveConfig('docs/openapi.json')), parser: 'json' });
}

/** TypeScript types of the API (paths, operations, schemas) from the document, formatted as the repo is. */
export async function apiTypes(document: Record<string, unknown>): Promise<string> {
  const source =
    '// Generated from docs/openapi.json by `npm run api:types` (openapi-typescript): do not edit.\n' +
    astToString(await openapiTS(document as never));
  return format(source, { ...(await resolveConfig('tests/support/api-schema.ts')), parser: 'typescript' });
}
