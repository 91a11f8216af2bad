import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../config.ts';
import type { Database } from '../../db/database.ts';

const referenceDir = path.join(projectRoot, 'data-reference');

interface AgencyEntry {
  area: string;
  type: string;
  name: string;
}

/** Loads the 42 MAPPA areas and their agencies. Idempotent: run at every start after migrations. */
export async function seedReferenceData(database: Database): Promise<{ areas: number; agencies: number }> {
  const csv = await readFile(path.join(referenceDir, 'mappa-areas.csv'), 'utf8');
  const [, ...lines] = csv.trim().split('\n');
  const areas = lines.map((line) => {
    const [code, name, country, policeForces, population] = parseCsvLine(line);
    return {
      code: code!,
      name: name!,
      country: country!,
      police_forces: policeForces!,
      population_millions: population!,
    };
  });
  const file = JSON.parse(await readFile(path.join(referenceDir, 'agencies.json'), 'utf8')) as {
    areas: Record<string, AgencyEntry[]>;
  };
  const agencies = Object.values(file.areas).flat();
  await database.transaction(async (tx) => {
    await tx
      .insertInto('areas')
      .values(areas)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          police_forces: eb.ref('excluded.police_forces'),
          population_millions: eb.ref('excluded.population_millions'),
        })),
      )
      .execute();
    for (let i = 0; i < agencies.length; i += 500) {
      await tx
        .insertInto('agencies')
        .values(agencies.slice(i, i + 500).map((a) => ({ area_code: a.area, type: a.type, name: a.name })))
        .onConflict((oc) =>
          oc.columns(['area_code', 'name']).doUpdateSet((eb) => ({ type: eb.ref('excluded.type') })),
        )
        .execute();
    }
  });
  return { areas: areas.length, agencies: agencies.length };
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

export async function listAreas(database: Database) {
  return database.db.selectFrom('areas').select(['code', 'name']).orderBy('name').execute();
}

/** Agencies of one area (RA and DTC), for choosing a lead agency or a manager's agency. */
export async function listAgencies(database: Database, areaCode?: string) {
  let query = database.db.selectFrom('agencies').select(['id', 'name', 'type', 'area_code as areaCode']);
  if (areaCode) query = query.where('area_code', '=', areaCode);
  return query.orderBy('type').orderBy('name').execute();
}

export async function findAgency(database: Database, areaCode: string, type: string) {
  return database.db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('area_code', '=', areaCode)
    .where('type', '=', type)
    .orderBy('name')
    .executeTakeFirst();
}
