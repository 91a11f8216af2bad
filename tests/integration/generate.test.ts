import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/run.ts';
import { verifyChain } from '../../src/audit/chain.ts';
import { addDays } from '../../src/domain/dates.ts';
import { projectRoot } from '../../src/config.ts';
import { recomputeObligations } from '../../src/modules/levels/index.ts';
import {
  GenerationError,
  generateDataset,
  generationContext,
  type GenerateResult,
} from '../../src/tooling/generate/generate.ts';
import { generatePerson } from '../../src/tooling/generate/people.ts';
import { KIND, planGeneration, rowId } from '../../src/tooling/generate/plan.ts';
import { TABLES, emptyRows, type TableName } from '../../src/tooling/generate/tables.ts';
import { TODAY, describeEachDatabase } from '../support/databases.ts';
import { testClock } from '../support/clock.ts';

/**
 * `vigil generate --scale 0.01` on both databases: proportions, determinism, resuming without
 * duplicates, obligations that match the rules, and an access-log chain that verifies. Then
 * `vigil bench --quick` on the server database. No timings are asserted anywhere.
 */

const SEED = 7;
const SCALE = 0.01;

describeEachDatabase('vigil generate --scale 0.01', (getDb) => {
  let first: GenerateResult;
  let resumed: GenerateResult;

  it('stops part-way when interrupted, then resumes and finishes without writing anything twice', async () => {
    const { database } = getDb();
    first = await generateDataset(database, {
      seed: SEED,
      scale: SCALE,
      today: TODAY,
      progress: null,
      stopAfterBatches: 12,
    });
    expect(first.complete).toBe(false);
    expect(first.batchesWritten).toBe(12);
    resumed = await generateDataset(database, { seed: SEED, scale: SCALE, progress: null });
    expect(resumed.complete).toBe(true);
    expect(resumed.batchesSkipped).toBe(12);
    expect(resumed.today).toBe(TODAY);

    // What an uninterrupted run writes, computed in memory from the same plan, row for row.
    const plan = resumed.plan;
    const ctx = await generationContext(database, plan, TODAY);
    const expected = emptyRows();
    for (let p = 0; p < plan.people; p++) generatePerson(ctx, p, expected);
    for (const table of Object.keys(TABLES) as TableName[]) {
      if (table === 'users' || table === 'user_roles') continue;
      const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
        database.db,
      );
      expect({ table, rows: stored.rows[0]!.n }).toEqual({ table, rows: expected[table].length });
    }
    const log = await sql<{ n: number; head: number }>`
      SELECT (SELECT count(*)::int FROM access_log) AS n, (SELECT seq FROM access_log_head) AS head`.execute(
      database.db,
    );
    expect(log.rows[0]).toEqual({ n: plan.accessLogEntries, head: plan.accessLogEntries });
  });

  it('builds the published proportions: areas by population, categories, levels, custody, candidates', async () => {
    const { database } = getDb();
    const rows = (
      await sql<{
        area_code: string;
        category: number | null;
        level: number | null;
        in_custody: boolean;
        category3_candidate: boolean;
      }>`
        SELECT area_code, category, level, in_custody, category3_candidate FROM nominal_obligations`.execute(
        database.db,
      )
    ).rows;
    expect(rows).toHaveLength(1_100 + 3_000);
    const mappa = rows.filter((r) => r.category !== null);
    const share = (p: (r: (typeof rows)[number]) => boolean, of = mappa) => of.filter(p).length / of.length;
    expect(mappa.length).toBeGreaterThan(1_050);
    expect(share((r) => r.category === 1)).toBeGreaterThan(0.68);
    expect(share((r) => r.category === 1)).toBeLessThan(0.78);
    expect(share((r) => r.category === 2)).toBeGreaterThan(0.21);
    expect(share((r) => r.category === 2)).toBeLessThan(0.31);
    expect(share((r) => r.category === 3)).toBeLessThan(0.02);
    // Category 3 exists only at Levels 2 and 3.
    expect(mappa.filter((r) => r.category === 3 && r.level === 1)).toEqual([]);
    const levelled = mappa.filter((r) => r.level !== null);
    expect(share((r) => r.level === 1, levelled)).toBeGreaterThan(0.96);
    expect(share((r) => r.level === 1, levelled)).toBeLessThan(0.995);
    expect(share((r) => r.in_custody)).toBeGreaterThan(0.2);
    expect(share((r) => r.in_custody)).toBeLessThan(0.5);
    // London is the largest area, about 12× Cumbria (10,131 and 815 in 2021).
    const inArea = (code: string) => mappa.filter((r) => r.area_code === code).length;
    expect(inArea('LON')).toBeGreaterThan(100);
    expect(inArea('LON') / inArea('CUM')).toBeGreaterThan(8);
    expect(rows.filter((r) => r.category3_candidate && r.category === null).length).toBeGreaterThan(20);
    // Real names collide: the commonest full name belongs to several people.
    const common = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM nominals GROUP BY forename, surname ORDER BY 1 DESC LIMIT 1`.execute(
      database.db,
    );
    expect(common.rows[0]!.n).toBeGreaterThan(2);
    // Five years of Level 2/3 work: referrals, meetings with minutes, actions and a plan per case.
    const history = await sql<{
      referrals: number;
      meetings: number;
      minutes: number;
      actions: number;
      plans: number;
      managed: number;
    }>`
      SELECT (SELECT count(*)::int FROM referrals) AS referrals, (SELECT count(*)::int FROM meetings) AS meetings,
             (SELECT count(*)::int FROM minutes) AS minutes, (SELECT count(*)::int FROM actions) AS actions,
             (SELECT count(DISTINCT nominal_id)::int FROM risk_management_plans) AS plans,
             (SELECT count(*)::int FROM nominal_obligations WHERE level IN (2, 3)) AS managed`.execute(
      database.db,
    );
    const h = history.rows[0]!;
    expect(h.referrals).toBeGreaterThan(h.managed);
    expect(h.meetings).toBeGreaterThan(h.managed);
    expect(h.minutes).toBeGreaterThan(0);
    expect(h.actions).toBeGreaterThan(h.minutes);
    expect(h.plans).toBeGreaterThanOrEqual(h.managed * 0.9);
  });

  it('records consecutive terms against the same person, and every new kind of fact somewhere', async () => {
    const { database } = getDb();
    const facts = (
      await sql<{
        foreign_person: number;
        consecutive_people: number;
        multi_custody_people: number;
        kinds: string[];
        orders: string[];
        events: string[];
      }>`
        SELECT
          (SELECT count(*)::int FROM convictions c JOIN convictions t ON t.id = c.consecutive_to
            WHERE t.nominal_id <> c.nominal_id OR t.id = c.id) AS foreign_person,
          (SELECT count(DISTINCT nominal_id)::int FROM convictions WHERE consecutive_to IS NOT NULL) AS consecutive_people,
          (SELECT count(*)::int FROM (SELECT nominal_id FROM convictions WHERE outcome = 'custody'
            GROUP BY nominal_id HAVING count(*) >= 2) m) AS multi_custody_people,
          (SELECT array_agg(DISTINCT sentence_type) FROM convictions WHERE sentence_type IS NOT NULL) AS kinds,
          (SELECT array_agg(DISTINCT kind) FROM civil_orders) AS orders,
          (SELECT array_agg(DISTINCT kind) FROM notification_events) AS events`.execute(database.db)
    ).rows[0]!;
    expect(facts.foreign_person).toBe(0);
    // About 15% of people with two or more custodial convictions have a consecutive term.
    expect(facts.consecutive_people / facts.multi_custody_people).toBeGreaterThan(0.08);
    expect(facts.consecutive_people / facts.multi_custody_people).toBeLessThan(0.25);
    expect([...facts.kinds].sort()).toEqual(['dto', 'extended', 'ipp', 'life', 'sopc']);
    expect(facts.orders).toEqual(expect.arrayContaining(['shpo', 'interim_shpo', 'notification_order']));
    expect(facts.events).toEqual(
      expect.arrayContaining(['home_address_change', 'foreign_travel', 'other_address_stay']),
    );
  });

  it('shapes sentences, victim ages, orders and notification events in realistic shares (in memory, 6,000 nominals)', async () => {
    const { database, kind } = getDb();
    if (kind !== 'pglite') return; // pure computation: once is enough
    const plan = planGeneration(
      SEED,
      0.055,
      (await database.db.selectFrom('areas').select(['code', 'population_millions']).execute()).map((a) => ({
        code: a.code,
        population: Number(a.population_millions),
      })),
    );
    const ctx = await generationContext(database, plan, TODAY);
    const rows = emptyRows();
    for (let p = 0; p < plan.mappaTotal; p++) generatePerson(ctx, p, rows);
    for (let p = plan.mappaTotal; p < plan.mappaTotal + 6_000; p++) generatePerson(ctx, p, rows);
    const column = <T extends TableName>(table: T, name: (typeof TABLES)[T][number]) =>
      (TABLES[table] as readonly string[]).indexOf(name);
    const get = <T extends TableName>(table: T) => {
      const names = TABLES[table] as readonly string[];
      return rows[table].map(
        (r) => Object.fromEntries(names.map((n, i) => [n, r[i]])) as Record<string, unknown>,
      );
    };
    const convictions = get('convictions');
    const mappaIds = new Set(rows.nominals.slice(0, plan.mappaTotal).map((r) => r[0]));
    const violent = new Set([...ctx.offences.violent, ctx.offences.murder].map((o) => o.offence));
    const sexual = new Set(ctx.reference.offences.filter((o) => o.kind === 'sexual').map((o) => o.offence));
    const terrorism = new Set(ctx.offences.terrorism.map((o) => o.offence));
    const share = (of: Record<string, unknown>[], p: (r: Record<string, unknown>) => boolean) =>
      of.filter(p).length / of.length;

    // Category 2 custody for violent offences: life ~10%, IPP ~3%, EDS ~12%; DTOs for under-18s.
    const cat2Custody = convictions.filter(
      (c) =>
        c.is_index_offence &&
        mappaIds.has(c.nominal_id) &&
        violent.has(c.offence as string) &&
        c.outcome === 'custody' &&
        c.sentence_type !== 'dto' &&
        !c.terrorist_connection,
    );
    expect(cat2Custody.length).toBeGreaterThan(800);
    expect(share(cat2Custody, (c) => c.sentence_type === 'life')).toBeGreaterThan(0.07);
    expect(share(cat2Custody, (c) => c.sentence_type === 'life')).toBeLessThan(0.14);
    expect(share(cat2Custody, (c) => c.sentence_type === 'ipp')).toBeGreaterThan(0.015);
    expect(share(cat2Custody, (c) => c.sentence_type === 'ipp')).toBeLessThan(0.05);
    expect(share(cat2Custody, (c) => c.sentence_type === 'extended')).toBeGreaterThan(0.09);
    expect(share(cat2Custody, (c) => c.sentence_type === 'extended')).toBeLessThan(0.17);
    expect(
      cat2Custody
        .filter((c) => c.sentence_type === 'ipp')
        .every((c) => (c.sentence_start as string) < '2012-12-03'),
    ).toBe(true);
    // An extended sentence has its extension period; a SOPC has 12 months; an indeterminate one no expiry.
    const typed = convictions.filter((c) => c.sentence_type !== null);
    for (const c of typed) {
      if (c.sentence_type === 'extended') expect(c.extension_months).toBeGreaterThanOrEqual(12);
      if (c.sentence_type === 'sopc') expect(c.extension_months).toBe(12);
      if (c.sentence_type === 'life' || c.sentence_type === 'ipp') expect(c.licence_expiry_date).toBeNull();
    }
    // A DTO is passed under 18.
    const born = new Map(rows.nominals.map((r) => [r[0], r[column('nominals', 'date_of_birth')] as string]));
    const dtos = convictions.filter((c) => c.sentence_type === 'dto');
    expect(dtos.length).toBeGreaterThan(20);
    for (const c of dtos) {
      const eighteenth =
        String(Number((born.get(c.nominal_id) as string).slice(0, 4)) + 18) +
        (born.get(c.nominal_id) as string).slice(4);
      expect((c.conviction_date as string) < eighteenth).toBe(true);
    }
    // Suspended sentence orders: an operational period of 12-24 months and supervision within it.
    const ssos = convictions.filter((c) => c.outcome === 'suspended_sentence');
    expect(ssos.length).toBeGreaterThan(100);
    for (const c of ssos) {
      expect(c.operational_months).toBeGreaterThanOrEqual(12);
      expect(c.operational_months).toBeLessThanOrEqual(24);
      if (c.supervision_months !== null)
        expect(c.supervision_months as number).toBeLessThanOrEqual(c.operational_months as number);
    }
    // A few terms in weeks, held as days.
    const inWeeks = convictions.filter((c) => c.length_days !== null);
    expect(inWeeks.length).toBeGreaterThan(20);
    expect(inWeeks.every((c) => c.length_months === null && (c.length_days as number) % 7 === 0)).toBe(true);
    // Victim ages on sexual convictions, about one in eight not recorded (the "threshold not established" path).
    const sexualConvictions = convictions.filter((c) => sexual.has(c.offence as string));
    expect(share(sexualConvictions, (c) => c.victim_age === null)).toBeGreaterThan(0.05);
    expect(share(sexualConvictions, (c) => c.victim_age === null)).toBeLessThan(0.2);
    expect(new Set(sexualConvictions.map((c) => c.victim_age))).toEqual(
      new Set([null, 'under_13', '13_to_15', '16_or_17', '18_or_over', 'no_victim']),
    );
    expect(convictions.filter((c) => !sexual.has(c.offence as string) && c.victim_age !== null)).toEqual([]);
    // Terrorist connection on non-terrorism offences only; hospital orders discharged; notification ended on review.
    const connected = convictions.filter((c) => c.terrorist_connection);
    expect(connected.length).toBeGreaterThan(0);
    expect(connected.every((c) => !terrorism.has(c.offence as string))).toBe(true);
    const discharged = convictions.filter((c) => c.disposal_ended_on !== null);
    expect(discharged.length).toBeGreaterThan(5);
    expect(
      discharged.every(
        (c) => String(c.outcome).startsWith('hospital_order') && (c.disposal_ended_on as string) < TODAY,
      ),
    ).toBe(true);
    expect(convictions.filter((c) => c.notification_ended_on !== null).length).toBeGreaterThan(0);
    expect(convictions.filter((c) => c.outcome === 'absolute_discharge').length).toBeGreaterThan(5);

    // SHPOs for ~40% of those convicted of a sexual offence, about half indefinite.
    const orders = get('civil_orders');
    const rsos = new Set(
      convictions
        .filter((c) => c.is_index_offence && mappaIds.has(c.nominal_id) && sexual.has(c.offence as string))
        .map((c) => c.nominal_id),
    );
    const shpos = orders.filter((o) => o.kind === 'shpo');
    expect(shpos.length / rsos.size).toBeGreaterThan(0.3);
    expect(shpos.length / rsos.size).toBeLessThan(0.45);
    expect(share(shpos, (o) => o.ends_on === null)).toBeGreaterThan(0.4);
    expect(share(shpos, (o) => o.ends_on === null)).toBeLessThan(0.6);
    const kinds = (k: string) => orders.filter((o) => o.kind === k);
    expect(kinds('interim_shpo').length).toBeGreaterThan(5);
    expect(kinds('notification_order').length).toBeGreaterThan(5);
    expect(
      kinds('notification_order').every(
        (o) => o.foreign_conviction_date !== null && o.foreign_outcome !== null,
      ),
    ).toBe(true);
    expect(kinds('interim_notification_order').length).toBeGreaterThan(0);
    const terrorismRisk = rows.nominals.filter(
      (r) => r[column('nominals', 'terrorism_risk_accepted_on')] !== null,
    );
    expect(terrorismRisk.length + kinds('cta_notification_order').length).toBeGreaterThan(0);

    // Notification events for registered sex offenders: most notified in time, some not yet, a few overdue.
    const events = get('notification_events');
    expect(events.length).toBeGreaterThan(300);
    const unnotified = events.filter((e) => e.notified_on === null);
    expect(unnotified.length / events.length).toBeGreaterThan(0.02);
    expect(unnotified.length / events.length).toBeLessThan(0.2);
    const threeDaysAgo = addDays(TODAY, -3);
    expect(
      unnotified.filter((e) => e.kind !== 'foreign_travel' && (e.occurred_on as string) < threeDaysAgo)
        .length,
    ).toBeGreaterThan(0);
    expect(events.every((e) => (e.recorded_at as string).slice(0, 10) <= TODAY)).toBe(true);
    const subject = get('nominal_obligations').filter((o) => o.subject_to_notification);
    expect(new Set(events.map((e) => e.nominal_id)).size).toBeLessThanOrEqual(subject.length);
  });

  it('holds everyone in prison in an open custody episode that agrees with their sentence, and monitors about a tenth of MAPPA prisoners', async () => {
    const { database } = getDb();
    const custody = (
      await sql<{
        disagree: number;
        open: number;
        not_prison: number;
        other_dates: number;
        other_pom: number;
        bad_moves: number;
        moves: number;
        closed: number;
      }>`
        SELECT
          (SELECT count(*)::int FROM nominal_obligations o WHERE o.in_custody <>
             EXISTS (SELECT 1 FROM custody_episodes e WHERE e.nominal_id = o.nominal_id AND e.released_on IS NULL)) AS disagree,
          (SELECT count(*)::int FROM custody_episodes WHERE released_on IS NULL) AS open,
          (SELECT count(*)::int FROM custody_episodes e JOIN agencies a ON a.id = e.establishment_agency_id
            WHERE a.type <> 'prison') AS not_prison,
          (SELECT count(*)::int FROM custody_episodes e JOIN convictions c ON c.nominal_id = e.nominal_id AND c.is_index_offence
            WHERE e.sentence_start_date IS DISTINCT FROM c.sentence_start
               OR e.received_on IS DISTINCT FROM c.sentence_start
               OR e.conditional_release_date IS DISTINCT FROM c.conditional_release_date
               OR e.hdc_eligibility_date IS DISTINCT FROM c.hdc_eligibility_date
               OR e.licence_expiry_date IS DISTINCT FROM c.licence_expiry_date
               OR (e.released_on IS NOT NULL AND e.released_on IS DISTINCT FROM c.actual_release_date)) AS other_dates,
          (SELECT count(*)::int FROM custody_episodes e WHERE e.released_on IS NULL AND NOT EXISTS (
             SELECT 1 FROM nominal_managers m WHERE m.nominal_id = e.nominal_id AND m.role = 'prison_offender_manager'
               AND m.user_id = e.pom_user_id)) AS other_pom,
          (SELECT count(*)::int FROM custody_moves v JOIN custody_episodes e ON e.id = v.episode_id
            WHERE v.from_agency_id = v.to_agency_id OR v.moved_on <= e.received_on
               OR v.moved_on > coalesce(e.released_on, ${TODAY}::date)) AS bad_moves,
          (SELECT count(*)::int FROM custody_moves) AS moves,
          (SELECT count(*)::int FROM custody_episodes WHERE released_on IS NOT NULL) AS closed`.execute(
        database.db,
      )
    ).rows[0]!;
    expect(custody).toMatchObject({ disagree: 0, not_prison: 0, other_dates: 0, other_pom: 0, bad_moves: 0 });
    expect(custody.open).toBeGreaterThan(300);
    expect(custody.moves).toBeGreaterThan(0);
    expect(custody.closed).toBeGreaterThan(0);
    // Each moved episode ends where the person is held now.
    const lastMoves = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM custody_episodes e
      JOIN LATERAL (SELECT to_agency_id FROM custody_moves v WHERE v.episode_id = e.id ORDER BY moved_on DESC, id DESC LIMIT 1) v ON true
      WHERE v.to_agency_id <> e.establishment_agency_id`.execute(database.db);
    expect(lastMoves.rows[0]!.n).toBe(0);

    const monitoring = (
      await sql<{
        prisoners: number;
        cases: number;
        not_prisoner: number;
        without_calls: number;
        calls: number;
        heavy: number;
      }>`
        SELECT
          (SELECT count(*)::int FROM nominal_obligations WHERE in_custody AND category IS NOT NULL) AS prisoners,
          (SELECT count(*)::int FROM monitoring_cases) AS cases,
          (SELECT count(*)::int FROM monitoring_cases m JOIN custody_episodes e ON e.id = m.episode_id
             JOIN nominal_obligations o ON o.nominal_id = m.nominal_id
             WHERE e.nominal_id <> m.nominal_id OR e.released_on IS NOT NULL OR o.category IS NULL) AS not_prisoner,
          (SELECT count(*)::int FROM monitoring_cases m
             WHERE NOT EXISTS (SELECT 1 FROM communications c WHERE c.case_id = m.id AND c.kind = 'call')) AS without_calls,
          (SELECT count(*)::int FROM communications WHERE kind = 'call') AS calls,
          (SELECT count(*)::int FROM (SELECT 1 FROM communications WHERE kind = 'call'
             GROUP BY case_id, counterpart, occurred_on HAVING count(*) >= 35) d) AS heavy`.execute(
        database.db,
      )
    ).rows[0]!;
    expect(monitoring.not_prisoner).toBe(0);
    expect(monitoring.without_calls).toBe(0);
    expect(monitoring.cases / monitoring.prisoners).toBeGreaterThan(0.04);
    expect(monitoring.cases / monitoring.prisoners).toBeLessThan(0.2);
    // Several calls a day each, for up to 90 days; a "Kevin" or two with 35+ calls to one number in a day.
    expect(monitoring.calls / monitoring.cases).toBeGreaterThan(150);
    expect(monitoring.heavy).toBeGreaterThan(0);
    const flags = await sql<{ n: number }>`SELECT count(*)::int AS n FROM monitoring_flags`.execute(
      database.db,
    );
    expect(flags.rows[0]!.n).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same people with the same ids', async () => {
    const { database } = getDb();
    const plan = first.plan;
    const ctx = await generationContext(database, plan, TODAY);
    for (const person of [0, 1, 517, plan.mappaTotal + 3, plan.people - 1]) {
      const rows = emptyRows();
      generatePerson(ctx, person, rows);
      const stored = await database.db
        .selectFrom('nominals')
        .select(['id', 'vigil_ref', 'forename', 'surname', 'date_of_birth'])
        .where('id', '=', rowId(SEED, KIND.nominal, person))
        .executeTakeFirstOrThrow();
      const [id, ref, , forename, , surname, dob] = rows.nominals[0]!;
      expect(stored).toEqual({ id, vigil_ref: ref, forename, surname, date_of_birth: dob });
    }
    // The plan itself is a pure function of (seed, scale).
    const again = planGeneration(
      SEED,
      SCALE,
      plan.areas.map((a) => ({ code: a.code, population: 1 })),
    );
    expect(again.mappaTotal).toBe(plan.mappaTotal);
  });

  it('stores the obligations recomputeObligations computes from the generated record', async () => {
    const { database } = getDb();
    const plan = first.plan;
    const sample = Array.from({ length: 60 }, (_, k) => Math.floor((k * plan.people) / 60) + (k % 7));
    const managed = await sql<{ nominal_id: string }>`
      SELECT nominal_id FROM nominal_obligations WHERE level IN (2, 3) OR category3_candidate OR unreviewed_event_since IS NOT NULL
      ORDER BY nominal_id LIMIT 40`.execute(database.db);
    const ids = [
      ...sample.map((p) => rowId(SEED, KIND.nominal, p)),
      ...managed.rows.map((r) => r.nominal_id),
    ];
    const read = (tx: Parameters<Parameters<typeof database.transaction>[0]>[0], id: string) =>
      tx.selectFrom('nominal_obligations').selectAll().where('nominal_id', '=', id).executeTakeFirstOrThrow();
    const mismatches: unknown[] = [];
    class Undo extends Error {}
    for (const id of ids) {
      await database
        .transaction(async (tx) => {
          const generated = await read(tx, id);
          await recomputeObligations(tx, id, TODAY);
          const recomputed = await read(tx, id);
          if (JSON.stringify(generated) !== JSON.stringify(recomputed))
            mismatches.push({ generated, recomputed });
          throw new Undo();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Undo)) throw error;
        });
    }
    expect(mismatches).toEqual([]);
  });

  it('leaves an access-log chain that vigil audit verify accepts', async () => {
    const { database } = getDb();
    const result = await verifyChain(database);
    expect(result).toMatchObject({ intact: true, entries: first.plan.accessLogEntries });
    // The "who viewed this person" index holds every person each entry names.
    const records = await sql<{ missing: number }>`
      SELECT count(*)::int AS missing FROM access_log l, unnest(l.record_ids) AS r(id)
      WHERE NOT EXISTS (SELECT 1 FROM access_log_records x WHERE x.entry_id = l.id AND x.record_id = r.id)`.execute(
      database.db,
    );
    expect(records.rows[0]!.missing).toBe(0);
    // Entries appended by the trigger afterwards continue the same chain.
    await database.transaction((tx) =>
      sql`INSERT INTO access_log (at, operation, record_type, record_ids) VALUES (${testClock.now()}, 'consultation', 'nominal', ARRAY[${rowId(SEED, KIND.nominal, 0)}::uuid])`.execute(
        tx,
      ),
    );
    expect(await verifyChain(database)).toMatchObject({
      intact: true,
      entries: first.plan.accessLogEntries + 1,
    });
  });

  it('refuses to mix another seed into a generated database', async () => {
    const { database } = getDb();
    await expect(generateDataset(database, { seed: SEED + 1, scale: SCALE, progress: null })).rejects.toThrow(
      GenerationError,
    );
  });

  it('runs vigil bench --quick against it (server database only)', async () => {
    const { kind, name } = getDb();
    if (kind !== 'postgres') return;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const lines: string[] = [];
    const { results, file } = await runBench({
      databaseUrl: url.toString(),
      quick: true,
      out: (l) => lines.push(l),
    });
    try {
      const names = results.map((r) => r.scenario);
      expect(names.some((n) => n.startsWith('name search'))).toBe(true);
      expect(names.filter((n) => n.startsWith('overview page'))).toHaveLength(3);
      expect(names.some((n) => n.startsWith('flag scan, one establishment'))).toBe(true);
      for (const r of results.filter((x) => x.p95 !== undefined)) expect(r.p95).toBeGreaterThan(0);
      expect(lines.some((l) => l.startsWith('| scenario |'))).toBe(true);
    } finally {
      rmSync(file, { force: true });
    }
  }, 180_000);
});

describe('vigil generate and bench on the command line', () => {
  const vigil = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(projectRoot, 'bin/vigil.mjs'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', VIGIL_DATA_DIR: '/nonexistent/vigil-generate-test' },
    });

  it('refuses bad input with one line and a non-zero exit', () => {
    for (const args of [
      ['generate', '--scale', 'lots'],
      ['generate', '--seed', '1.5'],
      ['bench', '--quick'],
    ]) {
      const result = vigil(...args);
      expect(result.status).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^vigil: /);
    }
  }, 60_000);
});
