import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { addDays, addMonths } from '../../src/domain/dates.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import { decideLevel, getLevelHistory } from '../../src/modules/levels/use-cases.ts';
import { addSectionRow, createNominal } from '../../src/modules/nominals/use-cases.ts';
import { listInbox } from '../../src/modules/notifications/use-cases.ts';
import { referralDocument } from '../../src/modules/referrals/document.ts';
import {
  decideReferral,
  getReferral,
  listNominalReferrals,
  listReferrals,
  referralForDocument,
  saveReferralDraft,
  startReferral,
  submitReferral,
  withdrawReferral,
} from '../../src/modules/referrals/use-cases.ts';
import { createServiceToken } from '../../src/modules/users/use-cases.ts';
import { buildApp } from '../../src/web/app.ts';
import { renderPdf } from '../../src/web/documents/document.ts';
import { TEST_PASSWORD, TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { identity, rejection } from '../support/fixtures.ts';
import { readPdf } from '../support/pdf.ts';
import { signInWithPages } from '../support/sign-in.ts';
import { testClock, testMoment } from '../support/clock.ts';

process.env.VIGIL_LOG = 'silent';

const OFFENCE = 'Wounding or causing grievous bodily harm with intent';

/**
 * A Category 2 man at Level 1 in the community: released on licence, a home address, high RoSH, a
 * domestic abuse marker and a community offender manager. Everything MAPPA A needs from a record.
 */
async function level1Case(db: Database, ctx: UseCaseContext, surname: string) {
  const { id } = await createNominal(db, ctx, identity({ forename: 'Liam', surname }));
  const sentenceStart = addMonths(TODAY, -20);
  await addSectionRow(db, ctx, id, 'convictions', {
    offence: OFFENCE,
    offenceDate: addMonths(sentenceStart, -4),
    convictionDate: sentenceStart,
    court: 'Norwich Crown Court',
    outcome: 'custody',
    lengthMonths: 36,
    isIndexOffence: true,
    sentenceStart,
    conditionalReleaseDate: addMonths(sentenceStart, 18),
    actualReleaseDate: addMonths(sentenceStart, 18),
    licenceExpiryDate: addMonths(sentenceStart, 36),
    sentenceExpiryDate: addMonths(sentenceStart, 36),
  });
  await addSectionRow(db, ctx, id, 'addresses', {
    type: 'home',
    line1: '12 Elm Road',
    town: 'Norwich',
    postcode: 'NR1 1AA',
    fromDate: addMonths(TODAY, -2),
  });
  await addSectionRow(db, ctx, id, 'risk-assessments', {
    assessedOn: addDays(TODAY, -10),
    assessor: 'A Practitioner',
    roshOverall: 'HIGH',
    roshKnownAdult: 'HIGH',
  });
  await addSectionRow(db, ctx, id, 'markers', {
    type: 'domestic_abuse',
    startDate: addMonths(TODAY, -3),
    notes: 'Repeated incidents with a new partner',
  });
  await addSectionRow(db, ctx, id, 'managers', {
    role: 'community_offender_manager',
    name: ctx.actor.displayName,
    agencyId: ctx.actor.agencyId,
    userEmail: ctx.actor.email,
    fromDate: addMonths(TODAY, -2),
  });
  await decideLevel(db, ctx, id, { level: 1, rationale: 'Managed by probation alone for now.' });
  return id;
}

const COMPLETE = {
  requestedLevel: 2,
  emergency: false,
  category3: false,
  reason: 'New partner with two children; police attended three incidents this month.',
  valueAdded: 'Children’s social care and police need to share information and plan together.',
};

describeEachDatabase('referrals (MAPPA A) and screening', (getDb) => {
  const db = () => getDb().database;
  let practitioner: UseCaseContext;
  let colleague: UseCaseContext;
  let coordinator: UseCaseContext;
  let outOfArea: UseCaseContext;

  beforeAll(async () => {
    practitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOR' });
    colleague = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'NOR' });
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'NOR' });
    outOfArea = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'GLO' });
  });

  /** A draft filled in and submitted by the practitioner. */
  async function submitted(nominalId: string, fields: Record<string, unknown> = COMPLETE, by = practitioner) {
    const draft = await startReferral(db(), by, nominalId);
    const saved = await saveReferralDraft(db(), by, draft.id, { ...fields, version: draft.version });
    await submitReferral(db(), by, draft.id, { version: saved.version });
    return draft.id;
  }

  it('pre-fills a draft from the record: offence, address, RoSH, markers and managers, without typing', async () => {
    const id = await level1Case(db(), practitioner, 'Prefill');
    // The current plan is the highest version (written by the risk management plan module).
    for (const version of [1, 2])
      await db()
        .db.insertInto('risk_management_plans')
        .values({
          changed_at: testClock.now(),
          nominal_id: id,
          version,
          supervision: version === 1 ? 'Fortnightly appointments' : 'Weekly appointments and home visits',
          monitoring_and_control: 'Police home visits',
          interventions_and_treatment: 'Building Better Relationships',
          victim_safety_planning: 'Victim liaison officer in contact',
          contingency: 'Recall if contact with the victim',
          conditions: JSON.stringify(['Not to contact the victim', 'Reside as directed']),
          reason: version === 1 ? 'First plan' : 'New partner',
          changed_by: practitioner.actor.userId,
        })
        .execute();
    const draft = await startReferral(db(), practitioner, id);
    const referral = await getReferral(db(), practitioner, draft.id);
    expect(referral.status).toBe('draft');
    expect(referral.recordFrom).toBe('live');
    expect(referral.record.name).toBe('Liam Prefill');
    expect(referral.record.indexOffence?.offence).toBe(OFFENCE);
    expect(referral.record.indexOffence?.rows).toContainEqual({
      label: 'Court',
      value: 'Norwich Crown Court',
    });
    expect(referral.record.relevantDates.map((d) => d.label)).toContain('Licence expiry date');
    expect(referral.record.addresses.current).toContain('12 Elm Road, Norwich, NR1 1AA');
    expect(referral.record.riskAssessment?.roshOverall).toBe('HIGH');
    expect(referral.record.markers.map((m) => m.label)).toEqual(['Domestic abuse']);
    expect(referral.record.managers).toContainEqual(
      expect.objectContaining({ name: practitioner.actor.displayName, role: 'Community offender manager' }),
    );
    expect(referral.record.mappa).toMatchObject({ category: 2, level: 1 });
    expect(referral.record.riskManagementPlan).toMatchObject({
      version: 2,
      conditions: ['Not to contact the victim', 'Reside as directed'],
    });
    expect(referral.record.riskManagementPlan?.rows[0]).toEqual({
      label: 'Supervision',
      value: 'Weekly appointments and home visits',
    });
    // A draft is the referrer's own: a colleague cannot see it.
    await rejection(getReferral(db(), colleague, draft.id), NotFoundError);
    expect((await listNominalReferrals(db(), colleague, id)).map((r) => r.id)).not.toContain(draft.id);
  });

  it('refuses an autosave from a stale version (409) and writes nothing', async () => {
    const id = await level1Case(db(), practitioner, 'Stale');
    const draft = await startReferral(db(), practitioner, id);
    const first = await saveReferralDraft(db(), practitioner, draft.id, { reason: 'First tab', version: 1 });
    expect(first.version).toBe(2);
    const error = await rejection(
      saveReferralDraft(db(), practitioner, draft.id, { reason: 'Second tab', version: 1 }),
      ConflictError,
    );
    expect(error.changes[0]?.by).toBe(practitioner.actor.displayName);
    const row = await db()
      .db.selectFrom('referrals')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ reason: 'First tab', version: 2 });
    // Only the referrer edits their draft.
    await rejection(
      saveReferralDraft(db(), colleague, draft.id, { reason: 'Mine now', version: 2 }),
      NotFoundError,
    );
  });

  it('refuses to submit without a reason, and writes nothing', async () => {
    const id = await level1Case(db(), practitioner, 'Reasonless');
    const draft = await startReferral(db(), practitioner, id);
    const saved = await saveReferralDraft(db(), practitioner, draft.id, {
      ...COMPLETE,
      reason: '',
      version: draft.version,
    });
    const inboxBefore = (await listInbox(db(), coordinator)).notifications.length;
    const error = await rejection(
      submitReferral(db(), practitioner, draft.id, { version: saved.version }),
      ValidationError,
    );
    expect(error.fieldErrors).toEqual({ reason: 'Enter the reason for the referral' });
    const row = await db()
      .db.selectFrom('referrals')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'draft',
      record_snapshot: null,
      submitted_at: null,
      version: saved.version,
    });
    expect((await listInbox(db(), coordinator)).notifications.length).toBe(inboxBefore);
  });

  it('the coordinator accepts with a reason: Level 2 is recorded and the referrer’s inbox has the decision', async () => {
    const id = await level1Case(db(), practitioner, 'Accepted');
    const referralId = await submitted(id);
    // The coordinators were told, and the referral waits on their queue.
    const told = (await listInbox(db(), coordinator)).notifications.find(
      (n) => n.link === `/referrals/${referralId}`,
    );
    expect(told?.subject).toContain('awaits screening');
    expect((await listReferrals(db(), coordinator)).awaitingScreening.map((r) => r.id)).toContain(referralId);
    // What the screeners see is the record as it stood at submission.
    expect((await getReferral(db(), coordinator, referralId)).recordFrom).toBe('submission');

    const decided = await decideReferral(db(), coordinator, referralId, {
      outcome: 'accepted',
      level: 2,
      criteria: ['rosh_high_or_very_high', 'multi_agency_meetings_add_value'],
      rationale: 'High RoSH to a known adult and children in the new household: needs active management.',
    });
    expect(decided).toMatchObject({ outcome: 'accepted', level: 2, route: 'coordinator' });
    const history = await getLevelHistory(db(), practitioner, id);
    expect(history.obligations.level).toBe(2);
    expect(history.decisions[0]).toMatchObject({ id: decided.levelDecisionId, level: 2, kind: 'escalation' });
    const inbox = await listInbox(db(), practitioner);
    const decision = inbox.notifications.find((n) => n.link === `/referrals/${referralId}`);
    expect(decision?.subject).toContain('accepted at Level 2');
    expect(decision?.body).toContain('High RoSH to a known adult');
    const referral = await getReferral(db(), practitioner, referralId);
    expect(referral.status).toBe('accepted');
    expect(referral.decision).toMatchObject({
      outcome: 'accepted',
      level: 2,
      decidedBy: coordinator.actor.displayName,
    });
    expect((await listReferrals(db(), coordinator)).awaitingScreening.map((r) => r.id)).not.toContain(
      referralId,
    );
    // Decided once only.
    const again = await rejection(
      decideReferral(db(), coordinator, referralId, { outcome: 'rejected', rationale: 'Second thoughts' }),
      ValidationError,
    );
    expect(again.fieldErrors.outcome).toBe('This referral has already been decided');
  });

  it('keeps a rejected referral with its reasons, and changes no level', async () => {
    const id = await level1Case(db(), practitioner, 'Rejected');
    const referralId = await submitted(id);
    await decideReferral(db(), coordinator, referralId, {
      outcome: 'rejected',
      rationale: 'Level 1 with a police domestic abuse check meets the need; re-refer if incidents continue.',
    });
    const referral = await getReferral(db(), practitioner, referralId);
    expect(referral.status).toBe('rejected');
    expect(referral.decision).toMatchObject({ outcome: 'rejected', level: null, levelDecisionId: null });
    expect(referral.decision?.rationale).toContain('re-refer if incidents continue');
    expect((await getLevelHistory(db(), practitioner, id)).obligations.level).toBe(1);
    expect(
      (await listInbox(db(), practitioner)).notifications.some((n) => n.subject.includes('was rejected')),
    ).toBe(true);
  });

  it('needs a rationale and the level criteria to accept; nothing half-written on refusal', async () => {
    const id = await level1Case(db(), practitioner, 'Criteria');
    const referralId = await submitted(id);
    const error = await rejection(
      decideReferral(db(), coordinator, referralId, {
        outcome: 'accepted',
        level: 3,
        criteria: ['rosh_high_or_very_high'],
      }),
      ValidationError,
    );
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['criteria', 'rationale']);
    expect((await getReferral(db(), coordinator, referralId)).status).toBe('submitted');
    expect((await getLevelHistory(db(), practitioner, id)).decisions).toHaveLength(1);
  });

  it('sets Category 3 when a Category 3 referral is accepted', async () => {
    const { id } = await createNominal(db(), practitioner, identity({ forename: 'Sam', surname: 'Stalker' }));
    await addSectionRow(db(), practitioner, id, 'risk-assessments', {
      assessedOn: addDays(TODAY, -5),
      assessor: 'A Practitioner',
      roshOverall: 'VERY_HIGH',
    });
    await addSectionRow(db(), practitioner, id, 'markers', {
      type: 'stalking',
      startDate: addMonths(TODAY, -6),
    });
    const draft = await startReferral(db(), practitioner, id);
    const saved = await saveReferralDraft(db(), practitioner, draft.id, { ...COMPLETE, version: 1 });
    // Not otherwise eligible: only a Category 3 referral is possible.
    const refused = await rejection(
      submitReferral(db(), practitioner, draft.id, { version: saved.version }),
      ValidationError,
    );
    expect(refused.fieldErrors.category3).toContain('refer them as a Category 3 case');
    const fixed = await saveReferralDraft(db(), practitioner, draft.id, {
      category3: 'yes',
      version: saved.version,
    });
    await submitReferral(db(), practitioner, draft.id, { version: fixed.version });
    expect((await getLevelHistory(db(), practitioner, id)).obligations.category).toBeNull();
    await decideReferral(db(), coordinator, draft.id, {
      outcome: 'accepted',
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'Sustained stalking of an ex-partner; very high RoSH.',
    });
    const history = await getLevelHistory(db(), practitioner, id);
    expect(history.obligations).toMatchObject({ category: 3, level: 2 });
  });

  it('a practitioner cannot screen; a coordinator of another area finds no such referral', async () => {
    const id = await level1Case(db(), practitioner, 'Scope');
    const referralId = await submitted(id);
    await rejection(
      decideReferral(db(), practitioner, referralId, {
        outcome: 'rejected',
        rationale: 'I would rather not',
      }),
      ForbiddenError,
    );
    await rejection(getReferral(db(), outOfArea, referralId), NotFoundError);
    await rejection(
      decideReferral(db(), outOfArea, referralId, { outcome: 'rejected', rationale: 'Not ours' }),
      NotFoundError,
    );
    expect((await listReferrals(db(), outOfArea)).awaitingScreening).toEqual([]);
    await rejection(getReferral(db(), coordinator, 'not-a-uuid'), NotFoundError);
  });

  it('withdraws a draft, which is kept and can no longer be changed', async () => {
    const id = await level1Case(db(), practitioner, 'Withdrawn');
    const draft = await startReferral(db(), practitioner, id);
    const withdrawn = await withdrawReferral(db(), practitioner, draft.id, { version: 1 });
    expect(withdrawn.status).toBe('withdrawn');
    const error = await rejection(
      saveReferralDraft(db(), practitioner, draft.id, { reason: 'Too late', version: withdrawn.version }),
      ValidationError,
    );
    expect(error.fieldErrors.referral).toContain('withdrawn');
  });

  it('renders the MAPPA A document as a PDF: the name, the reason, OFFICIAL-SENSITIVE on every page; download logged as a disclosure', async () => {
    const id = await level1Case(db(), practitioner, 'Document');
    const referralId = await submitted(id, {
      ...COMPLETE,
      reason: `${COMPLETE.reason}\n\n${'Further detail of incidents and agency contacts. '.repeat(80)}`,
    });
    const referral = await referralForDocument(db(), coordinator, referralId, 'pdf');
    const { pages, title } = await readPdf(await renderPdf(referralDocument(referral)));
    expect(title).toBe('MAPPA A: Referral to Level 2 or 3 management');
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join(' ');
    expect(all).toContain('Liam Document');
    expect(all).toContain('police attended three incidents this month');
    expect(all).toContain(OFFENCE);
    for (const page of pages) expect(page).toContain('OFFICIAL-SENSITIVE');
    const logged = await db()
      .db.selectFrom('access_log')
      .select(['operation', 'section'])
      .where('user_id', '=', coordinator.actor.userId)
      .where('operation', '=', 'disclosure')
      .execute();
    expect(logged.map((l) => l.section)).toContain('MAPPA A referral (PDF)');
  });

  describe('screening routes', () => {
    let areaPractitioner: UseCaseContext;
    let areaCoordinator: UseCaseContext;
    let detective: UseCaseContext;
    let probationChair: UseCaseContext;

    beforeAll(async () => {
      areaPractitioner = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'SUF' });
      areaCoordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'SUF' });
      detective = await makeActor(db(), { roles: ['meeting_chair'], areaCode: 'SUF', agencyType: 'police' });
      probationChair = await makeActor(db(), {
        roles: ['meeting_chair'],
        areaCode: 'SUF',
        agencyType: 'probation',
      });
    });

    const setRoute = (route: 'coordinator' | 'panel' | 'joint') =>
      db().transaction((tx) =>
        tx
          .insertInto('area_settings')
          .values({
            area_code: 'SUF',
            level2_review_weeks: 16,
            level3_review_weeks: 8,
            significant_event_review_days: 10,
            countersignature_required: false,
            screening_route: route,
          })
          .onConflict((oc) => oc.column('area_code').doUpdateSet({ screening_route: route }))
          .execute(),
      );

    const ACCEPT = {
      outcome: 'accepted',
      level: 2,
      criteria: ['rosh_high_or_very_high'],
      rationale: 'High RoSH; agencies must co-ordinate.',
    };

    it('the joint route requires the police detective inspector, who is told', async () => {
      await setRoute('joint');
      const id = await level1Case(db(), areaPractitioner, 'Joint');
      const referralId = await submitted(id, COMPLETE, areaPractitioner);
      const missing = await rejection(
        decideReferral(db(), areaCoordinator, referralId, ACCEPT),
        ValidationError,
      );
      expect(missing.fieldErrors.agreedBy).toBe(
        'Select the police detective inspector who agreed the decision',
      );
      const notPolice = await rejection(
        decideReferral(db(), areaCoordinator, referralId, {
          ...ACCEPT,
          agreedBy: probationChair.actor.userId,
        }),
        ValidationError,
      );
      expect(notPolice.fieldErrors.agreedBy).toContain('police detective inspector who screens');
      expect((await getReferral(db(), areaCoordinator, referralId)).status).toBe('submitted');
      const decided = await decideReferral(db(), areaCoordinator, referralId, {
        ...ACCEPT,
        agreedBy: detective.actor.userId,
      });
      expect(decided.route).toBe('joint');
      const referral = await getReferral(db(), areaPractitioner, referralId);
      expect(referral.decision?.agreedBy).toBe(detective.actor.displayName);
      expect(
        (await listInbox(db(), detective)).notifications.some((n) => n.link === `/referrals/${referralId}`),
      ).toBe(true);
    });

    it('an emergency referral is decided by the coordinator at once, whatever the route', async () => {
      await setRoute('joint');
      const id = await level1Case(db(), areaPractitioner, 'Emergency');
      const referralId = await submitted(id, { ...COMPLETE, emergency: true }, areaPractitioner);
      // Emergencies come first on the queue.
      const other = await submitted(
        await level1Case(db(), areaPractitioner, 'Routine'),
        COMPLETE,
        areaPractitioner,
      );
      const queue = (await listReferrals(db(), areaCoordinator)).awaitingScreening.map((r) => r.id);
      expect(queue.indexOf(referralId)).toBeLessThan(queue.indexOf(other));
      const notCoordinator = await rejection(
        decideReferral(db(), detective, referralId, ACCEPT),
        ValidationError,
      );
      expect(notCoordinator.fieldErrors.outcome).toBe(
        'Only the MAPPA coordinator can decide an emergency referral',
      );
      const decided = await decideReferral(db(), areaCoordinator, referralId, ACCEPT);
      expect(decided.route).toBe('emergency');
    });

    it('a panel decision records who sat on the panel', async () => {
      await setRoute('panel');
      const id = await level1Case(db(), areaPractitioner, 'Panel');
      const referralId = await submitted(id, COMPLETE, areaPractitioner);
      const missing = await rejection(
        decideReferral(db(), probationChair, referralId, ACCEPT),
        ValidationError,
      );
      expect(missing.fieldErrors.panelMembers).toBe('Enter who sat on the screening panel');
      await decideReferral(db(), probationChair, referralId, {
        ...ACCEPT,
        panelMembers: 'A Coordinator (MAPPA unit), D Inspector (police), H Officer (housing)',
      });
      expect((await getReferral(db(), areaPractitioner, referralId)).decision).toMatchObject({
        route: 'panel',
        panelMembers: 'A Coordinator (MAPPA unit), D Inspector (police), H Officer (housing)',
      });
    });
  });

  describe('over HTTP', () => {
    let app: FastifyInstance;
    let practitionerToken: string;
    let outOfAreaToken: string;

    beforeAll(async () => {
      app = await buildApp({
        clock: testClock,
        database: db(),
        config: { trustProxy: false },
        sleep: async () => undefined,
      });
      await app.ready();
      practitionerToken = await createServiceToken(
        db(),
        testMoment(),
        practitioner.actor.userId,
        'referrals',
        null,
        {
          readOnly: false,
        },
      );
      outOfAreaToken = await createServiceToken(
        db(),
        testMoment(),
        outOfArea.actor.userId,
        'referrals',
        null,
        {
          readOnly: false,
        },
      );
    });
    afterAll(async () => {
      await app?.close();
    });

    const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
      });

    it('drafts, saves (409 when stale), submits and reads a referral through the API; other areas get 404', async () => {
      const id = await level1Case(db(), practitioner, 'Api');
      const started = await call(practitionerToken, 'POST', `/nominals/${id}/referrals`, {});
      expect(started.statusCode).toBe(201);
      const referralId = started.json().id as string;
      const saved = await call(practitionerToken, 'PATCH', `/referrals/${referralId}`, {
        ...COMPLETE,
        version: 1,
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().version).toBe(2);
      const stale = await call(practitionerToken, 'PATCH', `/referrals/${referralId}`, {
        reason: 'x',
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.headers['content-type']).toContain('application/problem+json');
      const junk = await call(practitionerToken, 'PATCH', `/referrals/${referralId}`, {
        requestedLevel: 7,
        version: 2,
      });
      expect(junk.statusCode).toBe(400);
      const sent = await call(practitionerToken, 'POST', `/referrals/${referralId}/submit`, { version: 2 });
      expect(sent.statusCode).toBe(200);
      const read = await call(practitionerToken, 'GET', `/referrals/${referralId}`);
      expect(read.json()).toMatchObject({
        status: 'submitted',
        recordFrom: 'submission',
        reason: COMPLETE.reason,
      });
      expect(read.json().record.riskAssessment.roshOverall).toBe('HIGH');
      const screen = await call(practitionerToken, 'POST', `/referrals/${referralId}/decision`, {
        outcome: 'rejected',
        rationale: 'No',
      });
      expect(screen.statusCode).toBe(403);
      expect((await call(outOfAreaToken, 'GET', `/referrals/${referralId}`)).statusCode).toBe(404);
      expect((await call(outOfAreaToken, 'GET', `/nominals/${id}/referrals`)).statusCode).toBe(404);
    });

    it('answers malformed bodies on a real draft and a real submitted referral without a 500, writing nothing', async () => {
      const coordinatorToken = await createServiceToken(
        db(),
        testMoment(),
        coordinator.actor.userId,
        'fuzz',
        null,
        {
          readOnly: false,
        },
      );
      const id = await level1Case(db(), practitioner, 'Fuzz');
      const draftId = (await startReferral(db(), practitioner, id)).id;
      const submittedId = await submitted(id);
      const junk = fc.oneof(
        fc.anything(),
        fc.dictionary(
          fc.constantFrom(
            'version',
            'requestedLevel',
            'emergency',
            'category3',
            'reason',
            'valueAdded',
            'invitedAgencyIds',
            'proposedReleaseAddress',
            'outcome',
            'level',
            'criteria',
            'rationale',
            'panelMembers',
            'agreedBy',
          ),
          fc.oneof(fc.anything(), fc.string({ maxLength: 50 }), fc.constant('x'.repeat(5000)), fc.integer()),
        ),
      );
      const snapshot = async () =>
        JSON.stringify({
          referrals: await db()
            .db.selectFrom('referrals')
            .select(['id', 'status', 'version', 'reason'])
            .where('nominal_id', '=', id)
            .orderBy('id')
            .execute(),
          decisions: await db()
            .db.selectFrom('referral_decisions')
            .select('id')
            .where('referral_id', 'in', [draftId, submittedId])
            .execute(),
        });
      const routes = [
        { token: practitionerToken, method: 'PATCH' as const, url: `/referrals/${draftId}` },
        { token: practitionerToken, method: 'POST' as const, url: `/referrals/${draftId}/submit` },
        { token: practitionerToken, method: 'POST' as const, url: `/referrals/${draftId}/withdraw` },
        { token: coordinatorToken, method: 'POST' as const, url: `/referrals/${submittedId}/decision` },
      ];
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(junk, async (payload) => {
            const before = await snapshot();
            const response = await app.inject({
              method: route.method,
              url: `/api/v1${route.url}`,
              headers: { authorization: `Bearer ${route.token}`, 'content-type': 'application/json' },
              payload: JSON.stringify(payload) ?? 'null',
            });
            expect(
              response.statusCode,
              `${route.method} ${route.url} ${JSON.stringify(payload)}`,
            ).toBeLessThan(500);
            if (response.statusCode >= 400) expect(await snapshot()).toBe(before);
          }),
          { numRuns: 30, seed: 20261123 },
        );
      }
    });

    it('autosaves the draft page as JSON, and downloads the PDF as an attachment', async () => {
      const id = await level1Case(db(), practitioner, 'Pages');
      const session = await signInWithPages(app, {
        email: practitioner.actor.email,
        password: TEST_PASSWORD,
        remoteAddress: '10.77.0.1',
      });
      const started = await app.inject({
        method: 'POST',
        url: `/nominals/${id}/referrals`,
        headers: { cookie: session.cookie },
        payload: { _csrf: session.csrfToken },
      });
      expect(started.statusCode).toBe(303);
      const referralId = /\/referrals\/([0-9a-f-]+)\/edit$/.exec(started.headers.location as string)![1]!;
      const autosave = await app.inject({
        method: 'POST',
        url: `/referrals/${referralId}`,
        headers: { cookie: session.cookie, accept: 'application/json' },
        payload: { _csrf: session.csrfToken, intent: 'autosave', version: '1', reason: 'Typed so far' },
      });
      expect(autosave.statusCode).toBe(200);
      expect(autosave.json()).toMatchObject({ version: 2, savedAt: expect.stringMatching(/^\d\d:\d\d$/) });
      const stale = await app.inject({
        method: 'POST',
        url: `/referrals/${referralId}`,
        headers: { cookie: session.cookie, accept: 'application/json' },
        payload: { _csrf: session.csrfToken, intent: 'autosave', version: '1', reason: 'Other tab' },
      });
      expect(stale.statusCode).toBe(409);
      const pdf = await app.inject({
        method: 'GET',
        url: `/referrals/${referralId}/document.pdf`,
        headers: { cookie: session.cookie },
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="mappa-a-/);
      const { pages } = await readPdf(pdf.rawPayload);
      expect(pages.join(' ')).toContain('Typed so far');
    });
  });
});
