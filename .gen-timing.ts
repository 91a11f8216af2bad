// Scratch timing (not committed): generates people in memory for one area's share, times it.
import { openDatabase } from './src/db/database.ts';
import { migrate } from './src/db/migrate.ts';
import { seedReferenceData } from './src/modules/reference/index.ts';
import { generationContext } from './src/tooling/generate/generate.ts';
import { generatePerson } from './src/tooling/generate/people.ts';
import { planGeneration } from './src/tooling/generate/plan.ts';
import { emptyRows } from './src/tooling/generate/tables.ts';
const url = process.argv[2]!;
const database = await openDatabase({ databaseUrl: url });
const areas = await database.db.selectFrom('areas').select(['code', 'population_millions']).orderBy('code').execute();
const plan = planGeneration(1, 1, areas.map((a) => ({ code: a.code, population: Number(a.population_millions) })));
const ctx = await generationContext(database, plan, '2026-06-01');
const lon = plan.areas.find((a) => a.code === 'LON')!;
for (let rep = 0; rep < 3; rep++) {
  const t = performance.now();
  const rows = emptyRows();
  let n = 0;
  for (let p = lon.mappaStart; p < lon.mappaStart + lon.mappaCount; p++, n++) generatePerson(ctx, p, rows);
  for (let p = lon.otherStart; p < lon.otherStart + lon.otherCount; p++, n++) generatePerson(ctx, p, rows);
  const total = Object.values(rows).reduce((s, r) => s + r.length, 0);
  console.log(`LON in memory: ${n} people, ${total} rows, ${((performance.now() - t) / 1000).toFixed(2)} s`);
}
await database.close();
void migrate; void seedReferenceData;
