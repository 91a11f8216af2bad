import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAccessLogPartitions } from '../../src/audit/partitions.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedReferenceData } from '../../src/modules/reference/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { testClock, testMoment } from '../support/clock.ts';
import { makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';

/**
 * A PostgreSQL server of its own (the suite's shared one cannot be restarted under other tests),
 * killed and restarted while Vigil writes: Vigil stays up, answers 503 while the database is away
 * (and /ready says so), serves again by itself, and loses no write it acknowledged.
 */
const run = promisify(execFile);
const pgBin = (() => {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort() : [];
  const version = versions.reverse().find((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`));
  if (!version) throw new Error('No PostgreSQL server binaries: run `npm test`, which installs them');
  return `/usr/lib/postgresql/${version}/bin`;
})();
// initdb refuses to run as root: the server runs as the postgres account then.
const asServerUser = (command: string, args: string[]) =>
  process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

describe('PostgreSQL restarting under load', () => {
  let dir: string;
  let port: number;
  let database: Database;
  let app: FastifyInstance;
  let token: string;
  const connectionErrors: string[] = [];
  const pgCtl = (...args: string[]) => asServerUser(`${pgBin}/pg_ctl`, ['-D', `${dir}/data`, '-w', ...args]);
  const start = () =>
    pgCtl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', `${dir}/server.log`, 'start');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vigil-restart-'));
    await chmod(dir, 0o777);
    port = await freePort();
    await asServerUser(`${pgBin}/initdb`, ['-D', `${dir}/data`, '-U', 'vigil', '--auth=trust', '-E', 'UTF8']);
    await start();
    database = await openDatabase({
      databaseUrl: `postgres://vigil@127.0.0.1:${port}/postgres`,
      poolSize: 4,
      onConnectionError: (error) => connectionErrors.push(error.message),
    });
    await migrate(database);
    await ensureAccessLogPartitions(database, testClock);
    await seedReferenceData(database);
    const practitioner = await makeActor(database, { roles: ['probation_practitioner'], areaCode: 'AVS' });
    token = await createServiceToken(database, testMoment(), practitioner.actor.userId, 'restart', null, {
      readOnly: false,
    });
    app = await buildApp({ database, config: { trustProxy: false }, clock: testClock });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('stays up, answers 503 meanwhile, recovers by itself, and loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        n += 1;
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/nominals',
          headers: { authorization: `Bearer ${token}` },
          // Writer1, Writer12…: alike on purpose, and said to be different people.
          payload: {
            ...identity({ forename: 'Restart', surname: `Writer${n}` }),
            confirmedNotDuplicate: true,
          },
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 201) acknowledged.push(response.json().id as string);
        else expect([503], response.body).toContain(response.statusCode);
      }
    };
    const writers = [writer(), writer()];
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = acknowledged.length;
    expect(before).toBeGreaterThan(0);

    // The server dies (as kill -9 of the postmaster would leave it) and is away for a while.
    await pgCtl('-m', 'immediate', 'stop');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(503);
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    const away = await app.inject({
      method: 'POST',
      url: '/api/v1/nominals',
      headers: { authorization: `Bearer ${token}` },
      payload: identity({ forename: 'Restart', surname: 'Away' }),
    });
    expect(away.statusCode).toBe(503);
    expect(away.headers['content-type']).toMatch(/problem\+json/);

    await start();
    // Back without restarting Vigil: ready again, and writes succeed again.
    await expect
      .poll(async () => (await app.inject({ url: '/ready' })).statusCode, { timeout: 20_000, interval: 250 })
      .toBe(200);
    const during = acknowledged.length;
    await expect
      .poll(() => acknowledged.length, { timeout: 20_000, interval: 250 })
      .toBeGreaterThan(during + 3);
    writing = false;
    await Promise.all(writers);

    expect(statuses).toContain(503);
    // Every write Vigil said it saved is there.
    const saved = await database.db
      .selectFrom('nominals')
      .select('id')
      .where('id', 'in', acknowledged)
      .execute();
    expect(saved.length).toBe(acknowledged.length);
  }, 120_000);
});
