import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import {
  addressChecksOf,
  custodyWorklist,
  decideAddressCheck,
  dismissAddressConflict,
  eraseAddressChecksOf,
  getAddressCheck,
  getAddressChecks,
  proposeAddressCheck,
  receiveIntoCustody,
} from '../../src/modules/custody/index.ts';
import {
  addRelationshipAddress,
  addSectionRow,
  createNominal,
  getNominal,
  getRelationshipAddresses,
  getTimeline,
  relatedAddressesOn,
} from '../../src/modules/nominals/index.ts';
import { listInbox } from '../../src/modules/notifications/index.ts';
import { createServiceToken } from '../../src/modules/users/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { testClock, testMoment } from '../support/clock.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { accessLogFor, identity, rejection } from '../support/fixtures.ts';

/**
 * Release and HDC address checks (issue 14): relationships carry an address with history; a
 * proposed address is checked against the record on the day, each conflict with its source; a
 * conflict is set aside only with a reason; the decision "suitable" waits for every conflict; the
 * police offender manager is told; duty-to-co-operate agencies see nothing of it.
 */
describeEachDatabase('custody address checks', (getDb) => {
  const db = () => getDb().database;
  let pom: UseCaseContext;
  let practitioner: UseCaseContext;
  let police: UseCaseContext;
  let dtc: UseCaseContext;

  beforeAll(async () => {
    pom = await makeActor(db(), {
      roles: ['prison_offender_manager'],
      areaCode: 'DER',
      displayName: 'Pat Pom',
    });
    practitioner = await makeActor(db(), {
      roles: ['probation_practitioner'],
      areaCode: 'DER',
      displayName: 'Cath Com',
    });
    police = await makeActor(db(), {
      roles: ['police_offender_manager'],
      areaCode: 'DER',
      agencyType: 'police',
      displayName: 'Polly Police',
    });
    dtc = await makeActor(db(), { roles: ['dtc_representative'], areaCode: 'DER' });
  });

  /** A person in custody with a victim (living at 12 High Street, SW1A 1AA from 3 March 2025) and a police offender manager. */
  const setUp = async (surname: string) => {
    const id = (await createNominal(db(), practitioner, identity({ forename: 'Hal', surname }))).id;
    await receiveIntoCustody(db(), pom, id, {
      establishmentAgencyId: pom.actor.agencyId,
      receivedOn: '2026-01-10',
      recall: false,
      hdcEligibilityDate: addDays(TODAY, 20),
      conditionalReleaseDate: addDays(TODAY, 100),
    });
    await addSectionRow(db(), practitioner, id, 'managers', {
      role: 'police_offender_manager',
      name: 'Polly Police',
      agencyId: police.actor.agencyId,
      userEmail: police.actor.email,
      fromDate: '2026-01-01',
    });
    const victim = await addSectionRow(db(), practitioner, id, 'relationships', {
      type: 'victim',
      personName: 'Jane Smith',
      isChild: false,
      inHousehold: false,
    });
    await addRelationshipAddress(db(), practitioner, id, victim.id, {
      line1: '1 Old Road',
      postcode: 'LS1 4AP',
      fromDate: '2020-01-01',
    });
    await addRelationshipAddress(db(), practitioner, id, victim.id, {
      line1: '12 High Street',
      town: 'London',
      postcode: 'SW1A 1AA',
      fromDate: '2025-03-03',
    });
    return { id, victimId: victim.id };
  };

  it('keeps a relationship’s address history: a new address ends the one before, never overwrites it', async () => {
    const { id, victimId } = await setUp('History');
    const { addresses } = await getRelationshipAddresses(db(), practitioner, id, victimId);
    expect(addresses.map((a) => [a.line1, a.fromDate, a.toDate])).toEqual([
      ['12 High Street', '2025-03-03', null],
      ['1 Old Road', '2020-01-01', '2025-03-02'],
    ]);
    // The address current on a day is the one the check reads.
    expect((await relatedAddressesOn(db().db, id, '2024-06-01'))[0]!.address?.line1).toBe('1 Old Road');
    expect((await relatedAddressesOn(db().db, id, TODAY))[0]!.address?.line1).toBe('12 High Street');
    // A new address must start after the current one.
    const refused = await rejection(
      addRelationshipAddress(db(), practitioner, id, victimId, {
        line1: '3 Side Lane',
        postcode: 'LS2 7EW',
        fromDate: '2025-03-03',
      }),
      ValidationError,
    );
    expect(Object.keys(refused.fieldErrors)).toEqual(['fromDate']);
    const overview = await getNominal(db(), practitioner, id);
    expect(overview.relationships[0]!.livesAt).toBe('12 High Street, London, SW1A 1AA');
    const timeline = await getTimeline(db(), practitioner, id);
    expect(JSON.stringify(timeline)).toContain('Address of Victim Jane Smith ended: 1 Old Road, LS1 4AP');
  });

  it('finds a victim at the proposed postcode with its source, refuses the decision until the conflict is set aside, and tells the police offender manager', async () => {
    const { id } = await setUp('Conflict');
    const logBefore = (await accessLogFor(db(), id)).length;
    const proposed = await proposeAddressCheck(db(), pom, id, {
      purpose: 'hdc',
      line1: '40 Other Street',
      postcode: 'sw1a1aa',
    });
    expect(proposed.conflicts).toBe(1);
    let check = await getAddressCheck(db(), practitioner, id, proposed.id);
    expect(check.conflicts).toEqual([
      expect.objectContaining({
        kind: 'victim_address',
        source:
          'Victim Jane Smith lives in the same postcode (relationship, at this address from 3 March 2025)',
        dismissal: null,
      }),
    ]);
    const conflict = check.conflicts[0]!;
    // The prison offender manager may not see victims: the conflict is shown, its details withheld,
    // and they cannot set it aside.
    const asPom = await getAddressCheck(db(), pom, id, proposed.id);
    expect(asPom.conflicts[0]).toMatchObject({
      withheld: true,
      detail: 'A victim lives at or near this address',
    });
    expect(JSON.stringify(asPom)).not.toContain('Jane Smith');
    await rejection(
      dismissAddressConflict(db(), pom, id, proposed.id, conflict.id, { reason: 'Fine', version: 1 }),
      NotFoundError,
    );

    // The police offender manager is told, in their inbox.
    const inbox = await listInbox(db(), police);
    expect(JSON.stringify(inbox)).toContain(
      'Address check (home detention curfew (hdc)): 1 conflict with the record',
    );

    // Suitable is refused while a conflict is not set aside.
    const refused = await rejection(
      decideAddressCheck(db(), pom, id, proposed.id, { decision: 'suitable', version: check.version }),
      ValidationError,
    );
    expect(refused.fieldErrors.decision).toMatch(/Set aside each conflict/);

    // Setting aside without a reason is refused and writes nothing.
    const before = await accessLogFor(db(), id);
    const noReason = await rejection(
      dismissAddressConflict(db(), practitioner, id, proposed.id, conflict.id, {
        reason: '  ',
        version: conflict.version,
      }),
      ValidationError,
    );
    expect(Object.keys(noReason.fieldErrors)).toEqual(['reason']);
    expect((await getAddressCheck(db(), practitioner, id, proposed.id)).conflicts[0]!.dismissal).toBeNull();
    expect((await accessLogFor(db(), id)).filter((e) => e.operation !== 'consultation')).toEqual(
      before.filter((e) => e.operation !== 'consultation'),
    );

    await dismissAddressConflict(db(), practitioner, id, proposed.id, conflict.id, {
      reason: 'The victim lives at number 12, a separate building at the far end of the street.',
      version: conflict.version,
    });
    // A stale version is a conflict.
    await rejection(
      dismissAddressConflict(db(), practitioner, id, proposed.id, conflict.id, {
        reason: 'Again',
        version: conflict.version,
      }),
      ConflictError,
    );
    check = await getAddressCheck(db(), practitioner, id, proposed.id);
    expect(check.conflicts[0]!.dismissal).toMatchObject({ by: 'Cath Com' });
    expect((await custodyWorklist(db(), pom)).rows).toContainEqual(
      expect.objectContaining({
        nominalId: id,
        kind: 'address_check',
        reason: expect.stringMatching(/^HDC address decision due/),
      }),
    );
    await decideAddressCheck(db(), practitioner, id, proposed.id, {
      decision: 'suitable',
      version: check.version,
    });
    check = await getAddressCheck(db(), practitioner, id, proposed.id);
    expect(check.decision).toMatchObject({ outcome: 'suitable', by: 'Cath Com' });
    expect(
      (await custodyWorklist(db(), pom)).rows.some((r) => r.kind === 'address_check' && r.nominalId === id),
    ).toBe(false);

    // Each step on the timeline and in the access log.
    const timeline = JSON.stringify(await getTimeline(db(), practitioner, id));
    expect(timeline).toContain('Address proposed for home detention curfew (hdc): 40 Other Street, SW1A 1AA');
    expect(timeline).toContain('Address check conflict set aside');
    expect(timeline).toContain('decided suitable');
    const writes = (await accessLogFor(db(), id))
      .slice(logBefore)
      .filter((e) => e.section === 'custody: address checks');
    expect(writes.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['collection', 'alteration', 'consultation']),
    );
    // Plain values for MAPPA F.
    const plain = await db().transaction((tx) => addressChecksOf(tx, id));
    expect(plain[0]).toMatchObject({ purpose: 'hdc', decision: { outcome: 'suitable' } });
  });

  it('finds an address unsuitable with conflicts outstanding, with why; no conflict means none to set aside', async () => {
    const { id } = await setUp('Unsuitable');
    const proposed = await proposeAddressCheck(db(), practitioner, id, {
      purpose: 'release',
      line1: '12, High St.',
      postcode: 'SW1A 1AA',
    });
    const check = await getAddressCheck(db(), practitioner, id, proposed.id);
    expect(check.conflicts[0]!.detail).toBe('Jane Smith, a victim, lives at this address');
    await rejection(
      decideAddressCheck(db(), practitioner, id, proposed.id, {
        decision: 'unsuitable',
        version: check.version,
      }),
      ValidationError,
    );
    await decideAddressCheck(db(), practitioner, id, proposed.id, {
      decision: 'unsuitable',
      reason: 'The victim lives here.',
      version: check.version,
    });
    const clear = await proposeAddressCheck(db(), practitioner, id, {
      purpose: 'release',
      line1: '9 Far Lane',
      postcode: 'LS2 7EW',
    });
    expect(clear.conflicts).toBe(0);
    const { checks } = await getAddressChecks(db(), practitioner, id);
    expect(checks.map((c) => c.decision?.outcome ?? null)).toEqual([null, 'unsuitable']);
  });

  it('finds an address inside an order’s exclusion zone; a zone is only an SHPO’s, written as postcodes', async () => {
    const { id } = await setUp('Zone');
    const wrong = await rejection(
      addSectionRow(db(), practitioner, id, 'orders', {
        kind: 'shpo',
        madeOn: '2025-05-01',
        exclusionZone: 'the town centre',
      }),
      ValidationError,
    );
    expect(Object.keys(wrong.fieldErrors)).toEqual(['exclusionZone']);
    await addSectionRow(db(), practitioner, id, 'orders', {
      kind: 'shpo',
      madeOn: '2025-05-01',
      court: 'Leeds Crown Court',
      exclusionZone: 'LS6, BD1 1',
    });
    const proposed = await proposeAddressCheck(db(), pom, id, {
      purpose: 'release',
      line1: '5 Hyde Park Road',
      postcode: 'LS6 1AA',
    });
    const check = await getAddressCheck(db(), pom, id, proposed.id);
    expect(check.conflicts.map((c) => [c.kind, c.source, c.detail, c.withheld])).toEqual([
      [
        'restriction',
        'Sexual harm prevention order (SHPO), made 1 May 2025 at Leeds Crown Court: exclusion zone LS6, BD1 1',
        'The address is inside LS6',
        false,
      ],
    ]);
  });

  it('finds an address inside a restraining order’s exclusion zone; a notification order has none', async () => {
    const { id } = await setUp('Restrained');
    const none = await rejection(
      addSectionRow(db(), practitioner, id, 'orders', {
        kind: 'notification_order',
        madeOn: '2025-05-01',
        foreignConvictionDate: '2025-01-10',
        foreignOutcome: 'custody',
        foreignLengthMonths: 24,
        exclusionZone: 'LS6',
      }),
      ValidationError,
    );
    expect(none.fieldErrors.exclusionZone).toMatch(
      /only a sexual harm prevention order or a restraining order/,
    );
    await addSectionRow(db(), practitioner, id, 'orders', {
      kind: 'restraining_order',
      madeOn: '2025-07-01',
      court: 'Derby Magistrates’ Court',
      exclusionZone: 'DE22 1',
    });
    const proposed = await proposeAddressCheck(db(), pom, id, {
      purpose: 'hdc',
      line1: '30 Quarry Lane',
      postcode: 'DE22 1AB',
    });
    const check = await getAddressCheck(db(), pom, id, proposed.id);
    expect(check.conflicts.map((c) => [c.kind, c.source])).toEqual([
      [
        'restriction',
        'Restraining order (Protection from Harassment Act 1997), made 1 July 2025 at Derby Magistrates’ Court: exclusion zone DE22 1',
      ],
    ]);
  });

  it('erases the address, the conflicts’ sources and the reasons, keeping the decision and its dates', async () => {
    const { id } = await setUp('Erase');
    const proposed = await proposeAddressCheck(db(), practitioner, id, {
      purpose: 'hdc',
      line1: '12 High Street',
      postcode: 'SW1A 1AA',
    });
    await decideAddressCheck(db(), practitioner, id, proposed.id, {
      decision: 'unsuitable',
      reason: 'Jane Smith lives here.',
      version: 1,
    });
    const part = await db().transaction((tx) => eraseAddressChecksOf(tx, id));
    expect(part.rows).toBe(2);
    const [check] = await db().transaction((tx) => addressChecksOf(tx, id));
    expect(check).toMatchObject({
      address: { line1: 'Erased', postcode: 'Erased' },
      decision: { outcome: 'unsuitable', reason: 'Erased' },
    });
    const conflicts = await db()
      .db.selectFrom('address_check_conflicts')
      .select(['source', 'detail'])
      .where('check_id', '=', proposed.id)
      .execute();
    expect(conflicts).toEqual([{ source: 'Erased', detail: 'Erased' }]);
  });

  it('shows duty-to-co-operate users nothing of custody', async () => {
    const { id } = await setUp('Dtc');
    const proposed = await proposeAddressCheck(db(), pom, id, {
      purpose: 'hdc',
      line1: '12 High Street',
      postcode: 'SW1A 1AA',
    });
    await rejection(getAddressChecks(db(), dtc, id), ForbiddenError);
    await rejection(getAddressCheck(db(), dtc, id, proposed.id), ForbiddenError);
    await rejection(
      proposeAddressCheck(db(), dtc, id, { purpose: 'hdc', line1: '1 A St', postcode: 'LS1 4AP' }),
      ForbiddenError,
    );
  });

  it('serves the same over the API: problem+json on bad input, 409 on a stale version', async () => {
    const { id } = await setUp('Api');
    const app = await buildApp({ clock: testClock, database: db(), config: { trustProxy: false } });
    try {
      const token = await createServiceToken(
        db(),
        testMoment(),
        practitioner.actor.userId,
        'address checks',
        null,
        {
          readOnly: false,
        },
      );
      const headers = { authorization: `Bearer ${token}` };
      const base = `/api/v1/nominals/${id}/address-checks`;
      const bad = await app.inject({ method: 'POST', url: base, headers, payload: { purpose: 'holiday' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      const created = await app.inject({
        method: 'POST',
        url: base,
        headers,
        payload: { purpose: 'hdc', line1: '12 High Street', postcode: 'SW1A 1AA' },
      });
      expect(created.statusCode).toBe(201);
      const { id: checkId } = created.json() as { id: string };
      const got = await app.inject({ url: `${base}/${checkId}`, headers });
      const conflict = (got.json() as { conflicts: { id: string; version: number }[] }).conflicts[0]!;
      const empty = await app.inject({
        method: 'POST',
        url: `${base}/${checkId}/conflicts/${conflict.id}/dismissal`,
        headers,
        payload: { reason: '', version: conflict.version },
      });
      expect(empty.statusCode).toBe(400);
      const stale = await app.inject({
        method: 'POST',
        url: `${base}/${checkId}/conflicts/${conflict.id}/dismissal`,
        headers,
        payload: { reason: 'Checked', version: conflict.version + 3 },
      });
      expect(stale.statusCode).toBe(409);
      const list = await app.inject({ url: base, headers });
      expect(list.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
