import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { findAgency, listAgencies, listAreas, seedReferenceData } from '../../src/modules/reference/index.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('reference data', (getDb) => {
  const db = () => getDb().database;

  it('lists the 42 MAPPA areas by name', async () => {
    const areas = await listAreas(db());
    expect(areas).toHaveLength(42);
    expect(areas.map((a) => a.name)).toEqual(
      [...areas.map((a) => a.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    expect(areas).toContainEqual({ code: 'AVS', name: 'Avon and Somerset' });
  });

  it('lists the agencies of one area, including the three Responsible Authority agencies', async () => {
    const agencies = await listAgencies(db(), 'AVS');
    expect(agencies.length).toBeGreaterThanOrEqual(3);
    expect(new Set(agencies.map((a) => a.areaCode))).toEqual(new Set(['AVS']));
    expect(agencies.map((a) => a.type)).toEqual(expect.arrayContaining(['police', 'probation', 'prison']));
    expect((await listAgencies(db())).length).toBeGreaterThan(agencies.length);
  });

  it('finds an agency of a given type in an area', async () => {
    const police = await findAgency(db(), 'AVS', 'police');
    expect(police).toBeDefined();
    const row = await db()
      .db.selectFrom('agencies')
      .selectAll()
      .where('id', '=', police!.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ area_code: 'AVS', type: 'police' });
    expect(await findAgency(db(), 'AVS', 'no_such_type')).toBeUndefined();
  });

  it('seeds idempotently: running it again changes nothing', async () => {
    const count = async () =>
      (
        await sql<{
          areas: number;
          agencies: number;
        }>`SELECT (SELECT count(*)::int FROM areas) AS areas, (SELECT count(*)::int FROM agencies) AS agencies`.execute(
          db().db,
        )
      ).rows[0]!;
    const before = await count();
    const seeded = await seedReferenceData(db());
    expect(seeded.areas).toBe(42);
    expect(await count()).toEqual(before);
  });
});
