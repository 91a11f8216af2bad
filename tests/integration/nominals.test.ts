import { beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import {
  addSectionRow,
  createNominal,
  getNominal,
  getNominalSection,
  getSectionRow,
  getSectionRows,
  getTimeline,
  updateNominalSection,
  updateSectionRow,
} from '../../src/modules/nominals/index.ts';
import { searchNominals } from '../../src/modules/search/index.ts';
import { describeEachDatabase, ensureAgency, makeActor } from '../support/databases.ts';
import {
  accessLogFor,
  countRows,
  identity,
  newCro,
  newCrn,
  newPnc,
  newPrisonNumber,
  pncWithWrongCheck,
  rejection,
} from '../support/fixtures.ts';

type Values = Record<string, unknown>;

describeEachDatabase('nominal record use cases', (getDb) => {
  const db = () => getDb().database;
  /** A probation practitioner in Avon and Somerset. */
  let officer: UseCaseContext;
  /** A police offender manager in the same area: the "other user" in concurrent edits. */
  let colleague: UseCaseContext;
  /** A police offender manager in Bedfordshire: out of scope for Avon and Somerset records. */
  let outsider: UseCaseContext;
  /** A role with no access to case records. */
  let layAdviser: UseCaseContext;
  let probationAgencyId: string;
  let policeAgencyId: string;

  beforeAll(async () => {
    officer = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
    colleague = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'AVS' });
    outsider = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'BED' });
    layAdviser = await makeActor(db(), { roles: ['lay_adviser'], areaCode: 'AVS' });
    probationAgencyId = (await ensureAgency(db(), 'AVS', 'probation')).id;
    policeAgencyId = (await ensureAgency(db(), 'AVS', 'police')).id;
  });

  async function newNominal(
    ctx: UseCaseContext = officer,
    seed: Parameters<typeof identity>[0] = {},
    identifiers = [{ type: 'crn', value: newCrn() }],
  ) {
    return createNominal(db(), ctx, { ...identity(seed), identifiers });
  }

  async function versionOf(nominalId: string): Promise<number> {
    return (await getNominal(db(), officer, nominalId)).version;
  }

  describe('createNominal', () => {
    it('creates a record with its identifiers in canonical form', async () => {
      const pnc = newPnc(2012);
      const [, serial] = /^\d{4}\/(\d{7})/.exec(pnc)!;
      const typedPnc = ` 12/${Number(serial)}${pnc.slice(-1).toLowerCase()} `; // short form, as people type it
      const crn = newCrn();
      const prisonNumber = newPrisonNumber();
      const cro = newCro();
      const created = await createNominal(db(), officer, {
        ...identity({ forename: 'Alan', surname: 'Archer', dateOfBirth: '1980-05-17' }),
        identifiers: [
          { type: 'pnc', value: typedPnc },
          { type: 'crn', value: crn.toLowerCase() },
          { type: 'prison_number', value: prisonNumber.toLowerCase() },
          { type: 'cro', value: cro },
        ],
      });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.vigilRef).toMatch(/^VGL-[0-9A-Z]{8}$/);
      expect(created.version).toBe(1);

      const record = await getNominal(db(), officer, created.id);
      expect(record.vigilRef).toBe(created.vigilRef);
      expect(record.areaCode).toBe('AVS');
      expect(record.age).toBe(46);
      expect(record.identity).toMatchObject({
        forename: 'Alan',
        surname: 'Archer',
        dateOfBirth: '1980-05-17',
        sex: 'male',
      });
      expect(record.identifiers.map((i) => [i.type, i.value]).sort()).toEqual(
        [
          ['cro', cro],
          ['crn', crn],
          ['pnc', pnc],
          ['prison_number', prisonNumber],
        ].sort(),
      );
      const timeline = await getTimeline(db(), officer, created.id);
      expect(timeline.entries.map((e) => [e.section, e.action])).toEqual(
        expect.arrayContaining([
          ['identity', 'created'],
          ['identifiers', 'created'],
        ]),
      );
      expect(timeline.entries).toHaveLength(5);
    });

    it('gives each record a different Vigil reference', async () => {
      const a = await newNominal();
      const b = await newNominal();
      expect(a.vigilRef).not.toBe(b.vigilRef);
    });

    it('refuses an identifier already held by another person, and writes nothing', async () => {
      const crn = newCrn();
      await newNominal(officer, { forename: 'Dora', surname: 'Duplicate' }, [{ type: 'crn', value: crn }]);
      const before = await countRows(db());
      const error = await rejection(
        createNominal(db(), officer, {
          ...identity({ forename: 'Other', surname: 'Person' }),
          identifiers: [{ type: 'crn', value: crn.toLowerCase() }],
        }),
        ValidationError,
      );
      // The create form names identifiers `identifiers.N`, as the format errors do.
      expect(error.fieldErrors['identifiers.0']).toMatch(/already recorded for another person/);
      expect(await countRows(db())).toEqual(before);
    });

    it('refuses the same identifier twice in one new record as a validation error, and writes nothing', async () => {
      const crn = newCrn();
      const before = await countRows(db());
      await rejection(
        createNominal(db(), officer, {
          ...identity({ forename: 'Twice', surname: 'Given' }),
          identifiers: [
            { type: 'crn', value: crn },
            { type: 'crn', value: crn.toLowerCase() },
          ],
        }),
        ValidationError,
      );
      expect(await countRows(db())).toEqual(before);
    });

    it('refuses the same identifier for two people created at the same moment as a validation error', async () => {
      const crn = newCrn();
      const results = await Promise.allSettled([
        createNominal(db(), officer, {
          ...identity({ forename: 'Race', surname: 'One' }),
          identifiers: [{ type: 'crn', value: crn }],
        }),
        createNominal(db(), colleague, {
          ...identity({ forename: 'Race', surname: 'Two' }),
          identifiers: [{ type: 'crn', value: crn }],
        }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [failed] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(failed!.reason).toBeInstanceOf(ValidationError);
      const holders = await db()
        .db.selectFrom('nominal_identifiers')
        .select('nominal_id')
        .where('value', '=', crn)
        .execute();
      expect(holders).toHaveLength(1);
    });

    it('refuses a PNC ID with a wrong check character', async () => {
      const before = await countRows(db());
      const error = await rejection(
        createNominal(db(), officer, {
          ...identity(),
          identifiers: [{ type: 'pnc', value: pncWithWrongCheck() }],
        }),
        ValidationError,
      );
      expect(error.fieldErrors['identifiers.0']).toMatch(/check character is wrong/);
      expect(await countRows(db())).toEqual(before);
    });

    it('refuses an unknown identifier type', async () => {
      const error = await rejection(
        createNominal(db(), officer, {
          ...identity(),
          identifiers: [{ type: 'passport', value: '123456789' }],
        }),
        ValidationError,
      );
      expect(Object.keys(error.fieldErrors)).toEqual(['identifiers.0']);
    });

    it('refuses a date of birth in the future', async () => {
      const before = await countRows(db());
      const error = await rejection(
        createNominal(db(), officer, { ...identity({ dateOfBirth: '2026-11-24' }), identifiers: [] }),
        ValidationError,
      );
      expect(error.fieldErrors.dateOfBirth).toBe('Date of birth must be today or in the past');
      expect(await countRows(db())).toEqual(before);
    });

    it('refuses a date of birth that is not a real date', async () => {
      const error = await rejection(
        createNominal(db(), officer, identity({ dateOfBirth: '1980-02-30' })),
        ValidationError,
      );
      expect(error.fieldErrors.dateOfBirth).toMatch(/real date/);
    });

    it('refuses over-long text', async () => {
      const before = await countRows(db());
      const error = await rejection(
        createNominal(db(), officer, { ...identity({ forename: 'x'.repeat(101) }), identifiers: [] }),
        ValidationError,
      );
      expect(error.fieldErrors.forename).toBe('First name must be 100 characters or fewer');
      expect(await countRows(db())).toEqual(before);
    });

    it('refuses unknown codes', async () => {
      const before = await countRows(db());
      const error = await rejection(
        createNominal(db(), officer, { ...identity(), sex: 'robot', ethnicity: 'ZZ', identifiers: [] }),
        ValidationError,
      );
      expect(Object.keys(error.fieldErrors)).toEqual(['sex', 'ethnicity']);
      expect(await countRows(db())).toEqual(before);
    });

    it('refuses a missing required field', async () => {
      const error = await rejection(
        createNominal(db(), officer, { ...identity(), surname: '  ' }),
        ValidationError,
      );
      expect(error.fieldErrors.surname).toBeTruthy();
    });

    it('refuses users whose role may not create records', async () => {
      const before = await countRows(db());
      await rejection(createNominal(db(), layAdviser, identity()), ForbiddenError);
      expect(await countRows(db())).toEqual(before);
    });
  });

  /** One row of each section: what to add, what to change it to, and how the change reads back. */
  const SECTION_CASES: {
    section: string;
    add: () => Values;
    update: (added: Values) => Values;
    expectAdded: () => Values;
    expectUpdated: Values;
  }[] = [
    {
      section: 'aliases',
      add: () => ({ forename: 'Jack', surname: 'Daniels', fromDate: '2010-01-01' }),
      update: (row) => ({ ...row, toDate: '2015-06-30' }),
      expectAdded: () => ({ forename: 'Jack', surname: 'Daniels', fromDate: '2010-01-01', toDate: null }),
      expectUpdated: { toDate: '2015-06-30' },
    },
    {
      section: 'identifiers',
      // Q is never used by newPrisonNumber(), so these cannot collide with other tests' numbers.
      add: () => ({ type: 'prison_number', value: 'q1234qq' }),
      update: (row) => ({ ...row, value: 'Q1234QR' }),
      expectAdded: () => ({ type: 'prison_number', value: 'Q1234QQ' }),
      expectUpdated: { value: 'Q1234QR' },
    },
    {
      section: 'addresses',
      add: () => ({
        type: 'home',
        line1: '1 High Street',
        town: 'Bristol',
        postcode: 'bs1 4dj',
        fromDate: '2024-01-01',
      }),
      update: (row) => ({ ...row, line1: '2 High Street' }),
      expectAdded: () => ({
        type: 'home',
        line1: '1 High Street',
        town: 'Bristol',
        postcode: 'BS1 4DJ',
        fromDate: '2024-01-01',
      }),
      expectUpdated: { line1: '2 High Street', postcode: 'BS1 4DJ' },
    },
    {
      section: 'relationships',
      add: () => ({
        type: 'partner',
        personName: 'Jane Doe',
        isChild: false,
        inHousehold: true,
        fromDate: '2020-01-01',
      }),
      update: (row) => ({ ...row, notes: 'Disclosure considered' }),
      expectAdded: () => ({
        type: 'partner',
        personName: 'Jane Doe',
        isChild: false,
        inHousehold: true,
        notes: null,
      }),
      expectUpdated: { notes: 'Disclosure considered' },
    },
    {
      section: 'convictions',
      add: () => ({
        offence: 'Assault occasioning actual bodily harm',
        offenceDate: '2019-03-01',
        convictionDate: '2019-09-01',
        court: 'Bristol Crown Court',
        outcome: 'custody',
        lengthMonths: 36,
        isIndexOffence: true,
        sentenceStart: '2019-09-01',
        conditionalReleaseDate: '2021-03-01',
        licenceExpiryDate: '2022-09-01',
        sentenceExpiryDate: '2022-09-01',
      }),
      update: (row) => ({ ...row, court: 'Bristol Magistrates’ Court' }),
      expectAdded: () => ({
        offence: 'Assault occasioning actual bodily harm',
        lengthMonths: 36,
        conditionalReleaseDate: '2021-03-01',
      }),
      expectUpdated: { court: 'Bristol Magistrates’ Court', lengthMonths: 36 },
    },
    {
      section: 'markers',
      add: () => ({ type: 'domestic_abuse', startDate: '2025-01-01' }),
      update: (row) => ({ ...row, notes: 'Confirmed by police' }),
      expectAdded: () => ({ type: 'domestic_abuse', startDate: '2025-01-01', endDate: null }),
      expectUpdated: { notes: 'Confirmed by police' },
    },
    {
      section: 'managers',
      add: () => ({
        role: 'community_offender_manager',
        name: 'Pat Probation',
        agencyId: probationAgencyId,
        fromDate: '2025-01-01',
      }),
      update: (row) => ({ ...row, name: 'Patricia Probation' }),
      expectAdded: () => ({
        role: 'community_offender_manager',
        name: 'Pat Probation',
        agencyId: probationAgencyId,
        userEmail: null,
      }),
      expectUpdated: { name: 'Patricia Probation' },
    },
  ];

  describe('sections', () => {
    for (const c of SECTION_CASES) {
      it(`adds and updates ${c.section}`, async () => {
        const nominal = await newNominal(officer, {}, []);
        const added = await addSectionRow(db(), officer, nominal.id, c.section, c.add());
        expect(added.version).toBe(1);
        const rows = await getSectionRows(db(), officer, nominal.id, c.section);
        const row = rows.find((r) => r.id === added.id)!;
        expect(row).toMatchObject({ ...c.expectAdded(), version: 1 });

        const { id: _id, version: _version, ...editable } = row;
        const updated = await updateSectionRow(
          db(),
          colleague,
          nominal.id,
          c.section,
          added.id,
          c.update(editable),
          1,
        );
        expect(updated).toMatchObject({ id: added.id, version: 2 });
        expect(updated.changed).toBeGreaterThan(0);
        const after = (await getSectionRows(db(), officer, nominal.id, c.section)).find(
          (r) => r.id === added.id,
        )!;
        expect(after).toMatchObject({ ...c.expectUpdated, version: 2 });

        // Saving the same values again changes nothing and keeps the version.
        const { id: _id2, version: _version2, ...unchanged } = after;
        expect(
          await updateSectionRow(db(), colleague, nominal.id, c.section, added.id, unchanged, 2),
        ).toMatchObject({
          version: 2,
          changed: 0,
        });

        const timeline = await getTimeline(db(), officer, nominal.id);
        const entries = timeline.entries.filter((e) => e.section === c.section);
        expect(entries.map((e) => e.action)).toEqual([expect.stringMatching(/^(updated|ended)$/), 'created']);
        expect(entries[0]!.by).toBe(colleague.actor.displayName);
        expect(entries[0]!.changes.length).toBeGreaterThan(0);
      });
    }

    it('adds risk assessments but never edits one', async () => {
      const nominal = await newNominal();
      const input = {
        assessedOn: '2026-10-01',
        assessor: 'Alex Assessor',
        roshOverall: 'HIGH',
        roshPublic: 'HIGH',
        roshChildren: 'MEDIUM',
        ospScore: '1.5',
        ospBand: 'medium',
      };
      const added = await addSectionRow(db(), officer, nominal.id, 'risk-assessments', input);
      const newer = await addSectionRow(db(), officer, nominal.id, 'risk-assessments', {
        ...input,
        assessedOn: '2026-11-01',
        roshOverall: 'VERY_HIGH',
        roshPublic: 'VERY_HIGH',
      });
      const rows = await getSectionRows(db(), officer, nominal.id, 'risk-assessments');
      expect(rows.map((r) => r.id)).toEqual([newer.id, added.id]);
      expect(rows[1]).toMatchObject({ roshOverall: 'HIGH', ospScore: 1.5, ospBand: 'medium' });
      const record = await getNominal(db(), officer, nominal.id);
      expect(record.latestRiskAssessment).toMatchObject({ id: newer.id, roshOverall: 'VERY_HIGH' });
      await rejection(
        updateSectionRow(db(), officer, nominal.id, 'risk-assessments', added.id, input, 1),
        ValidationError,
      );
      // Overall RoSH must be the highest of the group ratings.
      const error = await rejection(
        addSectionRow(db(), officer, nominal.id, 'risk-assessments', { ...input, roshOverall: 'LOW' }),
        ValidationError,
      );
      expect(error.fieldErrors.roshOverall).toMatch(/highest/);
    });

    it('updates the identity section and keeps the search name in step', async () => {
      const nominal = await newNominal(officer, { forename: 'Ivor', surname: 'Identity' });
      const result = await updateNominalSection(
        db(),
        officer,
        nominal.id,
        'identity',
        { ...identity({ forename: 'Ivor', surname: 'Identity-Changed' }), nationality: 'Irish' },
        1,
      );
      expect(result).toMatchObject({ version: 2, changed: 2 });
      const record = await getNominal(db(), officer, nominal.id);
      expect(record.identity).toMatchObject({ surname: 'Identity-Changed', nationality: 'Irish' });
      const names = await db()
        .db.selectFrom('nominal_names')
        .select(['forename', 'surname'])
        .where('nominal_id', '=', nominal.id)
        .execute();
      expect(names).toEqual([{ forename: 'Ivor', surname: 'Identity-Changed' }]);
    });

    it('sets the lead agency, and refuses an agency that does not exist', async () => {
      const nominal = await newNominal();
      await updateNominalSection(
        db(),
        officer,
        nominal.id,
        'lead-agency',
        { leadAgencyId: policeAgencyId },
        1,
      );
      const record = await getNominal(db(), officer, nominal.id);
      expect(record.leadAgencyId).toBe(policeAgencyId);
      expect(record.leadAgencyName).toBe('Test police agency (AVS)');
      const error = await rejection(
        updateNominalSection(
          db(),
          officer,
          nominal.id,
          'lead-agency',
          { leadAgencyId: '00000000-0000-4000-8000-000000000000' },
          2,
        ),
        ValidationError,
      );
      expect(error.fieldErrors.leadAgencyId).toBeTruthy();
    });

    it('ends the previous current home address when a new one is added, keeping it with its end date', async () => {
      const nominal = await newNominal();
      const first = await addSectionRow(db(), officer, nominal.id, 'addresses', {
        type: 'home',
        line1: '1 Old Road',
        postcode: 'BS1 4DJ',
        fromDate: '2024-01-01',
      });
      const proposed = await addSectionRow(db(), officer, nominal.id, 'addresses', {
        type: 'proposed_release',
        line1: '9 Hope Street',
        postcode: 'BS2 0JA',
        fromDate: '2024-06-01',
      });
      const second = await addSectionRow(db(), officer, nominal.id, 'addresses', {
        type: 'home',
        line1: '2 New Road',
        postcode: 'BS3 1AA',
        fromDate: '2025-06-01',
      });
      const rows = await getSectionRows(db(), officer, nominal.id, 'addresses');
      expect(rows).toHaveLength(3);
      expect(rows.find((r) => r.id === first.id)).toMatchObject({
        line1: '1 Old Road',
        toDate: '2025-06-01',
        version: 2,
      });
      expect(rows.find((r) => r.id === second.id)).toMatchObject({ toDate: null, version: 1 });
      // A proposed release address is not a current address and is not ended by a new home.
      expect(rows.find((r) => r.id === proposed.id)).toMatchObject({ toDate: null, version: 1 });
      const record = await getNominal(db(), officer, nominal.id);
      expect(record.currentAddress?.id).toBe(second.id);
      expect(record.proposedReleaseAddress?.id).toBe(proposed.id);
      const timeline = await getTimeline(db(), officer, nominal.id);
      expect(timeline.entries.some((e) => e.section === 'addresses' && e.action === 'ended')).toBe(true);
    });

    it('ends the previous manager in the same role when a new one is added, leaving other roles alone', async () => {
      const nominal = await newNominal();
      const manager = (name: string, role: string, fromDate: string) => ({
        role,
        name,
        agencyId: policeAgencyId,
        fromDate,
      });
      const first = await addSectionRow(
        db(),
        officer,
        nominal.id,
        'managers',
        manager('First Police', 'police_offender_manager', '2025-01-01'),
      );
      const probation = await addSectionRow(
        db(),
        officer,
        nominal.id,
        'managers',
        manager('Probation Person', 'community_offender_manager', '2025-02-01'),
      );
      const second = await addSectionRow(
        db(),
        officer,
        nominal.id,
        'managers',
        manager('Second Police', 'police_offender_manager', '2026-03-01'),
      );
      const rows = await getSectionRows(db(), officer, nominal.id, 'managers');
      expect(rows.find((r) => r.id === first.id)).toMatchObject({ toDate: '2026-03-01', version: 2 });
      expect(rows.find((r) => r.id === second.id)).toMatchObject({ toDate: null });
      expect(rows.find((r) => r.id === probation.id)).toMatchObject({ toDate: null, version: 1 });
      const record = await getNominal(db(), officer, nominal.id);
      expect(
        record.managers
          .filter((m) => m.isCurrent)
          .map((m) => m.name)
          .sort(),
      ).toEqual(['Probation Person', 'Second Police']);
    });

    it('refuses an edit of an address that was ended meanwhile, saying it was ended', async () => {
      const nominal = await newNominal();
      const address = { type: 'home', line1: '1 Old Road', postcode: 'BS1 4DJ', fromDate: '2024-01-01' };
      const old = await addSectionRow(db(), officer, nominal.id, 'addresses', address);
      await addSectionRow(db(), colleague, nominal.id, 'addresses', {
        ...address,
        line1: '2 New Road',
        fromDate: '2025-06-01',
      });
      const error = await rejection(
        updateSectionRow(
          db(),
          officer,
          nominal.id,
          'addresses',
          old.id,
          { ...address, line1: '1A Old Road' },
          1,
        ),
        ConflictError,
      );
      expect(error.changes).toHaveLength(1);
      expect(error.changes[0]).toMatchObject({
        by: colleague.actor.displayName,
        fields: [{ label: 'Lived here until', before: '', after: '2025-06-01' }],
      });
    });

    it('refuses a release date before the sentence start, and writes nothing', async () => {
      const nominal = await newNominal();
      const before = await countRows(db());
      const error = await rejection(
        addSectionRow(db(), officer, nominal.id, 'convictions', {
          offence: 'Robbery',
          convictionDate: '2020-01-10',
          outcome: 'custody',
          lengthMonths: 48,
          isIndexOffence: true,
          sentenceStart: '2020-01-10',
          conditionalReleaseDate: '2019-12-01',
        }),
        ValidationError,
      );
      expect(error.fieldErrors.conditionalReleaseDate).toBe(
        'Conditional release date must be after the sentence start',
      );
      expect(await countRows(db())).toEqual(before);
    });

    it('refuses over-long text and unknown codes in a section, and writes nothing', async () => {
      const nominal = await newNominal();
      const before = await countRows(db());
      const long = await rejection(
        addSectionRow(db(), officer, nominal.id, 'convictions', {
          offence: 'x'.repeat(301),
          convictionDate: '2020-01-10',
          outcome: 'fine',
          isIndexOffence: false,
        }),
        ValidationError,
      );
      expect(long.fieldErrors.offence).toBe('Offence must be 300 characters or fewer');
      const code = await rejection(
        addSectionRow(db(), officer, nominal.id, 'markers', {
          type: 'ufo_sightings',
          startDate: '2025-01-01',
        }),
        ValidationError,
      );
      expect(Object.keys(code.fieldErrors)).toEqual(['type']);
      expect(await countRows(db())).toEqual(before);
    });

    it('refuses an identifier row held by another person or with a wrong check character', async () => {
      const other = newCrn();
      await newNominal(officer, {}, [{ type: 'crn', value: other }]);
      const nominal = await newNominal();
      const before = await countRows(db());
      const taken = await rejection(
        addSectionRow(db(), officer, nominal.id, 'identifiers', { type: 'crn', value: other }),
        ValidationError,
      );
      expect(taken.fieldErrors.value).toMatch(/already recorded for another person/);
      const wrong = await rejection(
        addSectionRow(db(), officer, nominal.id, 'identifiers', { type: 'pnc', value: pncWithWrongCheck() }),
        ValidationError,
      );
      expect(wrong.fieldErrors.value).toMatch(/check character is wrong/);
      const [own] = await getSectionRows(db(), officer, nominal.id, 'identifiers');
      const edit = await rejection(
        updateSectionRow(db(), officer, nominal.id, 'identifiers', own!.id, { type: 'crn', value: other }, 1),
        ValidationError,
      );
      expect(edit.fieldErrors.value).toMatch(/already recorded for another person/);
      expect(await countRows(db())).toEqual({ ...before, access_log: before.access_log! + 1 }); // the one read above
    });

    it('refuses a manager email that is not a Vigil user', async () => {
      const nominal = await newNominal();
      const error = await rejection(
        addSectionRow(db(), officer, nominal.id, 'managers', {
          role: 'police_offender_manager',
          name: 'Nobody',
          agencyId: policeAgencyId,
          userEmail: 'nobody@example.gov.uk',
          fromDate: '2025-01-01',
        }),
        ValidationError,
      );
      expect(error.fieldErrors.userEmail).toBeTruthy();
    });

    it('reports unknown sections and rows of other records as not found', async () => {
      const nominal = await newNominal();
      const other = await newNominal();
      const marker = await addSectionRow(db(), officer, other.id, 'markers', {
        type: 'weapons',
        startDate: '2025-01-01',
      });
      await rejection(getSectionRows(db(), officer, nominal.id, 'no-such-section'), NotFoundError);
      await rejection(
        updateSectionRow(
          db(),
          officer,
          nominal.id,
          'markers',
          marker.id,
          { type: 'weapons', startDate: '2025-01-02' },
          1,
        ),
        NotFoundError,
      );
      await rejection(
        updateSectionRow(
          db(),
          officer,
          nominal.id,
          'markers',
          'not-a-uuid',
          { type: 'weapons', startDate: '2025-01-02' },
          1,
        ),
        NotFoundError,
      );
    });
  });

  describe('timeline', () => {
    it('lists every change, newest first, with who made it and the values before and after', async () => {
      const nominal = await newNominal(officer, { forename: 'John', surname: 'Timeline' });
      await updateNominalSection(
        db(),
        colleague,
        nominal.id,
        'identity',
        identity({ forename: 'Jonathan', surname: 'Timeline' }),
        1,
      );
      const timeline = await getTimeline(db(), officer, nominal.id);
      expect(timeline.page).toBe(1);
      expect(timeline.hasMore).toBe(false);
      const [latest] = timeline.entries;
      expect(latest).toMatchObject({
        section: 'identity',
        action: 'updated',
        by: colleague.actor.displayName,
        agency: colleague.actor.agencyName,
        changes: [{ field: 'First name', before: 'John', after: 'Jonathan' }],
      });
      expect(latest!.summary).toMatch(/first name/);
      expect(new Date(latest!.at).getTime()).not.toBeNaN();
      const created = timeline.entries.find((e) => e.section === 'identity' && e.action === 'created')!;
      expect(created.by).toBe(officer.actor.displayName);
      expect(created.changes).toEqual(
        expect.arrayContaining([{ field: 'First name', before: null, after: 'John' }]),
      );
    });

    it('pages long timelines', async () => {
      const nominal = await newNominal();
      for (let i = 0; i < 3; i++) {
        await addSectionRow(db(), officer, nominal.id, 'markers', {
          type: 'weapons',
          startDate: `2025-01-0${i + 1}`,
        });
      }
      const first = await getTimeline(db(), officer, nominal.id, 1, 2);
      const second = await getTimeline(db(), officer, nominal.id, 2, 2);
      const third = await getTimeline(db(), officer, nominal.id, 3, 2);
      expect(first.hasMore).toBe(true);
      expect(second.hasMore).toBe(true);
      expect(third.hasMore).toBe(false);
      expect([...first.entries, ...second.entries, ...third.entries]).toHaveLength(5); // created, identifier, 3 markers
    });
  });

  describe('concurrent edits', () => {
    it('refuses a row edit made from a stale version, showing the first change, which is kept', async () => {
      const nominal = await newNominal();
      const marker = await addSectionRow(db(), officer, nominal.id, 'markers', {
        type: 'stalking',
        startDate: '2025-03-01',
      });
      await updateSectionRow(
        db(),
        officer,
        nominal.id,
        'markers',
        marker.id,
        { type: 'stalking', startDate: '2025-03-01', notes: 'First' },
        1,
      );
      const error = await rejection(
        updateSectionRow(
          db(),
          colleague,
          nominal.id,
          'markers',
          marker.id,
          { type: 'stalking', startDate: '2025-03-01', notes: 'Second' },
          1,
        ),
        ConflictError,
      );
      expect(error.message).toMatch(/Someone else changed/);
      expect(error.changes).toHaveLength(1);
      expect(error.changes[0]).toMatchObject({
        by: officer.actor.displayName,
        fields: [{ label: 'Notes', before: '', after: 'First' }],
      });
      const [row] = await getSectionRows(db(), officer, nominal.id, 'markers');
      expect(row).toMatchObject({ notes: 'First', version: 2 });
    });

    it('refuses an identity edit made from a stale version, showing the first change, which is kept', async () => {
      const nominal = await newNominal(officer, { forename: 'John', surname: 'Concurrent' });
      const version = await versionOf(nominal.id);
      await updateNominalSection(
        db(),
        officer,
        nominal.id,
        'identity',
        identity({ forename: 'Jonathan', surname: 'Concurrent' }),
        version,
      );
      const error = await rejection(
        updateNominalSection(
          db(),
          colleague,
          nominal.id,
          'identity',
          identity({ forename: 'John', surname: 'Concurrent-Smith' }),
          version,
        ),
        ConflictError,
      );
      expect(error.changes).toHaveLength(1);
      expect(error.changes[0]!.by).toBe(officer.actor.displayName);
      expect(error.changes[0]!.fields).toEqual([{ label: 'First name', before: 'John', after: 'Jonathan' }]);
      const record = await getNominal(db(), officer, nominal.id);
      expect(record.identity).toMatchObject({ forename: 'Jonathan', surname: 'Concurrent' });
      expect(record.version).toBe(version + 1);
    });

    it('lets an identity edit and a lead-agency edit from the same version both succeed', async () => {
      const nominal = await newNominal(officer, { forename: 'Lee', surname: 'Parallel' });
      const version = await versionOf(nominal.id);
      await updateNominalSection(
        db(),
        officer,
        nominal.id,
        'lead-agency',
        { leadAgencyId: probationAgencyId },
        version,
      );
      const result = await updateNominalSection(
        db(),
        colleague,
        nominal.id,
        'identity',
        identity({ forename: 'Lee', surname: 'Parallel-Jones' }),
        version,
      );
      expect(result.version).toBe(version + 2);
      const record = await getNominal(db(), officer, nominal.id);
      expect(record.leadAgencyId).toBe(probationAgencyId);
      expect(record.identity.surname).toBe('Parallel-Jones');
    });

    it('lets only one of two simultaneous edits from the same version win', async () => {
      const nominal = await newNominal();
      const marker = await addSectionRow(db(), officer, nominal.id, 'markers', {
        type: 'weapons',
        startDate: '2025-03-01',
      });
      const results = await Promise.allSettled([
        updateSectionRow(
          db(),
          officer,
          nominal.id,
          'markers',
          marker.id,
          { type: 'weapons', startDate: '2025-03-01', notes: 'A' },
          1,
        ),
        updateSectionRow(
          db(),
          colleague,
          nominal.id,
          'markers',
          marker.id,
          { type: 'weapons', startDate: '2025-03-01', notes: 'B' },
          1,
        ),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(failed).toHaveLength(1);
      expect(failed[0]!.reason).toBeInstanceOf(ConflictError);
      const [row] = await getSectionRows(db(), officer, nominal.id, 'markers');
      expect(row!.version).toBe(2);
    });
  });

  describe('who may see a record', () => {
    it('reports an out-of-area record as not found, exactly like a missing one', async () => {
      const pnc = newPnc();
      const nominal = await newNominal(officer, { forename: 'Oscar', surname: 'Outofarea' }, [
        { type: 'pnc', value: pnc },
      ]);
      const [identifier] = await getSectionRows(db(), officer, nominal.id, 'identifiers');
      const before = await countRows(db());
      const outOfScope = await rejection(getNominal(db(), outsider, nominal.id), NotFoundError);
      const missing = await rejection(
        getNominal(db(), outsider, '00000000-0000-4000-8000-000000000000'),
        NotFoundError,
      );
      expect(outOfScope.message).toBe(missing.message);
      await rejection(getNominal(db(), outsider, 'not-a-uuid'), NotFoundError);
      await rejection(getSectionRows(db(), outsider, nominal.id, 'addresses'), NotFoundError);
      await rejection(getTimeline(db(), outsider, nominal.id), NotFoundError);
      await rejection(getNominalSection(db(), outsider, nominal.id, 'identity'), NotFoundError);
      await rejection(
        getSectionRow(db(), outsider, nominal.id, 'identifiers', identifier!.id),
        NotFoundError,
      );
      await rejection(
        updateNominalSection(db(), outsider, nominal.id, 'identity', identity({ forename: 'Hacked' }), 1),
        NotFoundError,
      );
      await rejection(
        addSectionRow(db(), outsider, nominal.id, 'markers', { type: 'weapons', startDate: '2025-01-01' }),
        NotFoundError,
      );
      expect(await countRows(db())).toEqual(before);

      const byName = await searchNominals(db(), outsider, { q: 'Oscar Outofarea' });
      expect(byName.results.map((r) => r.id)).not.toContain(nominal.id);
      const byPnc = await searchNominals(db(), outsider, { q: pnc });
      expect(byPnc.total).toBe(0);
      expect(byPnc.results).toEqual([]);
    });

    it('refuses roles without access to case records', async () => {
      const nominal = await newNominal();
      await rejection(getNominal(db(), layAdviser, nominal.id), ForbiddenError);
      await rejection(searchNominals(db(), layAdviser, { q: 'John Smith' }), ForbiddenError);
    });

    it('lets a named manager from another area see and edit the record, until their management ends', async () => {
      const pnc = newPnc();
      const nominal = await newNominal(officer, { forename: 'Mandy', surname: 'Managed' }, [
        { type: 'pnc', value: pnc },
      ]);
      await rejection(getNominal(db(), outsider, nominal.id), NotFoundError);
      const manager = await addSectionRow(db(), officer, nominal.id, 'managers', {
        role: 'police_offender_manager',
        name: outsider.actor.displayName,
        agencyId: outsider.actor.agencyId,
        userEmail: outsider.actor.email.toUpperCase(),
        fromDate: '2026-01-01',
      });
      const record = await getNominal(db(), outsider, nominal.id);
      expect(record.id).toBe(nominal.id);
      expect(record.managers[0]).toMatchObject({
        userEmail: outsider.actor.email,
        agencyName: outsider.actor.agencyName,
      });
      expect((await searchNominals(db(), outsider, { q: pnc })).results.map((r) => r.id)).toEqual([
        nominal.id,
      ]);
      expect(
        (await searchNominals(db(), outsider, { q: 'Mandy Managed' })).results.map((r) => r.id),
      ).toContain(nominal.id);
      await addSectionRow(db(), outsider, nominal.id, 'markers', {
        type: 'weapons',
        startDate: '2026-02-01',
      });

      await updateSectionRow(
        db(),
        officer,
        nominal.id,
        'managers',
        manager.id,
        {
          role: 'police_offender_manager',
          name: outsider.actor.displayName,
          agencyId: outsider.actor.agencyId,
          userEmail: outsider.actor.email,
          fromDate: '2026-01-01',
          toDate: '2026-11-01',
        },
        1,
      );
      await rejection(getNominal(db(), outsider, nominal.id), NotFoundError);
      expect((await searchNominals(db(), outsider, { q: pnc })).results).toEqual([]);
    });
  });

  describe('access log', () => {
    it('records collection, consultation and alteration with the record id, user and origin', async () => {
      const nominal = await newNominal();
      expect(await accessLogFor(db(), nominal.id)).toEqual([
        {
          user_id: officer.actor.userId,
          operation: 'collection',
          record_type: 'nominal',
          record_ids: [nominal.id],
          section: null,
          source_address: '127.0.0.1',
          request_id: 'test',
        },
      ]);
      await getNominal(db(), colleague, nominal.id);
      await getSectionRows(db(), colleague, nominal.id, 'addresses');
      await getTimeline(db(), colleague, nominal.id);
      const identityForm = await getNominalSection(db(), colleague, nominal.id, 'identity');
      expect(identityForm).toMatchObject({
        forename: 'John',
        surname: 'Smith',
        version: 1,
        vigilRef: nominal.vigilRef,
        name: 'John Smith',
      });
      await updateNominalSection(
        db(),
        colleague,
        nominal.id,
        'identity',
        identity({ forename: 'Logged' }),
        identityForm.version,
      );
      const marker = await addSectionRow(db(), colleague, nominal.id, 'markers', {
        type: 'weapons',
        startDate: '2025-01-01',
      });
      const markerRow = await getSectionRow(db(), colleague, nominal.id, 'markers', marker.id);
      expect(markerRow).toMatchObject({
        id: marker.id,
        type: 'weapons',
        startDate: '2025-01-01',
        version: 1,
      });
      await updateSectionRow(
        db(),
        colleague,
        nominal.id,
        'markers',
        marker.id,
        { type: 'weapons', startDate: '2025-01-02' },
        markerRow.version,
      );
      await searchNominals(db(), colleague, { q: 'Logged Smith' });

      const log = await accessLogFor(db(), nominal.id);
      expect(log.map((r) => [r.operation, r.section, r.user_id])).toEqual([
        ['collection', null, officer.actor.userId],
        ['consultation', null, colleague.actor.userId],
        ['consultation', 'addresses', colleague.actor.userId],
        ['consultation', 'timeline', colleague.actor.userId],
        ['consultation', 'identity', colleague.actor.userId],
        ['alteration', 'identity', colleague.actor.userId],
        ['collection', 'markers', colleague.actor.userId],
        ['consultation', 'markers', colleague.actor.userId],
        ['alteration', 'markers', colleague.actor.userId],
        ['consultation', 'search result', colleague.actor.userId],
      ]);
      for (const entry of log.slice(0, -1)) expect(entry.record_ids).toEqual([nominal.id]);
      expect(log.at(-1)!.record_ids).toContain(nominal.id);
    });

    it('writes nothing to the log when a use case is refused', async () => {
      const nominal = await newNominal();
      const before = (await accessLogFor(db(), nominal.id)).length;
      await rejection(
        updateNominalSection(
          db(),
          officer,
          nominal.id,
          'identity',
          identity({ dateOfBirth: '2099-01-01' }),
          1,
        ),
        ValidationError,
      );
      await rejection(getNominal(db(), outsider, nominal.id), NotFoundError);
      expect(await accessLogFor(db(), nominal.id)).toHaveLength(before);
    });
  });
});
