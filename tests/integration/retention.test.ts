import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { verifyChain } from '../../src/audit/chain.ts';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import { createNominal, setMappaStatus } from '../../src/modules/nominals/index.ts';
import { saveReferralDraft, startReferral, submitReferral } from '../../src/modules/referrals/index.ts';
import { erasePerson, listDueForReview, setRetentionSchedule } from '../../src/modules/retention/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, describeEachDatabase, makeActor } from '../support/databases.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { identity, newCrn, rejection } from '../support/fixtures.ts';
import { TODAY, testClock, testMoment } from '../support/clock.ts';

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
  /** What was planted about `old` in other capabilities' tables, and where. */
  const planted = { referralId: '', meetingId: '', reportId: '', actionId: '' };
  /** Free text planted about `old`: none of it may survive the erasure anywhere. */
  const FREE_TEXT = [
    'Referral reason: Agatha threatened her neighbour',
    'Value added: the housing provider must know',
    'Minute: seen at 4 Secret Lane with her grandson',
    'Decision: disclose to the school',
    'Plan: weekly visits at home',
    'Condition: not to contact Mr Victim',
    'Report: fought on the wing',
    'Action: check the caravan at Lakeside',
    'Update: caravan checked, nephew present',
    'Rationale: accepted for her stalking',
    'Event: arrested outside the primary school',
  ];

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

  it('plants a referral, minutes, a plan, a prison report and an action about the person', async () => {
    const [reason, valueAdded, minute, decision, plan, condition, report, action, update, rationale, event] =
      FREE_TEXT;
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
    const draft = await startReferral(db(), officer, old.id);
    const saved = await saveReferralDraft(db(), officer, draft.id, {
      requestedLevel: 2,
      emergency: false,
      // Category 1 is on the record (setMappaStatus), not in the computed obligations: refer as Category 3.
      category3: true,
      reason,
      valueAdded,
      version: draft.version,
    });
    await submitReferral(db(), officer, draft.id, { version: saved.version });
    planted.referralId = draft.id;
    const at = testMoment().now;
    const by = officer.actor.userId;
    await db().transaction(async (tx) => {
      await tx
        .insertInto('referral_decisions')
        .values({
          referral_id: planted.referralId,
          outcome: 'rejected',
          rationale: rationale!,
          route: 'coordinator',
          decided_by: by,
          decided_at: at,
        })
        .execute();
      const meeting = await tx
        .insertInto('meetings')
        .values({
          area_code: 'AVS',
          level: 2,
          starts_at: at,
          format: 'in_person',
          created_at: at,
          created_by: by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      planted.meetingId = meeting.id;
      await tx
        .insertInto('meeting_nominals')
        .values({ meeting_id: meeting.id, nominal_id: old.id })
        .execute();
      await tx
        .insertInto('minutes')
        .values({
          meeting_id: meeting.id,
          nominal_id: old.id,
          content: JSON.stringify({
            items: { newInformation: minute },
            decisions: decision,
            disclosure: { considered: 'yes', reason: 'Agatha Oldfield told us' },
            nextMeetingOn: TODAY,
          }),
          correction_reason: 'Agatha asked for a correction',
          updated_at: at,
          updated_by: by,
        })
        .execute();
      await tx
        .insertInto('risk_management_plans')
        .values({
          nominal_id: old.id,
          version: 1,
          supervision: plan!,
          monitoring_and_control: plan!,
          interventions_and_treatment: plan!,
          victim_safety_planning: plan!,
          contingency: plan!,
          conditions: JSON.stringify([condition]),
          reason: 'First plan for Agatha Oldfield',
          meeting_id: meeting.id,
          changed_at: at,
          changed_by: by,
        })
        .execute();
      const written = await tx
        .insertInto('prison_reports')
        .values({
          nominal_id: old.id,
          meeting_id: meeting.id,
          establishment_agency_id: officer.actor.agencyId,
          behaviour: report!,
          adjudications: report!,
          security_intelligence: report!,
          offence_paralleling: report!,
          rotl: report!,
          communications_monitoring: report!,
          analysis: report!,
          return_reason: 'Say more about Agatha',
          // Approved, so shared with everyone who can see the record.
          status: 'approved',
          submitted_at: at,
          approved_at: at,
          approved_by: by,
          written_by: by,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      planted.reportId = written.id;
      const made = await tx
        .insertInto('actions')
        .values({
          nominal_id: old.id,
          meeting_id: meeting.id,
          description: action!,
          pillar: 'supervision',
          owner_agency_id: officer.actor.agencyId,
          due_on: TODAY,
          created_at: at,
          created_by: by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      planted.actionId = made.id;
      await tx
        .insertInto('notifications')
        .values({
          user_id: by,
          nominal_id: old.id,
          subject: `Arrest recorded for ${old.vigilRef}`,
          body: `Arrest recorded for Agatha Oldfield: ${event!}`,
          created_at: at,
        })
        .execute();
      await tx
        .insertInto('significant_events')
        .values({
          nominal_id: old.id,
          type: 'arrest',
          occurred_on: TODAY,
          description: event!,
          recorded_at: at,
          recorded_by: by,
        })
        .execute();
      await tx
        .insertInto('action_updates')
        .values({ action_id: made.id, note: update!, status: 'open', created_at: at, created_by: by })
        .execute();
    });
    // The submitted referral carries a copy of the record: the name, date of birth, identifier, address.
    const snapshot = await sql<{ text: string }>`SELECT record_snapshot::text AS text FROM referrals
      WHERE id = ${planted.referralId}`.execute(db().db);
    expect(snapshot.rows[0]!.text).toMatch(/Oldfield/);
    expect(snapshot.rows[0]!.text).toContain(crn);
    expect(snapshot.rows[0]!.text).toContain('Erasure Street');
  });

  it('erases the personal data: names, identifiers and addresses gone, the log intact and recording the erasure', async () => {
    const response = await call('POST', `/api/v1/retention/${old.id}/erasure`, dpoToken, {
      reason: 'Reviewed at 100: no longer necessary for a policing purpose',
      confirm: 'yes',
    });
    expect(response.statusCode).toBe(201);
    const erasure = response.json();
    expect(erasure.erasedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(erasure.erasedParts).toMatchObject({
      levels: 1,
      referrals: 2,
      minutes: 1,
      plan: 1,
      prisonReports: 1,
      actions: 2,
    });
    expect(erasure.erasedParts.record).toBeGreaterThan(0);
    expect(erasure.erasedRows).toBe(
      Object.values(erasure.erasedParts as Record<string, number>).reduce((n, v) => n + v, 0),
    );

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
    expect(logged.rows[0]!.purpose).toMatch(
      /level history 1, referrals 2, minutes 1, risk management plan versions 1/,
    );

    // Off the list, and a second erasure is a conflict.
    expect((await listDueForReview(db(), dpo)).entries.map((e) => e.nominalId)).not.toContain(old.id);
    const again = await call('POST', `/api/v1/retention/${old.id}/erasure`, dpoToken, {
      reason: 'Again',
      confirm: 'yes',
    });
    expect(again.statusCode).toBe(409);
  });

  it('erases the person from the referral, minutes, plan, prison report and actions too, rows kept', async () => {
    const personal = ['Oldfield', 'Agatha', crn, '1926-11-23', 'Erasure Street', ...FREE_TEXT];
    const tables = {
      referrals: sql`SELECT r::text AS text FROM referrals r WHERE nominal_id = ${old.id}`,
      referral_decisions: sql`SELECT d::text AS text FROM referral_decisions d
        WHERE referral_id = ${planted.referralId}`,
      minutes: sql`SELECT m::text AS text FROM minutes m WHERE nominal_id = ${old.id}`,
      risk_management_plans: sql`SELECT p::text AS text FROM risk_management_plans p WHERE nominal_id = ${old.id}`,
      prison_reports: sql`SELECT p::text AS text FROM prison_reports p WHERE nominal_id = ${old.id}`,
      actions: sql`SELECT a::text AS text FROM actions a WHERE nominal_id = ${old.id}`,
      action_updates: sql`SELECT u::text AS text FROM action_updates u WHERE action_id = ${planted.actionId}`,
      notifications: sql`SELECT n::text AS text FROM notifications n WHERE nominal_id = ${old.id}`,
      convictions: sql`SELECT c::text AS text FROM convictions c WHERE nominal_id = ${old.id}`,
      significant_events: sql`SELECT e::text AS text FROM significant_events e WHERE nominal_id = ${old.id}`,
    };
    for (const [table, query] of Object.entries(tables)) {
      const rows = (await query.execute(db().db)).rows as { text: string }[];
      if (table === 'notifications') expect(rows.length, table).toBeGreaterThan(0);
      else if (table !== 'convictions') expect(rows.length, table).toBe(1);
      for (const row of rows)
        for (const word of personal)
          expect(row.text.toLowerCase(), `${table}: ${word}`).not.toContain(word.toLowerCase());
      // The same with the database's own matching, over the row's text.
      for (const word of personal) {
        const hits = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${query}) x
          WHERE x.text ILIKE ${`%${word}%`}`.execute(db().db);
        expect(hits.rows[0]!.n, `${table}: ${word}`).toBe(0);
      }
    }
    // Rows, statuses and what oversight counts stay.
    const referral = await db()
      .db.selectFrom('referrals')
      .select(['status', 'requested_level', 'submitted_at'])
      .where('id', '=', planted.referralId)
      .executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ status: 'submitted', requested_level: 2 });
    expect(referral.submitted_at).not.toBeNull();
    const minutes = await sql<{
      considered: string;
      next: string;
    }>`SELECT content->'disclosure'->>'considered'
      AS considered, content->>'nextMeetingOn' AS next FROM minutes WHERE nominal_id = ${old.id}`.execute(
      db().db,
    );
    expect(minutes.rows[0]).toEqual({ considered: 'yes', next: TODAY });

    // The pages and documents that read them still answer (the snapshot reads as an erased record).
    const session = await signInWithPages(app, { email: officer.actor.email, password: TEST_PASSWORD });
    const page = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    for (const url of [
      `/referrals/${planted.referralId}`,
      `/referrals/${planted.referralId}/document`,
      `/meetings/${planted.meetingId}/nominals/${old.id}/minutes`,
      `/meetings/${planted.meetingId}/nominals/${old.id}/minutes/document`,
      `/nominals/${old.id}/risk-management-plan`,
    ]) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toMatch(/Oldfield|Agatha|Secret Lane|Erasure Street/);
    }
    const api = await call('GET', `/api/v1/referrals/${planted.referralId}`, officerToken);
    expect(api.statusCode).toBe(200);
    expect(api.json().record).toMatchObject({ name: 'Erased', identifiers: [], personal: [] });
    expect(
      (await call('GET', `/api/v1/nominals/${old.id}/risk-management-plan`, officerToken)).statusCode,
    ).toBe(200);
    expect(
      (await call('GET', `/api/v1/nominals/${old.id}/prison-reports/${planted.reportId}`, officerToken))
        .statusCode,
    ).toBe(200);

    expect((await verifyChain(db(), { batchSize: 5000 })).intact).toBe(true);
  });
});
