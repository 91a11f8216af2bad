import { Random, hashSeed } from '../demo/random.ts';

/**
 * The shape of the synthetic national dataset, from published figures (shared/data/README.md and
 * MAPPA.md §2): how many people of each kind in each of the 42 areas, each area's level shares,
 * and how many staff it needs. Everything is a pure function of (seed, scale), so a resumed run
 * plans exactly what the interrupted one planned.
 */

/** Published 31 March 2021 totals, grown to today's ~110,000 (the figure). */
export const NATIONAL_MAPPA_NOMINALS = 110_000;
/** People under probation supervision who are not MAPPA nominals (the Category 3 candidate pool). */
export const NATIONAL_OTHER_SUPERVISED = 300_000;
export const NATIONAL_ACCESS_LOG_ENTRIES = 10_000_000;

/** Areas whose share of the national MAPPA population was published (2021: London 10,131, Cumbria 815 of 87,657). */
const PUBLISHED_SHARE: Record<string, number> = { LON: 10_131 / 87_657, CUM: 815 / 87_657 };

/** The six areas the 2022 inspection published (its Annexe 3, Table 1): % at Levels 1, 2, 3. */
const PUBLISHED_LEVELS: Record<string, [number, number, number]> = {
  CUM: [97.7, 2.3, 0.0],
  DEC: [99.2, 0.7, 0.1],
  GMP: [99.5, 0.4, 0.1],
  LON: [98.0, 1.7, 0.4],
  WYO: [98.5, 1.5, 0.0],
  NWA: [96.9, 3.0, 0.1],
};

/** Staff ratios: a probation practitioner holds ~45 cases; a police offender manager ~50 RSOs (recommendation 19). */
export const CASES_PER_PRACTITIONER = 45;
export const RSOS_PER_POLICE_OFFENDER_MANAGER = 50;
export const PRISONERS_PER_POM = 60;

export interface AreaInput {
  code: string;
  population: number;
}

export interface AreaPlan {
  code: string;
  /** Index of this area's first person in the national numbering, for MAPPA nominals and others. */
  mappaStart: number;
  mappaCount: number;
  otherStart: number;
  otherCount: number;
  /** Shares of the levelled MAPPA population at Levels 1, 2 and 3 (fractions summing to 1). */
  levelShares: [number, number, number];
  practitioners: number;
  policeOffenderManagers: number;
  prisonOffenderManagers: number;
}

export interface GenerationPlan {
  seed: number;
  scale: number;
  areas: AreaPlan[];
  mappaTotal: number;
  otherTotal: number;
  people: number;
  accessLogEntries: number;
}

/** Splits `total` over weights so the parts add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

/**
 * Level shares for an area: as published for the six inspected areas; otherwise drawn (from the
 * seed) around the national 98.4% at Level 1, within the published national range 94.2–99.8%.
 */
function levelShares(seed: number, code: string): [number, number, number] {
  const published = PUBLISHED_LEVELS[code];
  if (published) {
    const [l1, l2, l3] = published;
    const sum = l1 + l2 + l3;
    return [l1 / sum, l2 / sum, l3 / sum];
  }
  const rng = new Random(hashSeed(seed, 'levels', code));
  // Mostly close to the national share, now and then an outlier like North Wales.
  const level1 = rng.chance(0.1) ? rng.decimal(94.5, 97.5) : rng.decimal(97.8, 99.6);
  const higher = 100 - level1;
  const level3 = higher * rng.decimal(0.06, 0.14);
  return [level1 / 100, (higher - level3) / 100, level3 / 100];
}

export function planGeneration(seed: number, scale: number, areas: readonly AreaInput[]): GenerationPlan {
  const sorted = [...areas].sort((a, b) => a.code.localeCompare(b.code));
  const mappaTotal = Math.max(sorted.length, Math.round(NATIONAL_MAPPA_NOMINALS * scale));
  const otherTotal = Math.max(sorted.length, Math.round(NATIONAL_OTHER_SUPERVISED * scale));
  // The published areas keep their published share; the rest share what is left by population.
  const fixed = Object.values(PUBLISHED_SHARE).reduce((a, b) => a + b, 0);
  const freePopulation = sorted
    .filter((a) => !(a.code in PUBLISHED_SHARE))
    .reduce((s, a) => s + a.population, 0);
  const mappaWeights = sorted.map(
    (a) => PUBLISHED_SHARE[a.code] ?? ((1 - fixed) * a.population) / freePopulation,
  );
  const mappaCounts = apportion(mappaTotal, mappaWeights);
  const otherCounts = apportion(
    otherTotal,
    sorted.map((a) => a.population),
  );
  let mappaStart = 0;
  let otherStart = mappaTotal;
  const planned = sorted.map((a, i): AreaPlan => {
    const mappaCount = mappaCounts[i]!;
    const otherCount = otherCounts[i]!;
    const plan: AreaPlan = {
      code: a.code,
      mappaStart,
      mappaCount,
      otherStart,
      otherCount,
      levelShares: levelShares(seed, a.code),
      practitioners: Math.max(1, Math.ceil((mappaCount + otherCount) / CASES_PER_PRACTITIONER)),
      policeOffenderManagers: Math.max(1, Math.ceil((mappaCount * 0.73) / RSOS_PER_POLICE_OFFENDER_MANAGER)),
      prisonOffenderManagers: Math.max(1, Math.ceil(((mappaCount + otherCount) * 0.2) / PRISONERS_PER_POM)),
    };
    mappaStart += mappaCount;
    otherStart += otherCount;
    return plan;
  });
  return {
    seed,
    scale,
    areas: planned,
    mappaTotal,
    otherTotal,
    people: mappaTotal + otherTotal,
    accessLogEntries: Math.round(NATIONAL_ACCESS_LOG_ENTRIES * scale),
  };
}

/** The area a person (by national index) belongs to, and their index within its list. */
export function areaOfPerson(
  plan: GenerationPlan,
  person: number,
): { area: AreaPlan; mappa: boolean; local: number; caseIndex: number } {
  const mappa = person < plan.mappaTotal;
  // Areas are few (42): a linear scan is cheaper than anything cleverer.
  for (const area of plan.areas) {
    if (mappa && person < area.mappaStart + area.mappaCount)
      return { area, mappa, local: person - area.mappaStart, caseIndex: person - area.mappaStart };
    if (!mappa && person < area.otherStart + area.otherCount)
      return {
        area,
        mappa,
        local: person - area.otherStart,
        caseIndex: area.mappaCount + person - area.otherStart,
      };
  }
  throw new RangeError(`No area for person ${person}`);
}

// ---------------------------------------------------------------------------------------------
// Deterministic ids: the same seed gives the same uuid for the same row, so a resumed batch writes
// exactly the rows it would have written, and rows can name each other without a lookup.

export const KIND = {
  nominal: 0x0001,
  alias: 0x0002,
  identifier: 0x0003,
  address: 0x0004,
  conviction: 0x0005,
  risk: 0x0006,
  marker: 0x0007,
  manager: 0x0008,
  decision: 0x0009,
  event: 0x000a,
  referral: 0x000b,
  meeting: 0x000c,
  invitation: 0x000d,
  attendance: 0x000e,
  minutes: 0x000f,
  action: 0x0010,
  actionUpdate: 0x0011,
  notification: 0x0012,
  consideration: 0x0013,
  referralDecision: 0x0014,
  statusNotification: 0x0015,
  screening: 0x0016,
  civilOrder: 0x0017,
  notificationEvent: 0x0018,
  custodyEpisode: 0x0019,
  custodyMove: 0x001a,
  monitoringCase: 0x001b,
  monitoredContact: 0x001c,
  communication: 0x001d,
  monitoringFlag: 0x001e,
  user: 0x0100,
} as const;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** `ssssssss-kkkk-4nnn-8000-iiiiiiiiiiii`: seed, row kind, the row's number within its owner, the owner. */
export function rowId(seed: number, kind: number, owner: number, sub = 0): string {
  return `${hex(seed >>> 0, 8)}-${hex(kind, 4)}-4${hex(sub, 3)}-8000-${hex(owner, 12)}`;
}
