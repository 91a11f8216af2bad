import {
  DEFAULT_MONITORING_SETTINGS,
  monitoringFlags,
  type Communication,
  type ContactLink,
  type LinkedCounterpart,
  type MonitoringReason,
} from '../../domain/communications-monitoring.ts';
import { fromEpochDay } from '../../domain/dates.ts';
import { Random, hashSeed } from '../demo/random.ts';
import { KIND, rowId } from './plan.ts';
import type { AreaAgencies } from './staff.ts';
import type { Rows } from './tables.ts';

/**
 * A person's time in custody as the custody module records it (issue 14): the open episode of
 * everyone in prison today (the establishment of their prison offender manager, the index
 * sentence's dates), a closed episode for those released in the last year, moves between
 * establishments, and — for about one MAPPA prisoner in ten — public protection monitoring: the
 * case, the numbers that matter, 90 days of calls and a little mail, and the flags today's scan
 * raises. Its own random stream per person, so adding it changes nothing else about the person.
 *
 * Call volumes (assumptions, docs/performance.md): a monitored prisoner calls 1–12 numbers,
 * about 4 calls a day (from 1 to 15); one in ten has a "new partner" called 10–18 times a day with
 * one day of 35–50 (the inspection's "Kevin": 475 calls in a month, 43 in a day); one in twenty
 * calls a number linked to a victim or a child now and then. Listening lags 1–20 days per case
 * (the inspection found backlogs of weeks); one case in twenty is in another language.
 */

/** The share of MAPPA prisoners on monitoring (the issue's ~10%). */
export const MONITORING_SHARE = 0.1;
/** The days of communications generated: what the scan reads (the 30-day window and the baseline). */
export const MONITORING_DAYS = 90;
/** Communications get ids of their own numbering: up to this many per person. */
const COMMUNICATIONS_PER_OWNER = 4096;
const OWNERS_PER_PERSON = 64;

/** Numbers reserved for drama (Ofcom), so no real line is ever "called": prefix + 3 digits. */
const NUMBER_PREFIXES = [
  '07700900',
  '011349600',
  '011449600',
  '011549600',
  '011749600',
  '012149600',
  '013149600',
  '015149600',
  '016149600',
  '020794600',
  '029201800',
];

const prisonsByContext = new WeakMap<object, string[]>();

/** Every prison in the country, for areas with none of their own (their people are held elsewhere). */
function nationalPrisons(agencies: Record<string, AreaAgencies>): string[] {
  let prisons = prisonsByContext.get(agencies);
  if (!prisons) {
    prisons = Object.values(agencies).flatMap((a) => a.prison);
    prisonsByContext.set(agencies, prisons);
  }
  return prisons;
}

export interface CustodyFacts {
  seed: number;
  person: number;
  nominalId: string;
  mappa: boolean;
  female: boolean;
  /** Under 21 at reception: a young offender institution. */
  youngAdult: boolean;
  offenceKind: string;
  category: number | null;
  agencies: Record<string, AreaAgencies>;
  areaAgencies: AreaAgencies;
  /** The prison offender manager's number in the area (their agency is the establishment). */
  pomNumber: number;
  pomUserId: string;
  comUserId: string;
  /** Epoch days. */
  today: number;
  sentenceStart: number;
  crd: number | null;
  ped: number | null;
  hdc: number | null;
  led: number | null;
  /** The day released, or null while in custody. */
  released: number | null;
  managerFrom: number;
  /** The share of MAPPA prisoners monitored (default MONITORING_SHARE; the bench raises it). */
  monitoringShare?: number;
}

const day = (epoch: number) => fromEpochDay(epoch);
const at = (epoch: number, seconds: number) => {
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${fromEpochDay(epoch)}T${hh}:${mm}:${ss}Z`;
};

/** The id of a person's n-th communication (many more than a row number's 4,096). */
export const communicationId = (seed: number, person: number, n: number) =>
  rowId(
    seed,
    KIND.communication,
    person * OWNERS_PER_PERSON + Math.floor(n / COMMUNICATIONS_PER_OWNER),
    n % COMMUNICATIONS_PER_OWNER,
  );

/** The establishment holding the person: their prison offender manager's prison. */
export function establishmentOf(f: Pick<CustodyFacts, 'areaAgencies' | 'agencies' | 'pomNumber'>): string {
  const own = f.areaAgencies.prison;
  if (own.length) return own[f.pomNumber % own.length]!;
  const all = nationalPrisons(f.agencies);
  return all[f.pomNumber % all.length]!;
}

/** Appends the person's custody episode, moves and monitoring to `out`. */
export function generateCustody(f: CustodyFacts, out: Rows): void {
  const rng = new Random(hashSeed(f.seed, 'custody', f.person));
  const T = f.today;
  const open = f.released === null;
  const episodeId = rowId(f.seed, KIND.custodyEpisode, f.person);
  const establishment = establishmentOf(f);
  const received = f.sentenceStart;
  const category = f.female
    ? rng.chance(0.85)
      ? 'women_closed'
      : 'women_open'
    : f.youngAdult
      ? 'yoi_closed'
      : rng.weighted<string>([
          ['A', 2],
          ['B', 25],
          ['C', 60],
          ['D', 13],
        ]);
  const release = f.released ?? f.crd;
  // The handover to the community offender manager ~8.5 months before release (some late).
  const handoverDue = release === null ? null : release - 255;
  const handedOver =
    handoverDue !== null && handoverDue <= T && rng.chance(open ? 0.8 : 0.95)
      ? Math.min(T, Math.max(received, handoverDue) + rng.int(0, 40))
      : null;
  const createdAt = at(Math.min(T, received + 1), 10 * 3600);
  out.custody_episodes.push([
    episodeId,
    f.nominalId,
    establishment,
    day(received),
    false,
    category,
    day(f.sentenceStart),
    f.crd === null ? null : day(f.crd),
    f.ped === null ? null : day(f.ped),
    f.hdc === null ? null : day(f.hdc),
    f.led === null ? null : day(f.led),
    f.led === null ? null : day(f.led),
    f.pomUserId,
    day(Math.min(T, f.managerFrom)),
    f.comUserId,
    day(Math.min(T, f.managerFrom)),
    handedOver === null ? null : day(handedOver),
    handedOver === null ? null : rng.chance(0.6),
    open ? null : day(f.released!),
    open
      ? null
      : f.hdc !== null && f.released! < (f.crd ?? Infinity)
        ? 'hdc'
        : f.ped !== null && f.released! < (f.crd ?? Infinity)
          ? 'parole'
          : 'conditional_release',
    createdAt,
    f.pomUserId,
    createdAt,
    f.pomUserId,
  ]);

  // Moves: the establishment now is the last; those before it were others.
  const span = (open ? T : f.released!) - received;
  const moves =
    span > 200
      ? rng.weighted<number>([
          [0, 60],
          [1, 30],
          [2, 10],
        ])
      : 0;
  const pool = f.areaAgencies.prison.length > 1 ? f.areaAgencies.prison : nationalPrisons(f.agencies);
  const held: string[] = [establishment];
  for (let k = 0; k < moves; k++) {
    const other = pool.filter((p) => p !== held[0]);
    if (!other.length) break;
    held.unshift(rng.pick(other));
  }
  const moveDays = Array.from({ length: held.length - 1 }, () => received + rng.int(30, span - 1)).sort(
    (a, b) => a - b,
  );
  moveDays.forEach((on, k) =>
    out.custody_moves.push([
      rowId(f.seed, KIND.custodyMove, f.person, k),
      episodeId,
      held[k],
      held[k + 1],
      day(on),
      rng.pick(['Progression', 'Population pressure', 'Closer to home', 'Offending behaviour programme']),
      f.pomUserId,
      at(on, 15 * 3600),
    ]),
  );

  if (open && f.mappa && rng.chance(f.monitoringShare ?? MONITORING_SHARE))
    generateMonitoring(f, rng, episodeId, out);
}

function generateMonitoring(f: CustodyFacts, rng: Random, episodeId: string, out: Rows): void {
  const T = f.today;
  const caseId = rowId(f.seed, KIND.monitoringCase, f.person);
  const reasons: MonitoringReason[] =
    f.category === 4
      ? ['terrorism']
      : f.offenceKind === 'sexual'
        ? rng.chance(0.6)
          ? ['child_contact']
          : ['victim_contact']
        : rng.weighted<MonitoringReason[]>([
            [['harassment'], 40],
            [['victim_contact'], 30],
            [['harassment', 'victim_contact'], 20],
            [['organised_crime'], 10],
          ]);
  const authorised = Math.max(f.sentenceStart, T - rng.int(10, 400));
  const reviewed = Math.max(authorised, T - rng.int(0, 40));
  const stamp = at(authorised, 11 * 3600);
  out.monitoring_cases.push([
    caseId,
    f.nominalId,
    episodeId,
    `PIN${String(f.person).padStart(9, '0')}`,
    reasons,
    'Head of security',
    day(authorised),
    day(reviewed),
    null,
    null,
    stamp,
    f.pomUserId,
    at(reviewed, 11 * 3600),
    f.pomUserId,
  ]);

  const number = () => `${rng.pick(NUMBER_PREFIXES)}${String(rng.int(0, 999)).padStart(3, '0')}`;
  // The numbers the record links to the person's victims or children.
  const linked: LinkedCounterpart[] = [];
  const linkKinds: ContactLink[] = reasons.includes('child_contact')
    ? ['child', 'victim']
    : reasons.includes('terrorism') || reasons.includes('organised_crime')
      ? ['co_defendant']
      : ['victim', 'no_contact_order'];
  const contactCount = rng.int(1, 2);
  for (let k = 0; k < contactCount; k++) {
    const link = linkKinds[k % linkKinds.length]!;
    const counterpart = number();
    const source =
      link === 'co_defendant' ? 'Co-defendant at trial (police)' : `Relationship: ${link.replace(/_/g, ' ')}`;
    linked.push({ counterpart, link, source });
    out.monitored_contacts.push([
      rowId(f.seed, KIND.monitoredContact, f.person, k),
      caseId,
      counterpart,
      link,
      source,
      f.pomUserId,
      stamp,
    ]);
  }

  // Who they call: family and friends by popularity, a new partner, now and then a linked number.
  const numbers = Array.from({ length: rng.int(1, 12) }, number);
  const weights = numbers.map((_, k) => 1 / (k + 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const perDay = Math.min(15, Math.max(1, Math.exp(Math.log(4) + 0.5 * normal(rng))));
  const partner = rng.chance(0.1)
    ? { number: number(), from: T - rng.int(5, 40), rate: rng.int(10, 18), peak: T - rng.int(0, 4) }
    : null;
  const callsLinked = rng.chance(0.05) ? linked[0]!.counterpart : null;
  const lag = rng.weighted<number>([
    [rng.int(1, 6), 70],
    [rng.int(7, 20), 30],
  ]);
  const foreign = rng.chance(0.05) ? rng.pick(['Polish', 'Romanian', 'Albanian', 'Urdu', 'Arabic']) : null;

  const communications: Communication[] = [];
  let n = 0;
  const from = Math.max(authorised, T - MONITORING_DAYS);
  for (let d = from; d <= T; d++) {
    const calls: string[] = [];
    const base = Math.round(perDay * (0.4 + 1.2 * rng.float()));
    for (let k = 0; k < base; k++) {
      let roll = rng.float() * totalWeight;
      let pick = 0;
      while (roll >= weights[pick]! && pick < numbers.length - 1) roll -= weights[pick++]!;
      calls.push(numbers[pick]!);
    }
    if (partner && d >= partner.from) {
      const count =
        d === partner.peak ? rng.int(35, 50) : Math.round(partner.rate * (0.6 + 0.8 * rng.float()));
      for (let k = 0; k < count; k++) calls.push(partner.number);
    }
    if (callsLinked && rng.chance(0.1)) calls.push(callsLinked);
    // Prisons' phones run from the morning unlock to the evening bang-up (UTC hours keep the London day).
    const times = calls.map(() => rng.int(8 * 3600, 19 * 3600)).sort((a, b) => a - b);
    calls.forEach((counterpart, k) => {
      const listened = d + lag <= T ? d + lag : null;
      const translated = foreign !== null && listened !== null && rng.chance(0.2);
      const done = translated && listened! + rng.int(2, 20) <= T ? listened! + rng.int(2, 20) : null;
      const id = communicationId(f.seed, f.person, n++);
      out.communications.push([
        id,
        caseId,
        'call',
        at(d, times[k]!),
        day(d),
        counterpart,
        rng.int(20, 600),
        null,
        listened === null ? null : day(listened),
        null,
        foreign,
        translated ? day(listened!) : null,
        done === null ? null : day(done),
        null,
        f.pomUserId,
        at(d, times[k]!),
      ]);
      communications.push({
        id,
        kind: 'call',
        on: day(d),
        counterpart,
        listenedOn: listened === null ? null : day(listened),
        translationRequestedOn: translated ? day(listened!) : null,
        translationDoneOn: done === null ? null : day(done),
      });
    });
    // A letter now and then, read on arrival.
    if (rng.chance(0.08)) {
      const id = communicationId(f.seed, f.person, n++);
      const counterpart = `${rng.int(1, 120)} ${rng.pick(['Station Road', 'Church Lane', 'Park Avenue', 'Victoria Street'])}`;
      out.communications.push([
        id,
        caseId,
        'mail',
        at(d, 9 * 3600),
        day(d),
        counterpart,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        f.pomUserId,
        at(d, 9 * 3600),
      ]);
      communications.push({ id, kind: 'mail', on: day(d), counterpart });
    }
    if (n >= OWNERS_PER_PERSON * COMMUNICATIONS_PER_OWNER - 200) break;
  }

  // Today's scan, as the custody module runs it (default settings: no area has its own).
  monitoringFlags(communications, linked, DEFAULT_MONITORING_SETTINGS, day(T)).forEach((flag, k) =>
    out.monitoring_flags.push([
      rowId(f.seed, KIND.monitoringFlag, f.person, k),
      caseId,
      flag.key,
      flag.kind,
      flag.counterpart,
      flag.count,
      flag.from,
      flag.to,
      flag.evidence,
      day(T),
    ]),
  );
}

/** A standard normal draw (Box–Muller), for the spread of call volumes. */
function normal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rng.float())) * Math.cos(2 * Math.PI * rng.float());
}
