import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, ownArea } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database } from '../../db/database.ts';
import { normalisePhoneNumber } from '../../domain/communications-monitoring.ts';
import { compareDates } from '../../domain/dates.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parseInput } from '../../validation/parse.ts';
import { loadInScope, nominalAreas } from '../nominals/index.ts';
import { readCallRecords } from './call-records.ts';
import { SECTION, loadCase } from './monitoring.ts';
import { scanCase } from './monitoring-flags.ts';
import { CallRecordImport, CommunicationInput } from './monitoring-schemas.ts';

/** The log of communications: calls, mail and visits recorded by hand, and the phone system's call records imported. */

/** A call listened to, a letter or a visit, recorded by hand (summary, language, translation, concerns). */
export async function recordCommunication(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  caseId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'monitoring.manage');
  const values = parseInput(CommunicationInput, input);
  return database.transaction(async (tx) => {
    const monitoringCase = await loadCase(tx, ctx, nominalId, caseId);
    for (const key of ['occurredOn', 'listenedOn', 'translationRequestedOn', 'translationDoneOn'] as const) {
      const v = values[key];
      if (v && compareDates(v, ctx.today) > 0)
        throw new ValidationError({ [key]: 'The date must be today or in the past' });
    }
    if (values.translationDoneOn && !values.translationRequestedOn)
      throw new ValidationError({ translationRequestedOn: 'Enter when the translation was requested' });
    const counterpart =
      values.kind === 'call' ? normalisePhoneNumber(values.counterpart) : values.counterpart;
    const row = await tx
      .insertInto('communications')
      .values({
        case_id: caseId,
        kind: values.kind,
        occurred_at: `${values.occurredOn}T12:00:00Z`,
        occurred_on: values.occurredOn,
        counterpart,
        duration_seconds: values.durationSeconds ?? null,
        listened_on: values.listenedOn ?? (values.kind === 'call' ? null : values.occurredOn),
        summary: values.summary ?? null,
        language: values.language ?? null,
        translation_requested_on: values.translationRequestedOn ?? null,
        translation_done_on: values.translationDoneOn ?? null,
        concerns: values.concerns ?? null,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: SECTION,
    });
    const flags = await scanCase(tx, ctx, monitoringCase);
    return { id: row.id, flagsRaised: flags.length };
  });
}

/**
 * A phone system's call records for the actor's establishment: a preview (rows read, matched to
 * each open case by PIN account, not monitored, and every row's problem); with `confirm`, and no
 * problem, every matched row is stored in one transaction and each case scanned. Calls of
 * prisoners not on monitoring are never stored.
 */
export async function importCallRecords(database: Database, ctx: UseCaseContext, input: unknown) {
  authorize(ctx.actor, 'monitoring.manage');
  // The establishment is the actor's, in their own area: a token limited elsewhere may not import.
  ownArea(ctx.actor);
  const { fileName, csv, confirm } = parseInput(CallRecordImport, input);
  const { records, problems } = readCallRecords(csv, ctx.now);
  return database.transaction(async (tx) => {
    const open = await tx
      .selectFrom('monitoring_cases as m')
      .innerJoin('custody_episodes as e', 'e.id', 'm.episode_id')
      .select([
        'm.id',
        'm.nominal_id',
        'm.pin_account',
        'e.establishment_agency_id as establishmentId',
        'e.pom_user_id as pomUserId',
      ])
      .where('m.ended_on', 'is', null)
      .where('e.establishment_agency_id', '=', ctx.actor.agencyId)
      .execute();
    // The thresholds are those of the area that manages each person.
    const areas = await nominalAreas(
      tx,
      open.map((c) => c.nominal_id),
    );
    const cases = open.map((c) => ({ ...c, areaCode: areas.get(c.nominal_id) ?? ctx.actor.areaCode }));
    const byPin = new Map(cases.map((c) => [c.pin_account, c]));
    const matched = records.filter((r) => byPin.has(r.pinAccount));
    const perCase = [...byPin.values()]
      .map((c) => ({
        caseId: c.id,
        nominalId: c.nominal_id,
        pinAccount: c.pin_account,
        calls: matched.filter((r) => r.pinAccount === c.pin_account).length,
      }))
      .filter((c) => c.calls > 0);
    const preview = {
      rowsRead: records.length + problems.length,
      matched: matched.length,
      notMonitored: records.length - matched.length,
      perCase,
      problems: problems.slice(0, 100),
      problemCount: problems.length,
    };
    if (!confirm || problems.length) {
      // The preview says who is on monitoring (their cases and calls): a read of their records.
      if (perCase.length)
        await logAccess(tx, ctx, {
          operation: 'consultation',
          recordType: 'nominal',
          recordIds: perCase.map((p) => p.nominalId),
          section: `${SECTION}: call records import preview`,
        });
      return { ...preview, imported: false, flagsRaised: 0 };
    }
    const imported = await tx
      .insertInto('communication_imports')
      .values({
        establishment_agency_id: ctx.actor.agencyId,
        file_name: fileName,
        rows_read: preview.rowsRead,
        rows_stored: matched.length,
        imported_by: ctx.actor.userId,
        imported_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < matched.length; i += 5000) {
      await tx
        .insertInto('communications')
        .values(
          matched.slice(i, i + 5000).map((r) => ({
            case_id: byPin.get(r.pinAccount)!.id,
            kind: 'call' as const,
            occurred_at: r.calledAt,
            occurred_on: r.on,
            counterpart: r.number,
            duration_seconds: r.durationSeconds,
            import_id: imported.id,
            recorded_by: ctx.actor.userId,
            recorded_at: ctx.now,
          })),
        )
        .execute();
    }
    let flagsRaised = 0;
    for (const c of cases.filter((c) => perCase.some((p) => p.caseId === c.id)))
      flagsRaised += (await scanCase(tx, ctx, c)).length;
    await logAccess(tx, ctx, {
      operation: 'collection',
      recordType: 'nominal',
      recordIds: perCase.map((p) => p.nominalId),
      section: `${SECTION}: call records import`,
    });
    return { ...preview, imported: true, flagsRaised };
  });
}

/** Communications a page of the log shows. */
export const COMMUNICATIONS_PAGE_SIZE = 25;

/**
 * The log of a person's calls, mail and visits under monitoring, newest first, a page at a time
 * (the security compartment only; every case the person has had).
 */
export async function communicationLog(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  page: number,
) {
  authorize(ctx.actor, 'monitoring.view');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const ofPerson = tx
      .selectFrom('communications as c')
      .innerJoin('monitoring_cases as m', 'm.id', 'c.case_id')
      .where('m.nominal_id', '=', nominalId);
    const { total } = await ofPerson
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    const pages = Math.max(1, Math.ceil(Number(total) / COMMUNICATIONS_PAGE_SIZE));
    const shown = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
    const rows = await ofPerson
      .selectAll('c')
      .orderBy('c.occurred_at', 'desc')
      .orderBy('c.id')
      .limit(COMMUNICATIONS_PAGE_SIZE)
      .offset((shown - 1) * COMMUNICATIONS_PAGE_SIZE)
      .execute();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `${SECTION}: log of communications`,
    });
    return {
      total: Number(total),
      page: shown,
      pages,
      communications: rows.map((m) => ({
        id: m.id,
        kind: m.kind,
        on: m.occurred_on,
        at: m.occurred_at,
        counterpart: m.counterpart,
        durationSeconds: m.duration_seconds,
        imported: m.import_id !== null,
        listenedOn: m.listened_on,
        summary: m.summary,
        language: m.language,
        translationRequestedOn: m.translation_requested_on,
        translationDoneOn: m.translation_done_on,
        concerns: m.concerns,
      })),
    };
  });
}
