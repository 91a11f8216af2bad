/**
 * `npm run api:types`: writes the OpenAPI document the app serves (docs/openapi.json) and the
 * TypeScript types generated from it (tests/support/api-schema.ts, openapi-typescript), which the
 * API tests' typed client uses. tests/integration/openapi.test.ts fails when either is stale.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apiDocument, apiDocumentText, apiTypes } from '../tests/support/openapi.ts';

const root = path.resolve(import.meta.dirname, '..');
const document = await apiDocument();
await writeFile(path.join(root, 'docs/openapi.json'), await apiDocumentText(document));
await writeFile(path.join(root, 'tests/support/api-schema.ts'), await apiTypes(document));
console.log('Wrote docs/openapi.json and tests/support/api-schema.ts');
