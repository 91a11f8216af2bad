import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { ValidationError } from '../../src/domain/errors.ts';
import {
  addSectionRow,
  createNominal,
  getNominal,
  getSectionRows,
  getTimeline,
  updateNominalSection,
  updateSectionRow,
} from '../../src/modules/nominals/index.ts';
import { erasePersonalData } from '../../src/modules/nominals/erasure.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import {
  describeEachDatabase,
  makeActor,
  TEST_PASSWORD,
  testClock,
  testMoment,
} from '../support/databases.ts';
import { countRows, identity, rejection } from '../support/fixtures.ts';
import { signInWithPages, type SignedIn } from '../support/sign-in.ts';

/**
 * The facts the statutes need, recorded (issue 12): sentence kinds and their terms, consecutive
 * terms, the terrorist connection, the victim's age, early ends; civil orders; the Category 4
 * terrorism-risk decision. Each cross-field rule refuses with a GOV.UK message and writes nothing.
 */

type Values = Record<string, unknown>;

const CUSTODY: Values = {
  offence: 'Wounding or causing grievous bodily harm with intent',
  offenceDate: '2023-02-01',
  convictionDate: '2023-06-01',
  court: 'Bristol Crown Court',
  outcome: 'custody',
  lengthMonths: 30,
  isIndexOffence: true,
  sentenceStart: '2023-06-01',
};

describeEachDatabase('convictions, civil orders and the Category 4 decision', (getDb) => {
  const db = () => getDb().database;
  let officer: UseCaseContext;
  let app: FastifyInstance;
  let token: string;
  let session: SignedIn;

  beforeAll(async () => {
    officer = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    await app.ready();
    token = await createServiceToken(db(), testMoment(), officer.actor.userId, 'convictions', null, {
      readOnly: false,
    });
    session = await signInWithPages(app, { email: officer.actor.email, password: TEST_PASSWORD });
  });
  afterAll(async () => {
    await app?.close();
  });

  const person = async (surname = 'Sentenced') =>
    (await createNominal(db(), officer, identity({ surname }))).id;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Values) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  it('saves every new fact of a conviction and reads them back, with the offence classified', async () => {
    const id = await person();
    const first = await addSectionRow(db(), officer, id, 'convictions', {
      ...CUSTODY,
      sentenceType: 'extended',
      lengthMonths: 48,
      extensionMonths: 36,
      victimAge: '18_or_over',
      terroristConnection: true,
    });
    const second = await addSectionRow(db(), officer, id, 'convictions', {
      ...CUSTODY,
      offence: 'Sexual assault (count 2)',
      isIndexOffence: false,
      lengthMonths: 3,
      lengthDays: 14,
      consecutiveTo: first.id,
      victimAge: '13_to_15',
      disposalEndedOn: '2025-01-31',
      notificationEndedOn: '2026-01-31',
    });
    const rows = await getSectionRows(db(), officer, id, 'convictions');
    expect(rows.find((r) => r.id === first.id)).toMatchObject({
      sentenceType: 'extended',
      lengthMonths: 48,
      extensionMonths: 36,
      terroristConnection: true,
      victimAge: '18_or_over',
      consecutiveTo: null,
    });
    expect(rows.find((r) => r.id === second.id)).toMatchObject({
      lengthMonths: 3,
      lengthDays: 14,
      consecutiveTo: first.id,
      terroristConnection: false,
      disposalEndedOn: '2025-01-31',
      notificationEndedOn: '2026-01-31',
    });

    const record = await getNominal(db(), officer, id);
    const listed = record.convictions.find((c) => c.id === first.id)!;
    expect(listed.offenceClassification).toMatchObject({ listed: true });
    expect((listed.offenceClassification as { flags: string[] }).flags).toContain('Schedule 15');

    // The record's page names the conviction a term follows, and what the list says of each offence.
    const page = await app.inject({ url: `/nominals/${id}`, headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Consecutive to');
    expect(page.body).toMatch(/Wounding or causing grievous bodily harm with intent \(Extended determinate/);
    expect(page.body).toContain('On the offence list');
  });

  it('keeps an offence that is not on the list, and says it needs classifying', async () => {
    const id = await person();
    await addSectionRow(db(), officer, id, 'convictions', {
      ...CUSTODY,
      offence: 'Keeping a dangerous wild animal without a licence',
    });
    const record = await getNominal(db(), officer, id);
    expect(record.convictions[0]!.offence).toBe('Keeping a dangerous wild animal without a licence');
    expect(record.convictions[0]!.offenceClassification).toMatchObject({
      listed: false,
      text: 'Not on the offence list: it needs classifying',
    });
  });

  const REFUSALS: [string, Values, Record<string, string>][] = [
    [
      'a sentence type without custody',
      { outcome: 'community_order', lengthMonths: 12, sentenceType: 'life' },
      { sentenceType: 'Leave the sentence type blank unless the outcome is a custodial sentence' },
    ],
    [
      'a length on a life sentence',
      { sentenceType: 'life', lengthMonths: 180 },
      { lengthMonths: 'Leave the length blank for an indeterminate sentence: it has no fixed term' },
    ],
    [
      'custody with no length',
      { lengthMonths: null },
      { lengthMonths: 'Enter the length of the custodial sentence in months, days or both' },
    ],
    [
      'an extended sentence with no extension period',
      { sentenceType: 'extended' },
      { extensionMonths: 'Enter the extension period of the extended sentence in months' },
    ],
    [
      'an extension period on an ordinary sentence',
      { extensionMonths: 24 },
      {
        extensionMonths:
          'Leave the extension period blank unless the sentence is an extended sentence or a SOPC',
      },
    ],
    [
      'a DTO of a term the law does not allow',
      { sentenceType: 'dto', lengthMonths: 9 },
      {
        lengthMonths: 'A detention and training order’s term must be 4, 6, 8, 10, 12, 18 or 24 months',
      },
    ],
    [
      'a suspended sentence with no operational period',
      { outcome: 'suspended_sentence', lengthMonths: 12 },
      { operationalMonths: 'Enter the operational period of the suspended sentence order in months' },
    ],
    [
      'a supervision period longer than the operational period',
      { outcome: 'suspended_sentence', lengthMonths: 12, operationalMonths: 12, supervisionMonths: 18 },
      { supervisionMonths: 'The supervision period must not be longer than the operational period' },
    ],
    [
      'an operational period on a custodial sentence',
      { operationalMonths: 12 },
      {
        operationalMonths:
          'Leave the operational period blank unless the outcome is a suspended sentence order',
      },
    ],
    ['a length of no days', { lengthDays: 0 }, { lengthDays: 'Length in days must be 1 or more' }],
    [
      'notification ending before the conviction',
      { notificationEndedOn: '2023-01-01' },
      { notificationEndedOn: 'The date notification ended must be on or after the conviction date' },
    ],
    [
      'consecutive to on a fine',
      { outcome: 'fine', lengthMonths: null, consecutiveTo: '00000000-0000-4000-8000-000000000000' },
      {
        consecutiveTo: 'Leave “consecutive to” blank unless the outcome is a custodial or suspended sentence',
      },
    ],
  ];

  for (const [what, change, expected] of REFUSALS) {
    it(`refuses ${what}, and writes nothing`, async () => {
      const id = await person();
      const before = await countRows(db());
      const error = await rejection(
        addSectionRow(db(), officer, id, 'convictions', { ...CUSTODY, ...change }),
        ValidationError,
      );
      expect(error.fieldErrors).toEqual(expected);
      expect(await countRows(db())).toEqual(before);
    });
  }

  it('accepts a DTO of 18 months, an IPP with no length and a suspended sentence with its periods', async () => {
    const id = await person();
    for (const change of [
      { sentenceType: 'dto', lengthMonths: 18 },
      { sentenceType: 'ipp', lengthMonths: null },
      { outcome: 'suspended_sentence', lengthMonths: null, lengthDays: 112, operationalMonths: 18 },
    ])
      await addSectionRow(db(), officer, id, 'convictions', { ...CUSTODY, isIndexOffence: false, ...change });
    expect(await getSectionRows(db(), officer, id, 'convictions')).toHaveLength(3);
  });

  it('refuses "consecutive to" another person’s conviction, itself, or a loop', async () => {
    const id = await person();
    const other = await person('Other');
    const theirs = await addSectionRow(db(), officer, other, 'convictions', CUSTODY);
    const refused = await rejection(
      addSectionRow(db(), officer, id, 'convictions', { ...CUSTODY, consecutiveTo: theirs.id }),
      ValidationError,
    );
    expect(refused.fieldErrors).toEqual({
      consecutiveTo: 'Select one of this person’s convictions from the list',
    });

    const a = await addSectionRow(db(), officer, id, 'convictions', CUSTODY);
    const b = await addSectionRow(db(), officer, id, 'convictions', {
      ...CUSTODY,
      isIndexOffence: false,
      consecutiveTo: a.id,
    });
    const itself = await rejection(
      updateSectionRow(db(), officer, id, 'convictions', a.id, { ...CUSTODY, consecutiveTo: a.id }, 1),
      ValidationError,
    );
    expect(itself.fieldErrors.consecutiveTo).toBe(
      'Select a different conviction: a sentence cannot follow itself',
    );
    const loop = await rejection(
      updateSectionRow(db(), officer, id, 'convictions', a.id, { ...CUSTODY, consecutiveTo: b.id }, 1),
      ValidationError,
    );
    expect(loop.fieldErrors.consecutiveTo).toBe(
      'Select a different conviction: that one already runs after this sentence',
    );
    const rows = await getSectionRows(db(), officer, id, 'convictions');
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ consecutiveTo: null, version: 1 });

    // Over the API, the same refusal is a 400 problem naming the field.
    const response = await api('POST', `/nominals/${id}/convictions`, {
      ...CUSTODY,
      consecutiveTo: theirs.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toContain('consecutiveTo');
  });

  it('offers the person’s other convictions, never the one being changed, and the offence list on the form', async () => {
    const id = await person();
    const a = await addSectionRow(db(), officer, id, 'convictions', CUSTODY);
    await addSectionRow(db(), officer, id, 'convictions', {
      ...CUSTODY,
      offence: 'Robbery',
      isIndexOffence: false,
    });
    const form = await app.inject({
      url: `/nominals/${id}/convictions/${a.id}/edit`,
      headers: { cookie: session.cookie },
    });
    expect(form.statusCode).toBe(200);
    const select = /<select[^>]*name="consecutiveTo"[^]*?<\/select>/.exec(form.body)![0];
    expect(select).toContain('Robbery (Custodial sentence), convicted 1 June 2023');
    expect(select).not.toContain(`value="${a.id}"`);
    expect(form.body).toContain('<datalist id="offence-list">');
    expect(form.body).toContain('list="offence-list"');
    expect(form.body).toMatch(/id="offence-classification"[^>]*>On the offence list/);
    expect(form.body).toContain('/javascripts/accessible-autocomplete.min.js');

    // A refused form keeps what was typed and shows the error summary.
    const posted = await app.inject({
      method: 'POST',
      url: `/nominals/${id}/convictions`,
      headers: { cookie: session.cookie },
      payload: {
        _csrf: session.csrfToken,
        offence: 'Robbery',
        'convictionDate-day': '1',
        'convictionDate-month': '6',
        'convictionDate-year': '2023',
        outcome: 'custody',
        sentenceType: 'extended',
        lengthMonths: '48',
        isIndexOffence: 'no',
      },
    });
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('There is a problem');
    expect(posted.body).toContain('Enter the extension period of the extended sentence in months');
  });

  it('records a civil order, refuses a notification order without its conviction abroad, and serves both over the API', async () => {
    const id = await person();
    const before = await countRows(db());
    const missing = await rejection(
      addSectionRow(db(), officer, id, 'orders', { kind: 'notification_order', madeOn: '2025-03-01' }),
      ValidationError,
    );
    expect(missing.fieldErrors).toEqual({
      foreignConvictionDate: 'Enter the date of the conviction abroad',
      foreignOutcome: 'Select the sentence or outcome abroad',
    });
    const noLength = await rejection(
      addSectionRow(db(), officer, id, 'orders', {
        kind: 'cta_notification_order',
        madeOn: '2025-03-01',
        foreignConvictionDate: '2024-01-10',
        foreignOutcome: 'custody',
      }),
      ValidationError,
    );
    expect(noLength.fieldErrors).toEqual({
      foreignLengthMonths: 'Enter the length of the sentence abroad in months',
    });
    const shpoAbroad = await rejection(
      addSectionRow(db(), officer, id, 'orders', {
        kind: 'shpo',
        madeOn: '2025-03-01',
        endsOn: '2025-01-01',
        foreignOutcome: 'custody',
      }),
      ValidationError,
    );
    expect(shpoAbroad.fieldErrors).toEqual({
      endsOn: 'The date the order ends must be on or after the date it was made',
      foreignOutcome: 'Leave the conviction abroad blank: it is only for notification orders',
    });
    expect(await countRows(db())).toEqual(before);

    const shpo = await api('POST', `/nominals/${id}/orders`, {
      kind: 'shpo',
      madeOn: '2025-03-01',
      court: 'Bristol Crown Court',
      endsOn: '2030-02-28',
    });
    expect(shpo.statusCode).toBe(201);
    const order = await addSectionRow(db(), officer, id, 'orders', {
      kind: 'notification_order',
      madeOn: '2025-04-01',
      foreignConvictionDate: '2024-01-10',
      foreignOutcome: 'custody',
      foreignLengthMonths: 36,
    });
    const listed = await api('GET', `/nominals/${id}/orders`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([
      expect.objectContaining({ id: order.id, kind: 'notification_order', foreignLengthMonths: 36 }),
      expect.objectContaining({ kind: 'shpo', endsOn: '2030-02-28', court: 'Bristol Crown Court' }),
    ]);
    const whole = await api('GET', `/nominals/${id}`);
    expect(whole.json().orders).toHaveLength(2);
    expect(whole.json().orders[1]).toMatchObject({ kind: 'shpo', isInForce: true });

    const changed = await api('PUT', `/nominals/${id}/orders/${order.id}`, {
      kind: 'notification_order',
      madeOn: '2025-04-01',
      foreignConvictionDate: '2024-01-10',
      foreignOutcome: 'custody',
      foreignLengthMonths: 36,
      endsOn: '2026-04-01',
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    const timeline = await getTimeline(db(), officer, id);
    expect(timeline.entries.filter((e) => e.section === 'orders').map((e) => e.summary)).toEqual([
      'Order ended: Notification order, made 1 April 2025',
      'Order added: Notification order, made 1 April 2025',
      'Order added: Sexual harm prevention order (SHPO), made 1 March 2025',
    ]);
  });

  it('records the Category 4 terrorism-risk decision, refusing an end before the start', async () => {
    const id = await person();
    const refused = await rejection(
      updateNominalSection(
        db(),
        officer,
        id,
        'terrorism-risk',
        { terrorismRiskAcceptedOn: '2025-06-01', terrorismRiskEndedOn: '2025-01-01' },
        1,
      ),
      ValidationError,
    );
    expect(refused.fieldErrors.terrorismRiskEndedOn).toMatch(/must be the same as or after the start date/);
    const response = await api('PUT', `/nominals/${id}/terrorism-risk`, {
      terrorismRiskAcceptedOn: '2025-06-01',
      version: 1,
    });
    expect(response.statusCode).toBe(200);
    expect((await getNominal(db(), officer, id)).terrorismRisk).toEqual({
      acceptedOn: '2025-06-01',
      endedOn: null,
    });
    const page = await app.inject({ url: `/nominals/${id}`, headers: { cookie: session.cookie } });
    expect(page.body).toContain('Category 4 terrorism risk decision');
    expect(page.body).toContain('1 June 2025');
  });

  it('erases the free text of civil orders with the person', async () => {
    const id = await person('Erasable');
    await addSectionRow(db(), officer, id, 'orders', {
      kind: 'shpo',
      madeOn: '2025-03-01',
      court: 'Taunton Crown Court',
      notes: 'Not to contact Jane Doe',
    });
    await db().transaction((tx) => erasePersonalData(tx, officer, id));
    const rows = await db().db.selectFrom('civil_orders').selectAll().where('nominal_id', '=', id).execute();
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'shpo', made_on: '2025-03-01', court: null, notes: null }),
    ]);
  });
});
