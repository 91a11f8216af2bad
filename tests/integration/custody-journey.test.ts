import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { PRE_RELEASE_ITEM } from '../../src/domain/custody.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.ts';
import {
  custodyWorklist,
  decideAddressCheck,
  dismissAddressConflict,
  getAddressCheck,
  getCustody,
  proposeAddressCheck,
  receiveIntoCustody,
  recordCustodyStep,
  recordRotlApplication,
  recordRotlStep,
} from '../../src/modules/custody/index.ts';
import {
  addRelationshipAddress,
  addSectionRow,
  createNominal,
  getTimeline,
} from '../../src/modules/nominals/index.ts';
import { listInbox } from '../../src/modules/notifications/index.ts';
import { newReportText } from '../../src/modules/prison-reports/index.ts';
import { TODAY, describeEachDatabase, makeActor } from '../support/databases.ts';
import { accessLogFor, identity, rejection } from '../support/fixtures.ts';

/**
 * Issue 14's walk, end to end on the use cases the pages and the API share: reception →
 * allocation → handover → the pre-release checklist → a ROTL → an HDC address with a conflict (its
 * source shown, set aside only with a reason, the police offender manager told) → MAPPA F pre-filled
 * from all of it → release on HDC; each step on the timeline and in the access log, and none of it
 * for a duty-to-co-operate agency.
 */
const CHECK_ITEMS: readonly string[] = PRE_RELEASE_ITEM.map((i) => i.code);

describeEachDatabase('custody, end to end', (getDb) => {
  const db = () => getDb().database;
  let pom: UseCaseContext;
  let com: UseCaseContext;
  let police: UseCaseContext;
  let dtc: UseCaseContext;

  beforeAll(async () => {
    pom = await makeActor(db(), {
      roles: ['prison_offender_manager'],
      areaCode: 'DER',
      displayName: 'Pat Pom',
    });
    com = await makeActor(db(), {
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

  it('walks reception to release through ROTL and an HDC address with a conflict', async () => {
    const id = (await createNominal(db(), com, identity({ forename: 'Jon', surname: 'Journey' }))).id;
    await addSectionRow(db(), com, id, 'managers', {
      role: 'police_offender_manager',
      name: 'Polly Police',
      agencyId: police.actor.agencyId,
      userEmail: police.actor.email,
      fromDate: '2026-01-01',
    });
    const victim = await addSectionRow(db(), com, id, 'relationships', {
      type: 'victim',
      personName: 'Vera Victim',
      isChild: false,
      inHousehold: false,
    });
    await addRelationshipAddress(db(), com, id, victim.id, {
      line1: '7 Quarry Lane',
      town: 'Derby',
      postcode: 'DE22 1AB',
      fromDate: '2024-05-01',
    });

    // Reception: HDC eligibility in 20 days, conditional release in 100.
    const episode = await receiveIntoCustody(db(), pom, id, {
      establishmentAgencyId: pom.actor.agencyId,
      receivedOn: '2026-03-02',
      recall: false,
      securityCategory: 'C',
      sentenceStartDate: '2026-03-02',
      hdcEligibilityDate: addDays(TODAY, 20),
      conditionalReleaseDate: addDays(TODAY, 100),
      licenceExpiryDate: '2028-03-01',
      sentenceExpiryDate: '2028-03-01',
    });

    // Allocation and handover.
    const allocated = await recordCustodyStep(db(), pom, id, episode.id, 'allocation', {
      pomEmail: pom.actor.email,
      pomAllocatedOn: '2026-03-09',
      comEmail: com.actor.email,
      comAllocatedOn: '2026-06-01',
      version: episode.version,
    });
    let version = (
      await recordCustodyStep(db(), com, id, episode.id, 'handover', {
        handedOverOn: '2026-06-10',
        threeWay: true,
        version: allocated.version,
      })
    ).version;

    // The checklist: while items are missing, each is on the custody worklist.
    const missing = (await custodyWorklist(db(), com)).rows.filter(
      (r) => r.nominalId === id && CHECK_ITEMS.includes(r.kind),
    );
    expect(missing.map((r) => r.kind).sort()).toEqual([...CHECK_ITEMS].sort());
    // The level and the plan are read from the record, never ticked off here.
    await rejection(
      recordCustodyStep(db(), com, id, episode.id, 'check', {
        item: 'mappa_level',
        status: 'done',
        doneOn: addDays(TODAY, -2),
        version,
      }),
      ValidationError,
    );
    for (const item of ['accommodation', 'licence_conditions'])
      version = (
        await recordCustodyStep(db(), com, id, episode.id, 'check', {
          item,
          status: 'done',
          doneOn: addDays(TODAY, -2),
          version,
        })
      ).version;
    for (const item of ['approved_premises', 'victim_contact'])
      version = (
        await recordCustodyStep(db(), com, id, episode.id, 'check', {
          item,
          status: 'not_needed',
          note: item === 'approved_premises' ? 'Going to his own flat' : 'Victim declined the scheme',
          version,
        })
      ).version;
    const checklist = (await getCustody(db(), com, id)).episodes[0]!.checklist;
    expect(Object.fromEntries(checklist.map((c) => [c.item, c.status]))).toEqual({
      accommodation: 'done',
      licence_conditions: 'done',
      approved_premises: 'not_needed',
      mappa_level: 'missing',
      risk_management_plan: 'missing',
      victim_contact: 'not_needed',
    });
    // What is still missing stays on the worklist, saying what is missing.
    expect(
      (await custodyWorklist(db(), com)).rows
        .filter((r) => r.nominalId === id && CHECK_ITEMS.includes(r.kind))
        .map((r) => r.reason),
    ).toEqual(
      expect.arrayContaining([
        'MAPPA level confirmed: No MAPPA level decided',
        'Risk management plan current: No risk management plan',
      ]),
    );
    expect(
      (await custodyWorklist(db(), com)).rows.filter(
        (r) => r.nominalId === id && CHECK_ITEMS.includes(r.kind),
      ),
    ).toHaveLength(2);

    // A ROTL: applied for, on the worklist while pending, approved, completed.
    const rotl = await recordRotlApplication(db(), pom, id, {
      type: 'resettlement_day_release',
      plannedStartOn: addDays(TODAY, -1),
      plannedEndOn: addDays(TODAY, -1),
      addressLine1: '4 Mill Lane',
      addressTown: 'Derby',
      addressPostcode: 'DE1 1AA',
      escorted: false,
    });
    expect(
      (await custodyWorklist(db(), pom)).rows.some((r) => r.nominalId === id && r.kind === 'rotl_decision'),
    ).toBe(true);
    const approved = await recordRotlStep(db(), pom, id, rotl.id, 'decision', {
      decision: 'approved',
      decidedBy: 'Gail Grey, governor',
      decidedOn: addDays(TODAY, -3),
      version: rotl.version,
    });
    await recordRotlStep(db(), pom, id, rotl.id, 'outcome', {
      outcome: 'completed',
      version: approved.version,
    });
    expect(
      (await custodyWorklist(db(), pom)).rows.some((r) => r.nominalId === id && r.kind === 'rotl_decision'),
    ).toBe(false);

    // The HDC address: the victim's postcode is a conflict, shown with its source.
    const proposed = await proposeAddressCheck(db(), pom, id, {
      purpose: 'hdc',
      line1: '30 Quarry Lane',
      town: 'Derby',
      postcode: 'de22 1ab',
    });
    expect(proposed.conflicts).toBe(1);
    let check = await getAddressCheck(db(), com, id, proposed.id);
    expect(check.conflicts.map((c) => c.source)).toEqual([
      'Victim Vera Victim lives in the same postcode (relationship, at this address from 1 May 2024)',
    ]);
    expect(JSON.stringify(await listInbox(db(), police))).toMatch(
      /Address check .*1 conflict with the record/,
    );
    expect(
      (await custodyWorklist(db(), pom)).rows.some((r) => r.nominalId === id && r.kind === 'address_check'),
    ).toBe(true);
    // Not suitable while the conflict stands; not set aside without a reason.
    await rejection(
      decideAddressCheck(db(), com, id, proposed.id, { decision: 'suitable', version: check.version }),
      ValidationError,
    );
    await rejection(
      dismissAddressConflict(db(), com, id, proposed.id, check.conflicts[0]!.id, {
        reason: '',
        version: check.conflicts[0]!.version,
      }),
      ValidationError,
    );
    await dismissAddressConflict(db(), com, id, proposed.id, check.conflicts[0]!.id, {
      reason: 'Number 30 is a mile up the lane, on the far side of the quarry; the victim agrees.',
      version: check.conflicts[0]!.version,
    });
    check = await getAddressCheck(db(), com, id, proposed.id);
    await decideAddressCheck(db(), com, id, proposed.id, { decision: 'suitable', version: check.version });
    expect((await getAddressCheck(db(), com, id, proposed.id)).decision?.outcome).toBe('suitable');

    // MAPPA F starts from all of it, without the victim or the address.
    const report = await newReportText(db(), pom, id);
    expect(report.behaviour).toContain('Security category: Category C.');
    expect(report.rotl).toContain('resettlement day release (RDR): approved; completed.');
    expect(report.rotl).toMatch(
      /Home detention curfew \(HDC\) address checked .*: 1 conflict with the record, 1 set aside with a reason; found suitable\./,
    );
    expect(JSON.stringify(report)).not.toMatch(/Vera|Quarry/);

    // Release on HDC closes the episode.
    const released = await recordCustodyStep(db(), pom, id, episode.id, 'release', {
      releasedOn: TODAY,
      releaseType: 'hdc',
      version,
    });
    expect(released.version).toBe(version + 1);
    expect((await getCustody(db(), com, id)).episodes[0]!.released).toEqual({
      on: TODAY,
      type: 'Home detention curfew',
    });

    // Every step is on the timeline and in the access log; a DTC agency sees none of it.
    const timeline = JSON.stringify(await getTimeline(db(), com, id, { pageSize: 100 }, 100));
    for (const words of [
      /received/i,
      /allocat/i,
      /handover|handed over/i,
      /ROTL/,
      /address check/i,
      /released/i,
    ])
      expect(timeline).toMatch(words);
    const logged = (await accessLogFor(db(), id)).map((e) => e.section).join(' | ');
    for (const section of ['custody', 'custody ROTL', 'address check'])
      expect(logged.toLowerCase()).toContain(section.toLowerCase());
    await rejection(getCustody(db(), dtc, id), ForbiddenError);
  });
});
