import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays } from '../../src/domain/dates.ts';
import { RULES_VERSION } from '../../src/domain/eligibility.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import {
  currentObligations,
  formatRecomputeSummary,
  getLevelHistory,
  markNotificationEventNotified,
  markRuleCorrectionReviewed,
  recomputeAllObligations,
  recordNotificationEvent,
  recordOffenderNotification,
  summariseChanges,
} from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/index.ts';
import { eraseLevelHistoryOf } from '../../src/modules/levels/queries.ts';
import {
  areaWorklist,
  classificationWorklist,
  ruleCorrectionWorklist,
} from '../../src/modules/worklists/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { accessLogFor, identity, rejection } from '../support/fixtures.ts';
import { testClock } from '../support/clock.ts';
import { signInWithPages } from '../support/sign-in.ts';

type Db = Parameters<typeof createNominal>[0];

/** Rape (SOA 2003 s.1): Schedule 3 para 13 with no condition, so notifiable whatever the sentence. */
const RAPE = 'Rape of a female aged 16 or over';

/** A conviction for rape with a custodial sentence of `lengthMonths`; the caller adds dates. */
async function rapist(db: Db, ctx: UseCaseContext, surname: string, conviction: Record<string, unknown>) {
  const { id } = await createNominal(db, ctx, identity({ forename: 'Reg', surname }));
  await addSectionRow(db, ctx, id, 'convictions', {
    offence: RAPE,
    outcome: 'custody',
    isIndexOffence: true,
    ...conviction,
  });
  return id;
}

const readOnly = (ctx: UseCaseContext): UseCaseContext => ({
  ...ctx,
  actor: { ...ctx.actor, tokenScope: { readOnly: true, areaCodes: null } },
});

describeEachDatabase('obligations with their legal basis', (getDb) => {
  const db = () => getDb().database;
  let police: UseCaseContext;
  let coordinator: UseCaseContext;
  let otherAreaCoordinator: UseCaseContext;
  let otherAreaPolice: UseCaseContext;

  beforeAll(async () => {
    police = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'NOR' });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'NOR' });
    otherAreaCoordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'GLO' });
    otherAreaPolice = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'GLO' });
  });

  const stored = (id: string) =>
    db()
      .db.selectFrom('nominal_obligations')
      .selectAll()
      .where('nominal_id', '=', id)
      .executeTakeFirstOrThrow();

  it('keeps the notification deadlines of a Category 4 person who is also a registered sex offender', async () => {
    // Rape, 5 years (30 months or more: indefinite notification, SOA 2003 s.82(1)); then a
    // terrorism offence, 3 years, on licence until 2027 (Category 4 first, MAPPA Guidance ch.6).
    const id = await rapist(db(), police, 'Fourone', {
      convictionDate: '2012-03-01',
      lengthMonths: 60,
      sentenceStart: '2012-03-01',
      conditionalReleaseDate: '2014-09-01',
      actualReleaseDate: '2014-09-01',
      licenceExpiryDate: '2017-03-01',
      sentenceExpiryDate: '2017-03-01',
    });
    await addSectionRow(db(), police, id, 'convictions', {
      offence: 'Preparation of terrorist acts',
      convictionDate: '2024-03-01',
      outcome: 'custody',
      lengthMonths: 36,
      isIndexOffence: false,
      sentenceStart: '2024-03-01',
      conditionalReleaseDate: '2025-09-01',
      actualReleaseDate: '2025-09-01',
      licenceExpiryDate: '2027-03-01',
      sentenceExpiryDate: '2027-03-01',
    });
    await recordOffenderNotification(db(), police, id, { kind: 'periodic', notifiedOn: '2025-12-01' });
    const o = await stored(id);
    expect(o.category).toBe(4);
    expect(o.subject_to_notification).toBe(true);
    expect(o.rules_version).toBe(RULES_VERSION);
    // s.85(1): within one year after the last notification.
    expect(o.notification_due_on).toBe('2026-12-01');
    expect(o.notification_obligations).toContainEqual(
      expect.objectContaining({
        kind: 'periodic',
        dueOn: '2026-12-01',
        section: expect.stringContaining('s.85'),
      }),
    );
    expect(o.notification_basis).toContain('s.85');
    // Due within 30 days: on the area's notification list, though not Category 1.
    const list = await areaWorklist(db(), coordinator, { list: 'notification-due' });
    expect(list.rows.map((r) => r.nominalId)).toContain(id);
  });

  it('never shows a prisoner’s initial notification as overdue while inside; it falls due 3 days after release', async () => {
    const inside = await rapist(db(), police, 'Inside', {
      convictionDate: '2026-06-01',
      lengthMonths: 48,
      sentenceStart: '2026-06-01',
      conditionalReleaseDate: '2028-06-01',
      licenceExpiryDate: '2030-06-01',
      sentenceExpiryDate: '2030-06-01',
    });
    const o = await stored(inside);
    expect(o.category).toBe(1);
    expect(o.subject_to_notification).toBe(true);
    expect(o.in_custody).toBe(true);
    // s.83(6): time in custody is disregarded, so nothing is due yet.
    expect(o.notification_due_on).toBeNull();
    expect(o.notification_obligations).toEqual([
      expect.objectContaining({ kind: 'initial', dueOn: null, section: expect.stringContaining('s.83') }),
    ]);
    const list = await areaWorklist(db(), coordinator, { list: 'notification-due' });
    expect(list.rows.map((r) => r.nominalId)).not.toContain(inside);

    // Released yesterday: 3 days beginning with the day of release (s.83(1), (6)).
    const released = await rapist(db(), police, 'Released', {
      convictionDate: '2026-06-01',
      lengthMonths: 12,
      sentenceStart: '2026-06-01',
      conditionalReleaseDate: addDays(TODAY, -1),
      actualReleaseDate: addDays(TODAY, -1),
      licenceExpiryDate: '2027-06-01',
      sentenceExpiryDate: '2027-06-01',
    });
    const out = await stored(released);
    expect(out.in_custody).toBe(false);
    expect(out.notification_due_on).toBe(addDays(TODAY, 1));
    const history = await getLevelHistory(db(), police, released);
    expect(history.obligations.notification_obligations[0]).toMatchObject({ kind: 'initial' });
  });

  it('recomputes a row left by older rules when the record is read, even on the day it was computed', async () => {
    const id = await rapist(db(), police, 'Readlater', {
      convictionDate: '2020-03-01',
      lengthMonths: 36,
      sentenceStart: '2020-03-01',
      conditionalReleaseDate: '2021-09-01',
      actualReleaseDate: '2021-09-01',
      licenceExpiryDate: '2023-03-01',
      sentenceExpiryDate: '2023-03-01',
    });
    await db()
      .db.updateTable('nominal_obligations')
      .set({ category: 2, eligibility_ends_on: '2023-03-01', rules_version: 1, computed_on: TODAY })
      .where('nominal_id', '=', id)
      .execute();
    const read = await db().transaction((tx) => currentObligations(tx, id, TODAY));
    expect(read).toMatchObject({ category: 1, rules_version: RULES_VERSION });
    const correction = await db()
      .db.selectFrom('rule_corrections')
      .select(['old_category', 'new_category'])
      .where('nominal_id', '=', id)
      .executeTakeFirst();
    expect(correction).toEqual({ old_category: 2, new_category: 1 });
  });

  it('writes a rule correction when an answer from older rules changes, lists it, and marks it reviewed once', async () => {
    const id = await rapist(db(), police, 'Corrected', {
      convictionDate: '2020-03-01',
      lengthMonths: 36,
      sentenceStart: '2020-03-01',
      conditionalReleaseDate: '2021-09-01',
      actualReleaseDate: '2021-09-01',
      licenceExpiryDate: '2023-03-01',
      sentenceExpiryDate: '2023-03-01',
    });
    expect((await stored(id)).category).toBe(1);
    // As an older version of the rules left it: Category 2 ending in 2023.
    await db()
      .db.updateTable('nominal_obligations')
      .set({
        category: 2,
        eligibility_ends_on: '2023-03-01',
        category_reason: 'Old answer',
        rules_version: 1,
      })
      .where('nominal_id', '=', id)
      .execute();
    // And someone whose answer from the older rules is unchanged: no correction.
    const same = await rapist(db(), police, 'Unchanged', {
      convictionDate: '2019-03-01',
      lengthMonths: 36,
      sentenceStart: '2019-03-01',
      conditionalReleaseDate: '2020-09-01',
      actualReleaseDate: '2020-09-01',
      licenceExpiryDate: '2022-03-01',
      sentenceExpiryDate: '2022-03-01',
    });
    await db()
      .db.updateTable('nominal_obligations')
      .set({ rules_version: 1 })
      .where('nominal_id', '=', same)
      .execute();

    const summary = await recomputeAllObligations(db(), TODAY, 'NOR');
    expect(summary.categoryChanges['2 → 1']).toBeGreaterThanOrEqual(1);
    const corrections = await db()
      .db.selectFrom('rule_corrections')
      .selectAll()
      .where('nominal_id', 'in', [id, same])
      .execute();
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      nominal_id: id,
      rules_version: RULES_VERSION,
      old_category: 2,
      new_category: 1,
      old_ends_on: '2023-03-01',
      new_ends_on: null,
      old_reason: 'Old answer',
      detected_on: TODAY,
      reviewed_at: null,
    });
    // Recomputing again writes nothing more: the row is now of the current version.
    await recomputeAllObligations(db(), TODAY, 'NOR');
    expect(
      await db().db.selectFrom('rule_corrections').select('id').where('nominal_id', '=', id).execute(),
    ).toHaveLength(1);

    const listed = (await ruleCorrectionWorklist(db(), coordinator)).rows.find((r) => r.nominalId === id);
    expect(listed).toMatchObject({
      oldCategory: 2,
      newCategory: 1,
      oldEndsOn: '2023-03-01',
      newEndsOn: null,
    });
    expect(
      (await ruleCorrectionWorklist(db(), otherAreaCoordinator)).rows.map((r) => r.nominalId),
    ).not.toContain(id);

    const correctionId = listed!.correctionId;
    await rejection(markRuleCorrectionReviewed(db(), readOnly(coordinator), correctionId), ForbiddenError);
    await rejection(markRuleCorrectionReviewed(db(), otherAreaCoordinator, correctionId), NotFoundError);
    const reviewed = await markRuleCorrectionReviewed(db(), coordinator, correctionId);
    expect(reviewed.id).toBe(correctionId);
    expect((await ruleCorrectionWorklist(db(), coordinator)).rows.map((r) => r.nominalId)).not.toContain(id);
    await rejection(markRuleCorrectionReviewed(db(), coordinator, correctionId), ConflictError);
    const log = await accessLogFor(db(), id);
    expect(log.some((e) => e.section === 'rule correction reviewed')).toBe(true);
  });

  it('summarises a recompute: category changes, end dates, entering and leaving MAPPA, by the new basis', () => {
    const summary = summariseChanges([
      {
        existed: true,
        oldCategory: 2,
        newCategory: 1,
        oldEndsOn: '2028-01-01',
        newEndsOn: null,
        basis: 'SOA 2003 s.82(1)',
      },
      {
        existed: true,
        oldCategory: 4,
        newCategory: 4,
        oldEndsOn: '2030-01-01',
        newEndsOn: '2041-01-01',
        basis: 'CTA 2008 s.53',
      },
      {
        existed: true,
        oldCategory: 1,
        newCategory: 1,
        oldEndsOn: null,
        newEndsOn: '2029-01-01',
        basis: 'SOA 2003 s.82(1)',
      },
      {
        existed: true,
        oldCategory: null,
        newCategory: 2,
        oldEndsOn: null,
        newEndsOn: '2027-01-01',
        basis: 'CJA 2003 s.327(3)',
      },
      {
        existed: true,
        oldCategory: 1,
        newCategory: null,
        oldEndsOn: '2026-01-01',
        newEndsOn: null,
        basis: null,
      },
      {
        existed: true,
        oldCategory: 2,
        newCategory: 2,
        oldEndsOn: '2027-01-01',
        newEndsOn: '2027-01-01',
        basis: 'x',
      },
      { existed: false, oldCategory: null, newCategory: 1, oldEndsOn: null, newEndsOn: null, basis: 'y' },
    ]);
    expect(summary).toEqual({
      recomputed: 7,
      changed: 5,
      categoryChanges: { '2 → 1': 1, 'none → 2': 1, '1 → none': 1 },
      endsEarlier: 1,
      endsLater: 1,
      enteredMappa: 1,
      leftMappa: 1,
      byBasis: { 'SOA 2003 s.82(1)': 2, 'CTA 2008 s.53': 1, 'CJA 2003 s.327(3)': 1, 'not recorded': 1 },
    });
    const text = formatRecomputeSummary(summary);
    expect(text).toContain('Recomputed the obligations of 7 people');
    expect(text).toContain('Category or end date changed: 5');
    expect(text).toContain('2 → 1: 1');
    expect(text).toContain('SOA 2003 s.82(1): 2');
    expect(text).toContain('end date earlier: 1; later: 1');
  });

  it('lists people whose offence needs classifying, with what to record, in their area only', async () => {
    const id = await rapist(db(), police, 'Classify', {
      convictionDate: '2024-03-01',
      lengthMonths: 24,
      sentenceStart: '2024-03-01',
    });
    // An offence not on the reference list is a question for a person, never a silent "not eligible".
    await addSectionRow(db(), police, id, 'convictions', {
      offence: 'Something unusual under a local byelaw',
      convictionDate: '2025-03-01',
      outcome: 'fine',
      isIndexOffence: false,
    });
    // Sexual assault (SOA 2003 s.3, Sch.3 para 17): a community order of 12 months or more on an
    // adult is notifiable only if the victim was under 18 — not recorded here, so the rules ask.
    const assault = await createNominal(db(), police, identity({ forename: 'Sam', surname: 'Threshold' }));
    await addSectionRow(db(), police, assault.id, 'convictions', {
      offence: 'Sexual assault on a female',
      convictionDate: '2025-03-01',
      outcome: 'community_order',
      lengthMonths: 6,
      isIndexOffence: true,
    });
    const rows = (await classificationWorklist(db(), coordinator)).rows;
    expect(rows.find((r) => r.nominalId === id)?.reason).toContain('is not on the offence list: classify it');
    expect(rows.find((r) => r.nominalId === assault.id)?.reason).toContain(
      'Schedule 3 threshold not established',
    );
    // Kept in Category 1 meanwhile: under-protection is the worse failure (docs/legal-rules.md).
    expect((await stored(assault.id)).category).toBe(1);
    expect(
      (await classificationWorklist(db(), otherAreaCoordinator)).rows.map((r) => r.nominalId),
    ).not.toContain(id);
    await rejection(classificationWorklist(db(), police), ForbiddenError);
  });

  it('records notification events, closes them when notified, and refuses what the law and scope refuse', async () => {
    const id = await rapist(db(), police, 'Mover', {
      convictionDate: '2020-03-01',
      lengthMonths: 36,
      sentenceStart: '2020-03-01',
      conditionalReleaseDate: '2021-09-01',
      actualReleaseDate: '2021-09-01',
      licenceExpiryDate: '2023-03-01',
      sentenceExpiryDate: '2023-03-01',
    });
    await recordOffenderNotification(db(), police, id, { kind: 'periodic', notifiedOn: '2026-06-01' });
    const moved = await recordNotificationEvent(db(), police, id, {
      kind: 'home_address_change',
      occurredOn: addDays(TODAY, -1),
      details: '1 New Street',
    });
    // Intended travel is dated by its departure, which may be ahead; a change may not be.
    await recordNotificationEvent(db(), police, id, {
      kind: 'foreign_travel',
      occurredOn: addDays(TODAY, 20),
    });
    await rejection(
      recordNotificationEvent(db(), police, id, { kind: 'name_change', occurredOn: addDays(TODAY, 2) }),
      ValidationError,
    );
    await rejection(
      recordNotificationEvent(db(), police, id, { kind: 'holiday', occurredOn: TODAY }),
      ValidationError,
    );
    await rejection(
      recordNotificationEvent(db(), otherAreaPolice, id, { kind: 'name_change', occurredOn: TODAY }),
      NotFoundError,
    );
    await rejection(
      recordNotificationEvent(db(), readOnly(police), id, { kind: 'name_change', occurredOn: TODAY }),
      ForbiddenError,
    );
    const history = await getLevelHistory(db(), police, id);
    expect(history.notificationEvents.map((e) => e.kind).sort()).toEqual([
      'foreign_travel',
      'home_address_change',
    ]);
    expect(history.notificationEvents.find((e) => e.id === moved.id)).toMatchObject({
      notifiedOn: null,
      details: '1 New Street',
    });
    // s.84(1): 3 days beginning with the change (yesterday, today, tomorrow); s.86: travel
    // notified not less than 7 days before departure.
    expect(moved.nextDueOn).toBe(addDays(TODAY, 1));
    const duties = (await stored(id)).notification_obligations;
    expect(duties).toContainEqual(
      expect.objectContaining({ kind: 'home_address_change', dueOn: addDays(TODAY, 1), eventId: moved.id }),
    );
    expect(duties).toContainEqual(
      expect.objectContaining({ kind: 'foreign_travel', dueOn: addDays(TODAY, 13) }),
    );
    expect(duties).toContainEqual(expect.objectContaining({ kind: 'periodic', dueOn: '2027-06-01' }));

    const notified = await markNotificationEventNotified(db(), police, id, moved.id, { notifiedOn: TODAY });
    expect(notified.id).toBe(moved.id);
    await rejection(
      markNotificationEventNotified(db(), police, id, moved.id, { notifiedOn: TODAY }),
      ConflictError,
    );
    const after = await getLevelHistory(db(), police, id);
    expect(after.notificationEvents.find((e) => e.id === moved.id)?.notifiedOn).toBe(TODAY);
    expect(after.obligations.notification_obligations.some((d) => d.eventId === moved.id)).toBe(false);

    // Erasure keeps the event's kind and dates, not what the police learnt.
    await db().transaction((tx) => eraseLevelHistoryOf(tx, id));
    const erased = await db()
      .db.selectFrom('notification_events')
      .select(['details', 'occurred_on'])
      .where('id', '=', moved.id)
      .executeTakeFirstOrThrow();
    expect(erased).toEqual({ details: 'Erased', occurred_on: addDays(TODAY, -1) });
  });

  it('serves the MAPPA page with the legal basis and duties, the event forms and the new worklists', async () => {
    process.env.VIGIL_LOG = 'silent';
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const id = await rapist(db(), police, 'Pagesfor', {
        convictionDate: '2020-03-01',
        lengthMonths: 36,
        sentenceStart: '2020-03-01',
        conditionalReleaseDate: '2021-09-01',
        actualReleaseDate: '2021-09-01',
        licenceExpiryDate: '2023-03-01',
        sentenceExpiryDate: '2023-03-01',
      });
      const signedIn = await signInWithPages(app, {
        email: coordinator.actor.email,
        password: TEST_PASSWORD,
      });
      const headers = { cookie: signedIn.cookie };
      const levels = await app.inject({ url: `/nominals/${id}/levels`, headers });
      expect(levels.statusCode).toBe(200);
      expect(levels.body).toContain('Category 1 with no fixed end date');
      expect(levels.body).toContain('Notification duties');
      expect(levels.body).toContain('Initial notification');
      expect(levels.body).toContain('SOA 2003 s.83');

      const form = await app.inject({ url: `/nominals/${id}/notification-events/new`, headers });
      expect(form.statusCode).toBe(200);
      const refused = await app.inject({
        method: 'POST',
        url: `/nominals/${id}/notification-events`,
        headers,
        payload: {
          _csrf: signedIn.csrfToken,
          'occurredOn-day': '1',
          'occurredOn-month': '1',
          'occurredOn-year': '2026',
        },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Select what happened');
      const saved = await app.inject({
        method: 'POST',
        url: `/nominals/${id}/notification-events`,
        headers,
        payload: {
          _csrf: signedIn.csrfToken,
          kind: 'other_address_stay',
          'occurredOn-day': '20',
          'occurredOn-month': '11',
          'occurredOn-year': '2026',
        },
      });
      expect(saved.statusCode).toBe(303);
      const [event] = (await getLevelHistory(db(), police, id)).notificationEvents;
      const notifiedForm = await app.inject({
        url: `/nominals/${id}/notification-events/${event!.id}/notified/new`,
        headers,
      });
      expect(notifiedForm.statusCode).toBe(200);
      expect(notifiedForm.body).toContain('20 November 2026');
      const notified = await app.inject({
        method: 'POST',
        url: `/nominals/${id}/notification-events/${event!.id}/notified`,
        headers,
        payload: {
          _csrf: signedIn.csrfToken,
          'notifiedOn-day': '22',
          'notifiedOn-month': '11',
          'notifiedOn-year': '2026',
        },
      });
      expect(notified.statusCode).toBe(303);
      const page = await app.inject({ url: `/nominals/${id}/levels`, headers });
      expect(page.body).toContain('22 November 2026');

      const classification = await app.inject({ url: '/worklists/classification', headers });
      expect(classification.statusCode).toBe(200);
      expect(classification.body).toContain('Offence needs classifying');
      const corrections = await app.inject({ url: '/worklists/rule-corrections', headers });
      expect(corrections.statusCode).toBe(200);
      expect(corrections.body).toContain('Category or end date changed by a rule correction');
    } finally {
      await app.close();
    }
  });
});
