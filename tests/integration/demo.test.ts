import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ROLE } from '../../src/domain/codes.ts';
import { parseIdentifier, type IdentifierType } from '../../src/domain/identifiers.ts';
import {
  DEMO_EMAIL_DOMAIN,
  demoEmail,
  loadDemoData,
  type DemoDataResult,
} from '../../src/tooling/demo/demo-dataset.ts';
import { planDemoNominals, type PlanInput } from '../../src/tooling/demo/plan.ts';
import { loadDemoReference } from '../../src/tooling/demo/reference.ts';
import { custodyWorklist } from '../../src/modules/custody/index.ts';
import { seedReferenceData } from '../../src/modules/reference/index.ts';
import { findUserByEmail, newSecretsKey, useKeyring } from '../../src/modules/users/index.ts';
import { actorForUser, backgroundContext } from '../../src/tooling/demo/actor.ts';
import { countRows } from '../support/fixtures.ts';
import { testClock, testMoment } from '../support/clock.ts';

const TODAY = '2026-11-23';
const PASSWORD = 'correct horse battery staple';
const NOMINALS = 30;

describe('demo dataset [pglite]', () => {
  let database: Database;
  let first: DemoDataResult;

  beforeAll(async () => {
    // Demo users get two-factor secrets, stored encrypted: the CLI loads the key, a test its own.
    useKeyring({ keys: [newSecretsKey()] });
    database = await openDatabase({});
    await migrate(database);
    await seedReferenceData(database);
    first = await loadDemoData(database, { nominals: NOMINALS, clock: testClock, password: PASSWORD });
  });

  afterAll(async () => {
    await database?.close();
  });

  const rows = async <T>(query: string) => (await sql.raw<T>(query).execute(database.db)).rows;

  it('creates a user for every role in Avon and Somerset, and a practitioner in another area', async () => {
    const users = await database.db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .select(['u.email', 'u.area_code', 'r.role', 'a.type as agency_type'])
      .where('u.email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
      .execute();
    for (const { code } of ROLE) {
      const user = users.find((u) => u.email === demoEmail(code));
      expect(user, code).toMatchObject({ role: code, area_code: 'AVS' });
      expect(first.users).toContainEqual(expect.objectContaining({ email: demoEmail(code), role: code }));
    }
    expect(users.find((u) => u.email === 'probation.practitioner@demo.vigil.test')?.agency_type).toBe(
      'probation',
    );
    expect(users.find((u) => u.role === 'police_offender_manager')?.agency_type).toBe('police');
    expect(users.find((u) => u.role === 'prison_offender_manager')?.agency_type).toBe('prison');
    expect(users.find((u) => u.role === 'dtc_representative')?.agency_type).toBe('housing');
    const elsewhere = users.filter((u) => u.role === 'probation_practitioner' && u.area_code !== 'AVS');
    expect(elsewhere).toHaveLength(1);
    expect(first.users).toHaveLength(ROLE.length + 1);
  });

  it('loads the requested number of nominals into the area', async () => {
    expect(first.nominals).toBe(NOMINALS);
    const [row] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM nominals WHERE area_code = 'AVS'`,
    );
    expect(row!.n).toBe(NOMINALS);
  });

  it('includes people who collide on purpose: several John Smiths, a Jon Smyth and a John Smithson', async () => {
    const smiths = await rows<{ date_of_birth: string }>(
      `SELECT date_of_birth FROM nominals WHERE forename = 'John' AND surname = 'Smith'`,
    );
    expect(smiths.length).toBeGreaterThanOrEqual(2);
    expect(new Set(smiths.map((s) => s.date_of_birth)).size).toBe(smiths.length);
    const others = await rows<{ name: string }>(
      `SELECT forename || ' ' || surname AS name FROM nominals WHERE (forename, surname) IN (('Jon', 'Smyth'), ('John', 'Smithson'))`,
    );
    expect(others.map((o) => o.name).sort()).toEqual(['John Smithson', 'Jon Smyth']);
  });

  it('gives every identifier in its valid, canonical form', async () => {
    const identifiers = await database.db
      .selectFrom('nominal_identifiers')
      .select(['type', 'value'])
      .execute();
    expect(identifiers.length).toBeGreaterThanOrEqual(NOMINALS * 2);
    for (const { type, value } of identifiers) {
      const parsed = parseIdentifier(type as IdentifierType, value);
      expect(parsed, `${type} ${value}`).toEqual({ ok: true, value });
    }
    const perNominal = await rows<{ types: string[] }>(
      `SELECT array_agg(type ORDER BY type) AS types FROM nominal_identifiers GROUP BY nominal_id`,
    );
    expect(perNominal).toHaveLength(NOMINALS);
    for (const { types } of perNominal) expect(types).toEqual(expect.arrayContaining(['crn', 'pnc']));
  });

  it('gives every nominal a category, an index offence, a risk assessment, a lead agency and a manager', async () => {
    const [facts] = await rows<Record<string, number>>(`
      SELECT
        count(*) FILTER (WHERE mappa_category IS NULL)::int AS no_category,
        count(*) FILTER (WHERE lead_agency_id IS NULL)::int AS no_lead_agency,
        count(*) FILTER (WHERE mappa_category = 3 AND coalesce(mappa_level, 1) < 2)::int AS category_3_below_level_2,
        count(*) FILTER (WHERE mappa_level IS NULL)::int AS level_not_set,
        count(*) FILTER (WHERE mappa_level = 1)::int AS level_1,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM convictions c WHERE c.nominal_id = n.id AND c.is_index_offence))::int AS no_index_offence,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM risk_assessments r WHERE r.nominal_id = n.id))::int AS no_assessment,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM nominal_managers m WHERE m.nominal_id = n.id AND m.to_date IS NULL))::int AS no_manager
      FROM nominals n`);
    expect(facts).toMatchObject({
      no_category: 0,
      no_lead_agency: 0,
      category_3_below_level_2: 0,
      no_index_offence: 0,
      no_assessment: 0,
      no_manager: 0,
    });
    expect(facts!.level_not_set).toBeGreaterThan(0);
    expect(facts!.level_1).toBeGreaterThan(NOMINALS * 0.8);
    const categories = await rows<{ mappa_category: number }>(
      `SELECT DISTINCT mappa_category FROM nominals ORDER BY 1`,
    );
    expect(categories.map((c) => c.mappa_category)).toEqual([1, 2, 3, 4]);
  });

  it('shows the law at work: an EDS, a DTO passed at 17, an SHPO, and a Category 4 sex offender still subject to notification', async () => {
    const [facts] = await rows<Record<string, number>>(`
      SELECT
        (SELECT count(*)::int FROM convictions c JOIN nominals n ON n.id = c.nominal_id
          WHERE c.sentence_type = 'extended' AND c.extension_months = 36 AND n.mappa_category = 2) AS extended,
        (SELECT count(*)::int FROM convictions c JOIN nominals n ON n.id = c.nominal_id
          WHERE c.sentence_type = 'dto' AND c.conviction_date < n.date_of_birth + interval '18 years'
            AND n.mappa_category = 2) AS dto,
        (SELECT count(*)::int FROM civil_orders WHERE kind = 'shpo' AND ends_on IS NULL) AS shpo,
        (SELECT count(*)::int FROM nominal_obligations WHERE category = 4 AND subject_to_notification
            AND notification_due_on IS NOT NULL) AS category_4_registered`);
    expect(facts).toEqual({ extended: 1, dto: 1, shpo: 1, category_4_registered: 1 });
  });

  it('names the demo police user as manager of every Category 1 case, and the prison user for people in custody', async () => {
    const [facts] = await rows<Record<string, number>>(`
      SELECT
        count(*) FILTER (WHERE n.mappa_category = 1 AND NOT EXISTS (
          SELECT 1 FROM nominal_managers m JOIN users u ON u.id = m.user_id
          WHERE m.nominal_id = n.id AND m.to_date IS NULL AND u.email = '${demoEmail('police_offender_manager')}'))::int AS category_1_without_police,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM convictions c WHERE c.nominal_id = n.id AND c.is_index_offence AND c.outcome = 'custody' AND c.actual_release_date IS NULL)
          AND NOT EXISTS (SELECT 1 FROM nominal_managers m WHERE m.nominal_id = n.id AND m.to_date IS NULL AND m.role = 'prison_offender_manager'))::int AS custody_without_pom,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM nominal_managers m JOIN users u ON u.id = m.user_id
          WHERE m.nominal_id = n.id AND m.to_date IS NULL AND u.email = '${demoEmail('probation_practitioner')}'))::int AS practitioner_caseload
      FROM nominals n`);
    expect(facts).toMatchObject({ category_1_without_police: 0, custody_without_pom: 0 });
    expect(facts!.practitioner_caseload).toBeGreaterThan(NOMINALS * 0.25);
  });

  it('records everything through the use cases, so each record has a timeline and access-log entries', async () => {
    const [facts] = await rows<Record<string, number>>(`
      SELECT
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM nominal_changes c WHERE c.nominal_id = n.id AND c.section = 'lead-agency'))::int AS no_lead_agency_change,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM access_log a WHERE n.id = ANY(a.record_ids)))::int AS not_logged
      FROM nominals n`);
    expect(facts).toEqual({ no_lead_agency_change: 0, not_logged: 0 });
  });

  it('shows Levels 2 and 3 at work: plans, a minuted meeting with an overdue safeguarding action, a referral to screen', async () => {
    const [facts] = await rows<Record<string, number>>(`
      SELECT
        (SELECT count(*) FROM nominal_obligations o WHERE o.level IN (2, 3)
           AND NOT EXISTS (SELECT 1 FROM risk_management_plans p WHERE p.nominal_id = o.nominal_id))::int AS managed_without_plan,
        (SELECT count(*) FROM meetings WHERE status = 'closed')::int AS closed_meetings,
        (SELECT count(*) FROM meetings WHERE status = 'scheduled' AND starts_at > '${testClock.now().toISOString()}')::int AS upcoming_meetings,
        (SELECT count(*) FROM minutes WHERE status = 'approved')::int AS approved_minutes,
        (SELECT count(*) FROM actions WHERE status = 'open' AND safeguarding AND due_on < DATE '${TODAY}')::int AS overdue_safeguarding,
        (SELECT count(*) FROM actions WHERE distributed_at IS NULL)::int AS undistributed,
        (SELECT count(*) FROM risk_management_plans WHERE meeting_id IS NOT NULL)::int AS revised_at_meeting,
        (SELECT count(*) FROM referrals WHERE status = 'submitted')::int AS awaiting_screening`);
    expect(facts).toEqual({
      managed_without_plan: 0,
      closed_meetings: 1,
      upcoming_meetings: 1,
      approved_minutes: 1,
      overdue_safeguarding: 1,
      undistributed: 0,
      revised_at_meeting: 1,
      awaiting_screening: 1,
    });
  });

  it('shows custody at work: prison security sees monitoring flags, the POM a ROTL decision and an HDC address to decide', async () => {
    const contextOf = async (role: string) => {
      const user = await findUserByEmail(database, demoEmail(role));
      const actor = await actorForUser(database, user!.id, TODAY);
      return backgroundContext(actor!, testMoment(), 'demo-test');
    };
    const security = (await custodyWorklist(database, await contextOf('prison_security'))).rows;
    const flags = security.filter((r) => r.kind === 'monitoring_flag');
    expect(flags.length).toBeGreaterThanOrEqual(3);
    const [prisoner] = new Set(flags.map((r) => r.nominalId));
    const pom = (await custodyWorklist(database, await contextOf('prison_offender_manager'))).rows.filter(
      (r) => r.nominalId === prisoner,
    );
    const kinds = new Set(pom.map((r) => r.kind));
    for (const kind of ['rotl_decision', 'address_check', 'com_allocation', 'handover', 'irmm_action'])
      expect(kinds, kind).toContain(kind);
    // The security compartment stays with security and the POM: the practitioner sees no flag.
    const practitioner = (await custodyWorklist(database, await contextOf('probation_practitioner'))).rows;
    expect(practitioner.some((r) => r.kind.startsWith('monitoring'))).toBe(false);
  });

  it('adds nothing when run again', async () => {
    const before = await countRows(database);
    const [users] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
    const again = await loadDemoData(database, { nominals: NOMINALS, clock: testClock, password: PASSWORD });
    expect(await countRows(database)).toEqual(before);
    const [usersAfter] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
    expect(usersAfter!.n).toBe(users!.n);
    expect(again.nominals).toBe(NOMINALS);
    expect(again.users).toEqual(first.users);
  });
});

describe('demo dataset plan', () => {
  const staff = {
    probation: {
      displayName: 'Sam Turner',
      email: 'p@demo.vigil.test',
      agencyName: 'Probation Service – Somerset PDU',
    },
    police: {
      displayName: 'Mark Ellis',
      email: 'o@demo.vigil.test',
      agencyName: 'Avon and Somerset Constabulary',
    },
    prison: { displayName: 'Grace Okafor', email: 'g@demo.vigil.test', agencyName: 'HMP Bristol' },
  };
  const agencies = [
    { type: 'police', name: 'Avon and Somerset Constabulary' },
    { type: 'probation', name: 'Probation Service – Somerset PDU' },
    { type: 'prison', name: 'HMP Bristol' },
  ];

  it('is the same for the same seed, area and day, and different for another seed', async () => {
    const reference = await loadDemoReference('AVS');
    const input: PlanInput = {
      seed: 7,
      areaCode: 'AVS',
      count: 60,
      today: TODAY,
      reference,
      agencies,
      staff,
    };
    const once = planDemoNominals(input);
    expect(planDemoNominals(input)).toEqual(once);
    expect(planDemoNominals({ ...input, seed: 8 })).not.toEqual(once);
    expect(once).toHaveLength(60);
  });
});
