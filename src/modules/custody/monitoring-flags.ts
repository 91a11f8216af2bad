import type { UseCaseContext } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import { labelOf } from '../../domain/codes.ts';
import { FLAG_KIND, FLAG_OUTCOME, monitoringFlags } from '../../domain/communications-monitoring.ts';
import { addDays } from '../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { ERASED_TEXT } from '../../domain/retention.ts';
import { isUuid } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse.ts';
import { loadInScope } from '../nominals/index.ts';
import { notify } from '../notifications/index.ts';
import { activeUsersWithRole } from '../users/index.ts';
import { SCAN_DAYS, SECTION, changeVersioned, monitoringSettings } from './monitoring.ts';
import { FlagAcknowledgement, FlagRelease } from './monitoring-schemas.ts';

/** Monitoring's flags: the rules' scan of a case, a person's outcome for each, security's release. */

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
      // Erased communications and contacts (erasure.ts) are no evidence any more.
      .where('counterpart', '<>', ERASED_TEXT)
      .execute(),
    tx
      .selectFrom('monitored_contacts')
      .select(['counterpart', 'link', 'source'])
      .where('case_id', '=', monitoringCase.id)
      .where('counterpart', '<>', ERASED_TEXT)
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

async function loadFlag(tx: Tx, ctx: UseCaseContext, nominalId: string, flagId: string) {
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
  return flag;
}

const FLAG_CONFLICT = 'Someone dealt with this flag after you opened it';

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
    const flag = await loadFlag(tx, ctx, nominalId, flagId);
    return changeVersioned(tx, ctx, {
      nominalId,
      entityId: flagId,
      version: { current: flag.version, expected: values.version, conflict: FLAG_CONFLICT },
      refuse: () => {
        if (flag.outcome) throw new ValidationError({ outcome: 'This flag has already been dealt with' });
      },
      write: (version) =>
        tx
          .updateTable('monitoring_flags')
          .set({
            outcome: values.outcome,
            outcome_note: values.note ?? null,
            acknowledged_by: ctx.actor.userId,
            acknowledged_at: ctx.now,
            version,
          })
          .where('id', '=', flagId)
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow(),
      action: 'updated',
      summary: `Monitoring flag dealt with: ${labelOf(FLAG_OUTCOME, values.outcome).toLowerCase()}`,
    });
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
    const flag = await loadFlag(tx, ctx, nominalId, flagId);
    if (flag.version !== values.version) throw new ConflictError(FLAG_CONFLICT);
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
