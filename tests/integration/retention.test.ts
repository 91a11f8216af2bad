import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { verifyChain } from '../../src/audit/chain.ts';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import { createNominal, setMappaStatus } from '../../src/modules/nominals/index.ts';
import { erasePerson, listDueForReview, setRetentionSchedule } from '../../src/modules/retention/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity, newCrn, rejection } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/** Retention: the DPO's review-for-deletion list, and erasure that keeps the access log's chain. */
describeEachDatabase('retention and erasure', (getDb) => {
  const db = () => getDb().database;
  let app: FastifyInstance;
  let officer: UseCaseContext;
  let dpo: UseCaseContext;
  let dpoToken: string;
  let officerToken: string;
  let old: { id: string; vigilRef: string };
  let young: { id: string; vigilRef: string };
  let crn: string;

  beforeAll(async () => {
    officer = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    dpo = await makeActor(db(), {
      roles: ['data_protection_officer'],
      areaCode: 'AVS',
      agencyType: 'police',
    });
    dpoToken = await createServiceToken(db(), testMoment(), dpo.actor.userId, 'dpo', null, {
      readOnly: false,
    });
    officerToken = await createServiceToken(db(), testMoment(), officer.actor.userId, 'po', null, {
      readOnly: false,
    });
    crn = newCrn();
    // TODAY is 2026-11-23: born 1926-11-23, a MAPPA nominal's 100th birthday is today.
    old = await createNominal(db(), officer, {
      ...identity({ forename: 'Agatha', surname: 'Oldfield', dateOfBirth: '1926-11-23' }),
      identifiers: [{ type: 'crn', value: crn }],
    });
    young = await createNominal(db(), officer, {
      ...identity({ forename: 'Yusuf', surname: 'Young', dateOfBirth: '1926-11-24' }),
      identifiers: [{ type: 'crn', value: newCrn() }],
    });
    await db().transaction(async (tx) => {
      await setMappaStatus(tx, old.id, { category: 1, level: 1 });
      await setMappaStatus(tx, young.id, { category: 1, level: 1 });
    });
    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  it('lists MAPPA nominals from their 100th birthday (not the day before), for the DPO only', async () => {
    const found = await listDueForReview(db(), dpo);
    const ids = found.entries.map((e) => e.nominalId);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(young.id);
    expect(found.entries.find((e) => e.nominalId === old.id)).toMatchObject({
      basis: 'mappa_review_age',
      dueOn: '2026-11-23',
      name: 'Agatha Oldfield',
    });
    await rejection(listDueForReview(db(), officer), ForbiddenError);
    expect((await call('GET', '/api/v1/retention/due', officerToken)).statusCode).toBe(403);
    const api = await call('GET', '/api/v1/retention/due', dpoToken);
    expect(api.statusCode).toBe(200);
    expect(api.json().entries.map((e: { nominalId: string }) => e.nominalId)).toContain(old.id);
    const page = await app.inject({ method: 'GET', url: '/retention' });
    expect([302, 303, 401]).toContain(page.statusCode);
  });

  it('follows a schedule set for the area', async () => {
    await setRetentionSchedule(db(), dpo, 'AVS', { mappaReviewAge: 99, endedNonMappaYears: 6 });
    expect((await listDueForReview(db(), dpo)).entries.map((e) => e.nominalId)).toContain(young.id);
    await setRetentionSchedule(db(), dpo, 'AVS', { mappaReviewAge: 100, endedNonMappaYears: 6 });
    expect((await listDueForReview(db(), dpo)).entries.map((e) => e.nominalId)).not.toContain(young.id);
  });

  it('refuses to erase without a reason, or a record not due, writing nothing', async () => {
    const bad = await call('POST', `/api/v1/retention/${old.id}/erasure`, dpoToken, {
      reason: ' ',
      confirm: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    const notDue = await rejection(
      erasePerson(db(), dpo, young.id, { reason: 'No longer needed', confirm: 'yes' }),
      ValidationError,
    );
    expect(notDue.fieldErrors.reason).toMatch(/not due/);
    const still = await db()
      .db.selectFrom('nominals')
      .select('surname')
      .where('id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(still.surname).toBe('Oldfield');
  });

  it('erases the personal data: names, identifiers and addresses gone, the log intact and recording the erasure', async () => {
    await db().transaction((tx) =>
      tx
        .insertInto('addresses')
        .values({
          nominal_id: old.id,
          type: 'home',
          line1: '1 Erasure Street',
          town: 'Bristol',
          postcode: 'BS1 1AA',
          from_date: '2020-01-01',
        })
        .execute(),
    );
    const response = await call('POST', `/api/v1/retention/${old.id}/erasure`, dpoToken, {
      reason: 'Reviewed at 100: no longer necessary for a policing purpose',
      confirm: 'yes',
    });
    expect(response.statusCode).toBe(201);
    const erasure = response.json();
    expect(erasure.erasedSha256).toMatch(/^[0-9a-f]{64}$/);

    const row = await db()
      .db.selectFrom('nominals')
      .selectAll()
      .where('id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ forename: 'Erased', surname: 'Erased', middle_names: null, ethnicity: null });
    expect(row.date_of_birth).not.toBe('1926-11-23');
    for (const table of ['nominal_identifiers', 'addresses', 'nominal_names', 'nominal_aliases'] as const) {
      const left = await db()
        .db.selectFrom(table)
        .select('nominal_id')
        .where('nominal_id', '=', old.id)
        .execute();
      expect(left, table).toEqual([]);
    }
    const changes = await sql<{
      text: string;
    }>`SELECT coalesce(before::text, '') || coalesce(after::text, '') || summary AS text
      FROM nominal_changes WHERE nominal_id = ${old.id}`.execute(db().db);
    expect(changes.rows.length).toBeGreaterThan(0);
    for (const c of changes.rows) expect(c.text).not.toMatch(/Oldfield|Agatha/);
    // Nothing in Vigil's tables of the record carries the name or the identifier any more.
    const dump = await sql<{ text: string }>`SELECT string_agg(t::text, '|') AS text FROM (
        SELECT to_jsonb(n)::text AS t FROM nominals n WHERE id = ${old.id}
        UNION ALL SELECT to_jsonb(r)::text FROM retention_erasures r WHERE nominal_id = ${old.id}) x`.execute(
      db().db,
    );
    expect(dump.rows[0]!.text).not.toMatch(new RegExp(`Oldfield|Agatha|${crn}|Erasure Street`));

    expect((await verifyChain(db(), { batchSize: 5000 })).intact).toBe(true);
    const logged = await sql<{ operation: string; user_id: string; purpose: string; text: string }>`
      SELECT operation, user_id::text AS user_id, purpose, to_jsonb(l)::text AS text FROM access_log l
      WHERE ${old.id}::uuid = ANY(record_ids) AND operation = 'erasure'`.execute(db().db);
    expect(logged.rows).toHaveLength(1);
    expect(logged.rows[0]).toMatchObject({ operation: 'erasure', user_id: dpo.actor.userId });
    expect(logged.rows[0]!.purpose).toContain('no longer necessary');
    expect(logged.rows[0]!.text).not.toMatch(/Oldfield|Agatha/);

    // Off the list, and a second erasure is a conflict.
    expect((await listDueForReview(db(), dpo)).entries.map((e) => e.nominalId)).not.toContain(old.id);
    const again = await call('POST', `/api/v1/retention/${old.id}/erasure`, dpoToken, {
      reason: 'Again',
      confirm: 'yes',
    });
    expect(again.statusCode).toBe(409);
  });
});
