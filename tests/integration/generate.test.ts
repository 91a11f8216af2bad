import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/run.ts';
import { verifyChain } from '../../src/audit/chain.ts';
import { projectRoot } from '../../src/config.ts';
import { recomputeObligations } from '../../src/modules/levels/index.ts';
import {
  GenerationError,
  generateDataset,
  generationContext,
  type GenerateResult,
} from '../../src/tooling/generate/generate.ts';
import { generatePerson } from '../../src/tooling/generate/people.ts';
import { KIND, planGeneration, rowId } from '../../src/tooling/generate/plan.ts';
import { TABLES, emptyRows, type TableName } from '../../src/tooling/generate/tables.ts';
import { TODAY, describeEachDatabase } from '../support/databases.ts';
import { testClock } from '../support/clock.ts';

/**
 * `vigil generate --scale 0.01` on both databases: proportions, determinism, resuming without
 * duplicates, obligations that match the rules, and an access-log chain that verifies. Then
 * `vigil bench --quick` on the server database. No timings are asserted anywhere.
 */

const SEED = 7;
const SCALE = 0.01;

describeEachDatabase('vigil generate --scale 0.01', (getDb) => {
  let first: GenerateResult;
  let resumed: GenerateResult;

  it('stops part-way when interrupted, then resumes and finishes without writing anything twice', async () => {
    const { database } = getDb();
    first = await generateDataset(database, {
      seed: SEED,
      scale: SCALE,
      today: TODAY,
      progress: null,
      stopAfterBatches: 12,
    });
    expect(first.complete).toBe(false);
    expect(first.batchesWritten).toBe(12);
    resumed = await generateDataset(database, { seed: SEED, scale: SCALE, progress: null });
    expect(resumed.complete).toBe(true);
    expect(resumed.batchesSkipped).toBe(12);
    expect(resumed.today).toBe(TODAY);

    // What an uninterrupted run writes, computed in memory from the same plan, row for row.
    const plan = resumed.plan;
    const ctx = await generationContext(database, plan, TODAY);
    const expected = emptyRows();
    for (let p = 0; p < plan.people; p++) generatePerson(ctx, p, expected);
    for (const table of Object.keys(TABLES) as TableName[]) {
      if (table === 'users' || table === 'user_roles') continue;
      const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
        database.db,
      );
      expect({ table, rows: stored.rows[0]!.n }).toEqual({ table, rows: expected[table].length });
    }
    const log = await sql<{ n: number; head: number }>`
      SELECT (SELECT count(*)::int FROM access_log) AS n, (SELECT seq FROM access_log_head) AS head`.execute(
      database.db,
    );
    expect(log.rows[0]).toEqual({ n: plan.accessLogEntries, head: plan.accessLogEntries });
  });

  it('builds the published proportions: areas by population, categories, levels, custody, candidates', async () => {
    const { database } = getDb();
    const rows = (
      await sql<{
        area_code: string;
        category: number | null;
        level: number | null;
        in_custody: boolean;
        category3_candidate: boolean;
      }>`
        SELECT area_code, category, level, in_custody, category3_candidate FROM nominal_obligations`.execute(
        database.db,
      )
    ).rows;
    expect(rows).toHaveLength(1_100 + 3_000);
    const mappa = rows.filter((r) => r.category !== null);
    const share = (p: (r: (typeof rows)[number]) => boolean, of = mappa) => of.filter(p).length / of.length;
    expect(mappa.length).toBeGreaterThan(1_050);
    expect(share((r) => r.category === 1)).toBeGreaterThan(0.68);
    expect(share((r) => r.category === 1)).toBeLessThan(0.78);
    expect(share((r) => r.category === 2)).toBeGreaterThan(0.21);
    expect(share((r) => r.category === 2)).toBeLessThan(0.31);
    expect(share((r) => r.category === 3)).toBeLessThan(0.02);
    // Category 3 exists only at Levels 2 and 3.
    expect(mappa.filter((r) => r.category === 3 && r.level === 1)).toEqual([]);
    const levelled = mappa.filter((r) => r.level !== null);
    expect(share((r) => r.level === 1, levelled)).toBeGreaterThan(0.96);
    expect(share((r) => r.level === 1, levelled)).toBeLessThan(0.995);
    expect(share((r) => r.in_custody)).toBeGreaterThan(0.2);
    expect(share((r) => r.in_custody)).toBeLessThan(0.5);
    // London is the largest area, about 12× Cumbria (10,131 and 815 in 2021).
    const inArea = (code: string) => mappa.filter((r) => r.area_code === code).length;
    expect(inArea('LON')).toBeGreaterThan(100);
    expect(inArea('LON') / inArea('CUM')).toBeGreaterThan(8);
    expect(rows.filter((r) => r.category3_candidate && r.category === null).length).toBeGreaterThan(20);
    // Real names collide: the commonest full name belongs to several people.
    const common = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM nominals GROUP BY forename, surname ORDER BY 1 DESC LIMIT 1`.execute(
      database.db,
    );
    expect(common.rows[0]!.n).toBeGreaterThan(2);
    // Five years of Level 2/3 work: referrals, meetings with minutes, actions and a plan per case.
    const history = await sql<{
      referrals: number;
      meetings: number;
      minutes: number;
      actions: number;
      plans: number;
      managed: number;
    }>`
      SELECT (SELECT count(*)::int FROM referrals) AS referrals, (SELECT count(*)::int FROM meetings) AS meetings,
             (SELECT count(*)::int FROM minutes) AS minutes, (SELECT count(*)::int FROM actions) AS actions,
             (SELECT count(DISTINCT nominal_id)::int FROM risk_management_plans) AS plans,
             (SELECT count(*)::int FROM nominal_obligations WHERE level IN (2, 3)) AS managed`.execute(
      database.db,
    );
    const h = history.rows[0]!;
    expect(h.referrals).toBeGreaterThan(h.managed);
    expect(h.meetings).toBeGreaterThan(h.managed);
    expect(h.minutes).toBeGreaterThan(0);
    expect(h.actions).toBeGreaterThan(h.minutes);
    expect(h.plans).toBeGreaterThanOrEqual(h.managed * 0.9);
  });

  it('is deterministic: the same seed gives the same people with the same ids', async () => {
    const { database } = getDb();
    const plan = first.plan;
    const ctx = await generationContext(database, plan, TODAY);
    for (const person of [0, 1, 517, plan.mappaTotal + 3, plan.people - 1]) {
      const rows = emptyRows();
      generatePerson(ctx, person, rows);
      const stored = await database.db
        .selectFrom('nominals')
        .select(['id', 'vigil_ref', 'forename', 'surname', 'date_of_birth'])
        .where('id', '=', rowId(SEED, KIND.nominal, person))
        .executeTakeFirstOrThrow();
      const [id, ref, , forename, , surname, dob] = rows.nominals[0]!;
      expect(stored).toEqual({ id, vigil_ref: ref, forename, surname, date_of_birth: dob });
    }
    // The plan itself is a pure function of (seed, scale).
    const again = planGeneration(
      SEED,
      SCALE,
      plan.areas.map((a) => ({ code: a.code, population: 1 })),
    );
    expect(again.mappaTotal).toBe(plan.mappaTotal);
  });

  it('stores the obligations recomputeObligations computes from the generated record', async () => {
    const { database } = getDb();
    const plan = first.plan;
    const sample = Array.from({ length: 60 }, (_, k) => Math.floor((k * plan.people) / 60) + (k % 7));
    const managed = await sql<{ nominal_id: string }>`
      SELECT nominal_id FROM nominal_obligations WHERE level IN (2, 3) OR category3_candidate OR unreviewed_event_since IS NOT NULL
      ORDER BY nominal_id LIMIT 40`.execute(database.db);
    const ids = [
      ...sample.map((p) => rowId(SEED, KIND.nominal, p)),
      ...managed.rows.map((r) => r.nominal_id),
    ];
    const read = (tx: Parameters<Parameters<typeof database.transaction>[0]>[0], id: string) =>
      tx.selectFrom('nominal_obligations').selectAll().where('nominal_id', '=', id).executeTakeFirstOrThrow();
    const mismatches: unknown[] = [];
    class Undo extends Error {}
    for (const id of ids) {
      await database
        .transaction(async (tx) => {
          const generated = await read(tx, id);
          await recomputeObligations(tx, id, TODAY);
          const recomputed = await read(tx, id);
          if (JSON.stringify(generated) !== JSON.stringify(recomputed))
            mismatches.push({ generated, recomputed });
          throw new Undo();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Undo)) throw error;
        });
    }
    expect(mismatches).toEqual([]);
  });

  it('leaves an access-log chain that vigil audit verify accepts', async () => {
    const { database } = getDb();
    const result = await verifyChain(database);
    expect(result).toMatchObject({ intact: true, entries: first.plan.accessLogEntries });
    // The "who viewed this person" index holds every person each entry names.
    const records = await sql<{ missing: number }>`
      SELECT count(*)::int AS missing FROM access_log l, unnest(l.record_ids) AS r(id)
      WHERE NOT EXISTS (SELECT 1 FROM access_log_records x WHERE x.entry_id = l.id AND x.record_id = r.id)`.execute(
      database.db,
    );
    expect(records.rows[0]!.missing).toBe(0);
    // Entries appended by the trigger afterwards continue the same chain.
    await database.transaction((tx) =>
      sql`INSERT INTO access_log (at, operation, record_type, record_ids) VALUES (${testClock.now()}, 'consultation', 'nominal', ARRAY[${rowId(SEED, KIND.nominal, 0)}::uuid])`.execute(
        tx,
      ),
    );
    expect(await verifyChain(database)).toMatchObject({
      intact: true,
      entries: first.plan.accessLogEntries + 1,
    });
  });

  it('refuses to mix another seed into a generated database', async () => {
    const { database } = getDb();
    await expect(generateDataset(database, { seed: SEED + 1, scale: SCALE, progress: null })).rejects.toThrow(
      GenerationError,
    );
  });

  it('runs vigil bench --quick against it (server database only)', async () => {
    const { kind, name } = getDb();
    if (kind !== 'postgres') return;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const lines: string[] = [];
    const { results, file } = await runBench({
      databaseUrl: url.toString(),
      quick: true,
      out: (l) => lines.push(l),
    });
    try {
      const names = results.map((r) => r.scenario);
      expect(names.some((n) => n.startsWith('name search'))).toBe(true);
      expect(names.filter((n) => n.startsWith('overview page'))).toHaveLength(3);
      for (const r of results.filter((x) => x.p95 !== undefined)) expect(r.p95).toBeGreaterThan(0);
      expect(lines.some((l) => l.startsWith('| scenario |'))).toBe(true);
    } finally {
      rmSync(file, { force: true });
    }
  }, 180_000);
});

describe('vigil generate and bench on the command line', () => {
  const vigil = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(projectRoot, 'bin/vigil.mjs'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', VIGIL_DATA_DIR: '/nonexistent/vigil-generate-test' },
    });

  it('refuses bad input with one line and a non-zero exit', () => {
    for (const args of [
      ['generate', '--scale', 'lots'],
      ['generate', '--seed', '1.5'],
      ['bench', '--quick'],
    ]) {
      const result = vigil(...args);
      expect(result.status).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^vigil: /);
    }
  }, 60_000);
});
