import type { UseCaseContext } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database } from '../../db/database.ts';
import { normalisePhoneNumber } from '../../domain/communications-monitoring.ts';
import { compareDates } from '../../domain/dates.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parseInput } from '../../validation/parse.ts';
import { loadInScope, recordAndLog } from '../nominals/index.ts';
import { SECTION, changeVersioned, loadCase } from './monitoring.ts';
import { scanCase } from './monitoring-flags.ts';
import { MonitoredContact, MonitoringReview, StartMonitoring } from './monitoring-schemas.ts';

/** Monitoring cases: who is monitored and why, the numbers and addresses that matter, the monthly review. */

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
    return changeVersioned(tx, ctx, {
      nominalId,
      entityId: caseId,
      version: {
        current: monitoringCase.version,
        expected: values.version,
        conflict: 'Someone changed this monitoring case after you opened it',
      },
      refuse: () => {
        if (monitoringCase.ended_on)
          throw new ValidationError({ reviewedOn: 'Monitoring has already ended' });
      },
      write: (version) =>
        tx
          .updateTable('monitoring_cases')
          .set({
            ...(values.continue
              ? { last_reviewed_on: values.reviewedOn }
              : { ended_on: values.reviewedOn, ended_reason: values.reason ?? null }),
            updated_at: ctx.now,
            updated_by: ctx.actor.userId,
            version,
          })
          .where('id', '=', caseId)
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow(),
      action: values.continue ? 'updated' : 'ended',
      summary: values.continue
        ? 'Communications monitoring reviewed: it continues'
        : 'Communications monitoring ended',
    });
  });
}
