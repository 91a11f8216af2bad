import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import { CATEGORY_3_LEVEL_MESSAGE } from '../../src/domain/levels.ts';
import {
  decideLevel,
  getLevelHistory,
  recomputeAllObligations,
  reportSignificantEvent,
} from '../../src/modules/levels/index.ts';
import { addSectionRow, createNominal, updateNominalSection } from '../../src/modules/nominals/index.ts';
import { deliverEmails, listInbox, smtpMailer } from '../../src/modules/notifications/index.ts';
import {
  areaWorklist,
  category3Candidates,
  considerCategory3,
  myWorklist,
} from '../../src/modules/worklists/index.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { testClock } from '../support/clock.ts';

/** A Category 2 prisoner: wounding with intent, 3 years, conditional release `releaseInDays` from today. */
async function category2Prisoner(
  db: Parameters<typeof createNominal>[0],
  ctx: UseCaseContext,
  surname: string,
  releaseInDays: number,
) {
  const { id } = await createNominal(db, ctx, identity({ forename: 'Pat', surname }));
  await addSectionRow(db, ctx, id, 'convictions', {
    offence: 'Wounding or causing grievous bodily harm with intent',
    convictionDate: '2025-06-01',
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart: '2025-06-01',
    conditionalReleaseDate: addDays(TODAY, releaseInDays),
    licenceExpiryDate: '2028-06-01',
    sentenceExpiryDate: '2028-06-01',
  });
  return id;
}

describeEachDatabase('eligibility, levels and worklists', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let police: UseCaseContext;
  let coordinator: UseCaseContext;
  let administrator: UseCaseContext;

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOR' });
    police = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'NOR' });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'NOR' });
    administrator = await makeActor(db(), { roles: ['mappa_administrator'], areaCode: 'NOR' });
  });

  const listIds = async (list: string) =>
    (await areaWorklist(db(), coordinator, { list })).rows.map((r) => r.nominalId);

  it('puts a Category 2 prisoner released in 4 weeks with no level on the area worklist as overdue, until a level is decided', async () => {
    const id = await category2Prisoner(db(), practitioner, 'Release', 28);
    const history = await getLevelHistory(db(), practitioner, id);
    expect(history.obligations.category).toBe(2);
    expect(history.obligations.level).toBeNull();
    expect(history.obligations.level_decision_due_on! < TODAY).toBe(true);
    expect(await listIds('release-no-level')).toContain(id);
    const row = (await areaWorklist(db(), coordinator, { list: 'release-no-level' })).rows.find(
      (r) => r.nominalId === id,
    )!;
    expect(row.overdue).toBe(true);
    await decideLevel(db(), practitioner, id, {
      level: '1',
      criteria: [],
      rationale: 'Managed well by probation alone; no other agencies needed.',
    });
    expect(await listIds('release-no-level')).not.toContain(id);
    expect((await getLevelHistory(db(), practitioner, id)).obligations.level).toBe(1);
  });

  it('puts a prisoner on ROTL with no level on the worklist, until a level is decided', async () => {
    const id = await category2Prisoner(db(), practitioner, 'Rotl', 400);
    await updateNominalSection(
      db(),
      practitioner,
      id,
      'case-dates',
      { rotlFirstReleaseOn: addDays(TODAY, -3) },
      1,
    );
    expect(await listIds('rotl-no-level')).toContain(id);
    await decideLevel(db(), practitioner, id, {
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'High RoSH; housing and police must co-ordinate before release.',
      screening: { roshHighOrVeryHigh: 'yes', meetingsAddValue: 'yes' },
    });
    expect(await listIds('rotl-no-level')).not.toContain(id);
    const history = await getLevelHistory(db(), practitioner, id);
    expect(history.decisions[0]).toMatchObject({
      level: 2,
      kind: 'initial',
      answers: { roshHighOrVeryHigh: 'yes' },
    });
  });

  it('never sets a level without a practitioner’s decision, and never shows Level 1 by default', async () => {
    const id = await category2Prisoner(db(), practitioner, 'Unset', 300);
    const history = await getLevelHistory(db(), practitioner, id);
    expect(history.obligations.level).toBeNull();
    await rejection(decideLevel(db(), administrator, id, { level: 1, rationale: 'Default' }), ForbiddenError);
    expect(await listIds('no-level')).toContain(id);
  });

  it('refuses Category 3 at Level 1 with a clear message, and nothing is written', async () => {
    const { id } = await createNominal(db(), practitioner, identity({ forename: 'Cat', surname: 'Three' }));
    const error = await rejection(
      decideLevel(db(), practitioner, id, {
        level: 1,
        category3AcceptedOn: '2026-11-01',
        rationale: 'Panel accepted the referral.',
      }),
      ValidationError,
    );
    expect(error.fieldErrors.level).toBe(CATEGORY_3_LEVEL_MESSAGE);
    expect((await getLevelHistory(db(), practitioner, id)).decisions).toEqual([]);
    const accepted = await decideLevel(db(), practitioner, id, {
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      category3AcceptedOn: '2026-11-01',
      rationale: 'Sustained stalking of an ex-partner; needs active multi-agency management.',
    });
    expect(accepted).toMatchObject({ category: 3, level: 2 });
  });

  it('a new address recorded by probation reaches the police offender manager’s inbox at once and makes a review due', async () => {
    const id = await category2Prisoner(db(), practitioner, 'Mover', -100);
    await addSectionRow(db(), practitioner, id, 'managers', {
      role: 'police_offender_manager',
      name: police.actor.displayName,
      agencyId: police.actor.agencyId,
      userEmail: police.actor.email,
      fromDate: '2026-01-01',
    });
    await decideLevel(db(), practitioner, id, {
      level: 1,
      rationale: 'Stable in the community.',
      decidedOn: addMonths(TODAY, -1),
    });
    const before = await getLevelHistory(db(), practitioner, id);
    expect(before.obligations.review_due_on).toBe(addMonths(addMonths(TODAY, -1), 6));
    await addSectionRow(db(), practitioner, id, 'addresses', {
      type: 'home',
      line1: '4 New Road',
      town: 'Norwich',
      postcode: 'NR1 1AA',
      fromDate: TODAY,
    });
    const inbox = await listInbox(db(), police);
    expect(inbox.notifications[0]).toMatchObject({
      subject: expect.stringMatching(/Change of address recorded/),
    });
    expect(inbox.unread).toBeGreaterThan(0);
    const read = await db()
      .db.selectFrom('access_log')
      .select(['record_ids'])
      .where('user_id', '=', police.actor.userId)
      .where('section', '=', 'inbox')
      .execute();
    expect(read.some((r) => r.record_ids.includes(id))).toBe(true);
    const after = await getLevelHistory(db(), practitioner, id);
    expect(after.obligations.unreviewed_event_since).toBe(TODAY);
    expect(after.obligations.review_due_on).toBe(addDays(TODAY, 10));
    expect(await listIds('events-unreviewed')).toContain(id);
    await decideLevel(db(), practitioner, id, {
      level: 1,
      rationale: 'Reviewed after the move: risk unchanged.',
    });
    expect(await listIds('events-unreviewed')).not.toContain(id);
  });

  it('a partner recorded without a start date, and a further conviction, each reach the police offender manager and make a review due', async () => {
    const id = await category2Prisoner(db(), practitioner, 'Newpartner', -100);
    await addSectionRow(db(), practitioner, id, 'managers', {
      role: 'police_offender_manager',
      name: police.actor.displayName,
      agencyId: police.actor.agencyId,
      userEmail: police.actor.email,
      fromDate: '2026-01-01',
    });
    await decideLevel(db(), practitioner, id, {
      level: 1,
      rationale: 'Stable in the community.',
      decidedOn: addMonths(TODAY, -1),
    });
    // The start date is optional; leaving it blank must not silence the event (issue 13).
    await addSectionRow(db(), practitioner, id, 'relationships', {
      type: 'partner',
      personName: 'Kim Doe',
      isChild: false,
      inHousehold: true,
    });
    const inbox = await listInbox(db(), police);
    expect(inbox.notifications[0]).toMatchObject({ subject: expect.stringMatching(/New relationship/) });
    const after = await getLevelHistory(db(), practitioner, id);
    expect(after.obligations.unreviewed_event_since).toBe(TODAY);
    expect(after.obligations.review_due_on).toBe(addDays(TODAY, 10));

    await addSectionRow(db(), practitioner, id, 'convictions', {
      offence: 'Assault occasioning actual bodily harm',
      convictionDate: addDays(TODAY, -2),
      outcome: 'fine',
      isIndexOffence: false,
    });
    expect((await listInbox(db(), police)).notifications[0]).toMatchObject({
      subject: expect.stringMatching(/Further offence/),
    });
  });

  it('emails the notification through a real SMTP server, without case details', async () => {
    const received: { to: string; subject: string; text: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({
              to: mail.to ? (Array.isArray(mail.to) ? mail.to[0]!.text : mail.to.text) : '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      const id = await category2Prisoner(db(), practitioner, 'Emailed', -50);
      await addSectionRow(db(), practitioner, id, 'managers', {
        role: 'police_offender_manager',
        name: police.actor.displayName,
        agencyId: police.actor.agencyId,
        userEmail: police.actor.email,
        fromDate: '2026-01-01',
      });
      await reportSignificantEvent(db(), practitioner, id, {
        type: 'arrest_or_charge',
        occurredOn: TODAY,
        description: 'Arrested for assault on a new partner.',
      });
      const result = await deliverEmails(
        db(),
        smtpMailer(`smtp://127.0.0.1:${port}`),
        'http://vigil.test',
        testClock,
      );
      expect(result.failed).toBe(0);
      // Only that there is an item, and where: not what happened, nor to whom.
      const mail = received.find((m) => m.to === police.actor.email && m.text.includes('/levels'));
      expect(mail?.subject).toBe('You have a new item in Vigil');
      expect(mail?.text).toContain('http://vigil.test/nominals/');
      expect(mail?.text).not.toContain('Emailed');
      expect(mail?.text).not.toMatch(/Arrest|VGL-/);
      expect(mail?.text).not.toContain('new partner');
      expect(
        (await deliverEmails(db(), smtpMailer(`smtp://127.0.0.1:${port}`), 'http://vigil.test', testClock))
          .sent,
      ).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('recomputes everyone’s obligations for a later day, so eligibility that ends with time drops off', async () => {
    const id = await category2Prisoner(db(), practitioner, 'Expiring', -200);
    expect((await getLevelHistory(db(), practitioner, id)).obligations.category).toBe(2);
    const after = await recomputeAllObligations(db(), '2028-06-02', 'NOR');
    expect(after.recomputed).toBeGreaterThan(0);
    const row = await db()
      .db.selectFrom('nominal_obligations')
      .select(['category', 'computed_on'])
      .where('nominal_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ category: null, computed_on: '2028-06-02' });
  });

  it('lists my nominals with what is due, and Category 3 candidates until considered', async () => {
    // A Category 2 prisoner the police officer manages, released in 8 months with no level yet.
    const managed = await category2Prisoner(db(), practitioner, 'Managed', 240);
    await addSectionRow(db(), practitioner, managed, 'managers', {
      role: 'police_offender_manager',
      name: police.actor.displayName,
      agencyId: police.actor.agencyId,
      userEmail: police.actor.email,
      fromDate: '2026-01-01',
    });
    const mine = await myWorklist(db(), police);
    expect(mine.rows.filter((r) => r.nominalId === managed).map((r) => r.kind)).toEqual(['level-decision']);
    expect(mine.rows.length).toBeGreaterThan(0);
    // One row per obligation, each with its own legal basis.
    for (const r of mine.rows) expect(r.legalBasis).toBeTruthy();
    const { id } = await createNominal(
      db(),
      practitioner,
      identity({ forename: 'Dana', surname: 'Candidate' }),
    );
    await addSectionRow(db(), practitioner, id, 'markers', {
      type: 'domestic_abuse',
      startDate: '2025-01-01',
    });
    await addSectionRow(db(), practitioner, id, 'risk-assessments', {
      assessedOn: '2026-10-01',
      assessor: 'OASys',
      roshOverall: 'HIGH',
      roshKnownAdult: 'HIGH',
    });
    expect((await category3Candidates(db(), coordinator)).rows.map((r) => r.nominalId)).toContain(id);
    await rejection(
      considerCategory3(db(), coordinator, id, { outcome: 'refer', reason: 'x' }),
      ValidationError,
    );
    await considerCategory3(db(), coordinator, id, {
      outcome: 'not_needed',
      reason: 'MARAC is managing it well; reconsider if anything changes.',
    });
    expect((await category3Candidates(db(), coordinator)).rows.map((r) => r.nominalId)).not.toContain(id);
  });
});
