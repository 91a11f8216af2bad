import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { grantJustifiedAccess } from '../../src/modules/justified-access/index.ts';
import { createNominal, getNominal } from '../../src/modules/nominals/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { csvCell } from '../../src/modules/audit/index.ts';
import { describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

/** The data protection officer's API: what it answers, to whom, and that using it is itself logged. */
describeEachDatabase('access log API for data protection officers', (getDb) => {
  const db = () => getDb().database;
  let app: FastifyInstance;
  let practitioner: UseCaseContext;
  let outsider: UseCaseContext;
  let dpo: UseCaseContext;
  let dpoToken: string;
  let dpoReadOnlyToken: string;
  let practitionerToken: string;
  let nominal: { id: string; vigilRef: string };

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    outsider = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'GLO' });
    dpo = await makeActor(db(), {
      roles: ['data_protection_officer'],
      areaCode: 'AVS',
      agencyType: 'police',
    });
    dpoToken = await createServiceToken(db(), testMoment(), dpo.actor.userId, 'dpo', null, {
      readOnly: false,
    });
    dpoReadOnlyToken = await createServiceToken(
      db(),
      testMoment(),
      dpo.actor.userId,
      'dpo, read only',
      null,
      {
        readOnly: true,
      },
    );
    practitionerToken = await createServiceToken(
      db(),
      testMoment(),
      practitioner.actor.userId,
      'practitioner',
      null,
    );
    nominal = await createNominal(db(), practitioner, identity({ forename: 'Desmond', surname: 'Audit' }));
    await getNominal(db(), practitioner, nominal.id);
    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object, token = dpoToken) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  const lastEntry = async () =>
    (
      await sql<{
        user_id: string;
        operation: string;
        record_type: string;
        record_ids: string[];
        recipients: string[];
        service_account_id: string | null;
        section: string;
      }>`
        SELECT user_id::text AS user_id, operation, record_type, record_ids::text[] AS record_ids, recipients,
               service_account_id::text AS service_account_id, section
        FROM access_log ORDER BY id DESC LIMIT 1`.execute(db().db)
    ).rows[0]!;

  it('shows who viewed or changed a record, and logs that the log was read', async () => {
    const response = await call('GET', `/api/v1/audit/records/${nominal.vigilRef}/entries`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.subject).toMatchObject({
      recordId: nominal.id,
      vigilRef: nominal.vigilRef,
      name: 'Desmond Audit',
    });
    expect(body.entries.map((e: { operation: string }) => e.operation)).toEqual([
      'consultation',
      'collection',
    ]);
    expect(body.entries[1]).toMatchObject({
      userId: practitioner.actor.userId,
      userEmail: practitioner.actor.email,
      roles: ['probation_practitioner'],
    });
    expect(await lastEntry()).toMatchObject({
      user_id: dpo.actor.userId,
      operation: 'consultation',
      record_type: 'access_log',
      record_ids: [nominal.id],
    });
    expect((await lastEntry()).service_account_id).toBeTruthy();

    // By id as well as by reference; and the log read a moment ago is now part of the history.
    const byId = (await call('GET', `/api/v1/audit/records/${nominal.id}/entries`)).json();
    expect(byId.entries[0]).toMatchObject({
      operation: 'consultation',
      recordType: 'access_log',
      userId: dpo.actor.userId,
    });
    expect(byId.total).toBe(3);
  });

  it('refuses everyone but the data protection officer', async () => {
    for (const url of [
      `/api/v1/audit/records/${nominal.id}/entries`,
      '/api/v1/audit/justified-accesses',
      `/api/v1/audit/user-entries?email=${dpo.actor.email}`,
    ]) {
      expect((await call('GET', url, undefined, practitionerToken)).statusCode, url).toBe(403);
    }
    const exported = await call(
      'POST',
      `/api/v1/audit/records/${nominal.id}/export`,
      { recipient: 'Someone', purpose: 'investigation' },
      practitionerToken,
    );
    expect(exported.statusCode).toBe(403);
  });

  it('answers an unknown reference with per-field errors', async () => {
    const response = await call('GET', '/api/v1/audit/records/VGL-NOTAREF/entries');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('q');
  });

  it('shows what a user viewed, with the Vigil reference of each record', async () => {
    const response = await call(
      'GET',
      `/api/v1/audit/user-entries?email=${encodeURIComponent(practitioner.actor.email.toUpperCase())}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ id: practitioner.actor.userId });
    expect(body.entries[0]).toMatchObject({
      operation: 'consultation',
      records: [{ id: nominal.id, vigilRef: nominal.vigilRef }],
    });
    expect(await lastEntry()).toMatchObject({
      operation: 'consultation',
      record_type: 'access_log',
      record_ids: [practitioner.actor.userId],
    });
  });

  it('lists justified accesses awaiting review and records the review once', async () => {
    const grant = await grantJustifiedAccess(
      db(),
      outsider,
      nominal.id,
      'They have moved into my area this week',
    );
    const list = (await call('GET', '/api/v1/audit/justified-accesses')).json();
    expect(list.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: grant.id,
          userId: outsider.actor.userId,
          vigilRef: nominal.vigilRef,
          owningAreaCode: 'AVS',
        }),
      ]),
    );

    const url = `/api/v1/audit/justified-accesses/${grant.id}/review`;
    const noNote = await call('POST', url, { outcome: 'inappropriate' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors.map((e: { field: string }) => e.field)).toEqual(['note']);

    const reviewed = await call('POST', url, {
      outcome: 'inappropriate',
      note: 'No record of a move: referred to their line manager',
    });
    expect(reviewed.statusCode).toBe(200);
    const row = await db()
      .db.selectFrom('justified_accesses')
      .selectAll()
      .where('id', '=', grant.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ reviewed_by: dpo.actor.userId, review_outcome: 'inappropriate' });
    expect(row.reviewed_at).toBeInstanceOf(Date);
    expect(await lastEntry()).toMatchObject({
      operation: 'alteration',
      record_type: 'justified_access',
      record_ids: [nominal.id],
    });

    expect((await call('POST', url, { outcome: 'appropriate' })).statusCode).toBe(409);
    // A read-only token reads the queue but cannot record a review.
    expect(
      (await call('GET', '/api/v1/audit/justified-accesses', undefined, dpoReadOnlyToken)).statusCode,
    ).toBe(200);
    expect((await call('POST', url, { outcome: 'appropriate' }, dpoReadOnlyToken)).statusCode).toBe(403);
    const after = (await call('GET', '/api/v1/audit/justified-accesses')).json();
    expect(after.entries.map((e: { id: string }) => e.id)).not.toContain(grant.id);
  });

  it('exports a record’s history as a disclosure to the named recipient', async () => {
    const response = await call('POST', `/api/v1/audit/records/${nominal.vigilRef}/export`, {
      recipient: 'Information Commissioner’s Office',
      purpose: 'information_commissioner',
      reference: 'ICO-99',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.entries.at(-1)).toMatchObject({
      operation: 'disclosure',
      recipients: ['Information Commissioner’s Office', expect.stringContaining('downloaded as a CSV')],
    });
    expect(await lastEntry()).toMatchObject({
      user_id: dpo.actor.userId,
      operation: 'disclosure',
      record_type: 'access_log',
      record_ids: [nominal.id],
      recipients: ['Information Commissioner’s Office', expect.stringContaining('downloaded as a CSV')],
    });

    const missing = await call('POST', `/api/v1/audit/records/${nominal.vigilRef}/export`, {
      purpose: 'nonsense',
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['purpose', 'recipient']);
  });

  it('keeps spreadsheet formulas out of the CSV', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
  });
});
