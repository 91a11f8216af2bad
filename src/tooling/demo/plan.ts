import type { MappaCategory, MappaLevel, RoshLevel } from '../../domain/codes.ts';
import { addDays, addMonths, addYears, ageOn, compareDates, daysBetween } from '../../domain/dates.ts';
import { croCheckCharacter, pncCheckCharacter, type IdentifierType } from '../../domain/identifiers.ts';
import { highestRosh } from '../../domain/record-rules.ts';
import { Random, hashSeed } from './random.ts';
import type { DemoOffence, DemoReference } from './reference.ts';

/*
 * The demo dataset as plain values, before anything is written: a pure function of the seed, the
 * area, the reference pools and "today", so the same inputs always give the same people. Values
 * use the field keys of src/modules/nominals/sections.ts; agencies are named, and the loader turns
 * names into ids.
 */

type Values = Record<string, unknown>;

/** What the person's index sentence means today. */
export type DemoStatus =
  /** Serving a custodial sentence, release date in the future. */
  | 'custody'
  /** Released and on licence (licence expiry in the future, or a life licence). */
  | 'licence'
  /** Serving a community or suspended sentence. */
  | 'community'
  /** Category 1 whose licence or order has ended: still registered, managed by the police. */
  | 'ended';

export interface DemoStaffMember {
  displayName: string;
  email: string;
  agencyName: string;
}

/** The demo users who appear as managers and assessors of the demo nominals. */
export interface DemoStaff {
  probation: DemoStaffMember;
  police: DemoStaffMember;
  prison: DemoStaffMember;
}

export interface PlannedManager {
  role: 'community_offender_manager' | 'police_offender_manager' | 'prison_offender_manager';
  name: string;
  agencyName: string;
  userEmail: string | null;
  fromDate: string;
  toDate: string | null;
}

export interface PlannedNominal {
  identity: Values;
  identifiers: { type: IdentifierType; value: string }[];
  aliases: Values[];
  addresses: Values[];
  relationships: Values[];
  convictions: Values[];
  /** Civil orders (SHPOs, notification orders), in the record's `orders` section. */
  orders?: Values[];
  riskAssessments: Values[];
  markers: Values[];
  managers: PlannedManager[];
  leadAgencyName: string;
  category: MappaCategory;
  level: MappaLevel | null;
  status: DemoStatus;
}

export interface PlanInput {
  seed: number;
  areaCode: string;
  count: number;
  today: string;
  reference: DemoReference;
  /** The area's agencies. */
  agencies: readonly { type: string; name: string }[];
  staff: DemoStaff;
}

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const ID_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const ROSH: readonly RoshLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];
const rank = (level: RoshLevel) => ROSH.indexOf(level);
const atMost = (level: RoshLevel, cap: RoshLevel): RoshLevel => (rank(level) > rank(cap) ? cap : level);
const stepDown = (level: RoshLevel, steps: number): RoshLevel => ROSH[Math.max(0, rank(level) - steps)]!;
const minDate = (a: string, b: string) => (compareDates(a, b) <= 0 ? a : b);
const maxDate = (a: string, b: string) => (compareDates(a, b) >= 0 ? a : b);

/** Dates offences came into force: an offence cannot be committed before its Act existed. */
const IN_FORCE: readonly [RegExp, string][] = [
  [/Sexual Offences Act 2003/, '2004-05-01'],
  [/Serious Crime Act 2015 s\.76/, '2015-12-29'],
  [/Protection from Harassment Act 1997 s\.(2A|4A)/, '2012-11-25'],
  [/Terrorism Act 2006/, '2006-04-13'],
  [/Sentencing Act 2020/, '2020-12-01'],
  [/Assaults on Emergency Workers/, '2018-11-13'],
];
function inForceFrom(offence: DemoOffence): string {
  return IN_FORCE.find(([pattern]) => pattern.test(offence.act))?.[1] ?? '1900-01-01';
}

const CHILD_OFFENCE = /child|under 1[36]|grooming|photograph|family member|position of trust/i;
const IMAGES_OFFENCE = /photograph|images/i;
const SERIOUS_SEXUAL = /rape|penetration|under 13/i;
const DA_OFFENCE =
  /coercive|restraining|non-molestation|harassment|stalking|letter or communication|threats to kill/i;
const STALKING_OFFENCE = /stalking|harassment|putting people in fear/i;
const WEAPON_OFFENCE = /firearm|blade|offensive weapon/i;
const WOUNDING_OFFENCE = /wounding|grievous|Robbery|Aggravated burglary/i;
const COMMUNITY_SEXUAL =
  /photograph|images|Exposure|Voyeurism|communication|Sexual assault on a|in the presence of a child|watch a sexual act/i;

/** Fictional people who collide on purpose, to show how search and duplicate checks cope. */
const SPECIALS: readonly {
  forename: string;
  middleNames: string | null;
  surname: string;
  age: number;
  dayOffset: number;
  alias?: [string, string];
}[] = [
  { forename: 'John', middleNames: 'Edward', surname: 'Smith', age: 46, dayOffset: 37 },
  { forename: 'John', middleNames: null, surname: 'Smith', age: 61, dayOffset: 190 },
  {
    forename: 'Jonathan',
    middleNames: 'Paul',
    surname: 'Smith',
    age: 44,
    dayOffset: 299,
    alias: ['John', 'Smith'],
  },
  { forename: 'Jon', middleNames: null, surname: 'Smyth', age: 46, dayOffset: 37 },
  { forename: 'John', middleNames: 'Michael', surname: 'Smith', age: 40, dayOffset: 250 },
  { forename: 'John', middleNames: null, surname: 'Smithson', age: 52, dayOffset: 101 },
  {
    forename: 'Mohammed',
    middleNames: 'Ali',
    surname: 'Khan',
    age: 42,
    dayOffset: 12,
    alias: ['Muhammad', 'Khan'],
  },
  { forename: 'Muhammad', middleNames: null, surname: 'Khan', age: 43, dayOffset: 12 },
];

const SHORT_NAMES: Record<string, string> = {
  David: 'Dave',
  Michael: 'Mike',
  Christopher: 'Chris',
  Robert: 'Rob',
  Stephen: 'Steve',
  Steven: 'Steve',
  Daniel: 'Danny',
  Richard: 'Rick',
  Anthony: 'Tony',
  James: 'Jim',
  Thomas: 'Tom',
  William: 'Billy',
  Matthew: 'Matt',
  Andrew: 'Andy',
  Peter: 'Pete',
  Jonathan: 'Jon',
  John: 'Johnny',
  Kevin: 'Kev',
  Philip: 'Phil',
  Nicholas: 'Nick',
  Mohammed: 'Mohammad',
  Samuel: 'Sam',
  Joseph: 'Joe',
  Benjamin: 'Ben',
};

/**
 * Family backgrounds that names suggest, so a person's name, ethnicity, nationality, language and
 * religion fit together. Anyone else is most likely White British.
 */
interface Background {
  surname: RegExp;
  maleForenames: readonly string[];
  femaleForenames: readonly string[];
  ethnicity: readonly (readonly [string, number])[];
  nationality: readonly (readonly [string, number])[];
  /** Language of those not born British. */
  language: string;
  religion: readonly (readonly [string, number])[];
}

const MUSLIM: readonly (readonly [string, number])[] = [
  ['muslim', 90],
  ['not_stated', 10],
];
const BACKGROUNDS: readonly Background[] = [
  {
    surname: /(ski|cki|czyk)$|^(Nowak|Mazur|Dudek|Zając|Wieczorek|Król|Krawczyk|Pawlak|Wójcik|Kowalczyk)$/,
    maleForenames: [
      'Andrzej',
      'Krzysztof',
      'Łukasz',
      'Marcin',
      'Marek',
      'Mateusz',
      'Michał',
      'Paweł',
      'Piotr',
      'Tomasz',
    ],
    femaleForenames: ['Agnieszka', 'Ewa', 'Katarzyna', 'Magdalena', 'Marta', 'Monika'],
    ethnicity: [['W9', 1]],
    nationality: [
      ['Polish', 75],
      ['British', 25],
    ],
    language: 'Polish',
    religion: [
      ['christian', 70],
      ['no_religion', 20],
      ['not_stated', 10],
    ],
  },
  {
    surname: /escu$|^(Popa|Pop|Stan|Dumitru|Constantin)$/,
    maleForenames: ['Andrei', 'Florin', 'Ionut', 'Mihai'],
    femaleForenames: ['Andreea', 'Ioana', 'Elena'],
    ethnicity: [['W9', 1]],
    nationality: [
      ['Romanian', 85],
      ['British', 15],
    ],
    language: 'Romanian',
    religion: [
      ['christian', 80],
      ['not_stated', 20],
    ],
  },
  {
    surname: /(auskas|ius)$/,
    maleForenames: ['Mindaugas', 'Tomas'],
    femaleForenames: ['Elena'],
    ethnicity: [['W9', 1]],
    nationality: [
      ['Lithuanian', 85],
      ['British', 15],
    ],
    language: 'Lithuanian',
    religion: [
      ['christian', 60],
      ['no_religion', 30],
      ['not_stated', 10],
    ],
  },
  {
    surname: /^(Rahman|Islam|Uddin|Miah|Hoque|Haque|Chowdhury|Begum)$/,
    maleForenames: ['Abdul', 'Mohammed', 'Shafiq', 'Jahangir', 'Ashraf', 'Abu'],
    femaleForenames: ['Farzana', 'Nasreen', 'Rukhsana', 'Halima'],
    ethnicity: [['A3', 1]],
    nationality: [
      ['British', 90],
      ['Bangladeshi', 10],
    ],
    language: 'Bengali',
    religion: MUSLIM,
  },
  {
    surname:
      /^(Khan|Ahmed|Ali|Hussain|Akhtar|Iqbal|Mahmood|Malik|Bashir|Aslam|Rashid|Qureshi|Butt|Akram|Anwar|Sheikh|Bhatti|Siddiqui|Chaudhry|Raja|Karim|Javed|Mir|Hanif|Rehman|Nawaz|Arshad|Saleem|Latif|Zaman|Ashraf|Younis|Nazir|Yousaf|Aziz|Farooq|Mughal|Khalid|Aktar|Bibi|Ahmad)$/,
    maleForenames: [
      'Imran',
      'Mohammad',
      'Mohammed',
      'Muhammad',
      'Adil',
      'Amir',
      'Asif',
      'Bilal',
      'Faisal',
      'Kamran',
      'Nadeem',
      'Rizwan',
      'Sajid',
      'Shahid',
      'Tariq',
      'Wasim',
      'Zubair',
      'Omar',
      'Hassan',
    ],
    femaleForenames: ['Aisha', 'Ayesha', 'Fatima', 'Sadia', 'Samina', 'Shazia', 'Parveen'],
    ethnicity: [['A2', 1]],
    nationality: [
      ['British', 92],
      ['Pakistani', 8],
    ],
    language: 'Urdu',
    religion: MUSLIM,
  },
  {
    surname:
      /^(Patel|Singh|Kaur|Sharma|Kumar|Mistry|Parmar|Chauhan|Gupta|Sandhu|Dhillon|Sidhu|Bains|Joshi|Mehta|Desai|Solanki|Rana|Gill|Lal|Pandya|Ram|Lad|Vaghela|Gohil|Makwana|Rathod|Thakur|Bal|Johal|Grewal|Atwal|Virdi|Kang|Hayre|Naidoo|Shah)$/,
    maleForenames: [
      'Amit',
      'Deepak',
      'Nikhil',
      'Rahul',
      'Rajesh',
      'Sanjay',
      'Sunil',
      'Vijay',
      'Balvinder',
      'Gurpreet',
      'Hardeep',
      'Harjit',
      'Jaswinder',
      'Kulvinder',
      'Manjit',
      'Ravinder',
      'Sandeep',
    ],
    femaleForenames: ['Priya', 'Kavita', 'Sunita', 'Anita', 'Harpreet', 'Manpreet', 'Simran'],
    ethnicity: [['A1', 1]],
    nationality: [
      ['British', 92],
      ['Indian', 8],
    ],
    language: 'Punjabi',
    religion: [
      ['sikh', 45],
      ['hindu', 45],
      ['not_stated', 10],
    ],
  },
  {
    surname: /^(Farah|Warsame|Abdi|Yusuf|Mohamed|Hussein|Ibrahim|Musa|Abdullahi)$/,
    maleForenames: ['Abdi', 'Abdullahi', 'Mohamed', 'Yusuf', 'Ibrahim', 'Mustafa'],
    femaleForenames: ['Fadumo', 'Hodan', 'Amina'],
    ethnicity: [['B2', 1]],
    nationality: [
      ['British', 70],
      ['Somali', 30],
    ],
    language: 'Somali',
    religion: MUSLIM,
  },
  {
    surname:
      /^(Okafor|Adeyemi|Mensah|Owusu|Boateng|Osei|Okonkwo|Okoro|Olawale|Ogunleye|Ogundipe|Okeke|Eze|Nwosu|Obi|Oladipo|Afolabi|Balogun|Babatunde|Akinola|Asante|Appiah|Acheampong|Agyeman|Danso|Boakye|Adjei|Kamara|Conteh|Sesay|Bangura|Koroma|Mwangi|Kariuki|Moyo|Ncube|Dube|Sibanda)$/,
    maleForenames: ['Chinedu', 'Emeka', 'Kofi', 'Kwame', 'Oluwaseun', 'Tunde'],
    femaleForenames: ['Abena', 'Blessing', 'Funmilayo', 'Ngozi', 'Precious'],
    ethnicity: [['B2', 1]],
    nationality: [
      ['British', 80],
      ['Nigerian', 12],
      ['Ghanaian', 8],
    ],
    language: 'English',
    religion: [
      ['christian', 75],
      ['muslim', 10],
      ['not_stated', 15],
    ],
  },
  {
    surname:
      /^(Samuels|Gayle|Blake|Lindo|Forbes|Hylton|Spence|Christie|Daley|Beckford|Brissett|Bryan|Ebanks|Gooden|Hinds|Lewin|McFarlane|Reece|Walcott|Wint|Bogle|Anglin|Blackwood|Dacosta|Ricketts|Salmon|Facey|Whyte)$/,
    maleForenames: [
      'Delroy',
      'Errol',
      'Leroy',
      'Marlon',
      'Winston',
      'Garfield',
      'Desmond',
      'Clinton',
      'Dwayne',
      'Jermaine',
      'Trevon',
      'Tyrone',
    ],
    femaleForenames: ['Marcia', 'Charmaine', 'Simone'],
    ethnicity: [
      ['B1', 60],
      ['M1', 40],
    ],
    nationality: [
      ['British', 92],
      ['Jamaican', 8],
    ],
    language: 'English',
    religion: [
      ['christian', 60],
      ['no_religion', 30],
      ['not_stated', 10],
    ],
  },
  {
    surname: /^(Chan|Li|Chen|Wang|Zhang|Lam|Liu|Huang|Zhou|Cheung|Ho|Yeung|Ng|Tang|Wong)$/,
    maleForenames: [],
    femaleForenames: [],
    ethnicity: [['A4', 1]],
    nationality: [
      ['British', 80],
      ['Chinese', 20],
    ],
    language: 'Cantonese',
    religion: [
      ['no_religion', 60],
      ['buddhist', 20],
      ['christian', 10],
      ['not_stated', 10],
    ],
  },
  {
    surname: /^(Pereira|Costa|Rodrigues|Fernandes|Gomes|Santos|Ferreira|Da Silva)$/,
    maleForenames: [],
    femaleForenames: [],
    ethnicity: [['W9', 1]],
    nationality: [
      ['Portuguese', 70],
      ['British', 30],
    ],
    language: 'Portuguese',
    religion: [
      ['christian', 80],
      ['not_stated', 20],
    ],
  },
];

/** White British by default, with the mixed and Black British people whose names give no hint. */
const DEFAULT_BACKGROUND: Background = {
  surname: /^$/,
  maleForenames: [],
  femaleForenames: [],
  ethnicity: [
    ['W1', 860],
    ['W2', 12],
    ['W3', 12],
    ['W9', 15],
    ['M1', 25],
    ['M2', 5],
    ['M3', 5],
    ['M9', 5],
    ['B1', 15],
    ['O9', 3],
    ['NS', 25],
  ],
  nationality: [
    ['British', 97],
    ['Irish', 3],
  ],
  language: 'English',
  religion: [
    ['no_religion', 48],
    ['christian', 38],
    ['muslim', 1],
    ['buddhist', 1],
    ['jewish', 1],
    ['other', 2],
    ['not_stated', 9],
  ],
};

/** A name that fits a background: a matching forename for most people with a telling surname. */
function personName(
  rng: Random,
  reference: DemoReference,
  female: boolean,
): { forename: string; surname: string; background: Background } {
  const pool = female ? reference.femaleForenames : reference.maleForenames;
  const surname = rng.weighted(reference.surnames);
  const bySurname = BACKGROUNDS.find((b) => b.surname.test(surname));
  const fitting = bySurname ? (female ? bySurname.femaleForenames : bySurname.maleForenames) : [];
  const inPool = fitting.filter((name) => pool.some(([n]) => n === name));
  if (bySurname && inPool.length && rng.chance(0.85))
    return { forename: rng.pick(inPool), surname, background: bySurname };
  const forename = rng.weighted(pool);
  const byForename = BACKGROUNDS.find((b) =>
    (female ? b.femaleForenames : b.maleForenames).includes(forename),
  );
  return { forename, surname, background: bySurname ?? byForename ?? DEFAULT_BACKGROUND };
}

export function planDemoNominals(input: PlanInput): PlannedNominal[] {
  const { count, today, reference } = input;
  const global = new Random(hashSeed(input.seed, input.areaCode, 'plan'));

  // Exact counts, so a small demo still shows every category.
  const cat4 = count >= 150 ? 2 : count >= 10 ? 1 : 0;
  const cat3 = count >= 10 ? Math.max(1, Math.round(count * 0.01)) : 0;
  const cat2 = Math.round(count * 0.26);
  const cat1 = Math.max(0, count - cat4 - cat3 - cat2);
  const categories = global.shuffle<MappaCategory>([
    ...Array<MappaCategory>(cat1).fill(1),
    ...Array<MappaCategory>(cat2).fill(2),
    ...Array<MappaCategory>(cat3).fill(3),
    ...Array<MappaCategory>(cat4).fill(4),
  ]);

  // The deliberate near-duplicates, spread through the list, always Category 1 or 2.
  const specialAt = new Map<number, number>();
  const specials = Math.min(SPECIALS.length, count);
  for (let k = 0; k < specials; k++) specialAt.set(Math.floor(((k + 0.5) * count) / specials), k);
  for (const position of specialAt.keys()) {
    if (categories[position] === 1 || categories[position] === 2) continue;
    const swap = categories.findIndex((c, i) => c === 1 && !specialAt.has(i));
    if (swap >= 0) [categories[position], categories[swap]] = [categories[swap]!, categories[position]!];
  }

  let terrorist = 0;
  const statuses = categories.map((category, i): DemoStatus => {
    if (category === 4) return terrorist++ === 0 ? 'licence' : 'custody';
    if (category === 3) return global.chance(0.5) ? 'community' : 'licence';
    if (category === 2) return global.chance(0.33) ? 'custody' : 'licence';
    const status = global.weighted<DemoStatus>([
      ['custody', 22],
      ['licence', 26],
      ['community', 28],
      ['ended', 24],
    ]);
    // Special people stay on current sentences, so their dates stay inside their (fixed) ages.
    return specialAt.has(i) && status === 'ended' ? 'licence' : status;
  });

  const levels = allocateLevels(global, categories, statuses, specialAt);
  const taken = new Set<string>();
  const plans: PlannedNominal[] = [];
  for (let i = 0; i < count; i++) {
    const rng = new Random(hashSeed(input.seed, input.areaCode, 'nominal', i));
    const special = specialAt.has(i) ? SPECIALS[specialAt.get(i)!]! : undefined;
    plans.push(
      planOne(rng, {
        ...input,
        category: categories[i]!,
        status: statuses[i]!,
        level: levels[i]!,
        special,
        taken,
        today,
        reference,
      }),
    );
  }
  return plans;
}

/** ~98% of levelled cases at Level 1, a handful at Level 2, one or two at Level 3, ~5% not yet set. */
function allocateLevels(
  rng: Random,
  categories: readonly MappaCategory[],
  statuses: readonly DemoStatus[],
  specialAt: ReadonlyMap<number, number>,
): (MappaLevel | null)[] {
  const count = categories.length;
  const levels: (MappaLevel | null | undefined)[] = Array<undefined>(count).fill(undefined);
  const level3 = count >= 100 ? 2 : count >= 10 ? 1 : 0;
  const level2 = Math.max(
    categories.filter((c) => c === 3).length,
    count >= 10 ? Math.max(1, Math.round(count * 0.017)) : 0,
  );
  const open = (i: number) => levels[i] === undefined;
  const order = rng.shuffle(categories.map((_, i) => i));
  const take = (n: number, level: MappaLevel | null, accept: (i: number) => boolean) => {
    let given = 0;
    for (const i of order) {
      if (given >= n) break;
      if (open(i) && accept(i)) {
        levels[i] = level;
        given++;
      }
    }
    return given;
  };
  // Level 3: a terrorist offender on licence first, then a violent offender on licence.
  const l3 = take(level3, 3, (i) => categories[i] === 4 && statuses[i] === 'licence');
  take(level3 - l3, 3, (i) => categories[i] === 2 && statuses[i] === 'licence' && !specialAt.has(i));
  // Category 3 exists only at Levels 2 and 3.
  const l2 = take(level2, 2, (i) => categories[i] === 3);
  take(level2 - l2, 2, (i) => categories[i] !== 3 && statuses[i] !== 'ended' && statuses[i] !== 'custody');
  take(Math.round(count * 0.05), null, (i) => categories[i] !== 3 && statuses[i] === 'custody');
  const stillNull = Math.round(count * 0.05) - levels.filter((l) => l === null).length;
  take(stillNull, null, (i) => categories[i] === 1 || categories[i] === 2);
  return levels.map((l, i) => (l === undefined ? (categories[i] === 3 ? 2 : 1) : l));
}

interface OneInput extends PlanInput {
  category: MappaCategory;
  status: DemoStatus;
  level: MappaLevel | null;
  special: (typeof SPECIALS)[number] | undefined;
  taken: Set<string>;
}

interface Sentence {
  offence: DemoOffence;
  outcome: 'custody' | 'community_order' | 'suspended_sentence';
  lengthMonths: number;
  life: boolean;
  offenceDate: string;
  convictionDate: string;
  sentenceStart: string;
  conditionalReleaseDate: string | null;
  paroleEligibilityDate: string | null;
  hdcEligibilityDate: string | null;
  licenceExpiryDate: string | null;
  sentenceExpiryDate: string | null;
  actualReleaseDate: string | null;
  /** When statutory supervision ends (licence or order), or null for a life licence. */
  supervisionEnd: string | null;
  historic: boolean;
}

function planOne(rng: Random, input: OneInput): PlannedNominal {
  const { today, reference, special, category } = input;
  let status = input.status;
  const female = !special && rng.chance(0.04);
  const forenamePool = female ? reference.femaleForenames : reference.maleForenames;

  // --- the index offence and its sentence ---------------------------------------------------
  const sentence = planSentence(rng, input, category, status, female);
  if (sentence.status !== status) status = sentence.status;
  const s = sentence.sentence;

  // --- identity -----------------------------------------------------------------------------
  let dateOfBirth: string;
  if (special) {
    dateOfBirth = addDays(addYears(today, -special.age), -special.dayOffset);
  } else {
    const yearsSinceOffence = Math.floor(daysBetween(s.offenceDate, today) / 365.25);
    const oldest = Math.max(18, Math.min(70, 84 - yearsSinceOffence));
    const youngest = 18;
    const span = s.historic ? Math.min(22, oldest - youngest) : oldest - youngest;
    const ageAtOffence = youngest + Math.floor(rng.float() ** 1.5 * (span + 1));
    dateOfBirth = addDays(addYears(s.offenceDate, -ageAtOffence), -rng.int(1, 364));
  }
  const named = personName(rng, reference, female);
  const forename = special?.forename ?? named.forename;
  const surname = special?.surname ?? named.surname;
  const background = special
    ? (BACKGROUNDS.find((b) => b.surname.test(special.surname)) ?? DEFAULT_BACKGROUND)
    : named.background;
  let middleNames: string | null = special ? special.middleNames : null;
  if (!special && rng.chance(0.55)) {
    const fitting = female ? background.femaleForenames : background.maleForenames;
    const middle =
      background === DEFAULT_BACKGROUND || !fitting.length ? rng.weighted(forenamePool) : rng.pick(fitting);
    middleNames = middle === forename ? null : middle;
  }
  const nationality = special ? 'British' : rng.weighted(background.nationality);
  const ethnicity = rng.weighted(background.ethnicity);
  // People born abroad often speak another language at home; some need an interpreter.
  const language = nationality === 'British' || nationality === 'Irish' ? 'English' : background.language;
  const identity: Values = {
    forename,
    middleNames,
    surname,
    dateOfBirth,
    sex: female ? 'female' : 'male',
    genderIdentity: rng.weighted([
      ['same_as_sex', 88],
      ['not_known', 9],
      ['prefer_not_to_say', 2],
      ['different', 1],
    ]),
    ethnicity,
    nationality,
    disability: rng.weighted([
      ['yes', 22],
      ['no', 63],
      ['not_stated', 15],
    ]),
    religion: rng.weighted(background.religion),
    sexualOrientation: rng.weighted<string | null>([
      ['straight', 70],
      ['gay_or_lesbian', 4],
      ['bisexual', 3],
      ['other', 1],
      ['prefer_not_to_say', 10],
      [null, 12],
    ]),
    language,
    interpreterNeeded: language !== 'English' && rng.chance(0.5),
  };

  // --- earlier convictions ------------------------------------------------------------------
  const previous = planPreviousConvictions(rng, input, dateOfBirth, s);
  const convictions: Values[] = [...previous.map((p) => p.values), convictionValues(rng, input, s)];
  const everInCustody = s.outcome === 'custody' || previous.some((p) => p.values.outcome === 'custody');
  const firstOffence = previous[0]?.values.offenceDate ?? s.offenceDate;
  const firstConviction = (previous[0]?.values.convictionDate ?? s.convictionDate) as string;

  // --- identifiers --------------------------------------------------------------------------
  const identifiers: { type: IdentifierType; value: string }[] = [];
  const unique = (type: string, make: () => string) => {
    for (;;) {
      const value = make();
      if (!input.taken.has(`${type}:${value}`)) {
        input.taken.add(`${type}:${value}`);
        return value;
      }
    }
  };
  const pncYear = Number(String(firstOffence).slice(0, 4));
  identifiers.push({
    type: 'pnc',
    value: unique('pnc', () => {
      const serial = rng.int(1, 1_999_999);
      return `${pncYear}/${String(serial).padStart(7, '0')}${pncCheckCharacter(pncYear, serial)}`;
    }),
  });
  if (rng.chance(0.85)) {
    const croYear = Number(firstConviction.slice(2, 4));
    identifiers.push({
      type: 'cro',
      value: unique('cro', () => {
        const serial = rng.int(1, 999_999);
        return `${String(serial).padStart(6, '0')}/${String(croYear).padStart(2, '0')}${croCheckCharacter(serial, croYear)}`;
      }),
    });
  }
  identifiers.push({
    type: 'crn',
    value: unique('crn', () => `${rng.pick([...ID_LETTERS])}${String(rng.int(0, 999_999)).padStart(6, '0')}`),
  });
  if (everInCustody) {
    const firstCustody =
      (previous.find((p) => p.values.outcome === 'custody')?.values.sentenceStart as string | undefined) ??
      s.sentenceStart;
    const prefix = compareDates(firstCustody, '2016-01-01') < 0 ? 'A' : 'G';
    identifiers.push({
      type: 'prison_number',
      value: unique(
        'prison_number',
        () => `${prefix}${rng.int(1000, 9999)}${rng.pick([...ID_LETTERS])}${rng.pick([...ID_LETTERS])}`,
      ),
    });
  }

  // --- where they live ----------------------------------------------------------------------
  const home = homeAddress(rng, reference);
  const addresses = planAddresses(rng, input, status, s, dateOfBirth, home);
  const current = addresses.filter((a) => a.type !== 'proposed_release' && !a.toDate).at(-1);
  const livesAtHome = current?.type === 'home' && status !== 'custody';
  const town = (current?.town as string | undefined) ?? home.town;

  // --- relationships ------------------------------------------------------------------------
  const domesticAbuse =
    category === 3 ||
    (category === 2 && rng.chance(0.2)) ||
    DA_OFFENCE.test(s.offence.offence) ||
    previous.some((p) => DA_OFFENCE.test(String(p.values.offence))) ||
    rng.chance(0.04);
  const relationships = planRelationships(
    rng,
    input,
    dateOfBirth,
    surname,
    female,
    livesAtHome,
    domesticAbuse,
    s,
  );
  const childrenAtHome = relationships.some((r) => r.isChild && r.inHousehold && !r.toDate);

  // --- managers and lead agency -------------------------------------------------------------
  const pdus = input.agencies.filter((a) => a.type === 'probation').map((a) => a.name);
  const pdu = pduForTown(town, pdus);
  const police = input.agencies.find((a) => a.type === 'police')?.name ?? input.staff.police.agencyName;
  const prisons = input.agencies.filter((a) => a.type === 'prison').map((a) => a.name);
  const managers = planManagers(rng, input, status, s, female, pdu, police, prisons);
  const currentCom = managers.find((m) => m.role === 'community_offender_manager' && !m.toDate);
  const leadAgencyName = status === 'ended' ? police : (currentCom?.agencyName ?? pdu);

  // --- risk ---------------------------------------------------------------------------------
  const riskAssessments = planRiskAssessments(rng, input, s, managers, female);

  // --- markers ------------------------------------------------------------------------------
  const markers = planMarkers(rng, input, s, previous, domesticAbuse, childrenAtHome, dateOfBirth);

  // --- aliases ------------------------------------------------------------------------------
  const aliases: Values[] = [];
  if (special?.alias) {
    aliases.push({
      forename: special.alias[0],
      surname: special.alias[1],
      dateOfBirth,
      fromDate: null,
      toDate: null,
    });
  } else if (!special && rng.chance(0.15)) {
    const short = SHORT_NAMES[forename];
    if (short && rng.chance(0.6)) {
      aliases.push({ forename: short, surname, dateOfBirth: null, fromDate: null, toDate: null });
    } else {
      // A surname used earlier (a stepfather's, or given to police), sometimes with a wrong date of birth.
      const otherSurname = rng.weighted(reference.surnames);
      const from = addYears(dateOfBirth, rng.int(16, 22));
      const until = minDate(addDays(from, rng.int(200, 3000)), addDays(today, -30));
      aliases.push({
        forename,
        surname: otherSurname === surname ? `${surname}-${rng.weighted(reference.surnames)}` : otherSurname,
        dateOfBirth: rng.chance(0.35) ? shiftedBirthDate(rng, dateOfBirth, today) : null,
        fromDate: compareDates(until, from) > 0 ? from : null,
        toDate: compareDates(until, from) > 0 ? until : null,
      });
    }
  }

  return {
    identity,
    identifiers,
    aliases,
    addresses,
    relationships,
    convictions,
    riskAssessments,
    markers,
    managers,
    leadAgencyName,
    category,
    level: input.level,
    status,
  };
}

/** A date of birth as it is often mis-recorded: day and month swapped, or a year out. */
function shiftedBirthDate(rng: Random, dateOfBirth: string, today: string): string {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let shifted: string;
  if (d <= 12 && d !== m && rng.chance(0.6))
    shifted = `${y}-${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}`;
  else shifted = addYears(dateOfBirth, rng.chance(0.5) ? 1 : -1);
  return compareDates(shifted, today) < 0 ? shifted : dateOfBirth;
}

// --- sentences ---------------------------------------------------------------------------------

/**
 * Schedule 3 entries notifiable only above a sentence threshold the demo's Category 1 sentences do
 * not always reach (e.g. extreme pornography: 2 years' imprisonment, para 35A), so a demo
 * "registered sex offender" is never one the corrected rules let go.
 */
const UNMET_SCHEDULE3_CONDITIONS = new Set([
  'extreme_pornography',
  'sentence',
  'sentence_12_months',
  'custody_or_hospital',
  'offender_20_or_over',
]);

/** The victim's age at a sexual offence, as Schedule 3's conditions need it, read from the offence. */
function victimAgeOf(offence: DemoOffence): string | null {
  if (offence.kind !== 'sexual') return null;
  if (/under 13/i.test(offence.offence)) return 'under_13';
  // For indecent images, the age of the child shown (Sch.3 para 13: under 16).
  if (/child/i.test(offence.offence)) return '13_to_15';
  if (/pornographic|manual/i.test(offence.offence)) return 'no_victim';
  return '18_or_over';
}

function offencePool(
  reference: DemoReference,
  category: MappaCategory,
): readonly (readonly [DemoOffence, number])[] {
  const all = reference.offences;
  const weighted = (list: DemoOffence[], weight: (o: DemoOffence) => number) =>
    list.map((o) => [o, weight(o)] as const);
  switch (category) {
    case 1:
      return weighted(
        all.filter(
          (o) =>
            o.kind === 'sexual' &&
            o.schedule3 &&
            !/historic/i.test(o.offence) &&
            !UNMET_SCHEDULE3_CONDITIONS.has(o.schedule3Condition ?? ''),
        ),
        (o) =>
          IMAGES_OFFENCE.test(o.offence)
            ? 9
            : /Sexual assault|Exposure|Voyeurism|communication/i.test(o.offence)
              ? 5
              : SERIOUS_SEXUAL.test(o.offence)
                ? 3
                : 2,
      );
    case 2:
      return weighted(
        all.filter((o) => o.kind === 'violent' && (o.schedule15 || /^Murder$/i.test(o.offence))),
        (o) =>
          /actual bodily harm|grievous|wounding|Robbery/i.test(o.offence)
            ? 6
            : /Murder|Manslaughter/i.test(o.offence)
              ? 2
              : 2,
      );
    case 3:
      return weighted(
        all.filter((o) => !o.schedule15 && !o.schedule3 && DA_OFFENCE.test(o.offence)),
        (o) => (/coercive/i.test(o.offence) ? 4 : 2),
      );
    case 4:
      return weighted(
        all.filter((o) => o.terrorism),
        () => 1,
      );
  }
}

function custodialLength(
  rng: Random,
  category: MappaCategory,
  offence: DemoOffence,
): { months: number; life: boolean } {
  const name = offence.offence;
  if (category === 1) {
    if (SERIOUS_SEXUAL.test(name))
      return { months: rng.pick([72, 84, 96, 108, 120, 144, 168, 192]), life: false };
    if (IMAGES_OFFENCE.test(name) || /Exposure|Voyeurism/i.test(name))
      return { months: rng.pick([6, 8, 10, 12, 16, 18, 20, 24, 30]), life: false };
    return { months: rng.pick([12, 16, 18, 20, 24, 30, 36, 40, 48, 60, 72]), life: false };
  }
  if (category === 2) {
    if (/^Murder$/i.test(name)) return { months: rng.int(12, 24) * 12, life: true };
    if (/Attempted murder|Manslaughter|Soliciting|with intent|Kidnapping|firearm|death/i.test(name))
      return { months: rng.pick([60, 72, 84, 96, 108, 120, 144, 168]), life: false };
    if (/Robbery|Aggravated burglary|Arson|False imprisonment/i.test(name))
      return { months: rng.pick([36, 42, 48, 54, 60, 72, 84, 96]), life: false };
    return { months: rng.pick([12, 15, 18, 20, 24, 30, 36, 48]), life: false };
  }
  if (category === 3) return { months: rng.pick([8, 10, 12, 14, 18]), life: false };
  return { months: rng.pick([36, 48, 60, 72, 84, 96, 120]), life: false };
}

function planSentence(
  rng: Random,
  input: OneInput,
  category: MappaCategory,
  wanted: DemoStatus,
  female: boolean,
): { sentence: Sentence; status: DemoStatus } {
  const { today, reference } = input;
  let status = wanted;
  const community = status === 'community' || (status === 'ended' && rng.chance(0.45));
  // Courts pass community and suspended sentences only for the less serious sexual offences.
  const pool = offencePool(reference, category).filter(
    ([o]) => !community || category !== 1 || COMMUNITY_SEXUAL.test(o.offence),
  );
  let offence = rng.weighted(pool.length ? pool : offencePool(reference, category));
  // Women are rarely convicted of the most serious contact offences; keep their offences plausible.
  if (female && category === 1 && SERIOUS_SEXUAL.test(offence.offence))
    offence = rng.weighted(pool.length ? pool : offencePool(reference, category));
  let outcome: Sentence['outcome'];
  let lengthMonths: number;
  let life = false;
  if (community) {
    outcome = category === 1 && rng.chance(0.35) ? 'suspended_sentence' : 'community_order';
    lengthMonths = outcome === 'suspended_sentence' ? rng.pick([12, 18, 24]) : rng.pick([12, 18, 24, 36]);
  } else {
    outcome = 'custody';
    ({ months: lengthMonths, life } = custodialLength(rng, category, offence));
    if (input.special && life) {
      lengthMonths = 180;
      life = false;
    }
  }

  // Fractions of the term served before automatic release.
  const serious = lengthMonths >= 84 && (category === 1 || category === 2);
  const crdMonths =
    category === 4
      ? Math.round((lengthMonths * 2) / 3)
      : serious
        ? Math.round((lengthMonths * 2) / 3)
        : Math.ceil(lengthMonths / 2);
  const datesFrom = (start: string) => {
    if (outcome !== 'custody') {
      return {
        crd: null,
        ped: null,
        hdc: null,
        led: null,
        sed: null,
        end: addDays(addMonths(start, lengthMonths), -1),
      };
    }
    if (life)
      return { crd: null, ped: addMonths(start, lengthMonths), hdc: null, led: null, sed: null, end: null };
    const crd = addDays(addMonths(start, crdMonths), -1);
    const sed = addDays(addMonths(start, lengthMonths + (category === 4 ? 12 : 0)), -1);
    const custodyDays = daysBetween(start, crd);
    const hdc =
      category !== 1 && category !== 4 && lengthMonths >= 3 && lengthMonths < 48
        ? addDays(crd, -Math.min(180, Math.floor(custodyDays / 2)))
        : null;
    const ped = category === 4 ? addMonths(start, Math.round(lengthMonths / 2)) : null;
    return { crd, ped, hdc, led: sed, sed, end: sed };
  };

  // Days from sentence start to release (or the end of an order), measured from today's calendar.
  const probe = datesFrom(today);
  const releaseDays = outcome === 'custody' ? daysBetween(today, (probe.crd ?? probe.ped)!) : 0;
  const totalDays = probe.end ? daysBetween(today, probe.end) : releaseDays + 3650;

  let elapsed: number;
  if (status === 'custody') {
    elapsed = rng.int(Math.min(20, Math.floor(releaseDays / 3)), Math.max(1, releaseDays - 20));
  } else if (status === 'licence') {
    // Released, and the licence still has time to run.
    const releasedAfter = life ? releaseDays + rng.int(0, 720) : releaseDays;
    elapsed = life
      ? releasedAfter + rng.int(30, 6 * 365)
      : rng.int(releasedAfter + 14, Math.max(releasedAfter + 14, totalDays - 14));
  } else if (status === 'community') {
    elapsed = rng.int(14, Math.max(14, totalDays - 14));
  } else {
    // Ended: the order or licence has finished but the notification period has not.
    const notificationDays =
      outcome === 'custody' && lengthMonths >= 30
        ? 15 * 365
        : outcome === 'community_order'
          ? 5 * 365 - 60
          : 10 * 365 - 60;
    const low = totalDays + 30;
    const high = Math.min(notificationDays, totalDays + 6 * 365, 15 * 365);
    if (high <= low) {
      status = outcome === 'custody' ? 'licence' : 'community';
      elapsed =
        outcome === 'custody'
          ? rng.int(releaseDays + 14, Math.max(releaseDays + 14, totalDays - 14))
          : rng.int(14, Math.max(14, totalDays - 14));
    } else {
      elapsed = rng.int(low, high);
    }
  }
  elapsed = Math.max(1, elapsed);

  const sentenceStart = addDays(today, -elapsed);
  const d = datesFrom(sentenceStart);
  const convictionDate = addDays(sentenceStart, -rng.int(0, outcome === 'custody' ? 42 : 28));
  const historic = category === 1 && !input.special && rng.chance(0.08);
  let offenceDate: string;
  if (historic) {
    // Abuse reported years later, committed before the Sexual Offences Act 2003 came into force.
    const latest = minDate(addYears(convictionDate, -8), '2004-04-30');
    offenceDate = addDays(latest, -rng.int(0, 20 * 365));
    offence = rng.pick(
      reference.offences.filter((o) => o.kind === 'sexual' && o.schedule3 && /historic/i.test(o.offence)),
    );
  } else {
    offenceDate = addDays(convictionDate, -rng.int(21, 420));
    const inForce = inForceFrom(offence);
    if (compareDates(offenceDate, inForce) < 0) {
      if (compareDates(convictionDate, inForce) >= 0)
        offenceDate = addDays(inForce, rng.int(0, daysBetween(inForce, convictionDate)));
      else {
        const older = offencePool(reference, category).filter(
          ([o]) => compareDates(inForceFrom(o), offenceDate) <= 0,
        );
        if (older.length) offence = rng.weighted(older);
      }
    }
  }

  let actualReleaseDate: string | null = null;
  if (outcome === 'custody' && status !== 'custody') {
    if (life)
      actualReleaseDate = addDays(
        d.ped!,
        rng.int(0, Math.max(0, Math.min(720, daysBetween(d.ped!, today) - 30))),
      );
    else if (d.hdc && rng.chance(0.35)) actualReleaseDate = d.hdc;
    else if (d.ped && rng.chance(0.4))
      actualReleaseDate = addDays(d.ped, rng.int(0, Math.max(0, daysBetween(d.ped, d.crd!))));
    else actualReleaseDate = d.crd;
    actualReleaseDate = minDate(actualReleaseDate!, addDays(today, -7));
    actualReleaseDate = maxDate(actualReleaseDate, sentenceStart);
  }

  return {
    status,
    sentence: {
      offence,
      outcome,
      lengthMonths,
      life,
      offenceDate,
      convictionDate,
      sentenceStart,
      conditionalReleaseDate: d.crd,
      paroleEligibilityDate: d.ped,
      hdcEligibilityDate: d.hdc,
      licenceExpiryDate: d.led,
      sentenceExpiryDate: d.sed,
      actualReleaseDate,
      supervisionEnd: d.end,
      historic,
    },
  };
}

function offenceText(offence: DemoOffence | string): string {
  if (typeof offence === 'string') return offence;
  const text = `${offence.offence} (${offence.act})`;
  return text.length <= 300 ? text : offence.offence.slice(0, 300);
}

function courtFor(rng: Random, input: PlanInput, crown: boolean): string {
  const courts = input.reference.courts.filter((c) => c.area === input.areaCode);
  const matching = courts.filter((c) =>
    crown ? /crown/i.test(c.type ?? c.name) : !/crown/i.test(c.type ?? c.name),
  );
  const list = matching.length ? matching : courts.length ? courts : input.reference.courts;
  return list.length ? rng.pick(list).name : crown ? 'Crown Court' : 'Magistrates’ Court';
}

function convictionValues(rng: Random, input: PlanInput, s: Sentence): Values {
  const crown =
    s.outcome === 'custody'
      ? s.lengthMonths >= 12 || s.life
      : s.outcome === 'suspended_sentence' || rng.chance(0.3);
  return {
    offence: offenceText(s.offence),
    offenceDate: s.offenceDate,
    convictionDate: s.convictionDate,
    court: courtFor(rng, input, crown),
    outcome: s.outcome,
    // A life sentence's length is its minimum term, which the record does not take as a length.
    lengthMonths: s.life ? null : s.lengthMonths,
    ...(s.life ? { sentenceType: 'life' } : {}),
    isIndexOffence: true,
    sentenceStart: s.sentenceStart,
    conditionalReleaseDate: s.conditionalReleaseDate,
    paroleEligibilityDate: s.paroleEligibilityDate,
    hdcEligibilityDate: s.hdcEligibilityDate,
    licenceExpiryDate: s.licenceExpiryDate,
    sentenceExpiryDate: s.sentenceExpiryDate,
    actualReleaseDate: s.actualReleaseDate,
    victimAge: victimAgeOf(s.offence),
    // A suspended sentence order runs for an operational period of 12 months to 2 years, usually
    // with supervision (Sentencing Act 2020 s.288); worked out from the term, so no extra draw.
    ...(s.outcome === 'suspended_sentence'
      ? {
          operationalMonths: Math.min(24, Math.max(12, s.lengthMonths * 2)),
          supervisionMonths: Math.min(24, s.lengthMonths),
        }
      : {}),
  };
}

function planPreviousConvictions(
  rng: Random,
  input: OneInput,
  dateOfBirth: string,
  s: Sentence,
): { values: Values }[] {
  const windowStart = addYears(dateOfBirth, 18);
  const windowEnd = addDays(s.offenceDate, -120);
  const span = daysBetween(windowStart, windowEnd);
  const wanted = rng.weighted([
    [0, 45],
    [1, 30],
    [2, 17],
    [3, 8],
  ]);
  if (span < 365 || wanted === 0) return [];
  const pool = input.reference.offences.filter(
    (o) =>
      (o.kind === 'other' && !/notification requirements|sexual harm prevention/i.test(o.offence)) ||
      (input.category === 3 && DA_OFFENCE.test(o.offence) && !o.schedule15),
  );
  if (!pool.length) return [];
  const dates = Array.from({ length: wanted }, () => addDays(windowStart, rng.int(0, span))).sort();
  const result: { values: Values }[] = [];
  for (const convictionDate of dates) {
    const offenceDate = maxDate(addDays(convictionDate, -rng.int(14, 150)), windowStart);
    const candidates = pool.filter((o) => compareDates(inForceFrom(o), offenceDate) <= 0);
    if (!candidates.length) continue;
    const offence = rng.pick(candidates);
    const outcome = rng.weighted<string>([
      ['fine', 30],
      ['community_order', 30],
      ['custody', 25],
      ['conditional_discharge', 15],
    ]);
    const values: Values = {
      offence: offenceText(offence),
      offenceDate,
      convictionDate,
      court: courtFor(rng, input, false),
      outcome,
      lengthMonths: null,
      isIndexOffence: false,
      sentenceStart: null,
      conditionalReleaseDate: null,
      paroleEligibilityDate: null,
      hdcEligibilityDate: null,
      licenceExpiryDate: null,
      sentenceExpiryDate: null,
      actualReleaseDate: null,
    };
    if (outcome === 'custody') {
      const months = rng.pick([2, 3, 4, 6, 8, 10, 12]);
      const start = addDays(convictionDate, rng.int(0, 14));
      const crd = addDays(addMonths(start, Math.ceil(months / 2)), -1);
      const end = addDays(addMonths(start, months), -1);
      Object.assign(values, {
        lengthMonths: months,
        sentenceStart: start,
        conditionalReleaseDate: crd,
        licenceExpiryDate: end,
        sentenceExpiryDate: end,
        actualReleaseDate: compareDates(crd, input.today) < 0 ? crd : null,
      });
    } else if (outcome === 'community_order') {
      Object.assign(values, {
        lengthMonths: rng.pick([6, 12, 18]),
        sentenceStart: addDays(convictionDate, rng.int(0, 21)),
      });
    } else if (outcome === 'conditional_discharge') {
      values.lengthMonths = rng.pick([6, 12, 24]);
    }
    result.push({ values });
  }
  return result;
}

// --- addresses ---------------------------------------------------------------------------------

interface Place {
  town: string;
  line1: string;
  postcode: string;
}

function postcodeIn(rng: Random, districts: readonly string[]): string {
  const outward = rng.pick(districts);
  return `${outward} ${rng.int(1, 9)}${rng.pick([...INWARD_LETTERS])}${rng.pick([...INWARD_LETTERS])}`;
}

function homeAddress(rng: Random, reference: DemoReference): Place {
  const town = rng.weighted(reference.towns.map((t) => [t, Math.max(1, t.postcodeAreas.length)] as const));
  const street = rng.pick(reference.streets);
  const number = rng.int(1, 180);
  const line1 = rng.chance(0.25) ? `Flat ${rng.int(1, 12)}, ${number} ${street}` : `${number} ${street}`;
  return { town: town.town, line1, postcode: postcodeIn(rng, town.postcodeAreas) };
}

/** Approved premises and hostels are in the area's larger towns. */
function supportedAddress(
  rng: Random,
  reference: DemoReference,
  kind: 'approved_premises' | 'hostel',
): Place & { line2: string } {
  const towns = [...reference.towns]
    .sort((a, b) => b.postcodeAreas.length - a.postcodeAreas.length)
    .slice(0, 3);
  const town = rng.pick(towns);
  const street = rng.pick(reference.streets);
  const house = `${street.split(' ')[0]} House`;
  return {
    town: town.town,
    line1: `${rng.int(1, 90)} ${street}`,
    line2: kind === 'approved_premises' ? `${house} Approved Premises` : `${house} (supported housing)`,
    postcode: postcodeIn(rng, town.postcodeAreas),
  };
}

function addressValues(
  type: string,
  place: (Place & { line2?: string }) | null,
  fromDate: string,
  toDate: string | null,
): Values {
  return {
    type,
    line1: place?.line1 ?? null,
    line2: place?.line2 ?? null,
    town: place?.town ?? null,
    postcode: place?.postcode ?? null,
    fromDate,
    toDate,
  };
}

function planAddresses(
  rng: Random,
  input: OneInput,
  status: DemoStatus,
  s: Sentence,
  dateOfBirth: string,
  home: Place,
): Values[] {
  const { today, reference } = input;
  const adult = addYears(dateOfBirth, 17);
  const addresses: Values[] = [];
  // The home before the index sentence, sometimes after an earlier one.
  const custodial = s.outcome === 'custody';
  const pivot = custodial ? s.sentenceStart : maxDate(adult, addDays(today, -rng.int(60, 2400)));
  const homeFrom = maxDate(adult, addDays(pivot, -rng.int(200, 3000)));
  if (rng.chance(0.35)) {
    const earlierFrom = maxDate(adult, addDays(homeFrom, -rng.int(365, 2500)));
    if (compareDates(earlierFrom, homeFrom) < 0)
      addresses.push(addressValues('home', homeAddress(rng, reference), earlierFrom, homeFrom));
  }

  if (!custodial) {
    // A community sentence: the current home, occasionally a hostel or no fixed abode.
    addresses.push(addressValues('home', home, homeFrom, pivot));
    const kind = rng.weighted<'home' | 'hostel' | 'no_fixed_abode'>([
      ['home', 85],
      ['hostel', 10],
      ['no_fixed_abode', 5],
    ]);
    const place =
      kind === 'no_fixed_abode'
        ? null
        : kind === 'hostel'
          ? supportedAddress(rng, reference, 'hostel')
          : homeAddress(rng, reference);
    addresses.push(addressValues(kind, place, pivot, null));
    return addresses;
  }

  addresses.push(addressValues('home', home, homeFrom, s.sentenceStart));
  if (status === 'custody') {
    // A proposed release address once release is in sight, often approved premises.
    const release = s.conditionalReleaseDate ?? s.paroleEligibilityDate;
    if (release && daysBetween(today, release) < 540) {
      const ap = rng.chance(0.45);
      const place = ap ? supportedAddress(rng, reference, 'approved_premises') : homeAddress(rng, reference);
      addresses.push(addressValues('proposed_release', place, release, null));
    }
    return addresses;
  }

  const released = s.actualReleaseDate ?? s.sentenceStart;
  const sinceRelease = daysBetween(released, today);
  const firstKind = rng.weighted<'approved_premises' | 'hostel' | 'home' | 'no_fixed_abode'>([
    ['approved_premises', 45],
    ['hostel', 15],
    ['home', 35],
    ['no_fixed_abode', 5],
  ]);
  const firstPlace =
    firstKind === 'no_fixed_abode'
      ? null
      : firstKind === 'home'
        ? homeAddress(rng, reference)
        : supportedAddress(rng, reference, firstKind);
  if (firstKind !== 'home' && sinceRelease > 120 && rng.chance(0.75)) {
    // Moved on from the approved premises or hostel.
    const movedOn = addDays(released, rng.int(84, Math.min(sinceRelease - 14, 300)));
    addresses.push(addressValues(firstKind, firstPlace, released, movedOn));
    const next = rng.chance(0.9) ? 'home' : 'no_fixed_abode';
    addresses.push(addressValues(next, next === 'home' ? homeAddress(rng, reference) : null, movedOn, null));
  } else {
    addresses.push(addressValues(firstKind, firstPlace, released, null));
  }
  return addresses;
}

// --- relationships -----------------------------------------------------------------------------

function planRelationships(
  rng: Random,
  input: OneInput,
  dateOfBirth: string,
  surname: string,
  female: boolean,
  livesAtHome: boolean,
  domesticAbuse: boolean,
  s: Sentence,
): Values[] {
  const { today, reference } = input;
  const partnerPool = female ? reference.maleForenames : reference.femaleForenames;
  const relationships: Values[] = [];
  const adultFrom = addYears(dateOfBirth, 18);
  const age = ageOn(dateOfBirth, today);

  if (domesticAbuse || rng.chance(0.1)) {
    const exPartner = `${rng.weighted(partnerPool)} ${rng.weighted(reference.surnames)}`;
    const from = maxDate(adultFrom, addDays(s.offenceDate, -rng.int(400, 3000)));
    const to = minDate(addDays(s.offenceDate, rng.int(0, 60)), addDays(today, -1));
    relationships.push({
      type: 'ex_partner',
      personName: exPartner,
      dateOfBirth: addDays(dateOfBirth, rng.int(-6 * 365, 4 * 365)),
      isChild: false,
      inHousehold: false,
      fromDate: compareDates(from, to) <= 0 ? from : null,
      toDate: compareDates(from, to) <= 0 ? to : null,
      notes: domesticAbuse ? 'Relationship ended after the index offence. Restraining order in place.' : null,
    });
    if (domesticAbuse && (input.category === 3 || rng.chance(0.5))) {
      relationships.push({
        type: 'victim',
        personName: exPartner,
        dateOfBirth: null,
        isChild: false,
        inHousehold: false,
        fromDate: s.offenceDate,
        toDate: null,
        notes:
          'Victim of the index offence. In the victim contact scheme: contact through the victim liaison officer only.',
      });
    }
  }

  let partnerInHousehold = false;
  if (rng.chance(domesticAbuse ? 0.25 : 0.35) && age >= 20) {
    partnerInHousehold = livesAtHome && rng.chance(0.6);
    const from = maxDate(adultFrom, addDays(today, -rng.int(200, 5000)));
    relationships.push({
      type: 'partner',
      personName: `${rng.weighted(partnerPool)} ${rng.chance(0.3) ? surname : rng.weighted(reference.surnames)}`,
      dateOfBirth: minDate(addDays(dateOfBirth, rng.int(-8 * 365, 5 * 365)), addYears(today, -18)),
      isChild: false,
      inHousehold: partnerInHousehold,
      fromDate: from,
      toDate: null,
      notes: partnerInHousehold ? 'Disclosure of offending made to partner.' : null,
    });
  }

  if (rng.chance(0.3) && age >= 22) {
    const children = rng.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ]);
    for (let c = 0; c < children; c++) {
      const earliest = addYears(dateOfBirth, 18);
      const latest = addDays(today, -60);
      const span = daysBetween(earliest, latest);
      if (span <= 0) break;
      const childDob = addDays(earliest, rng.int(Math.max(0, span - 25 * 365), span));
      const isChild = ageOn(childDob, today) < 18;
      const male = rng.chance(0.5);
      relationships.push({
        type: 'child',
        personName: `${rng.weighted(male ? reference.maleForenames : reference.femaleForenames)} ${rng.chance(0.6) ? surname : rng.weighted(reference.surnames)}`,
        dateOfBirth: childDob,
        isChild,
        inHousehold: isChild && livesAtHome && (partnerInHousehold ? rng.chance(0.7) : rng.chance(0.15)),
        fromDate: childDob,
        toDate: null,
        notes: null,
      });
    }
  }

  if (rng.chance(0.05)) {
    relationships.push({
      type: 'associate',
      personName: `${rng.weighted(reference.maleForenames)} ${rng.weighted(reference.surnames)}`,
      dateOfBirth: null,
      isChild: false,
      inHousehold: false,
      fromDate: null,
      toDate: null,
      notes: 'Co-defendant in the index offence. Non-association licence condition.',
    });
  }
  return relationships;
}

// --- managers ----------------------------------------------------------------------------------

function staffName(rng: Random, reference: DemoReference): string {
  const female = rng.chance(0.6);
  return `${rng.weighted(female ? reference.femaleForenames : reference.maleForenames)} ${rng.weighted(reference.surnames)}`;
}

function pduForTown(town: string, pdus: readonly string[]): string {
  const named = pdus.find((p) => p.toLowerCase().includes(town.toLowerCase()));
  if (named) return named;
  if (!pdus.length) return '';
  let hash = 0;
  for (const ch of town) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return pdus[hash % pdus.length]!;
}

const WOMENS_PRISONS =
  /Eastwood Park|Styal|Low Newton|New Hall|Askham Grange|Drake Hall|Foston Hall|Bronzefield|Downview|Send|East Sutton Park|Peterborough/i;

function planManagers(
  rng: Random,
  input: OneInput,
  status: DemoStatus,
  s: Sentence,
  female: boolean,
  pdu: string,
  police: string,
  prisons: readonly string[],
): PlannedManager[] {
  const { today, staff, reference, category } = input;
  const managers: PlannedManager[] = [];
  const notAfterToday = (date: string) => minDate(date, today);
  const add = (m: Omit<PlannedManager, 'toDate'> & { toDate?: string | null }) =>
    managers.push({ ...m, toDate: m.toDate ?? null });

  // Community offender manager (probation).
  const comFrom = notAfterToday(addDays(s.sentenceStart, rng.int(3, 45)));
  if (status === 'ended') {
    add({
      role: 'community_offender_manager',
      name: staffName(rng, reference),
      agencyName: pdu,
      userEmail: null,
      fromDate: comFrom,
      toDate: maxDate(s.supervisionEnd ?? comFrom, comFrom),
    });
  } else {
    let from = comFrom;
    if (daysBetween(comFrom, today) > 200 && rng.chance(0.3)) {
      const handover = addDays(comFrom, rng.int(60, daysBetween(comFrom, today) - 30));
      add({
        role: 'community_offender_manager',
        name: staffName(rng, reference),
        agencyName: pdu,
        userEmail: null,
        fromDate: comFrom,
        toDate: handover,
      });
      from = handover;
    }
    const demo = rng.chance(0.5);
    add({
      role: 'community_offender_manager',
      name: demo ? staff.probation.displayName : staffName(rng, reference),
      agencyName: demo ? staff.probation.agencyName : pdu,
      userEmail: demo ? staff.probation.email : null,
      fromDate: from,
    });
  }

  // Prison offender manager while in custody.
  if (s.outcome === 'custody') {
    const pomFrom = notAfterToday(addDays(s.sentenceStart, rng.int(3, 40)));
    const womens = prisons.find((p) => WOMENS_PRISONS.test(p));
    if (status === 'custody') {
      if (female && womens) {
        add({
          role: 'prison_offender_manager',
          name: staffName(rng, reference),
          agencyName: womens,
          userEmail: null,
          fromDate: pomFrom,
        });
      } else {
        add({
          role: 'prison_offender_manager',
          name: staff.prison.displayName,
          agencyName: staff.prison.agencyName,
          userEmail: staff.prison.email,
          fromDate: pomFrom,
        });
      }
    } else if (s.actualReleaseDate && rng.chance(0.5) && compareDates(pomFrom, s.actualReleaseDate) <= 0) {
      const prison =
        female && womens
          ? womens
          : prisons.length
            ? rng.pick(
                prisons.filter((p) => !WOMENS_PRISONS.test(p)).length
                  ? prisons.filter((p) => !WOMENS_PRISONS.test(p))
                  : prisons,
              )
            : staff.prison.agencyName;
      add({
        role: 'prison_offender_manager',
        name: staffName(rng, reference),
        agencyName: prison,
        userEmail: null,
        fromDate: pomFrom,
        toDate: s.actualReleaseDate,
      });
    }
  }

  // Police: the MOSOVO officer for registered sexual offenders, counter-terrorism for Category 4.
  const policeFrom = notAfterToday(addDays(s.convictionDate, rng.int(1, 30)));
  if (category === 1) {
    let from = policeFrom;
    if (daysBetween(policeFrom, today) > 400 && rng.chance(0.2)) {
      const handover = addDays(policeFrom, rng.int(180, daysBetween(policeFrom, today) - 60));
      add({
        role: 'police_offender_manager',
        name: `DC ${staffName(rng, reference)}`,
        agencyName: police,
        userEmail: null,
        fromDate: policeFrom,
        toDate: handover,
      });
      from = handover;
    }
    add({
      role: 'police_offender_manager',
      name: staff.police.displayName,
      agencyName: staff.police.agencyName,
      userEmail: staff.police.email,
      fromDate: from,
    });
  } else if (category === 4 || (category === 2 && rng.chance(0.15))) {
    add({
      role: 'police_offender_manager',
      name: `DC ${staffName(rng, reference)}`,
      agencyName: police,
      userEmail: null,
      fromDate: policeFrom,
    });
  }
  return managers.sort((a, b) => compareDates(a.fromDate, b.fromDate));
}

// --- risk --------------------------------------------------------------------------------------

function scoreBand(
  rng: Random,
  band: string,
  ranges: Record<string, [number, number]>,
): { score: number; band: string } {
  const [low, high] = ranges[band]!;
  return { score: rng.decimal(low, high), band };
}

const OSP_RANGES: Record<string, [number, number]> = {
  low: [0.1, 1.49],
  medium: [1.5, 2.99],
  high: [3, 6.89],
  very_high: [6.9, 14.5],
};
const RSR_RANGES: Record<string, [number, number]> = { low: [0.2, 2.99], medium: [3, 6.89], high: [6.9, 24] };

function planRiskAssessments(
  rng: Random,
  input: OneInput,
  s: Sentence,
  managers: PlannedManager[],
  female: boolean,
): Values[] {
  const { today, category, level } = input;
  const target: RoshLevel =
    level === 3
      ? 'VERY_HIGH'
      : level === 2
        ? rng.chance(0.7)
          ? 'HIGH'
          : 'VERY_HIGH'
        : rng.weighted<RoshLevel>([
            ['LOW', 8],
            ['MEDIUM', 50],
            ['HIGH', 38],
            ['VERY_HIGH', 4],
          ]);
  const name = s.offence.offence;
  const primary: ('roshChildren' | 'roshPublic' | 'roshKnownAdult')[] =
    category === 1 && CHILD_OFFENCE.test(name)
      ? ['roshChildren']
      : category === 3 || DA_OFFENCE.test(name)
        ? ['roshKnownAdult']
        : category === 4
          ? ['roshPublic']
          : category === 1
            ? rng.chance(0.5)
              ? ['roshPublic']
              : ['roshPublic', 'roshKnownAdult']
            : rng.chance(0.5)
              ? ['roshPublic']
              : ['roshKnownAdult'];

  // Newest first: the latest within the last year, earlier ones every 6–14 months.
  const earliest = maxDate(addDays(s.convictionDate, -21), addDays(today, -10 * 365));
  const wanted = rng.weighted([
    [1, 35],
    [2, 40],
    [3, 25],
  ]);
  const dates: string[] = [];
  let date = maxDate(addDays(today, -rng.int(10, 330)), minDate(addDays(s.convictionDate, 7), today));
  while (dates.length < wanted && compareDates(date, earliest) >= 0) {
    dates.push(date);
    date = addDays(date, -rng.int(180, 420));
  }
  if (!dates.length) dates.push(minDate(addDays(s.convictionDate, 7), today));

  const rm2000: RoshLevel | null =
    (category === 1 || s.offence.kind === 'sexual') && !female && !IMAGES_OFFENCE.test(name)
      ? rng.weighted<RoshLevel>([
          ['LOW', 25],
          ['MEDIUM', 40],
          ['HIGH', 25],
          ['VERY_HIGH', 10],
        ])
      : null;
  const ospBand =
    category === 1
      ? rm2000 === 'VERY_HIGH' || rm2000 === 'HIGH'
        ? rng.chance(0.7)
          ? 'high'
          : 'very_high'
        : rng.weighted([
            ['low', 45],
            ['medium', 40],
            ['high', 15],
          ])
      : null;
  const rsrBand =
    category === 2
      ? rng.weighted([
          ['low', 20],
          ['medium', 45],
          ['high', 35],
        ])
      : rng.weighted([
          ['low', 55],
          ['medium', 35],
          ['high', 10],
        ]);

  const assessments: Values[] = [];
  dates.reverse().forEach((assessedOn, index) => {
    const latest = index === dates.length - 1;
    const overall: RoshLevel = latest
      ? target
      : rng.chance(0.4)
        ? ROSH[Math.min(3, rank(target) + 1)]!
        : rng.chance(0.2)
          ? stepDown(target, 1)
          : target;
    const inCustody =
      s.outcome === 'custody' &&
      compareDates(assessedOn, s.sentenceStart) >= 0 &&
      (!s.actualReleaseDate || compareDates(assessedOn, s.actualReleaseDate) < 0);
    const groups: Values = {
      roshChildren: atMost(rng.pick<RoshLevel>(['LOW', 'LOW', 'MEDIUM']), overall),
      roshPublic: atMost(stepDown(overall, rng.int(1, 2)), overall),
      roshKnownAdult: atMost(stepDown(overall, rng.int(0, 2)), overall),
      roshStaff: atMost(rng.pick<RoshLevel>(['LOW', 'LOW', 'MEDIUM']), overall),
      roshPrisoners: inCustody ? atMost(rng.pick<RoshLevel>(['LOW', 'LOW', 'MEDIUM']), overall) : null,
    };
    for (const key of primary) groups[key] = overall;
    const osp = ospBand ? scoreBand(rng, ospBand, OSP_RANGES) : null;
    const rsr = scoreBand(rng, rsrBand, RSR_RANGES);
    const assessor = inCustody
      ? (managers.find((m) => m.role === 'prison_offender_manager') ??
        managers.find((m) => m.role === 'community_offender_manager'))
      : ([...managers]
          .reverse()
          .find(
            (m) => m.role === 'community_offender_manager' && compareDates(m.fromDate, assessedOn) <= 0,
          ) ?? managers.find((m) => m.role === 'community_offender_manager'));
    assessments.push({
      assessedOn,
      assessor: assessor ? `${assessor.name}, ${assessor.agencyName}`.slice(0, 200) : 'Probation Service',
      roshOverall: highestRosh(groups) ?? overall,
      ...groups,
      rm2000,
      ospScore: osp?.score ?? null,
      ospBand: osp?.band ?? null,
      rsrScore: rsr.score,
      rsrBand: rsr.band,
    });
  });
  return assessments;
}

// --- markers -----------------------------------------------------------------------------------

function planMarkers(
  rng: Random,
  input: OneInput,
  s: Sentence,
  previous: { values: Values }[],
  domesticAbuse: boolean,
  childrenAtHome: boolean,
  dateOfBirth: string,
): Values[] {
  const { today, category } = input;
  const markers: Values[] = [];
  const name = s.offence.offence;
  const add = (type: string, startDate: string, notes: string | null, endDate: string | null = null) =>
    markers.push({ type, startDate, endDate, notes });
  if (domesticAbuse) {
    const firstDa = previous.find((p) => DA_OFFENCE.test(String(p.values.offence)))?.values.offenceDate as
      string | undefined;
    add(
      'domestic_abuse',
      firstDa ?? s.offenceDate,
      'Domestic abuse perpetrator: police call-outs recorded; MARAC referral made.',
    );
  }
  if (STALKING_OFFENCE.test(name) || (category === 3 && rng.chance(0.4))) {
    add('stalking', s.offenceDate, 'Fixated on a former partner. Stalking protection order in force.');
  }
  if ((category === 1 && CHILD_OFFENCE.test(name)) || (childrenAtHome && (domesticAbuse || category === 1))) {
    add(
      'child_safeguarding',
      s.convictionDate,
      childrenAtHome
        ? 'Children in the household: children’s social care informed.'
        : 'Offending against children: no unsupervised contact with under-18s.',
    );
  }
  if (category === 4)
    add('terrorism_risk', s.offenceDate, 'Jointly managed with Counter Terrorism Policing South West.');
  if (rng.chance(0.1)) {
    const start = maxDate(addYears(dateOfBirth, 18), addDays(s.convictionDate, -rng.int(0, 2000)));
    const ended = rng.chance(0.2) && daysBetween(start, today) > 400;
    add(
      'mental_health',
      start,
      'Diagnosis recorded by the community mental health team.',
      ended ? addDays(start, rng.int(200, daysBetween(start, today) - 30)) : null,
    );
  }
  if (
    (category === 2 && rng.chance(0.08)) ||
    (previous.some((p) => /supply a controlled drug/i.test(String(p.values.offence))) && rng.chance(0.3))
  ) {
    add(
      'gang_organised_crime',
      maxDate(addYears(dateOfBirth, 18), addDays(s.offenceDate, -rng.int(0, 900))),
      'Links to a county lines drug supply network.',
    );
  }
  if (
    WEAPON_OFFENCE.test(name) ||
    (WOUNDING_OFFENCE.test(name) && rng.chance(0.4)) ||
    previous.some((p) => WEAPON_OFFENCE.test(String(p.values.offence)))
  ) {
    add('weapons', s.offenceDate, 'Has carried a bladed article. Two officers for home visits.');
  }
  return markers.filter((m) => compareDates(m.startDate as string, today) <= 0);
}
