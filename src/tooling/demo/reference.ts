import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../config.ts';

/** The synthetic reference pools in data-reference/ that demo people are made from. */
export interface DemoReference {
  maleForenames: readonly (readonly [string, number])[];
  femaleForenames: readonly (readonly [string, number])[];
  surnames: readonly (readonly [string, number])[];
  /** Towns of the area, each with its postcode districts (outward codes such as "BS5"). */
  towns: readonly { town: string; postcodeAreas: readonly string[] }[];
  streets: readonly string[];
  offences: readonly DemoOffence[];
  courts: readonly { name: string; area: string; type?: string }[];
}

export interface DemoOffence {
  offence: string;
  act: string;
  schedule3: boolean;
  schedule15: boolean;
  terrorism: boolean;
  kind: string;
  /** The Schedule 3 condition code (src/domain/schedule3.ts) when the list carries one. */
  schedule3Condition?: string | null;
}

const referenceDir = path.join(projectRoot, 'data-reference');

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(referenceDir, file), 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read data-reference/${file} for the demo dataset: ${String(error)}`, {
      cause: error,
    });
  }
}

type Pool = [string, number][];

/** Reads the pools for one area. places.json may hold areas at the top level or under `areas`. */
export async function loadDemoReference(areaCode: string): Promise<DemoReference> {
  const names = (await readJson('names.json')) as {
    maleForenames: Pool;
    femaleForenames: Pool;
    surnames: Pool;
  };
  const places = (await readJson('places.json')) as {
    streets?: string[];
    areas?: Record<string, { towns: { town: string; postcodeAreas: string[] }[]; streets?: string[] }>;
  } & Record<string, unknown>;
  const offences = (await readJson('offences.json')) as {
    offences: DemoOffence[];
    courts: { name: string; area: string; type?: string }[];
  };

  const area = (places.areas?.[areaCode] ?? places[areaCode]) as
    { towns: { town: string; postcodeAreas: string[] }[]; streets?: string[] } | undefined;
  if (!area?.towns?.length) throw new Error(`data-reference/places.json has no towns for area ${areaCode}`);
  const streets = [...new Set([...(area.streets ?? []), ...(places.streets ?? [])])];
  if (!streets.length) throw new Error('data-reference/places.json has no street names');
  for (const [label, pool] of [
    ['maleForenames', names.maleForenames],
    ['femaleForenames', names.femaleForenames],
    ['surnames', names.surnames],
  ] as const) {
    if (!Array.isArray(pool) || !pool.length) throw new Error(`data-reference/names.json has no ${label}`);
  }
  return {
    maleForenames: names.maleForenames,
    femaleForenames: names.femaleForenames,
    surnames: names.surnames,
    towns: area.towns,
    streets,
    offences: offences.offences,
    courts: offences.courts,
  };
}
