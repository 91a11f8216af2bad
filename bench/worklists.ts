/**
 * Worklists at national scale: ~110,000 MAPPA nominals across the 42 areas (London ≈ 10,000),
 * with obligations in realistic proportions, on a PostgreSQL server. Times the area worklists for
 * London, a practitioner's worklist and the Category 3 candidates, against the same SQL run raw.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/worklists.ts [--scale 1]
 *
 * A benchmark, not a test: it prints a table and writes bench/results/worklists-<date>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { projectRoot } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { ensureAccessLogPartitions } from '../src/audit/partitions.ts';
import { addDays } from '../src/domain/dates.ts';
import type { Role } from '../src/domain/codes.ts';
import { seedReferenceData } from '../src/modules/reference/use-cases.ts';
import {
  AREA_LISTS,
  areaWorklist,
  category3Candidates,
  myWorklist,
} from '../src/modules/worklists/use-cases.ts';
import { createUser } from '../src/modules/users/use-cases.ts';

const TODAY = '2026-11-23';
const scale = Number(process.argv[process.argv.indexOf('--scale') + 1] ?? 1) || 1;
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'bench: set DATABASE_URL to a PostgreSQL server database (it will be filled with synthetic data)',
  );
  process.exit(1);
}

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);

async function main() {
  const database = await openDatabase({ databaseUrl: url });
  await migrate(database);
  await ensureAccessLogPartitions(database);
  await seedReferenceData(database);
  const areas = await database.db.selectFrom('areas').select(['code', 'population_millions']).execute();
  const totalPopulation = areas.reduce((s, a) => s + Number(a.population_millions), 0);
  const agency = await database.db
    .selectFrom('agencies')
    .select(['id'])
    .where('area_code', '=', 'LON')
    .where('type', '=', 'probation')
    .executeTakeFirstOrThrow();
  const userFor = async (email: string, roles: Role[]) =>
    (await database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id ??
    (
      await createUser(database, null, {
        email,
        displayName: email,
        agencyId: agency.id,
        roles,
        password: 'benchmark password 2026',
        vetting: { level: 'NPPV3', expiresOn: '2030-01-01' },
        trainingCompletedOn: '2026-01-01',
      })
    ).id;
  const coordinatorId = await userFor('bench.coordinator@bench.test', ['mappa_coordinator']);
  const practitionerId = await userFor('bench.practitioner@bench.test', ['probation_practitioner']);

  const existing = Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM nominal_obligations`.execute(database.db))
      .rows[0]!.n,
  );
  const target = Math.round(110_000 * scale);
  if (existing < target * 0.9) {
    const started = performance.now();
    let made = 0;
    for (const area of areas) {
      const count = Math.round((target * Number(area.population_millions)) / totalPopulation);
      for (let offset = 0; offset < count; offset += 1000) {
        const batch = Array.from({ length: Math.min(1000, count - offset) }, () => synthetic(area.code));
        await database.transaction(async (tx) => {
          const ids = await tx
            .insertInto('nominals')
            .values(
              batch.map((b, i) => ({
                vigil_ref: `VGL-B${area.code}${String(offset + i).padStart(6, '0')}`,
                area_code: area.code,
                forename: b.forename,
                surname: b.surname,
                date_of_birth: b.dob,
                sex: 'male',
                created_by: practitionerId,
                updated_by: practitionerId,
                mappa_category: b.category,
                mappa_level: b.level,
              })),
            )
            .returning('id')
            .execute();
          await tx
            .insertInto('nominal_obligations')
            .values(
              batch.map((b, i) => ({
                nominal_id: ids[i]!.id,
                area_code: area.code,
                ...b.obligations,
                computed_on: TODAY,
              })),
            )
            .execute();
          // The practitioner manages a caseload of ~40 in London.
          if (area.code === 'LON' && offset === 0) {
            await tx
              .insertInto('nominal_managers')
              .values(
                ids.slice(0, 40).map((r) => ({
                  nominal_id: r.id,
                  role: 'community_offender_manager',
                  user_id: practitionerId,
                  name: 'Bench',
                  agency_id: agency.id,
                  from_date: '2025-01-01',
                })),
              )
              .execute();
          }
        });
        made += batch.length;
        process.stdout.write(
          `\rgenerating: ${made}/${target} (${Math.round(made / ((performance.now() - started) / 1000))}/s)   `,
        );
      }
    }
    process.stdout.write('\n');
    await sql`ANALYZE`.execute(database.db);
  }

  const ctxFor = async (userId: string, roles: Role[]) => ({
    actor: {
      userId,
      displayName: 'Bench',
      email: '',
      agencyId: agency.id,
      agencyName: '',
      agencyType: 'probation',
      areaCode: 'LON',
      roles,
    },
    origin: { sourceAddress: '127.0.0.1', requestId: 'bench' },
    today: TODAY,
  });
  const coordinator = await ctxFor(coordinatorId, ['mappa_coordinator']);
  const practitioner = await ctxFor(practitionerId, ['probation_practitioner']);

  const results: { scenario: string; p50: number; p95: number; rawP50?: number; ratio?: number }[] = [];
  const time = async (runs: number, work: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await work();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await work();
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[Math.floor(runs * 0.5)]!, p95: samples[Math.floor(runs * 0.95)]! };
  };
  for (const list of AREA_LISTS) {
    const app = await time(40, () => areaWorklist(database, coordinator, list.key));
    results.push({ scenario: `area worklist (London): ${list.label}`, ...app });
  }
  const rawArea = await time(40, () =>
    sql`SELECT n.id, n.vigil_ref, n.forename, n.surname, o.level_decision_due_on FROM nominal_obligations o JOIN nominals n ON n.id = o.nominal_id
        WHERE o.area_code = 'LON' AND o.category IS NOT NULL AND o.level IS NULL ORDER BY o.level_decision_due_on NULLS LAST LIMIT 50`.execute(
      database.db,
    ),
  );
  const first = results[0]!;
  first.rawP50 = rawArea.p50;
  first.ratio = first.p50 / rawArea.p50;
  results.push({
    scenario: 'practitioner worklist (40 cases)',
    ...(await time(40, () => myWorklist(database, practitioner))),
  });
  results.push({
    scenario: 'Category 3 candidates (London)',
    ...(await time(40, () => category3Candidates(database, coordinator))),
  });

  const rows = Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM nominal_obligations`.execute(database.db))
      .rows[0]!.n,
  );
  console.log(
    `\n${rows} nominals with obligations; times in ms (each use case includes its access-log write)\n`,
  );
  console.log('| scenario | p50 | p95 | raw SQL p50 | ratio |\n|---|--:|--:|--:|--:|');
  for (const r of results) {
    console.log(
      `| ${r.scenario} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rawP50?.toFixed(1) ?? ''} | ${r.ratio ? `${r.ratio.toFixed(1)}×` : ''} |`,
    );
  }
  const dir = path.join(projectRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `worklists-${new Date().toISOString().slice(0, 10)}.json`),
    JSON.stringify({ rows, results }, null, 2),
  );
  await database.close();
}

const FORENAMES = ['John', 'David', 'Michael', 'Paul', 'Mark', 'James', 'Daniel', 'Lee', 'Craig', 'Mohammed'];
const SURNAMES = [
  'Smith',
  'Jones',
  'Williams',
  'Taylor',
  'Brown',
  'Davies',
  'Evans',
  'Wilson',
  'Khan',
  'Walker',
];

/** One synthetic person's obligations, in the published proportions (MAPPA.md §2). */
function synthetic(_area: string) {
  const r = random();
  const category = r < 0.73 ? 1 : r < 0.995 ? 2 : r < 0.9995 ? 3 : 4;
  const levelR = random();
  const level = levelR < 0.05 ? null : levelR < 0.984 ? (category === 3 ? 2 : 1) : levelR < 0.998 ? 2 : 3;
  const inCustody = random() < 0.25;
  const due = (days: number) => addDays(TODAY, Math.round((random() - 0.3) * days));
  return {
    forename: FORENAMES[Math.floor(random() * FORENAMES.length)]!,
    surname: SURNAMES[Math.floor(random() * SURNAMES.length)]!,
    dob: addDays('1960-01-01', Math.floor(random() * 15000)),
    category,
    level,
    obligations: {
      category,
      category_reason: 'synthetic',
      level,
      in_custody: inCustody,
      on_rotl: inCustody && random() < 0.05,
      earliest_release_on: inCustody ? due(700) : null,
      level_decision_due_on: level === null ? due(200) : null,
      level_decision_basis: level === null ? 'synthetic' : null,
      review_due_on: level !== null ? due(180) : null,
      review_basis: level !== null ? 'synthetic' : null,
      unreviewed_event_since: random() < 0.02 ? due(30) : null,
      notification_due_on: category === 1 ? due(365) : null,
      eligibility_ends_on: random() < 0.05 ? due(60) : null,
      reduced_near_release: random() < 0.001,
      category3_candidate: false,
    },
  };
}

await main();
