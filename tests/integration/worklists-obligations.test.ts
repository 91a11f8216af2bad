import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, UseCaseContext } from '../../src/access/actor.ts';
import type { NotificationObligationRow } from '../../src/db/schema.ts';
import { addDays } from '../../src/domain/dates.ts';
import { ValidationError } from '../../src/domain/errors.ts';
import { decideLevel, obligationItems, type ObligationItem } from '../../src/modules/levels/index.ts';
import {
  areaCaseload,
  areaWorklist,
  myObligationSummary,
  myWorklist,
  wholeAreaWorklist,
  wholeMyWorklist,
} from '../../src/modules/worklists/index.ts';
import { generateDataset } from '../../src/tooling/generate/generate.ts';
import { TODAY, describeEachDatabase, makeActor, testContext } from '../support/databases.ts';
import { rejection } from '../support/fixtures.ts';

/**
 * Issue 13, "worklists that can be trusted", on a generated dataset (`vigil generate`, small
 * scale): one row per obligation, each row's due date and reason from the same obligation, no
 * notification overdue while the person is in custody, nobody whose MAPPA ended on the lists.
 */

type Stored = {
  nominal_id: string;
  area_code: string;
  category: number | null;
  level: number | null;
  in_custody: boolean;
  level_decision_due_on: string | null;
  level_decision_basis: string | null;
  review_due_on: string | null;
  review_basis: string | null;
  unreviewed_event_since: string | null;
  eligibility_ends_on: string | null;
  reduced_near_release: boolean;
  subject_to_notification: boolean;
  notification_obligations: NotificationObligationRow[];
};

describeEachDatabase('worklists: one row per obligation, on generated data', (getDb) => {
  const db = () => getDb().database;
  let stored: Map<string, Stored>;
  let coordinator: UseCaseContext;
  /** Every obligation row of every list of the busiest area, by list. */
  let area: string;

  beforeAll(async () => {
    await generateDataset(db(), { seed: 13, scale: 0.002, today: TODAY, progress: null });
    const rows = await sql<Stored>`
      SELECT nominal_id, area_code, category, level, in_custody,
        to_char(level_decision_due_on, 'YYYY-MM-DD') AS level_decision_due_on, level_decision_basis,
        to_char(review_due_on, 'YYYY-MM-DD') AS review_due_on, review_basis,
        to_char(unreviewed_event_since, 'YYYY-MM-DD') AS unreviewed_event_since,
        to_char(eligibility_ends_on, 'YYYY-MM-DD') AS eligibility_ends_on,
        reduced_near_release, subject_to_notification, notification_obligations
      FROM nominal_obligations`.execute(db().db);
    stored = new Map(rows.rows.map((r) => [r.nominal_id, r]));
    area = (
      await sql<{ area_code: string }>`
        SELECT area_code FROM nominal_obligations WHERE category IS NOT NULL
        GROUP BY area_code ORDER BY count(*) DESC, area_code LIMIT 1`.execute(db().db)
    ).rows[0]!.area_code;
    coordinator = await makeActor(db(), { roles: ['mappa_coordinator'], areaCode: area });
  }, 600_000);

  const listRows = async (list: string, extra: Record<string, string> = {}) =>
    (await wholeAreaWorklist(db(), coordinator, { list, ...extra })).rows;
  /** Every obligation of everyone, in every area. */
  const everyObligation = () => obligationItems(db().db, {}, {}, TODAY);

  /** The due date, reason and legal basis an obligation must have come from, from the person's stored row. */
  function sourcesOf(row: ObligationItem): { dueOn: string | null; reason: string; legalBasis: string }[] {
    const o = stored.get(row.nominalId)!;
    const same = { dueOn: row.dueOn, reason: row.reason, legalBasis: row.legalBasis };
    switch (row.kind) {
      case 'level-decision':
        return o.category !== null && o.level === null
          ? [
              {
                dueOn: o.level_decision_due_on,
                reason: o.level_decision_basis ?? '',
                legalBasis: row.legalBasis,
              },
            ]
          : [];
      case 'review':
        return o.level !== null
          ? [{ dueOn: o.review_due_on, reason: o.review_basis ?? '', legalBasis: row.legalBasis }]
          : [];
      case 'notification':
        return o.notification_obligations
          .filter((d) => d.kind === row.duty)
          .map((d) => ({ dueOn: d.dueOn, reason: d.basis, legalBasis: d.section }));
      case 'significant-event':
        return o.unreviewed_event_since && row.dueOn! > o.unreviewed_event_since ? [same] : [];
      case 'eligibility-ending':
        return o.eligibility_ends_on === row.dueOn ? [same] : [];
      case 'reduced-near-release':
        return o.reduced_near_release ? [same] : [];
    }
  }

  it('gives each row the due date, reason and legal basis of one and the same obligation', async () => {
    const rows = await everyObligation();
    expect(rows.length).toBeGreaterThan(100);
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of ['level-decision', 'review', 'notification', 'significant-event'] as const)
      expect(kinds).toContain(kind);
    for (const row of rows) {
      expect(row.legalBasis, `${row.kind} of ${row.nominalId}`).toBeTruthy();
      expect(row.reason, `${row.kind} of ${row.nominalId}`).toBeTruthy();
      expect(sourcesOf(row), `${row.kind} of ${row.nominalId}`).toContainEqual({
        dueOn: row.dueOn,
        reason: row.reason,
        legalBasis: row.legalBasis,
      });
      expect(row.overdue).toBe(row.dueOn !== null && row.dueOn < TODAY);
    }
    for (const r of rows.filter((x) => x.kind === 'notification'))
      expect(r.legalBasis).toMatch(/^SOA 2003 s\.8[3-6]/);
    // The worklists show the same rows: the area's lists hold exactly its obligations of each kind.
    const inArea = rows.filter((r) => r.areaCode === area);
    const key = (r: { nominalId: string; kind: string; duty: string | null; dueOn: string | null }) =>
      `${r.nominalId} ${r.kind} ${r.duty ?? ''} ${r.dueOn ?? ''}`;
    const noLevel = await listRows('no-level');
    expect(noLevel.map(key).sort()).toEqual(
      inArea
        .filter((r) => r.kind === 'level-decision')
        .map(key)
        .sort(),
    );
    const events = await listRows('events-unreviewed');
    expect(events.map(key).sort()).toEqual(
      inArea
        .filter((r) => r.kind === 'significant-event')
        .map(key)
        .sort(),
    );
  });

  it('has one row per obligation: each open duty with a due date is a row, and a person may have several', async () => {
    const rows = await everyObligation();
    const count = (id: string, kind: string) =>
      rows.filter((r) => r.nominalId === id && r.kind === kind).length;
    for (const o of stored.values()) {
      const duties = o.subject_to_notification
        ? o.notification_obligations.filter((d) => d.dueOn !== null)
        : [];
      expect(count(o.nominal_id, 'notification'), o.nominal_id).toBe(duties.length);
      expect(count(o.nominal_id, 'level-decision') + count(o.nominal_id, 'review')).toBeLessThanOrEqual(1);
      expect(count(o.nominal_id, 'significant-event')).toBeLessThanOrEqual(1);
    }
    const perPerson = new Map<string, number>();
    for (const r of rows) perPerson.set(r.nominalId, (perPerson.get(r.nominalId) ?? 0) + 1);
    expect([...perPerson.values()].some((n) => n > 1)).toBe(true);
  });

  it('never lists a notification duty that cannot fall due, such as a prisoner’s initial notification', async () => {
    const waiting = [...stored.values()].filter((o) =>
      o.notification_obligations.some((d) => d.kind === 'initial' && d.dueOn === null),
    );
    // The generated data holds prisoners whose initial notification waits for release, so this can fail.
    expect(waiting.filter((o) => o.in_custody).length).toBeGreaterThan(0);
    const waitingIds = new Set(waiting.map((o) => o.nominal_id));
    const rows = await everyObligation();
    for (const r of rows.filter((x) => x.kind === 'notification')) expect(r.dueOn).not.toBeNull();
    expect(rows.filter((r) => r.duty === 'initial' && waitingIds.has(r.nominalId))).toEqual([]);
    expect(
      rows.filter((r) => r.kind === 'notification' && r.inCustody && r.overdue && r.duty === 'initial'),
    ).toEqual([]);
    const custody = await wholeAreaWorklist(db(), coordinator, {
      list: 'notification-due',
      setting: 'custody',
    });
    for (const r of custody.rows) expect(waitingIds.has(r.nominalId) && r.duty === 'initial').toBe(false);
  });

  it('never lists someone whose MAPPA ended, nor after MAPPA management is ended by a decision', async () => {
    const ended = new Set([...stored.values()].filter((o) => o.category === null).map((o) => o.nominal_id));
    expect(ended.size).toBeGreaterThan(0);
    const rows = await everyObligation();
    // MAPPA ended: no level, review or event rows; only the police notification duties of SOA 2003 Part 2 continue.
    expect(rows.filter((r) => ended.has(r.nominalId) && r.kind !== 'notification')).toEqual([]);
    for (const r of await listRows('no-level')) expect(r.category).not.toBeNull();

    // A person waiting for a level whose MAPPA management is ended leaves "eligible – level not set".
    // (The decision marks their significant events as considered: only a later one brings them back.)
    const person = rows.find((r) => r.kind === 'level-decision')!;
    expect(person).toBeDefined();
    const theirCoordinator = await makeActor(db(), {
      roles: ['mappa_coordinator'],
      areaCode: person.areaCode,
    });
    const before = await wholeAreaWorklist(db(), theirCoordinator, { list: 'no-level' });
    expect(before.rows.map((r) => r.nominalId)).toContain(person.nominalId);
    await decideLevel(db(), theirCoordinator, person.nominalId, {
      deregister: true,
      rationale: 'Not managed under MAPPA: the category is met but management is not needed.',
    });
    const after = await wholeAreaWorklist(db(), theirCoordinator, { list: 'no-level' });
    expect(after.rows.map((r) => r.nominalId)).not.toContain(person.nominalId);
  });

  const collator = new Intl.Collator('en-GB');
  /** The surnames of people, in the order given. */
  async function surnamesOf(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await sql<{ id: string; surname: string }>`
      SELECT id, surname FROM nominals WHERE id = ANY(${[...ids]}::uuid[])`.execute(db().db);
    const byId = new Map(rows.rows.map((r) => [r.id, r.surname]));
    return ids.map((id) => byId.get(id)!);
  }

  /** The generated manager with the largest caseload, as a use-case context. */
  async function busiestManager(): Promise<UseCaseContext> {
    const user = (
      await sql<{
        id: string;
        display_name: string;
        email: string;
        agency_id: string;
        agency_name: string;
        agency_type: string;
        area_code: string;
        roles: string[];
      }>`
        SELECT u.id, u.display_name, u.email, u.agency_id, a.name AS agency_name, a.type AS agency_type, u.area_code,
          array(SELECT role FROM user_roles r WHERE r.user_id = u.id) AS roles
        FROM users u JOIN agencies a ON a.id = u.agency_id
        JOIN nominal_managers m ON m.user_id = u.id AND m.to_date IS NULL
        JOIN nominal_obligations o ON o.nominal_id = m.nominal_id AND o.subject_to_notification AND o.level IS NOT NULL
        GROUP BY u.id, a.id ORDER BY count(*) DESC, u.id LIMIT 1`.execute(db().db)
    ).rows[0]!;
    const actor: Actor = {
      userId: user.id,
      displayName: user.display_name,
      email: user.email,
      agencyId: user.agency_id,
      agencyName: user.agency_name,
      agencyType: user.agency_type,
      areaCode: user.area_code,
      roles: user.roles as Actor['roles'],
    };
    return testContext(actor);
  }

  async function myRowsOfBusiestManager() {
    const ctx = await busiestManager();
    const { rows } = await wholeMyWorklist(db(), ctx, {});
    const byPerson = new Map<string, number>();
    for (const r of rows) byPerson.set(r.nominalId, (byPerson.get(r.nominalId) ?? 0) + 1);
    return { ctx, rows, byPerson };
  }

  it('pages my worklist 50 at a time, filters it by due date, and its counts are the start page’s', async () => {
    const { ctx, rows } = await myRowsOfBusiestManager();
    expect(rows.length).toBeGreaterThan(0);
    const first = await myWorklist(db(), ctx, {});
    expect(first.pageSize).toBe(50);
    expect(first.total).toBe(rows.filter((r) => r.kind !== 'action').length);
    expect(first.rows.length).toBe(Math.min(50, first.total));
    // Soonest first, undated last.
    const dates = first.rows.map((r) => r.dueOn ?? '9999-12-31');
    expect(dates).toEqual([...dates].sort());
    // Every row names the person's managers (the busiest manager among them).
    for (const r of first.rows) expect(r.owners.length).toBeGreaterThan(0);

    const summary = await myObligationSummary(db(), ctx);
    const overdue = await myWorklist(db(), ctx, { due: 'overdue' });
    expect(overdue.total).toBe(summary.overdue);
    for (const r of overdue.rows) expect(r.overdue).toBe(true);
    const week = await myWorklist(db(), ctx, { due: 'week' });
    expect(week.total).toBe(summary.dueThisWeek);
    for (const r of week.rows) expect(r.dueOn! >= TODAY && r.dueOn! <= addDays(TODAY, 6)).toBe(true);
    const month = await myWorklist(db(), ctx, { due: 'month' });
    expect(month.total).toBeGreaterThanOrEqual(week.total);

    // Sorted by name, descending.
    const byName = await myWorklist(db(), ctx, { sort: 'name', order: 'desc' });
    const surnames = await surnamesOf(byName.rows.map((r) => r.nominalId));
    expect(surnames).toEqual([...surnames].sort((a, b) => collator.compare(b, a)));
    await rejection(myWorklist(db(), ctx, { due: 'soon' }), ValidationError);
  });

  it('pages an area list with every list counted under the same filters, and filters by level, setting and agency', async () => {
    const all = await areaWorklist(db(), coordinator, { list: 'no-level' });
    expect(all.total).toBe(all.lists.find((l) => l.key === 'no-level')!.count);
    expect(all.rows.length).toBe(Math.min(50, all.total));
    if (all.total > 50) {
      const second = await areaWorklist(db(), coordinator, { list: 'no-level', page: '2' });
      expect(second.page).toBe(2);
      const firstIds = new Set(all.rows.map((r) => `${r.nominalId} ${r.kind}`));
      expect(second.rows.some((r) => firstIds.has(`${r.nominalId} ${r.kind}`))).toBe(false);
    }
    const custody = await wholeAreaWorklist(db(), coordinator, { list: 'no-level', setting: 'custody' });
    const community = await wholeAreaWorklist(db(), coordinator, { list: 'no-level', setting: 'community' });
    expect(custody.rows.length + community.rows.length).toBe(all.total);
    for (const r of custody.rows) expect(r.inCustody).toBe(true);
    const level1 = await wholeAreaWorklist(db(), coordinator, { list: 'level1-review-overdue', level: '1' });
    for (const r of level1.rows) expect(r.level).toBe(1);
    // By the managing agency: each row has a named manager of that agency.
    const withOwner = all.rows.find((r) => r.owners.length > 0);
    if (withOwner) {
      const agencyId = (
        await sql<{ agency_id: string }>`
          SELECT agency_id FROM nominal_managers WHERE nominal_id = ${withOwner.nominalId} AND to_date IS NULL LIMIT 1`.execute(
          db().db,
        )
      ).rows[0]!.agency_id;
      const byAgency = await wholeAreaWorklist(db(), coordinator, { list: 'no-level', agency: agencyId });
      expect(byAgency.rows.map((r) => r.nominalId)).toContain(withOwner.nominalId);
      expect(byAgency.rows.length).toBeLessThanOrEqual(all.total);
    }
  });

  it('offers the area’s caseload, paged and filtered, with managers and custody', async () => {
    const page = await areaCaseload(db(), coordinator, { category: '1' });
    expect(page.total).toBe(
      [...stored.values()].filter((o) => o.area_code === area && o.category === 1).length,
    );
    for (const r of page.rows) {
      expect(r.category).toBe(1);
      expect(r.inCustody).toBe(stored.get(r.nominalId)!.in_custody);
    }
    const names = await surnamesOf(page.rows.map((r) => r.nominalId));
    expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b)));
  });
});

describe('the worklists’ query', () => {
  it('is one schema for every list', async () => {
    const { WorklistQuery } = await import('../../src/modules/worklists/index.ts');
    expect(WorklistQuery.safeParse({ due: 'week', level: 'none', page: '3' }).success).toBe(true);
    expect(WorklistQuery.safeParse({ setting: 'prison' }).success).toBe(false);
    expect(WorklistQuery.safeParse({ page: '0' }).success).toBe(false);
  });
});
