import { z } from 'zod';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can, ownArea } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { labelOf } from '../../domain/codes.ts';
import {
  CONTACT_LINK,
  DEFAULT_MONITORING_SETTINGS,
  FLAG_KIND,
  FLAG_OUTCOME,
  MONITORING_REASON,
  MONITORING_REVIEW_MONTHS,
  monitoringFlags,
  normalisePhoneNumber,
  type MonitoringSettings,
} from '../../domain/communications-monitoring.ts';
import { addDays, addMonths, compareDates, formatDateLong, isRealDate } from '../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { isUuid } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse.ts';
import { loadInScope, nominalAreas, nominalListEntries, recordAndLog } from '../nominals/index.ts';
import { agenciesByIds } from '../reference/index.ts';
import { notify } from '../notifications/index.ts';
import { activeUsersWithRole } from '../users/index.ts';
import { readCallRecords } from './call-records.ts';

/**
 * Public protection monitoring (issue 14; rules in domain/communications-monitoring.ts): who is on
 * monitoring and why, their calls, mail and visits (imported from the phone system or recorded by
 * hand), the flags the rules raise and how each was dealt with. Intelligence stays in the security
 * compartment (`monitoring.view`); community managers see only the flags security has released,
 * with the released summary (`monitoring.released`); duty-to-co-operate agencies see nothing.
 */

const SECTION = 'communications monitoring';
/** The days of communications a scan reads: the 30-day window, and the 60-day baseline before the last 7. */
const SCAN_DAYS = 90;

const day = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .refine(isRealDate, { error: `${label} must be a real date (YYYY-MM-DD)` });
const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label.toLowerCase()}` })
    .trim()
    .min(1, { error: `Enter ${label.toLowerCase()}` })
    .max(max, { error: `${label} must be ${max} characters or fewer` });
const optionalText = (label: string, max: number) =>
  z.preprocess((v) => (v === '' ? null : v), text(label, max).nullable().optional());
const optionalDay = (label: string) =>
  z.preprocess((v) => (v === '' ? null : v), day(label).nullable().optional());
const version = z.coerce.number().int().min(1).describe('The version you read; 409 if it changed since');

export const StartMonitoring = z.object({
  pinAccount: text('PIN account', 40).describe(
    'The phone system account: imported call records are matched by it',
  ),
  reasons: z
    .array(z.enum(MONITORING_REASON.map((r) => r.code) as [string, ...string[]]), {
      error: 'Select why the person is monitored',
    })
    .min(1, { error: 'Select why the person is monitored' }),
  authorisedBy: text('Authorised by', 200).describe('Who authorised monitoring (name and grade)'),
  authorisedOn: day('Date authorised'),
});
export const MonitoringReview = z.object({
  reviewedOn: day('Date reviewed'),
  continue: z.boolean(),
  reason: optionalText('Reason', 1000),
  version,
});
export const MonitoredContact = z.object({
  counterpart: text('Number or address', 200),
  link: z.enum(CONTACT_LINK.map((l) => l.code) as [string, ...string[]], {
    error: 'Select whose number or address it is',
  }),
  source: text('Source', 300).describe(
    'Where on the record it comes from, e.g. "Relationship: victim (Jane Doe)"',
  ),
});
export const CommunicationInput = z.object({
  kind: z.enum(['call', 'mail', 'visit'], { error: 'Select call, mail or visit' }),
  occurredOn: day('Date'),
  counterpart: text('Number, address or visitor', 200),
  durationSeconds: z.coerce.number().int().min(0).max(86_400).nullable().optional(),
  listenedOn: optionalDay('Date listened to'),
  summary: optionalText('Summary', 4000),
  language: optionalText('Language', 100),
  translationRequestedOn: optionalDay('Date translation requested'),
  translationDoneOn: optionalDay('Date translation done'),
  concerns: optionalText('Concerns', 4000),
});
export const CallRecordImport = z.object({
  fileName: text('File name', 200),
  csv: z
    .string({ error: 'Attach the CSV file of call records' })
    .min(1, { error: 'Attach the CSV file of call records' }),
  confirm: z
    .boolean()
    .default(false)
    .describe('false: a preview, nothing written; true: import (only if no row has a problem)'),
});
export const FlagAcknowledgement = z.object({
  outcome: z.enum(FLAG_OUTCOME.map((o) => o.code) as [string, ...string[]], { error: 'Select the outcome' }),
  note: optionalText('Note', 2000),
  version,
});
export const FlagRelease = z.object({ summary: text('Summary for the community managers', 2000), version });

// --- Settings and scope -----------------------------------------------------------------------

async function monitoringSettings(tx: Tx, areaCode: string): Promise<MonitoringSettings> {
  const row = await tx
    .selectFrom('custody_settings')
    .selectAll()
    .where('area_code', '=', areaCode)
    .executeTakeFirst();
  const d = DEFAULT_MONITORING_SETTINGS;
  return {
    callsPerNumberPerDay: row?.calls_per_number_per_day ?? d.callsPerNumberPerDay,
    callsPerNumberPer30Days: row?.calls_per_number_per_30_days ?? d.callsPerNumberPer30Days,
    baselineMultiplier:
      row?.baseline_multiplier != null ? Number(row.baseline_multiplier) : d.baselineMultiplier,
    baselineMinimumCalls: row?.baseline_minimum_calls ?? d.baselineMinimumCalls,
    listeningBacklogDays: row?.listening_backlog_days ?? d.listeningBacklogDays,
    translationDays: row?.translation_days ?? d.translationDays,
  };
}

/** A case the actor may work on: in scope, and (for prison staff) held in their establishment. */
async function loadCase(tx: Tx, ctx: UseCaseContext, nominalId: string, caseId: string) {
  if (!isUuid(caseId)) throw new NotFoundError();
  const { nominal } = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
  const found = await tx
    .selectFrom('monitoring_cases as m')
    .innerJoin('custody_episodes as e', 'e.id', 'm.episode_id')
    .selectAll('m')
    .select(['e.establishment_agency_id as establishmentId', 'e.pom_user_id as pomUserId'])
    .where('m.id', '=', caseId)
    .where('m.nominal_id', '=', nominalId)
    .forUpdate()
    .executeTakeFirst();
  if (!found) throw new NotFoundError();
  return { ...found, areaCode: nominal.area_code };
}

// --- Flags ------------------------------------------------------------------------------------

/**
 * Runs the rules over one case's last 90 days and stores each flag not raised before (its key),
 * telling the prison offender manager and the establishment's security staff. Returns the new flags.
 */
export async function scanCase(
  tx: Tx,
  ctx: UseCaseContext,
  monitoringCase: {
    id: string;
    nominal_id: string;
    establishmentId: string;
    pomUserId: string | null;
    areaCode: string;
  },
) {
  const [communications, contacts, settings] = await Promise.all([
    tx
      .selectFrom('communications')
      .select([
        'id',
        'kind',
        'occurred_on',
        'counterpart',
        'listened_on',
        'translation_requested_on',
        'translation_done_on',
      ])
      .where('case_id', '=', monitoringCase.id)
      .where('occurred_on', '>=', addDays(ctx.today, -SCAN_DAYS))
      .execute(),
    tx
      .selectFrom('monitored_contacts')
      .select(['counterpart', 'link', 'source'])
      .where('case_id', '=', monitoringCase.id)
      .execute(),
    monitoringSettings(tx, monitoringCase.areaCode),
  ]);
  const flags = monitoringFlags(
    communications.map((c) => ({
      id: c.id,
      kind: c.kind,
      on: c.occurred_on,
      counterpart: c.counterpart,
      listenedOn: c.listened_on,
      translationRequestedOn: c.translation_requested_on,
      translationDoneOn: c.translation_done_on,
    })),
    contacts.map((c) => ({ counterpart: c.counterpart, link: c.link as never, source: c.source })),
    settings,
    ctx.today,
  );
  if (!flags.length) return [];
  const raised = await tx
    .insertInto('monitoring_flags')
    .values(
      flags.map((f) => ({
        case_id: monitoringCase.id,
        key: f.key,
        kind: f.kind,
        counterpart: f.counterpart,
        count: f.count,
        from_on: f.from,
        to_on: f.to,
        evidence: f.evidence,
        raised_on: ctx.today,
      })),
    )
    .onConflict((oc) => oc.columns(['case_id', 'key']).doNothing())
    .returning(['id', 'kind'])
    .execute();
  if (raised.length) {
    const security = await activeUsersWithRole(tx, ['prison_security'], {
      agencyIds: [monitoringCase.establishmentId],
    });
    await notify(tx, ctx, {
      userIds: [
        ...security.map((u) => u.id),
        ...(monitoringCase.pomUserId ? [monitoringCase.pomUserId] : []),
      ],
      nominalId: monitoringCase.nominal_id,
      subject: `Communications monitoring: ${raised.length} new flag${raised.length === 1 ? '' : 's'} to look at`,
      body: raised.map((r) => labelOf(FLAG_KIND, r.kind)).join('; '),
      link: `/nominals/${monitoringCase.nominal_id}/monitoring`,
    });
  }
  return raised;
}

// --- Commands ---------------------------------------------------------------------------------

/** Puts a person in custody on monitoring (the prison's decision, recorded with who authorised it). */
export async function startMonitoring(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'monitoring.manage');
  const values = parseInput(StartMonitoring, input);
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    if (compareDates(values.authorisedOn, ctx.today) > 0)
      throw new ValidationError({ authorisedOn: 'Date authorised must be today or in the past' });
    const episode = await tx
      .selectFrom('custody_episodes')
      .select('id')
      .where('nominal_id', '=', nominalId)
      .where('released_on', 'is', null)
      .executeTakeFirst();
    if (!episode)
      throw new ValidationError({
        pinAccount: 'Record the reception into custody first: only prisoners are monitored',
      });
    const taken = await tx
      .selectFrom('monitoring_cases')
      .select('id')
      .where('pin_account', '=', values.pinAccount)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (taken) throw new ValidationError({ pinAccount: 'Another open monitoring case has this PIN account' });
    const row = await tx
      .insertInto('monitoring_cases')
      .values({
        nominal_id: nominalId,
        episode_id: episode.id,
        pin_account: values.pinAccount,
        reasons: values.reasons,
        authorised_by: values.authorisedBy,
        authorised_on: values.authorisedOn,
        last_reviewed_on: values.authorisedOn,
        created_at: ctx.now,
        created_by: ctx.actor.userId,
        updated_at: ctx.now,
        updated_by: ctx.actor.userId,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: row.id,
        entityVersion: row.version,
        action: 'created',
        summary: 'Communications monitoring started',
        before: null,
        after: null,
      },
      { section: SECTION },
    );
    return row;
  });
}

/** A number or address that matters to the rules (a victim's, a child's, …), with its source. */
export async function addMonitoredContact(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  caseId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'monitoring.manage');
  const values = parseInput(MonitoredContact, input);
  return database.transaction(async (tx) => {
    const monitoringCase = await loadCase(tx, ctx, nominalId, caseId);
    const counterpart = /^[+\d][\d\s()-]{4,}$/.test(values.counterpart)
      ? normalisePhoneNumber(values.counterpart)
      : values.counterpart;
    await tx
      .insertInto('monitored_contacts')
      .values({
        case_id: caseId,
        counterpart,
        link: values.link,
        source: values.source,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.now,
      })
      .execute();
    await logAccess(tx, ctx, {
      operation: 'alteration',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: SECTION,
    });
    await scanCase(tx, ctx, monitoringCase);
    return { caseId, counterpart };
  });
}

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
    if (!confirm || problems.length) return { ...preview, imported: false, flagsRaised: 0 };
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

async function loadFlag(tx: Tx, ctx: UseCaseContext, nominalId: string, flagId: string, expected: number) {
  if (!isUuid(flagId)) throw new NotFoundError();
  const flag = await tx
    .selectFrom('monitoring_flags as f')
    .innerJoin('monitoring_cases as m', 'm.id', 'f.case_id')
    .selectAll('f')
    .where('f.id', '=', flagId)
    .where('m.nominal_id', '=', nominalId)
    .forUpdate()
    .executeTakeFirst();
  if (!flag) throw new NotFoundError();
  await loadInScope(tx, ctx, nominalId, 'nominal.edit');
  if (flag.version !== expected) throw new ConflictError('Someone dealt with this flag after you opened it');
  return flag;
}

/** A person's outcome for a flag: no concern, an intelligence report, a referral to the police. */
export async function acknowledgeFlag(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  flagId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'monitoring.manage');
  const values = parseInput(FlagAcknowledgement, input);
  return database.transaction(async (tx) => {
    const flag = await loadFlag(tx, ctx, nominalId, flagId, values.version);
    if (flag.outcome) throw new ValidationError({ outcome: 'This flag has already been dealt with' });
    const row = await tx
      .updateTable('monitoring_flags')
      .set({
        outcome: values.outcome,
        outcome_note: values.note ?? null,
        acknowledged_by: ctx.actor.userId,
        acknowledged_at: ctx.now,
        version: flag.version + 1,
      })
      .where('id', '=', flagId)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: flagId,
        entityVersion: row.version,
        action: 'updated',
        summary: `Monitoring flag dealt with: ${labelOf(FLAG_OUTCOME, values.outcome).toLowerCase()}`,
        before: null,
        after: null,
      },
      { section: SECTION },
    );
    return row;
  });
}

/** Security releases a flag and a summary to the community managers; nothing else leaves the compartment. */
export async function releaseFlag(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  flagId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'monitoring.release');
  const values = parseInput(FlagRelease, input);
  return database.transaction(async (tx) => {
    const flag = await loadFlag(tx, ctx, nominalId, flagId, values.version);
    const row = await tx
      .updateTable('monitoring_flags')
      .set({
        released_summary: values.summary,
        released_by: ctx.actor.userId,
        released_at: ctx.now,
        version: flag.version + 1,
      })
      .where('id', '=', flagId)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await logAccess(tx, ctx, {
      operation: 'disclosure',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: `${SECTION}: flag released to community managers`,
    });
    return row;
  });
}

// --- Reading ----------------------------------------------------------------------------------

/**
 * The person's monitoring as the actor may see it: the whole case (reasons, review due, contacts,
 * the last 90 days of communications, every flag) in the security compartment; for community
 * managers, only the flags security released, each with its released summary.
 */
export async function getMonitoring(database: Database, ctx: UseCaseContext, nominalId: string) {
  const compartment = can(ctx.actor, 'monitoring.view');
  if (!compartment) authorize(ctx.actor, 'monitoring.released');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const cases = await tx
      .selectFrom('monitoring_cases')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('authorised_on', 'desc')
      .execute();
    const ids = cases.map((c) => c.id);
    const flags = ids.length
      ? await tx
          .selectFrom('monitoring_flags')
          .selectAll()
          .where('case_id', 'in', ids)
          .orderBy('raised_on', 'desc')
          .orderBy('from_on', 'desc')
          .execute()
      : [];
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: compartment ? SECTION : `${SECTION}: released flags`,
    });
    if (!compartment)
      return {
        compartment: false as const,
        releasedFlags: flags
          .filter((f) => f.released_summary !== null)
          .map((f) => ({
            kind: labelOf(FLAG_KIND, f.kind),
            raisedOn: f.raised_on,
            summary: f.released_summary!,
          })),
      };
    const [contacts, communications] = ids.length
      ? await Promise.all([
          tx.selectFrom('monitored_contacts').selectAll().where('case_id', 'in', ids).execute(),
          tx
            .selectFrom('communications')
            .selectAll()
            .where('case_id', 'in', ids)
            .where('occurred_on', '>=', addDays(ctx.today, -SCAN_DAYS))
            .orderBy('occurred_at', 'desc')
            .limit(500)
            .execute(),
        ])
      : [[], []];
    return {
      compartment: true as const,
      cases: cases.map((c) => ({
        id: c.id,
        version: c.version,
        pinAccount: c.pin_account,
        reasons: c.reasons.map((r) => labelOf(MONITORING_REASON, r)),
        authorisedBy: c.authorised_by,
        authorisedOn: c.authorised_on,
        reviewDueOn: addMonths(c.last_reviewed_on, MONITORING_REVIEW_MONTHS),
        endedOn: c.ended_on,
        contacts: contacts
          .filter((k) => k.case_id === c.id)
          .map((k) => ({
            counterpart: k.counterpart,
            link: labelOf(CONTACT_LINK, k.link),
            source: k.source,
          })),
        communications: communications
          .filter((m) => m.case_id === c.id)
          .map((m) => ({
            id: m.id,
            kind: m.kind,
            on: m.occurred_on,
            counterpart: m.counterpart,
            durationSeconds: m.duration_seconds,
            listenedOn: m.listened_on,
            summary: m.summary,
            language: m.language,
            translationRequestedOn: m.translation_requested_on,
            translationDoneOn: m.translation_done_on,
            concerns: m.concerns,
          })),
        flags: flags
          .filter((f) => f.case_id === c.id)
          .map((f) => ({
            id: f.id,
            version: f.version,
            kind: f.kind,
            label: labelOf(FLAG_KIND, f.kind),
            counterpart: f.counterpart,
            count: f.count,
            from: f.from_on,
            to: f.to_on,
            evidence: f.evidence,
            raisedOn: f.raised_on,
            outcome: f.outcome ? labelOf(FLAG_OUTCOME, f.outcome) : null,
            outcomeNote: f.outcome_note,
            releasedSummary: f.released_summary,
          })),
      })),
    };
  });
}

/** A monthly review: monitoring continues (the next review a month on) or ends, with why. */
export async function reviewMonitoring(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  caseId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'monitoring.manage');
  const values = parseInput(MonitoringReview, input);
  return database.transaction(async (tx) => {
    // Scope first: someone out of scope learns nothing, not even that their input was wrong.
    const monitoringCase = await loadCase(tx, ctx, nominalId, caseId);
    if (compareDates(values.reviewedOn, ctx.today) > 0)
      throw new ValidationError({ reviewedOn: 'Date reviewed must be today or in the past' });
    if (!values.continue && !values.reason) throw new ValidationError({ reason: 'Say why monitoring ends' });
    if (monitoringCase.version !== values.version)
      throw new ConflictError('Someone changed this monitoring case after you opened it');
    if (monitoringCase.ended_on) throw new ValidationError({ reviewedOn: 'Monitoring has already ended' });
    const row = await tx
      .updateTable('monitoring_cases')
      .set({
        ...(values.continue
          ? { last_reviewed_on: values.reviewedOn }
          : { ended_on: values.reviewedOn, ended_reason: values.reason ?? null }),
        updated_at: ctx.now,
        updated_by: ctx.actor.userId,
        version: monitoringCase.version + 1,
      })
      .where('id', '=', caseId)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: caseId,
        entityVersion: row.version,
        action: values.continue ? 'updated' : 'ended',
        summary: values.continue
          ? 'Communications monitoring reviewed: it continues'
          : 'Communications monitoring ended',
        before: null,
        after: null,
      },
      { section: SECTION },
    );
    return row;
  });
}

/** A row of the custody worklist (custody use-cases and monitoring share it). */
export interface CustodyWorklistRow {
  nominalId: string;
  name: string;
  episodeId: string;
  establishment: string;
  kind: string;
  reason: string;
  dueOn: string | null;
  late: boolean;
}

/**
 * The security compartment's rows for some episodes: each monitoring review due within 7 days or
 * overdue (monthly), and each flag not yet dealt with. One query each for the whole list.
 */
export async function monitoringWorklistRows(
  tx: Tx,
  ctx: UseCaseContext,
  episodes: readonly { id: string; nominal_id: string; establishment_agency_id: string }[],
): Promise<CustodyWorklistRow[]> {
  if (!episodes.length) return [];
  const episodeIds = episodes.map((e) => e.id);
  const cases = await tx
    .selectFrom('monitoring_cases')
    .select(['id', 'nominal_id', 'episode_id', 'last_reviewed_on'])
    .where('episode_id', 'in', episodeIds)
    .where('ended_on', 'is', null)
    .execute();
  const flags = cases.length
    ? await tx
        .selectFrom('monitoring_flags')
        .select(['case_id', 'kind', 'evidence', 'raised_on'])
        .where(
          'case_id',
          'in',
          cases.map((c) => c.id),
        )
        .where('outcome', 'is', null)
        .execute()
    : [];
  const [people, agencies] = await Promise.all([
    nominalListEntries(
      tx,
      cases.map((c) => c.nominal_id),
    ),
    agenciesByIds(
      tx,
      episodes.map((e) => e.establishment_agency_id),
    ),
  ]);
  const base = (c: (typeof cases)[number]) => {
    const episode = episodes.find((e) => e.id === c.episode_id)!;
    return {
      nominalId: c.nominal_id,
      name: people.get(c.nominal_id)?.name ?? 'Unknown',
      episodeId: c.episode_id,
      establishment: agencies.get(episode.establishment_agency_id)?.name ?? '',
    };
  };
  const rows: CustodyWorklistRow[] = [];
  for (const c of cases) {
    const dueOn = addMonths(c.last_reviewed_on, MONITORING_REVIEW_MONTHS);
    if (compareDates(dueOn, addDays(ctx.today, 7)) <= 0)
      rows.push({
        ...base(c),
        kind: 'monitoring_review',
        reason: `Communications monitoring review: monthly, last reviewed ${formatDateLong(c.last_reviewed_on)}`,
        dueOn,
        late: compareDates(dueOn, ctx.today) < 0,
      });
  }
  for (const f of flags) {
    const c = cases.find((k) => k.id === f.case_id)!;
    rows.push({
      ...base(c),
      kind: 'monitoring_flag',
      reason: `${labelOf(FLAG_KIND, f.kind)}: ${f.evidence}`,
      dueOn: f.raised_on,
      late: false,
    });
  }
  return rows;
}
