import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { todayBy, systemClock } from '../../clock.ts';
import { isRealDate } from '../../domain/dates.ts';
import { hashPassword } from '../../modules/users/index.ts';
import {
  appendLogBatch,
  logMonths,
  logWindow,
  prepareLogBatch,
  type PreparedLogBatch,
} from './access-log.ts';
import { generatePerson, offencePools, type GenerationContext } from './people.ts';
import { planGeneration, type GenerationPlan } from './plan.ts';
import { ProgressBar } from './progress-bar.ts';
import { loadGenerationReference } from './reference.ts';
import { areaStaff, practitionerAgency, type AreaAgencies } from './staff.ts';
import { emptyRows, insertBatch, insertRows } from './tables.ts';

/**
 * `vigil generate`: the synthetic national dataset, in deterministic batches. Each batch writes its
 * rows and its name in `generation_batches` in one transaction, so an interrupted run (Ctrl+C, a
 * crash, `stopAfterBatches`) resumes where it stopped and never writes a row twice.
 */

/** The password every generated user shares (synthetic data only): hashed once per run, reused for all. */
export const GENERATED_PASSWORD = 'vigil-generated-only-2026';

export class GenerationError extends Error {}

export interface GenerateOptions {
  seed: number;
  scale: number;
  /** The dataset's "today" (YYYY-MM-DD); default today in London. A resumed run keeps the first run's. */
  today?: string;
  /** People per batch (default 1,000) and access-log entries per batch (default 25,000). */
  peopleBatch?: number;
  logBatch?: number;
  /** Stop (as an interruption would) after this many batches: for tests of resuming. */
  stopAfterBatches?: number;
  /** Asked before each batch: true stops cleanly (Ctrl+C). */
  shouldStop?: () => boolean;
  /** Progress output; default stderr. Pass null for none. */
  progress?: NodeJS.WritableStream | null;
}

export interface GenerateResult {
  plan: GenerationPlan;
  today: string;
  complete: boolean;
  batchesWritten: number;
  batchesSkipped: number;
  rowsWritten: number;
  seconds: number;
}

export function validateGenerateOptions(seed: number, scale: number, today?: string): void {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new GenerationError('--seed must be a whole number from 0 to 4294967295');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 2)
    throw new GenerationError('--scale must be a number above 0 and at most 2 (1 is the national dataset)');
  if (today !== undefined && !isRealDate(today))
    throw new GenerationError('--today must be a real date, YYYY-MM-DD');
}

interface Step {
  name: string;
  units: number;
  phase: 'users' | 'people' | 'access log';
  run: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<number>;
}

export async function generateDataset(database: Database, options: GenerateOptions): Promise<GenerateResult> {
  validateGenerateOptions(options.seed, options.scale, options.today);
  const started = performance.now();
  const areas = await database.db
    .selectFrom('areas')
    .select(['code', 'population_millions'])
    .orderBy('code')
    .execute();
  if (areas.length === 0)
    throw new GenerationError('No MAPPA areas: load the reference data first (vigil migrate)');
  const plan = planGeneration(
    options.seed,
    options.scale,
    areas.map((a) => ({ code: a.code, population: Number(a.population_millions) })),
  );
  const today = await startRun(database, options);

  const ctx = await generationContext(database, plan, today);
  const { agencies, areaIndex, reference } = ctx;

  // A year of monthly partitions behind "today", so no entry lands in the DEFAULT partition.
  const window = logWindow(today);
  await database.transaction(async (tx) => {
    for (const month of logMonths(window))
      await sql`SELECT access_log_create_partition(${month}::date)`.execute(tx);
  });

  const passwordHash = await hashPassword(GENERATED_PASSWORD);
  const peopleBatch = options.peopleBatch ?? 1000;
  const logBatch = options.logBatch ?? 25_000;
  const steps: Step[] = [];
  plan.areas.forEach((area, i) =>
    steps.push({
      name: `users:${area.code}`,
      units: 1,
      phase: 'users',
      run: async (tx) => {
        const staff = areaStaff(plan.seed, i, area, agencies[area.code]!, reference);
        const n = await insertRows(
          tx,
          'users',
          staff.map((s) => [
            s.id,
            s.email,
            s.displayName,
            s.agencyId,
            area.code,
            passwordHash,
            'NPPV3',
            '2030-12-31',
            '2026-01-05',
            `${today}T08:00:00Z`,
            '2026-01-05T08:00:00Z',
          ]),
        );
        return (
          n +
          (await insertRows(
            tx,
            'user_roles',
            staff.flatMap((s) => s.roles.map((r) => [s.id, r])),
          ))
        );
      },
    }),
  );
  for (let first = 0; first < plan.people; first += peopleBatch) {
    const count = Math.min(peopleBatch, plan.people - first);
    steps.push({
      name: `people:${first}`,
      units: count,
      phase: 'people',
      run: async (tx) => {
        const rows = emptyRows();
        for (let p = first; p < first + count; p++) generatePerson(ctx, p, rows);
        return insertBatch(tx, rows);
      },
    });
  }
  const planner = {
    plan,
    areaIndex,
    practitionerAgencyOf: (area: string, k: number) => practitionerAgency(agencies[area]!, k),
    window,
  };
  // The next batch is prepared while the database writes this one (they overlap on two cores).
  let next: PreparedLogBatch | undefined;
  for (let first = 0; first < plan.accessLogEntries; first += logBatch) {
    const count = Math.min(logBatch, plan.accessLogEntries - first);
    const following = first + count;
    steps.push({
      name: `access-log:${first}`,
      units: count,
      phase: 'access log',
      run: (tx) =>
        appendLogBatch(tx, planner, first, count, next, (written) => {
          next =
            following < plan.accessLogEntries
              ? prepareLogBatch(
                  planner,
                  following,
                  Math.min(logBatch, plan.accessLogEntries - following),
                  written.toSeq,
                  written.toHash,
                )
              : undefined;
        }),
    });
  }

  const done = new Set(
    (await sql<{ step: string }>`SELECT step FROM generation_batches`.execute(database.db)).rows.map(
      (r) => r.step,
    ),
  );
  const bar = new ProgressBar(options.progress === undefined ? process.stderr : options.progress);
  let batchesWritten = 0;
  let rowsWritten = 0;
  let stopped = false;
  for (const phase of ['users', 'people', 'access log'] as const) {
    const phaseSteps = steps.filter((s) => s.phase === phase);
    const total = phaseSteps.reduce((s, x) => s + x.units, 0);
    const already = phaseSteps.filter((s) => done.has(s.name)).reduce((s, x) => s + x.units, 0);
    bar.start(phase, total, already);
    for (const step of phaseSteps) {
      if (done.has(step.name)) continue;
      if (
        (options.stopAfterBatches !== undefined && batchesWritten >= options.stopAfterBatches) ||
        options.shouldStop?.()
      ) {
        stopped = true;
        break;
      }
      const rows = await database.transaction(async (tx) => {
        const n = await step.run(tx);
        await sql`INSERT INTO generation_batches (step, rows_written, done_at) VALUES (${step.name}, ${n}, ${systemClock.now()})`.execute(
          tx,
        );
        return n;
      });
      batchesWritten += 1;
      rowsWritten += rows;
      bar.tick(step.units, rows);
    }
    bar.finish();
    if (stopped) break;
  }
  if (!stopped) {
    // Fresh statistics, or the planner guesses from empty tables on its first queries.
    await sql`ANALYZE`.execute(database.db);
    await sql`UPDATE generation_runs SET finished_at = ${systemClock.now()} WHERE finished_at IS NULL`.execute(
      database.db,
    );
  }
  return {
    plan,
    today,
    complete: !stopped,
    batchesWritten,
    batchesSkipped: done.size,
    rowsWritten,
    seconds: (performance.now() - started) / 1000,
  };
}

/** What every person's generation needs: the plan, the pools, each area's agencies, "today". */
export async function generationContext(
  database: Database,
  plan: GenerationPlan,
  today: string,
): Promise<GenerationContext> {
  const agencyRows = await database.db
    .selectFrom('agencies')
    .select(['id', 'area_code', 'type', 'name'])
    .orderBy('area_code')
    .orderBy('name')
    .execute();
  const agencies: Record<string, AreaAgencies> = {};
  for (const area of plan.areas) {
    const of = (type: string) => agencyRows.filter((r) => r.area_code === area.code && r.type === type);
    const probation = of('probation').map((r) => r.id);
    if (!probation.length)
      throw new GenerationError(`Area ${area.code} has no probation agency in the reference data`);
    agencies[area.code] = {
      police: of('police').map((r) => r.id),
      probation,
      prison: of('prison').map((r) => r.id),
      dtc: agencyRows
        .filter((r) => r.area_code === area.code && !['police', 'probation', 'prison'].includes(r.type))
        .map((r) => ({ id: r.id, type: r.type })),
      // The standing panel (recommendation 9) beyond the responsible authority.
      standing: ['childrens_social_care', 'health', 'housing']
        .map((t) => of(t)[0]?.id)
        .filter((x): x is string => Boolean(x)),
    };
  }
  const reference = await loadGenerationReference();
  return {
    plan,
    reference,
    agencies,
    areaIndex: Object.fromEntries(plan.areas.map((a, i) => [a.code, i])),
    today,
    offences: offencePools(reference.offences),
  };
}

/** Records the run, or checks a resumed run asks for the same dataset; returns the dataset's "today". */
async function startRun(database: Database, options: GenerateOptions): Promise<string> {
  const existing = (
    await sql<{
      seed: number;
      scale: string;
      as_of: string;
    }>`SELECT seed, scale::text, as_of::text FROM generation_runs`.execute(database.db)
  ).rows[0];
  if (existing) {
    if (Number(existing.seed) !== options.seed || Number(existing.scale) !== options.scale)
      throw new GenerationError(
        `This database holds the dataset of --seed ${existing.seed} --scale ${Number(existing.scale)}; generate into an empty database for another`,
      );
    if (options.today && options.today !== existing.as_of)
      throw new GenerationError(
        `This database's dataset is as of ${existing.as_of}; resume it without --today or with that date`,
      );
    return existing.as_of;
  }
  const today = options.today ?? todayBy(systemClock);
  await sql`INSERT INTO generation_runs (seed, scale, as_of, started_at) VALUES (${options.seed}, ${options.scale}, ${today}::date, ${systemClock.now()})`.execute(
    database.db,
  );
  return today;
}
