import { momentOf, type Clock, type Moment } from '../../clock.ts';
import { sql } from 'kysely';
import type { UseCaseContext } from '../../access/actor.ts';
import type { Database } from '../../db/database.ts';
import { ROLE, type Role } from '../../domain/codes.ts';
import { addDays, addYears } from '../../domain/dates.ts';
import { ValidationError } from '../../domain/errors.ts';
import { decideLevel } from '../../modules/levels/index.ts';
import { addSectionRow, createNominal, updateNominalSection } from '../../modules/nominals/index.ts';
import { createUser, findUserByEmail, setTotpSecret } from '../../modules/users/index.ts';
import { actorForUser, backgroundContext } from './actor.ts';
import { loadCustodyDemo } from './custody.ts';
import { applyLegalExamples } from './legal-examples.ts';
import { loadMultiAgencyDemo } from './multi-agency.ts';
import { planDemoNominals, type DemoStaff, type PlannedNominal } from './plan.ts';
import { loadDemoReference } from './reference.ts';
import '../../modules/wiring.ts';

/** The authenticator key every demo user has (demo only): `vigil demo-code` prints its current code. */
export const DEMO_TOTP_SECRET = 'VIGILDEMOVIGILDEMOVIGILDEMOVIGIL';

/*
 * A realistic, reproducible demo: one user per role and a few hundred nominals in one MAPPA area.
 * Everything goes through the same use cases people use (so the timeline and access log show it),
 * except the MAPPA category and level, which have no use case yet and are set at the end.
 */

export const DEMO_EMAIL_DOMAIN = 'demo.vigil.test';
export const DEMO_DEFAULT_AREA = 'AVS';
export const DEMO_DEFAULT_SEED = 20_210_331;
export const DEMO_DEFAULT_NOMINALS = 300;

export interface DemoDataOptions {
  /** Same seed, area and today → the same people. */
  seed?: number;
  /** MAPPA area code; default AVS (Avon and Somerset). */
  areaCode?: string;
  /** How many nominals; default 300. */
  nominals?: number;
  /** The one clock: every date is worked out from its today, every timestamp is its now. */
  clock: Clock;
  /** The password of every demo user. */
  password: string;
}

export interface DemoUser {
  email: string;
  role: string;
  displayName: string;
}

export interface DemoDataResult {
  users: DemoUser[];
  /** Nominals in the area after loading. */
  nominals: number;
}

type AgencyKind = 'probation' | 'police' | 'prison' | 'housing';

/** Who each role is in the demo, and where they work (MAPPA.md §5). */
const DEMO_PEOPLE: Record<Role, { displayName: string; agency: AgencyKind }> = {
  probation_practitioner: { displayName: 'Sam Turner', agency: 'probation' },
  senior_probation_officer: { displayName: 'Helen Price', agency: 'probation' },
  police_offender_manager: { displayName: 'Mark Ellis', agency: 'police' },
  prison_offender_manager: { displayName: 'Grace Okafor', agency: 'prison' },
  head_of_offender_management_unit: { displayName: 'Daniel Mensah', agency: 'prison' },
  prison_security: { displayName: 'Joanne Reid', agency: 'prison' },
  prison_public_protection_lead: { displayName: 'Femi Adeyemi', agency: 'prison' },
  mappa_coordinator: { displayName: 'Rachel Hughes', agency: 'probation' },
  mappa_administrator: { displayName: 'Tom Baker', agency: 'probation' },
  meeting_chair: { displayName: 'Andrew Collins', agency: 'probation' },
  dtc_representative: { displayName: 'Nadia Hussain', agency: 'housing' },
  victim_liaison_officer: { displayName: 'Claire Dawson', agency: 'probation' },
  smb_member: { displayName: 'Richard Hale', agency: 'police' },
  lay_adviser: { displayName: 'Margaret Lloyd', agency: 'probation' },
  national_analyst: { displayName: 'Owen Fletcher', agency: 'probation' },
  data_protection_officer: { displayName: 'Fiona Grant', agency: 'police' },
  admin: { displayName: 'Chris Walker', agency: 'probation' },
};
const OUT_OF_AREA_PRACTITIONER = 'Jamie Rees';

/** `probation.practitioner@demo.vigil.test` in the default area; other areas add their code. */
export function demoEmail(role: string, areaCode: string = DEMO_DEFAULT_AREA): string {
  const local = role.replace(/_/g, '.');
  return areaCode === DEMO_DEFAULT_AREA
    ? `${local}@${DEMO_EMAIL_DOMAIN}`
    : `${local}.${areaCode.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`;
}

/** The area of the practitioner who shows that records outside one's area are out of scope. */
export function outOfAreaFor(areaCode: string): string {
  return areaCode === 'GLO' ? DEMO_DEFAULT_AREA : 'GLO';
}

interface UserSpec extends DemoUser {
  agencyId: string;
  agencyName: string;
}

export async function loadDemoData(database: Database, options: DemoDataOptions): Promise<DemoDataResult> {
  const areaCode = options.areaCode ?? DEMO_DEFAULT_AREA;
  const count = options.nominals ?? DEMO_DEFAULT_NOMINALS;
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const moment = momentOf(options.clock);
  const { today } = moment;
  if (!Number.isInteger(count) || count < 0 || count > 20_000)
    throw new RangeError(`nominals must be a whole number from 0 to 20000, not ${count}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number, not ${seed}`);

  const otherArea = outOfAreaFor(areaCode);
  const specs = await userSpecs(database, areaCode, otherArea);

  // The administrator is created last, so its presence means a complete earlier load.
  if (await findUserByEmail(database, demoEmail('admin', areaCode))) {
    return { users: await existingUsers(database, specs), nominals: await countNominals(database, areaCode) };
  }

  const reference = await loadDemoReference(areaCode);
  const ids = new Map<string, string>();
  for (const spec of specs) {
    if (spec.role === 'admin' && spec.email === demoEmail('admin', areaCode)) continue;
    ids.set(spec.email, await ensureUser(database, spec, options.password, moment));
  }

  const practitioner = specs.find((s) => s.email === demoEmail('probation_practitioner', areaCode))!;
  const actor = await actorForUser(database, ids.get(practitioner.email)!, today);
  if (!actor)
    throw new Error(
      `The demo user ${practitioner.email} is disabled: enable it, or remove it, and load the demo again`,
    );
  const ctx = backgroundContext(actor, moment, 'demo-data');

  const staffOf = (role: Role) => {
    const spec = specs.find((s) => s.email === demoEmail(role, areaCode))!;
    return { displayName: spec.displayName, email: spec.email, agencyName: spec.agencyName };
  };
  const staff: DemoStaff = {
    probation: staffOf('probation_practitioner'),
    police: staffOf('police_offender_manager'),
    prison: staffOf('prison_offender_manager'),
  };
  const agencies = await database.db
    .selectFrom('agencies')
    .select(['id', 'type', 'name'])
    .where('area_code', '=', areaCode)
    .orderBy('name')
    .execute();
  const agencyIds = new Map(agencies.map((a) => [a.name, a.id]));
  const plans = planDemoNominals({ seed, areaCode, count, today: today, reference, agencies, staff });
  applyLegalExamples(plans, today);

  // A load that stopped part-way is resumed: people whose CRN is already recorded are not made again.
  const existing = new Map(
    (
      await database.db
        .selectFrom('nominal_identifiers as i')
        .innerJoin('nominals as n', 'n.id', 'i.nominal_id')
        .select(['i.value', 'n.id'])
        .where('i.type', '=', 'crn')
        .where('n.area_code', '=', areaCode)
        .execute()
    ).map((r) => [r.value, r.id]),
  );
  const decided: { id: string; category: number; level: number | null }[] = [];
  for (const [index, plan] of plans.entries()) {
    const crn = plan.identifiers.find((i) => i.type === 'crn')!.value;
    const id = existing.get(crn) ?? (await writeNominal(database, ctx, plan, index, agencyIds));
    decided.push({ id, category: plan.category, level: plan.level });
  }

  // Levels come only from practitioners' decisions, recorded through the same use case as the pages;
  // decision dates are spread so that some reviews are due and some overdue, as in real caseloads.
  const undecided = await database.db
    .selectFrom('nominals as n')
    .leftJoin('level_decisions as d', 'd.nominal_id', 'n.id')
    .select('n.id')
    .where('n.area_code', '=', areaCode)
    .where('d.id', 'is', null)
    .execute();
  const toDecide = new Set(undecided.map((r) => r.id));
  for (const [index, d] of decided.entries()) {
    if (d.level === null || !toDecide.has(d.id)) continue;
    const criteria =
      d.level === 1
        ? []
        : d.level === 2
          ? ['rosh_high_or_very_high', 'multi_agency_meetings_add_value']
          : ['rosh_high_or_very_high', 'senior_resources_at_short_notice'];
    try {
      await decideLevel(database, ctx, d.id, {
        level: d.level,
        criteria,
        rationale:
          d.level === 1
            ? 'Risk can be managed by the lead agency with information sharing.'
            : 'Active multi-agency management is needed to manage the risk.',
        decidedOn: addDays(today, -((index * 37) % 240)),
        ...(d.category === 3 ? { category3AcceptedOn: addDays(today, -((index * 37) % 240) - 7) } : {}),
      });
    } catch (error) {
      // A planned level the rules refuse (e.g. the record does not make the person eligible) stays unset.
      if (!(error instanceof ValidationError)) throw error;
    }
  }

  // Levels 2 and 3: plans, a past and an upcoming meeting, actions, a referral awaiting screening.
  const contextOf = async (role: Role) => {
    const spec = specs.find((s) => s.email === demoEmail(role, areaCode))!;
    const roleActor = await actorForUser(database, ids.get(spec.email)!, today);
    if (!roleActor)
      throw new Error(`The demo user ${spec.email} is disabled: enable it, and load the demo again`);
    return backgroundContext(roleActor, moment, 'demo-data');
  };
  await loadMultiAgencyDemo(database, {
    today: today,
    practitioner: ctx,
    coordinator: await contextOf('mappa_coordinator'),
    chair: await contextOf('meeting_chair'),
    housingAgencyId: specs.find((s) => s.email === demoEmail('dtc_representative', areaCode))!.agencyId,
  });
  // Custody: a MAPPA prisoner near release, with a ROTL, an IRMM, an HDC address and monitoring.
  await loadCustodyDemo(database, {
    today: today,
    pom: await contextOf('prison_offender_manager'),
    security: await contextOf('prison_security'),
    probation: ctx,
  });

  const admin = specs.find((s) => s.email === demoEmail('admin', areaCode))!;
  await ensureUser(database, admin, options.password, moment);
  return { users: await existingUsers(database, specs), nominals: await countNominals(database, areaCode) };
}

async function writeNominal(
  database: Database,
  ctx: UseCaseContext,
  plan: PlannedNominal,
  index: number,
  agencyIds: Map<string, string>,
): Promise<string> {
  const agencyId = (name: string) => {
    const id = agencyIds.get(name);
    if (!id) throw new Error(`Demo data: no agency named "${name}" in area ${ctx.actor.areaCode}`);
    return id;
  };
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const detail = error instanceof ValidationError ? JSON.stringify(error.fieldErrors) : String(error);
      throw new Error(`Demo data: ${what} of demo nominal ${index} was refused: ${detail}`, { cause: error });
    }
  };
  const created = await step('creating', () =>
    createNominal(database, ctx, { ...plan.identity, identifiers: plan.identifiers }),
  );
  const rows: [string, Record<string, unknown>[]][] = [
    ['aliases', plan.aliases],
    ['addresses', plan.addresses],
    ['relationships', plan.relationships],
    ['convictions', plan.convictions],
    ['orders', plan.orders ?? []],
    ['risk-assessments', plan.riskAssessments],
    ['markers', plan.markers],
    [
      'managers',
      plan.managers.map((m) => ({
        role: m.role,
        name: m.name,
        agencyId: agencyId(m.agencyName),
        userEmail: m.userEmail,
        fromDate: m.fromDate,
        toDate: m.toDate,
      })),
    ],
  ];
  for (const [section, values] of rows) {
    for (const row of values)
      await step(section, () => addSectionRow(database, ctx, created.id, section, row));
  }
  await step('lead agency', () =>
    updateNominalSection(
      database,
      ctx,
      created.id,
      'lead-agency',
      { leadAgencyId: agencyId(plan.leadAgencyName) },
      created.version,
    ),
  );
  return created.id;
}

async function ensureUser(
  database: Database,
  spec: UserSpec,
  password: string,
  moment: Moment,
): Promise<string> {
  const { today } = moment;
  const found = await findUserByEmail(database, spec.email);
  if (found) return found.id;
  const created = await createUser(database, moment, {
    email: spec.email,
    displayName: spec.displayName,
    agencyId: spec.agencyId,
    roles: [spec.role],
    password,
    // Demo staff are vetted and trained, so the demo shows what a real user sees.
    vetting: { level: 'NPPV3', expiresOn: addYears(today, 2) },
    trainingCompletedOn: addDays(today, -30),
  });
  // Demo staff share one authenticator key, printed at start, so a demo needs no phone enrolment.
  await setTotpSecret(database, created.id, DEMO_TOTP_SECRET, { now: moment.now });
  return created.id;
}

async function existingUsers(database: Database, specs: UserSpec[]): Promise<DemoUser[]> {
  const rows = await database.db
    .selectFrom('users')
    .select(['email', 'display_name'])
    .where(sql<boolean>`lower(email) in (${sql.join(specs.map((s) => s.email.toLowerCase()))})`)
    .execute();
  const names = new Map(rows.map((r) => [r.email.toLowerCase(), r.display_name]));
  return specs
    .filter((s) => names.has(s.email.toLowerCase()))
    .map((s) => ({ email: s.email, role: s.role, displayName: names.get(s.email.toLowerCase())! }));
}

async function countNominals(database: Database, areaCode: string): Promise<number> {
  const row = await database.db
    .selectFrom('nominals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('area_code', '=', areaCode)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One user per role in the area, plus a practitioner in another area, each in a fitting agency. */
async function userSpecs(database: Database, areaCode: string, otherArea: string): Promise<UserSpec[]> {
  const area = await database.db
    .selectFrom('areas')
    .select('code')
    .where('code', '=', areaCode)
    .executeTakeFirst();
  if (!area)
    throw new RangeError(
      `Unknown MAPPA area "${areaCode}": load the reference data first, or use a code from data-reference/mappa-areas.csv`,
    );
  const places = await loadDemoReference(areaCode).catch(() => null);
  const mainTown = places?.towns[0]?.town ?? '';
  const inArea = await agencyChooser(database, areaCode, mainTown);
  const specs: UserSpec[] = ROLE.map(({ code }) => {
    const person = DEMO_PEOPLE[code];
    const agency = inArea(person.agency);
    return {
      email: demoEmail(code, areaCode),
      role: code,
      displayName: person.displayName,
      agencyId: agency.id,
      agencyName: agency.name,
    };
  });
  const otherTown = (await loadDemoReference(otherArea).catch(() => null))?.towns[0]?.town ?? '';
  const elsewhere = (await agencyChooser(database, otherArea, otherTown))('probation');
  const admin = specs.findIndex((s) => s.role === 'admin');
  specs.splice(admin, 0, {
    email: `probation.practitioner.${otherArea.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
    role: 'probation_practitioner',
    displayName: OUT_OF_AREA_PRACTITIONER,
    agencyId: elsewhere.id,
    agencyName: elsewhere.name,
  });
  return specs;
}

/** Picks an agency of a kind, preferring the one serving the area's main town (a PDU, the local prison). */
async function agencyChooser(database: Database, areaCode: string, mainTown: string) {
  const agencies = await database.db
    .selectFrom('agencies')
    .select(['id', 'type', 'name'])
    .where('area_code', '=', areaCode)
    .orderBy('name')
    .execute();
  const choose = (kind: AgencyKind): { id: string; type: string; name: string } => {
    const ofKind = agencies.filter((a) => a.type === kind);
    if (!ofKind.length) {
      // Some areas have no prison (Gloucestershire, Dyfed-Powys): their prison offender managers are
      // probation staff. Every area has probation and police.
      if (FALLBACK[kind]) return choose(FALLBACK[kind]);
      throw new Error(
        `Area ${areaCode} has no ${kind} agency in the reference data: cannot place its demo users`,
      );
    }
    const town = mainTown.toLowerCase();
    const local = town ? ofKind.find((a) => a.name.toLowerCase().includes(town)) : undefined;
    if (local) return local;
    if (kind === 'prison') return ofKind.find((a) => /^HMP (?!&)/.test(a.name)) ?? ofKind[0]!;
    return ofKind[0]!;
  };
  return choose;
}

const FALLBACK: Partial<Record<AgencyKind, AgencyKind>> = { prison: 'probation', housing: 'probation' };
