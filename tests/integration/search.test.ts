import { beforeAll, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { ValidationError } from '../../src/domain/errors.ts';
import { addSectionRow, createNominal, updateNominalSection } from '../../src/modules/nominals/index.ts';
import { ONE_NAME_MATCHES, PAGE_SIZE, searchNominals } from '../../src/modules/search/index.ts';
import { describeEachDatabase, makeActor } from '../support/databases.ts';
import {
  accessLogFor,
  identity,
  newCro,
  newCrn,
  newPnc,
  newPrisonNumber,
  rejection,
} from '../support/fixtures.ts';

describeEachDatabase('search', (getDb) => {
  const db = () => getDb().database;
  let officer: UseCaseContext;
  let outsider: UseCaseContext;
  const ids = {
    pnc: newPnc(1999),
    crn: newCrn(),
    prisonNumber: newPrisonNumber(),
    cro: newCro(),
  };
  let johnSmith: { id: string; vigilRef: string };
  let johnSmithYounger: { id: string };
  let jonSmyth: { id: string };
  let joanSmithers: { id: string };
  let smithJohn: { id: string };
  let maryJones: { id: string };
  let peterParker: { id: string };
  let outOfArea: { id: string; vigilRef: string };

  beforeAll(async () => {
    officer = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: 'AVS' });
    outsider = await makeActor(db(), { roles: ['police_offender_manager'], areaCode: 'BED' });
    const create = (
      ctx: UseCaseContext,
      forename: string,
      surname: string,
      dateOfBirth: string,
      identifiers: { type: string; value: string }[] = [],
    ) => createNominal(db(), ctx, { ...identity({ forename, surname, dateOfBirth }), identifiers });
    johnSmith = await create(officer, 'John', 'Smith', '1980-05-17', [
      { type: 'pnc', value: ids.pnc },
      { type: 'crn', value: ids.crn },
      { type: 'prison_number', value: ids.prisonNumber },
      { type: 'cro', value: ids.cro },
    ]);
    johnSmithYounger = await create(officer, 'John', 'Smith', '1992-03-03');
    jonSmyth = await create(officer, 'Jon', 'Smyth', '1975-02-02');
    joanSmithers = await create(officer, 'Joan', 'Smithers', '1990-07-07');
    smithJohn = await create(officer, 'Smith', 'John', '1983-08-08');
    maryJones = await create(officer, 'Mary', 'Jones', '1970-01-01');
    peterParker = await create(officer, 'Peter', 'Parker', '1988-04-04');
    await addSectionRow(db(), officer, peterParker.id, 'aliases', { forename: 'Spider', surname: 'Mann' });
    // Same name and date of birth, managed in another area: the officer must never see it.
    outOfArea = await create(outsider, 'John', 'Smith', '1980-05-17', [{ type: 'crn', value: newCrn() }]);
  });

  const search = (q: string, extra: Record<string, unknown> = {}, ctx: UseCaseContext = officer) =>
    searchNominals(db(), ctx, { q, ...extra });
  const idsOf = (result: Awaited<ReturnType<typeof search>>) => result.results.map((r) => r.id);

  it('finds John Smith first when both names are misspelt ("Jonh Smiht")', async () => {
    const result = await search('Jonh Smiht');
    expect(result.matchedIdentifier).toBeNull();
    expect(result.results[0]!.name).toBe('John Smith');
    expect(idsOf(result).slice(0, 2).sort()).toEqual([johnSmith.id, johnSmithYounger.id].sort());
    expect(idsOf(result)).not.toContain(outOfArea.id);
    expect(idsOf(result)).not.toContain(peterParker.id);
    // Weaker near-matches may follow, but never above the two John Smiths.
    expect(result.results[2]?.name ?? '').not.toBe('John Smith');
    const scores = result.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds John Smith with forename and surname swapped ("Smith John")', async () => {
    const result = await search('Smith John');
    expect(idsOf(result)).toContain(johnSmith.id);
    expect(idsOf(result)).toContain(smithJohn.id);
    // The exact reading (a person called "Smith John") comes first; the swapped reading right after.
    expect(idsOf(result).indexOf(johnSmith.id)).toBeLessThan(4);
    expect(idsOf(result)).not.toContain(outOfArea.id);
  });

  it('finds sound-alike spellings ("Jon Smyth" and "John Smith" find each other)', async () => {
    expect(idsOf(await search('Jon Smyth'))[0]).toBe(jonSmyth.id);
    expect(idsOf(await search('John Smith'))).toContain(jonSmyth.id);
    expect(idsOf(await search('Joan Smithers'))[0]).toBe(joanSmithers.id);
  });

  it('narrows by date of birth', async () => {
    const all = await search('John Smith');
    expect(idsOf(all)).toEqual(expect.arrayContaining([johnSmith.id, johnSmithYounger.id]));
    const narrowed = await search('John Smith', { dateOfBirth: '1980-05-17' });
    expect(idsOf(narrowed)).toEqual([johnSmith.id]);
    expect(narrowed.total).toBe(1);
    expect(narrowed.totalIsEstimate).toBe(false);
    expect(narrowed.results[0]).toMatchObject({
      dateOfBirth: '1980-05-17',
      areaCode: 'AVS',
      vigilRef: johnSmith.vigilRef,
    });
  });

  it('narrows by area', async () => {
    expect(idsOf(await search('John Smith', { area: 'AVS' }))).toContain(johnSmith.id);
    expect((await search('John Smith', { area: 'BED' })).results).toEqual([]);
  });

  it('finds a person by an alias, saying which alias matched', async () => {
    const result = await search('Spider Man');
    expect(result.results[0]).toMatchObject({
      id: peterParker.id,
      name: 'Peter Parker',
      matchedAlias: 'Spider Mann',
    });
  });

  it('finds a person by their new name after the identity is changed', async () => {
    await updateNominalSection(
      db(),
      officer,
      maryJones.id,
      'identity',
      identity({ forename: 'Mary', surname: 'Evans-Whitfield', dateOfBirth: '1970-01-01' }),
      1,
    );
    const result = await search('Mary Evans-Whitfield');
    expect(result.results[0]).toMatchObject({
      id: maryJones.id,
      name: 'Mary Evans-Whitfield',
      matchedAlias: null,
    });
  });

  it.each([
    ['PNC ID', 'pnc', () => ids.pnc],
    ['PNC ID typed in short form', 'pnc', () => ids.pnc.replace(/^19(\d\d)\/0*/, '$1/').toLowerCase()],
    ['CRN', 'crn', () => ids.crn.toLowerCase()],
    ['prison number', 'prison_number', () => ` ${ids.prisonNumber} `],
    ['CRO number', 'cro', () => ids.cro],
    ['Vigil reference', 'vigil', () => johnSmith.vigilRef.toLowerCase()],
  ])('finds exactly that person by %s', async (_label, type, value) => {
    const result = await search(value());
    expect(result.matchedIdentifier?.type).toBe(type);
    expect(idsOf(result)).toEqual([johnSmith.id]);
    expect(result.total).toBe(1);
  });

  it('never shows a record out of the user’s scope, by name or by identifier', async () => {
    const outsiderView = await search('John Smith', {}, outsider);
    expect(idsOf(outsiderView)).toEqual([outOfArea.id]);
    expect((await search(ids.pnc, {}, outsider)).results).toEqual([]);
    expect((await search(johnSmith.vigilRef, {}, outsider)).results).toEqual([]);
    expect((await search(outOfArea.vigilRef)).results).toEqual([]);
    expect(idsOf(await search('John Smith', { dateOfBirth: '1980-05-17' }))).toEqual([johnSmith.id]);
  });

  it('logs each record returned as consulted, and logs a search that found nothing too', async () => {
    const before = await accessLogFor(db(), johnSmith.id);
    const result = await search(ids.crn);
    const after = await accessLogFor(db(), johnSmith.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      user_id: officer.actor.userId,
      operation: 'consultation',
      record_ids: idsOf(result),
      section: 'search result',
    });
    const countBefore = await db()
      .db.selectFrom('access_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect((await search('Zzyzx Qwertyuiop')).results).toEqual([]);
    const countAfter = await db()
      .db.selectFrom('access_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(countAfter.n)).toBe(Number(countBefore.n) + 1);
    const empty = await db()
      .db.selectFrom('access_log')
      .selectAll()
      .where('user_id', '=', officer.actor.userId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(empty).toMatchObject({
      operation: 'consultation',
      record_ids: [],
      section: 'search (nothing found)',
    });
  });

  it('finds every person matching both names, but only a bounded few matching one name (an "about" total)', async () => {
    // 30 people whose forename and surname both match, and 30 who share only the surname.
    const both: string[] = [];
    for (let i = 0; i < 30; i++) {
      const forename = i % 2 ? 'Ann' : 'Anne';
      const surname = i % 3 ? 'Quennell' : 'Quenell';
      both.push(
        (await createNominal(db(), officer, identity({ forename, surname, dateOfBirth: '1960-01-01' }))).id,
      );
    }
    const letters = 'bcdfghjklmnpqrstvwxz';
    for (let i = 0; i < 30; i++) {
      const forename = `Zed${letters[i % 20]}${letters[Math.floor(i / 20)]}o`;
      await createNominal(
        db(),
        officer,
        identity({ forename, surname: 'Quennell', dateOfBirth: '1960-01-01' }),
      );
    }
    const page1 = await search('Anne Quenell');
    const page2 = await search('Anne Quenell', { page: '2' });
    const found = [...page1.results, ...page2.results];
    // Every two-name match ranks above every one-name match, none left out.
    expect(
      found
        .slice(0, 30)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...both].sort());
    expect(found.slice(30).every((r) => r.name.startsWith('Zed'))).toBe(true);
    // The one-name matches are capped, so the total is "about": fewer than the 60 that exist.
    expect(page1.total).toBeGreaterThanOrEqual(Math.min(60, ONE_NAME_MATCHES));
    expect(page1.total).toBeLessThanOrEqual(30 + ONE_NAME_MATCHES);
    expect(page1.total).toBeLessThan(60);
    expect(page1.totalIsEstimate).toBe(true);
    expect(page1.results).toHaveLength(PAGE_SIZE);
    // With a date of birth, everyone born that day is scored: nobody is capped away.
    const born = await search('Anne Quenell', { dateOfBirth: '1960-01-01' });
    expect(born).toMatchObject({ total: 60, totalIsEstimate: false });
  });

  it('refuses a search that is too short, too long, or has a bad date or area', async () => {
    expect((await rejection(search('J'), ValidationError)).fieldErrors.q).toBeTruthy();
    expect((await rejection(search('x'.repeat(101)), ValidationError)).fieldErrors.q).toBeTruthy();
    expect(
      (await rejection(search('John Smith', { dateOfBirth: '1980-02-30' }), ValidationError)).fieldErrors
        .dateOfBirth,
    ).toBeTruthy();
    expect(
      (await rejection(search('John Smith', { area: 'nowhere' }), ValidationError)).fieldErrors.area,
    ).toBeTruthy();
  });
});
