import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Actor, UseCaseContext } from '../../src/access/actor.ts';
import { projectRoot } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ensureAccessLogPartitions } from '../../src/audit/partitions.ts';
import type { Role } from '../../src/domain/codes.ts';
import { seedReferenceData } from '../../src/modules/reference/index.ts';
import { createUser } from '../../src/modules/users/index.ts';
import { TODAY, testClock, testMoment } from './clock.ts';
import '../../src/modules/wiring.ts';
import { newSecretsKey, useKeyring } from '../../src/modules/users/index.ts';

// The suites' key for secrets stored encrypted (the CLI loads VIGIL_SECRETS_KEY or the data directory's).
const suiteKeyring = { keys: [newSecretsKey()] };
useKeyring(suiteKeyring);
/** The key the suites start with, for tests that rotate it. */
export const testKeyring = () => suiteKeyring;

/**
 * Every integration suite runs twice: on embedded PGlite (what a laptop demo uses) and on a
 * PostgreSQL server (what production uses), because SQL must behave the same on both.
 */
export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
/**
 * For the suites that walk every route for every role or credential (the access matrices, the
 * fuzzer): what they test is the policy, the projections and the validation, which no SQL engine
 * changes, and each query they reach runs on both databases in its own capability's suite. They
 * run on the server, as production does, to keep `npm test` within its time.
 */
export const SERVER_ONLY = ['postgres'] as const satisfies readonly DatabaseKind[];
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  /** The server database's name (PostgreSQL only), for messages. */
  name: string | null;
}

export { TODAY, testClock, testMoment } from './clock.ts';
export const TEST_ORIGIN = { sourceAddress: '127.0.0.1', requestId: 'test' } as const;
export const TEST_PASSWORD = 'correct horse battery staple';

const missingServerMessage =
  'TEST_DATABASE_URL is not set: the integration suites must run against a PostgreSQL server as well as PGlite. ' +
  'Run `npm test` (scripts/test.sh starts the server and sets it), or export ' +
  'TEST_DATABASE_URL=postgres://vigil_test:vigil_test@127.0.0.1:5432/postgres';

/**
 * Runs `fn` once per database kind, each in its own `describe` with a freshly migrated and
 * seeded database. `getDb()` is valid inside tests and hooks (after the suite's beforeAll).
 * The server variant fails loudly (never skips) when no server is configured.
 */
export function describeEachDatabase(
  name: string,
  fn: (getDb: () => TestDatabase) => void,
  kinds: readonly DatabaseKind[] = DATABASE_KINDS,
): void {
  for (const kind of kinds) {
    describe(`${name} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      let dispose: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const opened = await openTestDatabase(kind);
        current = opened.testDatabase;
        dispose = opened.dispose;
      });
      afterAll(async () => {
        await dispose?.();
      });
      fn(() => {
        if (!current)
          throw new Error(`The ${kind} test database was not opened (see the beforeAll error above)`);
        return current;
      });
    });
  }
}

/** Opens a fresh, migrated and seeded database of one kind; `dispose` closes (and for a server, drops) it. */
export async function openTestDatabase(
  kind: DatabaseKind,
): Promise<{ testDatabase: TestDatabase; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const { database, dispose } = await openPgliteCopy();
    return { testDatabase: { kind, database, name: null }, dispose };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error(missingServerMessage);
  const template = await ensureTemplate(serverUrl);
  const dbName = await withAdminClient(serverUrl, async (client) => {
    const created = await newTestDatabaseName(client);
    await client.query(`CREATE DATABASE ${created} TEMPLATE ${template}`);
    return created;
  });
  const database = await openDatabase({ databaseUrl: withDatabaseName(serverUrl, dbName) });
  return {
    testDatabase: { kind, database, name: dbName },
    dispose: async () => {
      await database.close();
      await dropDatabase(serverUrl, dbName);
    },
  };
}

/**
 * An empty (unmigrated) database on the server, for tests of migrations themselves; dropped
 * afterwards. Fails loudly when no server is configured.
 */
export async function withEmptyServerDatabase<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error(missingServerMessage);
  const dbName = await withAdminClient(serverUrl, async (client) => {
    const created = await newTestDatabaseName(client);
    await client.query(`CREATE DATABASE ${created}`);
    return created;
  });
  try {
    return await work(withDatabaseName(serverUrl, dbName));
  } finally {
    await dropDatabase(serverUrl, dbName);
  }
}

/**
 * Drops a test database. A closed pool's connections may take a moment to go: a plain DROP waits
 * (up to 5 s) for them rather than killing them mid-goodbye; FORCE is the fallback for leaks.
 */
async function dropDatabase(serverUrl: string, dbName: string): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${dbName}`);
    } catch {
      await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    }
  });
}

/** `vigil_t_<created, base36 seconds>_<random>`: the time lets a later run drop what a killed run left. */
async function newTestDatabaseName(client: pg.Client): Promise<string> {
  return `vigil_t_${(await serverSeconds(client)).toString(36)}_${randomBytes(5).toString('hex')}`;
}

const STALE_AFTER_SECONDS = 6 * 3600;

/**
 * The PostgreSQL server's time, in whole seconds (when this admin connection began, a moment ago).
 * Test databases are named and aged by the clock of the server that holds them, never by this
 * process's: `npm run test:later` runs the suites a year ahead under faketime against the same
 * server, and by its clock every database of a run going on beside it would look a year old and be
 * dropped mid-test. This is housekeeping of the server's databases, not a rule of Vigil's: the one
 * clock (src/clock.ts) is for what the app decides.
 */
async function serverSeconds(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ at: string }>(
    'SELECT floor(extract(epoch FROM backend_start))::bigint AS at FROM pg_stat_activity WHERE pid = pg_backend_pid()',
  );
  return Number(rows[0]!.at);
}

/** Drops test databases left behind by runs that were killed (older than any run could last). */
async function dropStaleTestDatabases(client: pg.Client): Promise<void> {
  const rows = await client.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'vigil\\_t\\_%'",
  );
  const now = await serverSeconds(client);
  for (const { datname } of rows.rows) {
    const created = /^vigil_t_([0-9a-z]+)_[0-9a-f]+$/.exec(datname)?.[1];
    if (created && now - parseInt(created, 36) < STALE_AFTER_SECONDS) continue;
    await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
  }
}

// --- The PGlite template -------------------------------------------------------------------

/**
 * Starting PGlite in memory runs initdb in WebAssembly: 5 to 9 seconds on these machines, for every
 * test file, before migrations (about one more). A data directory migrated and seeded once and
 * copied for each database opens in about two (measured: issue 10). So, as on the server, each
 * suite gets a copy of a template: built once per fingerprint (migrations, reference data, PGlite's
 * version) under .test-artifacts/, in a directory of its own that is renamed into place only when
 * complete, so parallel test processes never see a half-built one. A fresh PGlite is still
 * migrated whenever the template is (re)built, and by the demo suite every run.
 */
const PGLITE_TEMPLATES = path.join(projectRoot, '.test-artifacts', 'pglite-templates');

function pgliteTemplateFingerprint(): string {
  const version = (
    JSON.parse(
      readFileSync(path.join(projectRoot, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    ) as { version: string }
  ).version;
  return `${templateFingerprint()}-${version}`;
}

let pgliteTemplate: Promise<string> | undefined;

function ensurePgliteTemplate(): Promise<string> {
  pgliteTemplate ??= buildPgliteTemplate().catch((error: unknown) => {
    pgliteTemplate = undefined;
    throw error;
  });
  return pgliteTemplate;
}

async function buildPgliteTemplate(): Promise<string> {
  const name = pgliteTemplateFingerprint();
  const done = path.join(PGLITE_TEMPLATES, name);
  if (existsSync(done)) return done;
  mkdirSync(PGLITE_TEMPLATES, { recursive: true });
  const building = path.join(PGLITE_TEMPLATES, `building-${process.pid}-${randomBytes(4).toString('hex')}`);
  const database = await openDatabase({ dataDir: building });
  try {
    await migrate(database);
    await seedReferenceData(database);
  } finally {
    await database.close();
  }
  try {
    renameSync(building, done);
  } catch (error) {
    // Another test process finished first: use its template.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(done)) throw error;
  }
  // Templates of other fingerprints are out of date; a build whose process has gone is dead.
  for (const entry of readdirSync(PGLITE_TEMPLATES)) {
    const builder = /^building-(\d+)-/.exec(entry)?.[1];
    if (entry === name || (builder && processIsAlive(Number(builder)))) continue;
    rmSync(path.join(PGLITE_TEMPLATES, entry), { recursive: true, force: true });
  }
  return done;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A PGlite database copied from the migrated, seeded template; `dispose` closes and deletes it. */
export async function openPgliteCopy(): Promise<{
  database: Database;
  dataDir: string;
  dispose: () => Promise<void>;
}> {
  const template = await ensurePgliteTemplate();
  const dir = await mkdtemp(path.join(tmpdir(), 'vigil-test-pglite-'));
  cpSync(template, dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  return {
    database,
    dataDir: dir,
    dispose: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// --- The server template -------------------------------------------------------------------

/** Any change to migrations or reference data gives a new template, so a stale one is never cloned. */
function templateFingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of ['migrations', 'data-reference']) {
    const full = path.join(projectRoot, dir);
    for (const file of readdirSync(full).sort()) {
      hash.update(`${dir}/${file}\0`);
      hash.update(readFileSync(path.join(full, file)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

const TEMPLATE_LOCK = 704_211; // any constant, shared by every test process
let templateName: Promise<string> | undefined;

/**
 * Builds `vigil_template_<fingerprint>` once (migrated and seeded). Several test files run in
 * parallel processes: an advisory lock lets one build while the others wait, and the build
 * happens under a temporary name that is renamed only when complete, so a crashed build is
 * never mistaken for a finished one.
 */
function ensureTemplate(serverUrl: string): Promise<string> {
  templateName ??= buildTemplate(serverUrl).catch((error: unknown) => {
    templateName = undefined;
    throw error;
  });
  return templateName;
}

async function buildTemplate(serverUrl: string): Promise<string> {
  const name = `vigil_template_${templateFingerprint()}`;
  return withAdminClient(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      await dropStaleTestDatabases(client);
      const existing = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'vigil\\_template\\_%' ORDER BY oid DESC",
      );
      if (existing.rows.some((r) => r.datname === name)) return name;
      // Builds happen only under this lock, so a half-built template is a dead one. Templates of
      // other fingerprints may belong to a run going on now (with other migrations): keep the
      // newest few, drop older ones.
      const complete = existing.rows.filter((r) => !r.datname.endsWith('_building'));
      const dead = [...existing.rows.filter((r) => r.datname.endsWith('_building')), ...complete.slice(3)];
      for (const { datname } of dead) {
        await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
      const building = `${name}_building`;
      await client.query(`CREATE DATABASE ${building}`);
      const database = await openDatabase({ databaseUrl: withDatabaseName(serverUrl, building) });
      try {
        // A first query through Kysely, so close() ends the pool even if the migration fails.
        await sql`SELECT 1`.execute(database.db);
        await migrate(database);
        await ensureAccessLogPartitions(database, testClock);
        await seedReferenceData(database);
      } finally {
        await database.close();
      }
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      return name;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot connect to the PostgreSQL server at TEST_DATABASE_URL (${redact(serverUrl)}): ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabaseName(serverUrl: string, dbName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

function redact(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

// --- People ----------------------------------------------------------------------------------

export interface ActorOptions {
  roles: Role[];
  areaCode: string;
  /** Agency type; by default derived from the first role (police, prison, else probation). */
  agencyType?: string;
  displayName?: string;
  email?: string;
  /** Current vetting and training by default: without them a user has no access at all. */
  vetting?: { level: string; expiresOn: string };
  trainingCompletedOn?: string;
}

/** Vetting that lasts well beyond any date the suites use, and training done before them. */
export const TEST_VETTING = { level: 'SC', expiresOn: '2036-12-31' } as const;
export const TEST_TRAINING_DATE = '2025-01-06';

let personCounter = 0;

/** A unique suffix for emails, names and identifiers within one test process. */
export function uniqueSuffix(): string {
  personCounter += 1;
  return `${process.pid.toString(36)}${personCounter}${randomBytes(2).toString('hex')}`;
}

/** An agency of the given type in the given area, created if absent (tests do not depend on the seeded names). */
export async function ensureAgency(
  database: Database,
  areaCode: string,
  type: string,
): Promise<{ id: string; name: string }> {
  const name = `Test ${type} agency (${areaCode})`;
  return database.transaction((tx) =>
    tx
      .insertInto('agencies')
      .values({ area_code: areaCode, type, name })
      .onConflict((oc) => oc.columns(['area_code', 'name']).doUpdateSet({ type }))
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow(),
  );
}

function agencyTypeFor(roles: Role[]): string {
  const first = roles[0] ?? '';
  if (first.startsWith('police')) return 'police';
  if (first.startsWith('prison') || first === 'head_of_offender_management_unit') return 'prison';
  return 'probation';
}

/**
 * Creates a user (through the real `createUser` use case) in an agency of the given area and
 * returns the context a use case receives on their behalf.
 */
export async function makeActor(database: Database, options: ActorOptions): Promise<UseCaseContext> {
  const agencyType = options.agencyType ?? agencyTypeFor(options.roles);
  const agency = await ensureAgency(database, options.areaCode, agencyType);
  const suffix = uniqueSuffix();
  const email = options.email ?? `user.${suffix}@example.gov.uk`;
  const displayName = options.displayName ?? `Test User ${suffix}`;
  const user = await createUser(database, testMoment(), {
    email,
    displayName,
    agencyId: agency.id,
    roles: options.roles,
    password: TEST_PASSWORD,
    vetting: options.vetting ?? { ...TEST_VETTING },
    trainingCompletedOn: options.trainingCompletedOn ?? TEST_TRAINING_DATE,
  });
  const actor: Actor = {
    userId: user.id,
    displayName,
    email: user.email,
    agencyId: agency.id,
    agencyName: agency.name,
    agencyType,
    areaCode: options.areaCode,
    roles: options.roles,
  };
  return testContext(actor);
}

/**
 * A use-case context for `actor` on TODAY: `now` reads the test clock each time, as each request
 * of a real app would (spreading the context takes one reading).
 */
export function testContext(actor: Actor): UseCaseContext {
  return {
    actor,
    origin: { ...TEST_ORIGIN },
    today: TODAY,
    get now() {
      return testClock.now();
    },
  };
}
