/**
 * Lint: one owner per table. Each capability's code may name only the tables src/db/owners.ts gives
 * it, in the query builder (`selectFrom('t')`, joins, inserts, updates, deletes) or in SQL text
 * (`FROM t`, `JOIN t`, `INTO t`, `UPDATE t`). Everything else goes through the owner's index.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TABLE_OWNERS } from '../src/db/owners.ts';

const root = path.resolve(import.meta.dirname, '..');
const modulesDir = path.join(root, 'src/modules');
const tables = Object.keys(TABLE_OWNERS) as (keyof typeof TABLE_OWNERS)[];
const tablePattern = tables.join('|');
const builder = new RegExp(
  `\\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|with)\\(\\s*'(${tablePattern})\\b`,
  'g',
);
const text = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(${tablePattern})\\b`, 'g');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (name.endsWith('.ts')) yield full;
  }
}

const problems: string[] = [];
for (const capability of readdirSync(modulesDir)) {
  const dir = path.join(modulesDir, capability);
  if (!statSync(dir).isDirectory()) continue;
  for (const file of files(dir)) {
    const source = readFileSync(file, 'utf8');
    for (const pattern of [builder, text]) {
      for (const match of source.matchAll(pattern)) {
        const table = match[1] as keyof typeof TABLE_OWNERS;
        if (TABLE_OWNERS[table] === capability) continue;
        const line = source.slice(0, match.index).split('\n').length;
        problems.push(
          `${path.relative(root, file)}:${line} ${capability} uses ${table}, owned by ${TABLE_OWNERS[table]}`,
        );
      }
    }
  }
}
if (problems.length) {
  console.error(`Tables used outside their owner (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Every capability uses only its own tables (${tables.length} tables).`);
