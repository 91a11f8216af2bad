import type { Selectable } from 'kysely';
import { z, type ZodType } from 'zod';
import type { UseCaseContext } from '../../access/actor.ts';
import { authorize, can } from '../../access/policy.ts';
import { logAccess } from '../../audit/access-log.ts';
import type { Database, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import {
  ADDRESS_CONFLICT,
  addressDecisionDue,
  addressConflicts,
  readPostcodeAreas,
  type AddressConflict,
  type RelatedPerson,
  type Restriction,
} from '../../domain/address-checks.ts';
import { labelOf, ORDER_KIND, RELATIONSHIP_TYPE } from '../../domain/codes.ts';
import { formatDateLong } from '../../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { ERASED_TEXT, erasedPart, type ErasedPart } from '../../domain/retention.ts';
import {
  checkFields,
  fieldsJsonSchema,
  isUuid,
  orderErrors,
  POSTAL_ADDRESS_FIELDS,
  type FieldSpec,
} from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse.ts';
import {
  currentManagersOf,
  domesticAbuseMarkerOn,
  exclusionZonesOn,
  loadInScope,
  recordAndLog,
  relatedAddressesOn,
} from '../nominals/index.ts';
import { notify } from '../notifications/index.ts';
import { agenciesByIds } from '../reference/index.ts';
import { usersByIds } from '../users/index.ts';
import type { CustodyDue } from './monitoring.ts';

/**
 * Release and home detention curfew (HDC) address checks (issue 14; the rule is
 * domain/address-checks.ts). An offender manager proposes an address; the rule runs against the
 * record on that day and each conflict is stored with its source. The decision maker sets a
 * conflict aside only with a recorded reason, and may find the address suitable only once every
 * conflict is set aside. The person's police offender managers are told when a check finds
 * conflicts. A conflict about a victim is withheld from those who may not see victims.
 */

const SECTION = 'custody';
const LOG_SECTION = 'custody: address checks';

export const ADDRESS_CHECK_PURPOSE = [
  { code: 'hdc', label: 'Home detention curfew (HDC)' },
  { code: 'release', label: 'Release' },
] as const;
export const ADDRESS_DECISION = [
  { code: 'suitable', label: 'Suitable' },
  { code: 'unsuitable', label: 'Unsuitable' },
] as const;

/** The proposal's fields: they drive the form, the API body and its documentation, and the parse. */
export const ADDRESS_CHECK_FIELDS: readonly FieldSpec[] = [
  {
    key: 'purpose',
    column: 'purpose',
    label: 'What the address is for',
    kind: 'code',
    codes: ADDRESS_CHECK_PURPOSE,
    required: true,
  },
  ...POSTAL_ADDRESS_FIELDS,
];

type Values = Record<string, unknown>;

/** The proposal as one schema: every field's problem at once, in form order. */
export const AddressCheckInput: ZodType<Values> = z
  .unknown()
  .transform((input, zc) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      zc.addIssue({ code: 'custom', message: 'Send a JSON object', path: [] });
      return z.NEVER;
    }
    // No date among the fields: "today" plays no part in their check.
    const { values, errors } = checkFields(ADDRESS_CHECK_FIELDS, input, '2000-01-01');
    const ordered = orderErrors(ADDRESS_CHECK_FIELDS, errors);
    if (!Object.keys(ordered).length) return values;
    for (const [field, message] of Object.entries(ordered))
      zc.addIssue({ code: 'custom', message, path: [field] });
    return z.NEVER;
  })
  .meta(fieldsJsonSchema(ADDRESS_CHECK_FIELDS));

const reasonText = (label: string, empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty })
    .max(2000, { error: `${label} must be 2000 characters or fewer` })
    .refine((v) => !v.includes('\0'), { error: `${label} must not contain a NUL character` });
const version = z.coerce
  .number({ error: 'Reload the page: the version is missing' })
  .int({ error: 'Reload the page: the version is missing' })
  .min(1, { error: 'Reload the page: the version is missing' })
  .describe('The version you read; 409 if it changed since');

export const ConflictDismissal = z.object({
  reason: reasonText('Reason', 'Enter why this conflict can be set aside'),
  version,
});
export const AddressCheckDecision = z
  .object({
    decision: z.enum(['suitable', 'unsuitable'], { error: 'Select whether the address is suitable' }),
    reason: z.preprocess(
      (v) => (v === '' ? null : v),
      reasonText('Reason', 'Enter why').nullable().optional(),
    ),
    version,
  })
  .superRefine((v, zc) => {
    if (v.decision === 'unsuitable' && !v.reason)
      zc.addIssue({ code: 'custom', path: ['reason'], message: 'Enter why the address is unsuitable' });
  });

// --- Views ------------------------------------------------------------------------------------

const day = z.iso.date();
export const AddressConflictView = z.object({
  id: z.uuid(),
  kind: z.string(),
  label: z.string(),
  source: z.string().describe('Where on the record it comes from, with the date it holds from'),
  detail: z.string(),
  withheld: z
    .boolean()
    .describe('About a victim, and you may not see victims: source and detail say so only'),
  dismissal: z
    .object({ reason: z.string(), by: z.string(), at: z.string() })
    .nullable()
    .describe('Set aside: why, by whom, when'),
  version: z.number().int(),
});
export const AddressCheckView = z.object({
  id: z.uuid(),
  nominalId: z.uuid(),
  purpose: z.enum(['hdc', 'release']),
  purposeLabel: z.string(),
  address: z.object({
    line1: z.string(),
    line2: z.string().nullable(),
    town: z.string().nullable(),
    postcode: z.string(),
  }),
  checkedOn: day,
  proposedBy: z.string(),
  proposedAt: z.string(),
  conflicts: z.array(AddressConflictView),
  undismissed: z.number().int().describe('Conflicts not yet set aside'),
  decision: z
    .object({
      outcome: z.enum(['suitable', 'unsuitable']),
      reason: z.string().nullable(),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
  version: z.number().int(),
});
export type AddressCheckView = z.infer<typeof AddressCheckView>;
export const AddressChecksView = z.object({
  checks: z.array(AddressCheckView).describe('Newest first'),
  mayEdit: z.boolean(),
});

type CheckRow = Selectable<Schema['address_checks']>;
type ConflictRow = Selectable<Schema['address_check_conflicts']>;

const iso = (d: Date | string) => new Date(d).toISOString();
const WITHHELD_SOURCE =
  'Relationship: a victim (details withheld: only those who plan victim safety can see them)';

/** Checks as people see them: names of who did what, a victim's details withheld where they must be. */
async function present(
  tx: Tx | Database['db'],
  checks: CheckRow[],
  conflicts: ConflictRow[],
  seesVictims: boolean,
): Promise<AddressCheckView[]> {
  const users = await usersByIds(tx, [
    ...checks.flatMap((c) => [c.proposed_by, c.decided_by]),
    ...conflicts.map((c) => c.dismissed_by),
  ]);
  const name = (id: string | null) => (id ? (users.get(id)?.displayName ?? 'Unknown user') : '');
  return checks.map((c) => {
    const mine = conflicts.filter((x) => x.check_id === c.id).sort((a, b) => a.position - b.position);
    return {
      id: c.id,
      nominalId: c.nominal_id,
      purpose: c.purpose,
      purposeLabel: labelOf(ADDRESS_CHECK_PURPOSE, c.purpose),
      address: { line1: c.line1, line2: c.line2, town: c.town, postcode: c.postcode },
      checkedOn: c.checked_on,
      proposedBy: name(c.proposed_by),
      proposedAt: iso(c.proposed_at),
      conflicts: mine.map((x) => {
        const withheld = x.about_victim && !seesVictims;
        return {
          id: x.id,
          kind: x.kind,
          label: labelOf(ADDRESS_CONFLICT, x.kind),
          source: withheld ? WITHHELD_SOURCE : x.source,
          detail: withheld ? 'A victim lives at or near this address' : x.detail,
          withheld,
          dismissal:
            x.dismissed_at && x.dismissed_reason
              ? { reason: x.dismissed_reason, by: name(x.dismissed_by), at: iso(x.dismissed_at) }
              : null,
          version: x.version,
        };
      }),
      undismissed: mine.filter((x) => x.dismissed_at === null).length,
      decision:
        c.decision && c.decided_at
          ? { outcome: c.decision, reason: c.decision_reason, by: name(c.decided_by), at: iso(c.decided_at) }
          : null,
      version: c.version,
    };
  });
}

async function conflictsOf(tx: Tx | Database['db'], checkIds: string[]) {
  if (!checkIds.length) return [];
  return tx.selectFrom('address_check_conflicts').selectAll().where('check_id', 'in', checkIds).execute();
}

// --- The rule against the record --------------------------------------------------------------

const RELATED_TYPES = new Set<RelatedPerson['type']>(
  RELATIONSHIP_TYPE.map((t) => t.code as RelatedPerson['type']),
);

/**
 * Every conflict of the address with the record on `today`, each with its source in words: the
 * relationship, whom, and since when they live there. The rule runs once per person, so each
 * conflict knows whose address it is.
 */
async function conflictsOnRecord(
  tx: Tx,
  nominalId: string,
  proposed: { line1: string; postcode: string },
  today: string,
) {
  const [related, markerFrom, zones] = await Promise.all([
    relatedAddressesOn(tx, nominalId, today),
    domesticAbuseMarkerOn(tx, nominalId, today),
    exclusionZonesOn(tx, nominalId, today),
  ]);
  const found: (AddressConflict & { aboutVictim: boolean })[] = [];
  for (const person of related) {
    if (!person.address || !RELATED_TYPES.has(person.type as RelatedPerson['type'])) continue;
    const conflicts = addressConflicts(
      proposed,
      {
        related: [
          {
            name: person.name,
            type: person.type as RelatedPerson['type'],
            isChild: person.isChild,
            address: { line1: person.address.line1, postcode: person.address.postcode },
            livesThereFrom: person.address.fromDate,
            livesThereUntil: person.address.toDate,
          },
        ],
        domesticAbuseMarker: markerFrom !== null,
        restrictions: [],
      },
      today,
    );
    const who = `${labelOf(RELATIONSHIP_TYPE, person.type)} ${person.name}`;
    const since = `relationship, at this address from ${formatDateLong(person.address.fromDate)}`;
    for (const c of conflicts) {
      const where =
        c.kind === 'victim_address' && !c.detail.includes('lives at this')
          ? 'lives in the same postcode'
          : 'lives at this address';
      const source =
        c.kind === 'domestic_abuse'
          ? `Domestic abuse marker (from ${formatDateLong(markerFrom!)}); ${who} ${where} (${since})`
          : `${who} ${where} (${since})`;
      found.push({ ...c, source, aboutVictim: person.type === 'victim' });
    }
  }
  // Orders' exclusion zones (an SHPO's); licence conditions with areas are not yet on the record.
  const restrictions: Restriction[] = zones.map((z) => ({
    kind: 'exclusion_zone',
    postcodes: readPostcodeAreas(z.zone) ?? [],
    source: `${labelOf(ORDER_KIND, z.kind)}, made ${formatDateLong(z.madeOn)}${z.court ? ` at ${z.court}` : ''}: exclusion zone ${z.zone}`,
    endsOn: z.endsOn,
  }));
  for (const c of addressConflicts(
    proposed,
    { related: [], domesticAbuseMarker: false, restrictions },
    today,
  ))
    found.push({ ...c, aboutVictim: false });
  return found;
}

// --- Commands ---------------------------------------------------------------------------------

/** The person's police offender managers who use Vigil (named managers of a police agency). */
async function policeOffenderManagers(tx: Tx, nominalId: string, today: string): Promise<string[]> {
  const managers = (await currentManagersOf(tx, [nominalId], today)).get(nominalId) ?? [];
  const police = managers.filter((m) => m.role === 'police_offender_manager' && m.userId);
  const agencies = await agenciesByIds(
    tx,
    police.map((m) => m.agencyId),
  );
  return police.filter((m) => agencies.get(m.agencyId)?.type === 'police').map((m) => m.userId!);
}

/** Proposes an address for HDC or release: the rule runs against the record today, and each conflict is kept. */
export async function proposeAddressCheck(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'custody.edit');
  const values = parseInput(AddressCheckInput, input) as {
    purpose: 'hdc' | 'release';
    line1: string;
    line2: string | null;
    town: string | null;
    postcode: string;
  };
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const conflicts = await conflictsOnRecord(tx, nominalId, values, ctx.today);
    const check = await tx
      .insertInto('address_checks')
      .values({
        nominal_id: nominalId,
        purpose: values.purpose,
        line1: values.line1,
        line2: values.line2 ?? null,
        town: values.town ?? null,
        postcode: values.postcode,
        checked_on: ctx.today,
        proposed_by: ctx.actor.userId,
        proposed_at: ctx.now,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    if (conflicts.length)
      await tx
        .insertInto('address_check_conflicts')
        .values(
          conflicts.map((c, i) => ({
            check_id: check.id,
            position: i + 1,
            kind: c.kind,
            source: c.source,
            detail: c.detail,
            about_victim: c.aboutVictim,
          })),
        )
        .execute();
    const purpose = labelOf(ADDRESS_CHECK_PURPOSE, values.purpose);
    const address = [values.line1, values.line2, values.town, values.postcode].filter(Boolean).join(', ');
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: check.id,
        entityVersion: check.version,
        action: 'created',
        summary: `Address proposed for ${purpose.toLowerCase()}: ${address} — ${conflicts.length ? `${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} with the record` : 'no conflict with the record'}`,
        before: null,
        after: null,
        sensitivity: conflicts.some((c) => c.aboutVictim) ? 'victims' : null,
      },
      { section: LOG_SECTION },
    );
    if (conflicts.length) {
      // The police offender manager is told (issue 14); what the conflicts are is on the check itself.
      await notify(tx, ctx, {
        userIds: await policeOffenderManagers(tx, nominalId, ctx.today),
        nominalId,
        subject: `Address check (${purpose.toLowerCase()}): ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} with the record`,
        body: `A proposed address (${values.postcode}) conflicts with what the record holds. The decision maker must set each conflict aside with a reason, or find the address unsuitable.`,
        link: `/nominals/${nominalId}/address-checks/${check.id}`,
      });
    }
    return { id: check.id, version: check.version, conflicts: conflicts.length };
  });
}

/** The check of this person, locked for a change; anything else is "not found". */
async function loadCheck(tx: Tx, nominalId: string, checkId: string) {
  if (!isUuid(checkId)) throw new NotFoundError();
  const check = await tx
    .selectFrom('address_checks')
    .selectAll()
    .where('id', '=', checkId)
    .where('nominal_id', '=', nominalId)
    .forUpdate()
    .executeTakeFirst();
  if (!check) throw new NotFoundError();
  return check;
}

const decided = () =>
  new ValidationError({
    reason: 'This address check has been decided: propose the address again to check it anew',
  });

/** Sets one conflict aside, with why (who and when are recorded). */
export async function dismissAddressConflict(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  checkId: string,
  conflictId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'custody.edit');
  return database.transaction(async (tx) => {
    // Scope first: out of scope is "not found" whatever the input.
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const check = await loadCheck(tx, nominalId, checkId);
    if (!isUuid(conflictId)) throw new NotFoundError();
    const conflict = await tx
      .selectFrom('address_check_conflicts')
      .selectAll()
      .where('id', '=', conflictId)
      .where('check_id', '=', check.id)
      .forUpdate()
      .executeTakeFirst();
    // A conflict about a victim cannot be set aside by someone who may not see it.
    if (!conflict || (conflict.about_victim && !scope.visible.victims)) throw new NotFoundError();
    const { reason, version: expected } = parseInput(ConflictDismissal, input);
    if (check.decision !== null) throw decided();
    if (conflict.version !== expected || conflict.dismissed_at !== null)
      throw new ConflictError('Someone dealt with this conflict after you opened it: reload the check');
    const updated = await tx
      .updateTable('address_check_conflicts')
      .set({
        dismissed_reason: reason,
        dismissed_by: ctx.actor.userId,
        dismissed_at: ctx.now,
        version: conflict.version + 1,
      })
      .where('id', '=', conflict.id)
      .where('version', '=', expected)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: check.id,
        entityVersion: check.version,
        action: 'updated',
        summary: `Address check conflict set aside (${labelOf(ADDRESS_CONFLICT, conflict.kind).toLowerCase()}): ${reason}`,
        before: null,
        after: null,
        sensitivity: conflict.about_victim ? 'victims' : null,
      },
      { section: LOG_SECTION },
    );
    return updated;
  });
}

/** Records the decision: suitable only once every conflict is set aside; unsuitable with why. */
export async function decideAddressCheck(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  checkId: string,
  input: unknown,
) {
  authorize(ctx.actor, 'custody.edit');
  return database.transaction(async (tx) => {
    await loadInScope(tx, ctx, nominalId, 'nominal.edit');
    const check = await loadCheck(tx, nominalId, checkId);
    const values = parseInput(AddressCheckDecision, input);
    if (check.version !== values.version)
      throw new ConflictError('Someone changed this address check after you opened it: reload it');
    if (check.decision !== null) throw decided();
    const conflicts = await conflictsOf(tx, [check.id]);
    const open = conflicts.filter((c) => c.dismissed_at === null);
    if (values.decision === 'suitable' && open.length)
      throw new ValidationError({
        decision: `Set aside each conflict with a reason before finding the address suitable (${open.length} not set aside), or find it unsuitable`,
      });
    const updated = await tx
      .updateTable('address_checks')
      .set({
        decision: values.decision,
        decision_reason: values.reason ?? null,
        decided_by: ctx.actor.userId,
        decided_at: ctx.now,
        version: check.version + 1,
      })
      .where('id', '=', check.id)
      .where('version', '=', values.version)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAndLog(
      tx,
      ctx,
      {
        nominalId,
        section: SECTION,
        entityId: check.id,
        entityVersion: updated.version,
        action: 'ended',
        summary: `Address for ${labelOf(ADDRESS_CHECK_PURPOSE, check.purpose).toLowerCase()} decided ${values.decision}: ${check.line1}, ${check.postcode}${values.reason ? ` — ${values.reason}` : ''}`,
        before: null,
        after: null,
        // The reason may speak of a victim the check found: withheld as the conflict is.
        sensitivity: conflicts.some((c) => c.about_victim) ? 'victims' : null,
      },
      { section: LOG_SECTION },
    );
    return updated;
  });
}

// --- Reading ----------------------------------------------------------------------------------

/** The person's address checks, newest first, as this viewer may see them. */
export async function getAddressChecks(database: Database, ctx: UseCaseContext, nominalId: string) {
  authorize(ctx.actor, 'custody.view');
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    const checks = await tx
      .selectFrom('address_checks')
      .selectAll()
      .where('nominal_id', '=', nominalId)
      .orderBy('proposed_at', 'desc')
      .execute();
    const conflicts = await conflictsOf(
      tx,
      checks.map((c) => c.id),
    );
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: LOG_SECTION,
    });
    return {
      checks: await present(tx, checks, conflicts, scope.visible.victims),
      mayEdit: can(ctx.actor, 'custody.edit'),
    };
  });
}

/** One address check of the person; anything else is "not found". */
export async function getAddressCheck(
  database: Database,
  ctx: UseCaseContext,
  nominalId: string,
  checkId: string,
) {
  authorize(ctx.actor, 'custody.view');
  return database.transaction(async (tx) => {
    const scope = await loadInScope(tx, ctx, nominalId, 'nominal.view');
    if (!isUuid(checkId)) throw new NotFoundError();
    const check = await tx
      .selectFrom('address_checks')
      .selectAll()
      .where('id', '=', checkId)
      .where('nominal_id', '=', nominalId)
      .executeTakeFirst();
    if (!check) throw new NotFoundError();
    await logAccess(tx, ctx, {
      operation: 'consultation',
      recordType: 'nominal',
      recordIds: [nominalId],
      section: LOG_SECTION,
    });
    const [view] = await present(tx, [check], await conflictsOf(tx, [check.id]), scope.visible.victims);
    return { ...view!, mayEdit: can(ctx.actor, 'custody.edit') };
  });
}

/**
 * The person's address checks as plain values, inside the caller's transaction and without
 * logging (the caller logs its own read): for MAPPA F to be pre-filled with the HDC results.
 * Conflicts about victims are described without naming them.
 */
export async function addressChecksOf(
  tx: Tx | Database['db'],
  nominalId: string,
): Promise<AddressCheckView[]> {
  const checks = await tx
    .selectFrom('address_checks')
    .selectAll()
    .where('nominal_id', '=', nominalId)
    .orderBy('proposed_at', 'desc')
    .execute();
  return present(
    tx,
    checks,
    await conflictsOf(
      tx,
      checks.map((c) => c.id),
    ),
    false,
  );
}

// --- Worklist ---------------------------------------------------------------------------------

/** A row for each check awaiting a decision of the people on the worklist (their open episodes). */
export async function addressCheckWorklistRows(
  tx: Tx,
  ctx: UseCaseContext,
  episodes: readonly {
    id: string;
    nominal_id: string;
    hdc_eligibility_date: string | null;
    conditional_release_date: string | null;
  }[],
): Promise<CustodyDue[]> {
  if (!episodes.length) return [];
  const checks = await tx
    .selectFrom('address_checks')
    .select(['id', 'nominal_id', 'purpose', 'line1', 'postcode'])
    .where(
      'nominal_id',
      'in',
      episodes.map((e) => e.nominal_id),
    )
    .where('decision', 'is', null)
    .execute();
  if (!checks.length) return [];
  const episodeOf = new Map(episodes.map((e) => [e.nominal_id, e]));
  return checks.map((c) => {
    const episode = episodeOf.get(c.nominal_id)!;
    return {
      nominalId: c.nominal_id,
      episodeId: episode.id,
      kind: 'address_check',
      reason: `${c.purpose === 'hdc' ? 'HDC' : 'Release'} address decision due: ${c.line1}, ${c.postcode}`,
      ...addressDecisionDue(
        c.purpose,
        {
          hdcEligibilityDate: episode.hdc_eligibility_date,
          conditionalReleaseDate: episode.conditional_release_date,
        },
        ctx.today,
      ),
    };
  });
}

// --- for retention ---

/**
 * Erases one person's personal data from their address checks (a data protection officer's
 * decision, src/modules/retention; the caller logs it in the same transaction): each check keeps
 * its purpose, dates, decision and who made it, but the address, every conflict's source and
 * detail, and the reasons read 'Erased' (they name the people around the person).
 */
export async function eraseAddressChecksOf(tx: Tx, nominalId: string): Promise<ErasedPart> {
  const checks = await tx
    .selectFrom('address_checks')
    .select(['id', 'line1', 'line2', 'town', 'postcode', 'decision_reason'])
    .where('nominal_id', '=', nominalId)
    .orderBy('id')
    .execute();
  if (!checks.length) return erasedPart([], 0);
  const conflicts = await tx
    .selectFrom('address_check_conflicts')
    .select(['id', 'source', 'detail', 'dismissed_reason'])
    .where(
      'check_id',
      'in',
      checks.map((c) => c.id),
    )
    .orderBy('id')
    .execute();
  await tx
    .updateTable('address_checks')
    .set((eb) => ({
      line1: ERASED_TEXT,
      line2: null,
      town: null,
      postcode: ERASED_TEXT,
      decision_reason: eb.case().when('decision_reason', 'is not', null).then(ERASED_TEXT).else(null).end(),
    }))
    .where('nominal_id', '=', nominalId)
    .execute();
  if (conflicts.length)
    await tx
      .updateTable('address_check_conflicts')
      .set((eb) => ({
        source: ERASED_TEXT,
        detail: ERASED_TEXT,
        dismissed_reason: eb
          .case()
          .when('dismissed_reason', 'is not', null)
          .then(ERASED_TEXT)
          .else(null)
          .end(),
      }))
      .where(
        'id',
        'in',
        conflicts.map((c) => c.id),
      )
      .execute();
  return erasedPart({ checks, conflicts }, checks.length + conflicts.length);
}
