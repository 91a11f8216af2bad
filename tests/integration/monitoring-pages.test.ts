import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { getMonitoring, receiveIntoCustody, recordCommunication } from '../../src/modules/custody/index.ts';
import { createNominal } from '../../src/modules/nominals/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { testClock } from '../support/clock.ts';
import { TEST_PASSWORD, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity } from '../support/fixtures.ts';
import { csrfOf, signInWithPages } from '../support/sign-in.ts';

process.env.VIGIL_LOG = 'silent';

/**
 * The monitoring pages' own behaviour (issue 14): forms refused with the GOV.UK error summary and
 * nothing written, a stale version answered 409 with what happened, the import's preview and
 * confirmation, and who may open the pages at all (the browser journey is tests/browser/monitoring).
 */
describeEachDatabase('communications monitoring pages', (getDb) => {
  const db = () => getDb().database;
  let app: FastifyInstance;
  let security: UseCaseContext;
  let nominalId: string;
  let caseId: string;
  const cookies = new Map<string, string>();
  const PIN = `PIN-${Math.random().toString(36).slice(2, 8)}`;

  const as = async (ctx: UseCaseContext) => {
    const known = cookies.get(ctx.actor.email);
    if (known) return known;
    const { cookie } = await signInWithPages(app, {
      email: ctx.actor.email,
      password: TEST_PASSWORD,
      now: () => testClock.now(),
    });
    cookies.set(ctx.actor.email, cookie);
    return cookie;
  };
  const get = async (ctx: UseCaseContext, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: await as(ctx) } });
  /** Posts a form as the page would: with the CSRF token of the page it came from. */
  const post = async (ctx: UseCaseContext, from: string, url: string, form: Record<string, string>) => {
    const page = await get(ctx, from);
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie: await as(ctx), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfOf(page.body), ...form }).toString(),
    });
  };
  const communications = () =>
    db()
      .db.selectFrom('communications')
      .select('id')
      .where('case_id', '=', caseId)
      .execute()
      .then((rows) => rows.length);

  beforeAll(async () => {
    const pom = await makeActor(db(), { roles: ['prison_offender_manager'], areaCode: 'LAN' });
    security = await makeActor(db(), { roles: ['prison_security'], areaCode: 'LAN' });
    const practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'LAN' });
    nominalId = (await createNominal(db(), practitioner, identity({ forename: 'Paige', surname: 'Pages' })))
      .id;
    await receiveIntoCustody(db(), pom, nominalId, {
      establishmentAgencyId: pom.actor.agencyId,
      receivedOn: '2026-01-10',
      recall: false,
      conditionalReleaseDate: '2027-09-01',
    });
    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a start form with every problem at once and writes nothing, then starts monitoring', async () => {
    const page = `/nominals/${nominalId}/monitoring`;
    const refused = await post(security, `${page}/new`, page, { pinAccount: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    for (const message of ['Enter pin account', 'Select why the person is monitored', 'Enter authorised by'])
      expect(refused.body).toContain(message);
    const none = await getMonitoring(db(), security, nominalId);
    expect(none.compartment && none.cases).toEqual([]);

    const started = await post(security, `${page}/new`, page, {
      pinAccount: PIN,
      reasons: 'harassment',
      authorisedBy: 'Governor J. Smith',
      'authorisedOn-day': '1',
      'authorisedOn-month': '11',
      'authorisedOn-year': '2026',
    });
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(`${page}?saved=start`);
    const monitoring = await getMonitoring(db(), security, nominalId);
    caseId = monitoring.compartment ? monitoring.cases[0]!.id : '';
    expect(caseId).not.toBe('');
  });

  it('answers a review or an outcome made on a stale version with 409, keeping what was typed', async () => {
    const review = `/nominals/${nominalId}/monitoring/${caseId}/review`;
    const form = await get(security, review);
    expect(form.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const answers = {
      version,
      'reviewedOn-day': '20',
      'reviewedOn-month': '11',
      'reviewedOn-year': '2026',
      continue: 'yes',
    };
    expect((await post(security, review, review, answers)).statusCode).toBe(303);
    const stale = await post(security, review, review, answers);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone changed this monitoring case after you opened it');
    expect(stale.body).toContain('value="20"');

    await recordCommunication(db(), security, nominalId, caseId, {
      kind: 'mail',
      occurredOn: '2026-11-01',
      counterpart: 'Letter to an address in Lancaster',
      language: 'Polish',
      translationRequestedOn: '2026-11-02',
    });
    const monitoring = await getMonitoring(db(), security, nominalId);
    const flag = monitoring.compartment ? monitoring.cases[0]!.flags[0]! : null;
    expect(flag?.kind).toBe('translation_outstanding');
    const outcome = `/nominals/${nominalId}/monitoring-flags/${flag!.id}/acknowledgement`;
    const page = await get(security, outcome);
    expect(page.body).toContain('1 translation requested more than 7 days ago and not done');
    const acknowledged = await post(security, outcome, outcome, {
      outcome: 'no_concern',
      version: String(flag!.version),
    });
    expect(acknowledged.statusCode).toBe(303);
    const again = await post(security, outcome, outcome, {
      outcome: 'referred_to_police',
      version: String(flag!.version),
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Someone dealt with this flag after you opened it');
  });

  it('previews an import, refuses a bad file with each row’s problem and writes nothing, and imports a clean one', async () => {
    const IMPORT = '/monitoring/call-records';
    const blank = await post(security, IMPORT, IMPORT, { csv: '', fileName: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Attach the CSV file of call records');

    const header = 'Timestamp,Number Called,Duration,PIN Account';
    const bad = [header, `2026-11-20 10:00,07700 900123,60,${PIN}`, `soon,07700 900123,60,${PIN}`].join('\n');
    const refused = await post(security, IMPORT, IMPORT, { csv: bad, fileName: 'bad.csv', confirm: 'yes' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('href="#row-3"');
    expect(refused.body).not.toContain('Confirm import');
    expect(await communications()).toBe(1);

    const clean = [
      header,
      `2026-11-20 10:00,07700 900123,60,${PIN}`,
      `2026-11-20 11:00,07700 900123,60,PIN-NOBODY`,
    ].join('\n');
    const preview = await post(security, IMPORT, IMPORT, { csv: clean, fileName: 'clean.csv' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Confirm import');
    expect(preview.body).toContain('1 (never stored)');
    // The preview says who is on monitoring: a read, logged.
    const logged = await db()
      .db.selectFrom('access_log')
      .select('record_ids')
      .where('section', '=', 'communications monitoring: call records import preview')
      .where('user_id', '=', security.actor.userId)
      .execute();
    expect(logged.some((e) => JSON.stringify(e.record_ids).includes(nominalId))).toBe(true);
    expect(await communications()).toBe(1);
    const done = await post(security, IMPORT, IMPORT, { csv: clean, fileName: 'clean.csv', confirm: 'yes' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${IMPORT}?imported=1&flags=0`);
    expect(await communications()).toBe(2);
    expect((await get(security, done.headers.location!)).body).toContain('1 calls imported');

    // The file itself, uploaded as a multipart form (no JavaScript), is previewed the same way; a
    // multipart form without the session's token is refused like any other.
    const boundary = 'vigil-test-boundary';
    const multipart = (fields: Record<string, string>, file: { name: string; text: string }) =>
      [
        ...Object.entries(fields).map(
          ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
        ),
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.text}\r\n`,
        `--${boundary}--\r\n`,
      ].join('');
    const upload = (fields: Record<string, string>) =>
      as(security).then((cookie) =>
        app.inject({
          method: 'POST',
          url: IMPORT,
          headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: multipart(fields, { name: 'uploaded.csv', text: clean }),
        }),
      );
    const token = csrfOf((await get(security, IMPORT)).body);
    const uploaded = await upload({ _csrf: token, csv: '' });
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.body).toContain('Preview of uploaded.csv');
    expect(uploaded.body).toContain('Confirm import');
    expect((await upload({ csv: '' })).statusCode).toBe(403);
    expect(await communications()).toBe(2);
  });

  it('refuses duty-to-co-operate agencies, hides other areas’ people, and knows only its own forms', async () => {
    const dtc = await makeActor(db(), {
      roles: ['dtc_representative'],
      areaCode: 'LAN',
      agencyType: 'housing',
    });
    expect((await get(dtc, `/nominals/${nominalId}/monitoring`)).statusCode).toBe(403);
    expect((await get(dtc, '/monitoring/call-records')).statusCode).toBe(403);
    const elsewhere = await makeActor(db(), { roles: ['prison_security'], areaCode: 'CUM' });
    expect((await get(elsewhere, `/nominals/${nominalId}/monitoring`)).statusCode).toBe(404);
    expect((await get(security, `/nominals/${nominalId}/monitoring/${caseId}/nonsense`)).statusCode).toBe(
      404,
    );
    const practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'LAN' });
    const released = await get(practitioner, `/nominals/${nominalId}/monitoring`);
    expect(released.statusCode).toBe(200);
    expect(released.body).toContain('No flags have been released.');
    expect(released.body).not.toContain(PIN);
  });
});
