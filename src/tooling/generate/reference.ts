import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../config.ts';
import type { Random } from '../demo/random.ts';
import type { DemoOffence } from '../demo/reference.ts';

/**
 * The pools synthetic people are drawn from (data-reference/: weighted British names, towns with
 * real postcode districts, offences with their Schedule 3 / 15 / terrorism flags, courts), shaped
 * for drawing millions of values quickly: weights become cumulative tables searched by bisection.
 */

export class WeightedPool {
  readonly #values: string[];
  readonly #cumulative: number[];
  readonly #total: number;

  constructor(entries: readonly (readonly [string, number])[]) {
    this.#values = entries.map(([v]) => v);
    let sum = 0;
    this.#cumulative = entries.map(([, w]) => (sum += Math.max(0, w)));
    this.#total = sum;
  }

  draw(rng: Random): string {
    const roll = rng.float() * this.#total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cumulative[mid]! > roll) hi = mid;
      else lo = mid + 1;
    }
    return this.#values[lo]!;
  }
}

export interface AreaPlaces {
  towns: readonly { town: string; postcodeAreas: readonly string[] }[];
  courts: readonly string[];
  crownCourts: readonly string[];
}

export interface GenerationReference {
  maleForenames: WeightedPool;
  femaleForenames: WeightedPool;
  surnames: WeightedPool;
  streets: readonly string[];
  places: Record<string, AreaPlaces>;
  offences: readonly DemoOffence[];
}

type Pool = [string, number][];

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(projectRoot, 'data-reference', file), 'utf8')) as T;
}

export async function loadGenerationReference(): Promise<GenerationReference> {
  const names = await readJson<{ maleForenames: Pool; femaleForenames: Pool; surnames: Pool }>('names.json');
  const placesFile = await readJson<
    {
      streets?: string[];
      areas?: Record<string, { towns: AreaPlaces['towns']; streets?: string[] }>;
    } & Record<string, unknown>
  >('places.json');
  const offencesFile = await readJson<{
    offences: DemoOffence[];
    courts: { name: string; area: string; type?: string }[];
  }>('offences.json');
  const areaPlaces = (placesFile.areas ?? placesFile) as Record<
    string,
    { towns?: AreaPlaces['towns'] } | undefined
  >;
  const places: Record<string, AreaPlaces> = {};
  for (const [code, value] of Object.entries(areaPlaces)) {
    if (!value?.towns?.length) continue;
    const courts = offencesFile.courts.filter((c) => c.area === code);
    places[code] = {
      towns: value.towns,
      courts: courts.filter((c) => c.type !== 'crown').map((c) => c.name),
      crownCourts: courts.filter((c) => c.type === 'crown').map((c) => c.name),
    };
  }
  return {
    maleForenames: new WeightedPool(names.maleForenames),
    femaleForenames: new WeightedPool(names.femaleForenames),
    surnames: new WeightedPool(names.surnames),
    streets: placesFile.streets ?? ['High Street'],
    places,
    offences: offencesFile.offences,
  };
}
