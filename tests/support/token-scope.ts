import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import { ROLE, type Role } from '../../src/domain/codes.ts';
import { addDays } from '../../src/domain/dates.ts';
import { addAction } from '../../src/modules/actions/index.ts';
import {
  addMonitoredContact,
  proposeAddressCheck,
  receiveIntoCustody,
  recordCommunication,
  recordRotlApplication,
  recordInternalRiskMeeting,
  startMonitoring,
} from '../../src/modules/custody/index.ts';
import { grantJustifiedAccess } from '../../src/modules/justified-access/index.ts';
import { decideLevel, recordNotificationEvent } from '../../src/modules/levels/index.ts';
import { scheduleMeeting } from '../../src/modules/meetings/index.ts';
import {
  addRelationshipAddress,
  addSectionRow,
  createNominal,
  SECTIONS,
} from '../../src/modules/nominals/index.ts';
import { createReport, decideReport } from '../../src/modules/prison-reports/index.ts';
import { saveReferralDraft, startReferral, submitReferral } from '../../src/modules/referrals/index.ts';
import { revisePlan } from '../../src/modules/risk-management-plan/index.ts';
import { createServiceToken, listServiceTokens, revokeServiceToken } from '../../src/modules/users/index.ts';
import { API_PREFIX, type ApiRouteEntry } from '../../src/web/api.ts';
import { TODAY, testMoment } from './clock.ts';
import { makeActor } from './databases.ts';
import { identity } from './fixtures.ts';

/**
 * The world the token-scope matrix (tests/integration/access-matrix.test.ts) runs in: one user who
 * works in two areas — everything of their home area by area reach, and, in another area, a person
 * they are a named manager of, an action they own, a referral they made and the inbox items about
 * them — and one of each thing an API route can address, in each area. Their tokens are limited to
 * one area, the other, an area where they have nothing, or nothing; one is read-only, one revoked.
 */

/** One valid row for each section, so every /{section}/{rowId} route has something to address. */
export const SAMPLE_ROWS: Record<string, Record<string, unknown>> = {
  aliases: { forename: 'Jim', surname: 'Ray' },
  identifiers: { type: 'crn', value: '' },
  addresses: { type: 'home', line1: '1 Test Street', postcode: 'BS1 1AA', fromDate: '2025-01-01' },
  relationships: { type: 'associate', personName: 'A Friend', isChild: false, inHousehold: false },
  convictions: { offence: 'Burglary', convictionDate: '2020-01-01', outcome: 'fine', isIndexOffence: false },
  orders: { kind: 'shpo', madeOn: '2024-01-01' },
  'risk-assessments': { assessedOn: '2025-01-01', assessor: 'An Assessor', roshOverall: 'MEDIUM' },
  markers: { type: 'weapons', startDate: '2025-01-01' },
  managers: { role: 'police_offender_manager', name: 'A Manager', agencyId: '', fromDate: '2025-01-01' },
};

/** Everything an API route can name, in one area: what a token limited elsewhere must never reach. */
export interface AreaThings {
  areaCode: string;
  nominal: { id: string; vigilRef: string; name: string };
  /** A row of each section, by section name. */
  rows: Record<string, string>;
  actionId: string;
  referralId: string;
  meetingId: string;
  /** An attendance entry at `meetingId`. */
  attendanceId: string;
  /** The area's other meetings (only traces: the routes address `meetingId`). */
  otherMeetingIds: string[];
  reportId: string;
  decisionId: string;
  accessId: string;
  /** A notification event (SOA 2003 s.84) and a rule correction of the area's person. */
  eventId: string;
  correctionId: string;
  /** The user's inbox item about the area's person (the action they were given). */
  notificationId: string;
  /** The person's custody episode, communications monitoring case and a flag it raised. */
  episodeId: string;
  caseId: string;
  flagId: string;
  /** A ROTL application on that episode. */
  rotlId: string;
  /** An internal risk management meeting about the person, and an action it agreed. */
  irmmId: string;
  irmmActionId: string;
  /** A release address check of the person, and the conflict it found (a child living there). */
  checkId: string;
  conflictId: string;
}

export interface TokenWorld {
  /** Home AVS, with every role a case or the oversight of cases needs (not administrator, not invited-only). */
  user: UseCaseContext;
  home: AreaThings;
  away: AreaThings;
  /** A record the user cannot reach at all (GLO, managed by someone else). */
  unreachable: { id: string; vigilRef: string };
  tokens: {
    /** Read-write, the user's whole scope. */
    unlimited: string;
    /** Read-write, limited to the home area (AVS). */
    home: string;
    /** Read-write, limited to the other area (GLO). */
    away: string;
    /** Read-write, limited to an area where the user has nothing (DUR). */
    nowhere: string;
    /** Read-only, the user's whole scope. */
    readOnly: string;
    /** Read-write, revoked. */
    revoked: string;
  };
}

export const HOME_AREA = 'AVS';
export const AWAY_AREA = 'GLO';
export const NOWHERE_AREA = 'DUR';
/** Every person in the world has this surname, so one search finds them all. */
export const WORLD_SURNAME = 'Scopewell';

const USER_ROLES = ROLE.map((r) => r.code).filter(
  (r): r is Exclude<Role, 'admin' | 'dtc_representative'> => r !== 'admin' && r !== 'dtc_representative',
);

let serial = 500000;

/** An attendance entry at a meeting (as the meeting's page records it), for the routes that name one. */
async function attendanceAt(database: Database, meetingId: string, by: UseCaseContext): Promise<string> {
  const row = await database.db
    .insertInto('meeting_attendance')
    .values({
      recorded_at: testMoment().now,
      meeting_id: meetingId,
      agency_id: by.actor.agencyId,
      person_name: 'A Representative',
      attendance: 'attended',
      recorded_by: by.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function buildArea(
  database: Database,
  user: UseCaseContext,
  areaCode: string,
  /** Someone of the area who manages its cases: the user in their home area. */
  local: UseCaseContext,
): Promise<AreaThings> {
  const forename = `Tok${areaCode.toLowerCase()}`;
  const nominal = await createNominal(database, local, identity({ forename, surname: WORLD_SURNAME }));
  const rows: Record<string, string> = {};
  for (const section of SECTIONS) {
    const sample = { ...SAMPLE_ROWS[section.name]! };
    if (section.name === 'identifiers') sample.value = `T${++serial}`;
    // Category 2 (violence, a year or more in custody): a MAPPA case, so levels, meetings and referrals apply.
    if (section.name === 'convictions')
      Object.assign(sample, {
        offence: 'Wounding or causing grievous bodily harm with intent',
        convictionDate: '2024-06-01',
        outcome: 'custody',
        lengthMonths: 36,
        isIndexOffence: true,
        sentenceStart: '2024-06-01',
        conditionalReleaseDate: addDays(TODAY, -100),
        licenceExpiryDate: '2028-06-01',
        sentenceExpiryDate: '2028-06-01',
      });
    if (section.name === 'managers')
      Object.assign(sample, {
        role: 'community_offender_manager',
        name: user.actor.displayName,
        agencyId: user.actor.agencyId,
        userEmail: user.actor.email,
      });
    rows[section.name] = (await addSectionRow(database, local, nominal.id, section.name, sample)).id;
  }
  const decision = await decideLevel(database, local, nominal.id, {
    level: 1,
    criteria: [],
    rationale: 'Managed well by the lead agency alone for now.',
  });
  await revisePlan(database, local, nominal.id, {
    expectedVersion: 0,
    supervision: 'Weekly appointments.',
    monitoringAndControl: 'Curfew.',
    interventionsAndTreatment: 'Programme.',
    victimSafetyPlanning: 'Exclusion zone.',
    contingency: 'Recall.',
    conditions: ['Reside at the approved premises'],
    reason: 'First plan.',
  });
  // Owned by the user wherever the person is: their inbox is told.
  const action = await addAction(database, local, nominal.id, {
    description: `Visit ${forename}`,
    pillar: 'supervision',
    ownerAgencyId: user.actor.agencyId,
    ownerUserId: user.actor.userId,
    dueOn: addDays(TODAY, 7),
  });
  // Overdue (due dates are never set in the past), so it is on the user's worklist too.
  await database.db
    .updateTable('actions')
    .set({ due_on: addDays(TODAY, -1) })
    .where('id', '=', action.id)
    .execute();
  // The user is a named manager, so the invitation reaches their inbox too.
  const meeting = await scheduleMeeting(database, local, {
    level: 2,
    date: addDays(TODAY, 14),
    time: '10:00',
    format: 'in_person',
    location: 'Room 1',
    chairUserId: local.actor.userId,
    nominalIds: [nominal.id],
    agencyIds: [],
  });
  const draft = await startReferral(database, user, nominal.id);
  const saved = await saveReferralDraft(database, user, draft.id, {
    requestedLevel: 2,
    emergency: false,
    category3: false,
    reason: 'A new partner with children; several incidents this month.',
    valueAdded: 'Police and children’s social care need to plan together.',
    version: draft.version,
  });
  await submitReferral(database, user, draft.id, { version: saved.version });
  const [author, approver] = [
    await makeActor(database, { roles: ['prison_offender_manager'], areaCode, agencyType: 'prison' }),
    await makeActor(database, { roles: ['prison_offender_manager'], areaCode, agencyType: 'prison' }),
  ];
  const report = await createReport(database, author, nominal.id, {
    behaviour: 'Settled.',
    analysis: 'The risk is managed in custody.',
    submit: true,
  });
  await decideReport(database, approver, nominal.id, report.id, 'approve', {
    expectedVersion: report.version,
  });
  const episode = await receiveIntoCustody(database, author, nominal.id, {
    establishmentAgencyId: author.actor.agencyId,
    receivedOn: addDays(TODAY, -30),
    recall: false,
  });
  const rotl = await recordRotlApplication(database, author, nominal.id, {
    type: 'day_release',
    plannedStartOn: addDays(TODAY, 10),
    plannedEndOn: addDays(TODAY, 10),
    addressLine1: '1 Work Street',
    addressTown: 'Leeds',
    addressPostcode: 'LS1 1AA',
    escorted: false,
  });
  const security = await makeActor(database, { roles: ['prison_security'], areaCode, agencyType: 'prison' });
  const monitoring = await startMonitoring(database, security, nominal.id, {
    pinAccount: `PIN-${areaCode}-${serial++}`,
    reasons: ['harassment'],
    authorisedBy: 'The governor',
    authorisedOn: addDays(TODAY, -20),
  });
  await addMonitoredContact(database, security, nominal.id, monitoring.id, {
    counterpart: '07700900999',
    link: 'victim',
    source: 'Relationship: victim',
  });
  await recordCommunication(database, security, nominal.id, monitoring.id, {
    kind: 'call',
    occurredOn: addDays(TODAY, -2),
    counterpart: '07700900999',
    listenedOn: addDays(TODAY, -1),
  });
  const flag = await database.db
    .selectFrom('monitoring_flags')
    .select('id')
    .where('case_id', '=', monitoring.id)
    .executeTakeFirstOrThrow();
  const irmm = await recordInternalRiskMeeting(database, author, nominal.id, {
    heldOn: addDays(TODAY, -3),
    establishmentAgencyId: author.actor.agencyId,
    attendees: [{ name: 'A Governor', role: 'Governor', attended: true }],
    decisions: 'Continue as planned.',
    actions: [{ description: 'Review the wing file', ownerName: 'A Governor', dueOn: addDays(TODAY, 7) }],
  });
  const irmmAction = await database.db
    .selectFrom('internal_risk_meeting_actions')
    .select('id')
    .where('meeting_id', '=', irmm.id)
    .executeTakeFirstOrThrow();
  const child = await addSectionRow(database, local, nominal.id, 'relationships', {
    type: 'child',
    personName: 'A Child',
    isChild: true,
    inHousehold: false,
  });
  await addRelationshipAddress(database, local, nominal.id, child.id, {
    line1: '2 Scope Street',
    postcode: 'BS1 1AB',
    fromDate: '2025-01-01',
  });
  const check = await proposeAddressCheck(database, local, nominal.id, {
    purpose: 'hdc',
    line1: '2 Scope Street',
    postcode: 'BS1 1AB',
  });
  const conflict = await database.db
    .selectFrom('address_check_conflicts')
    .select('id')
    .where('check_id', '=', check.id)
    .executeTakeFirstOrThrow();
  const access = await grantJustifiedAccess(database, user, nominal.id, 'Checking the token scope world');
  const event = await recordNotificationEvent(database, local, nominal.id, {
    kind: 'home_address_change',
    occurredOn: addDays(TODAY, -1),
  });
  const correction = await database.db
    .insertInto('rule_corrections')
    .values({
      nominal_id: nominal.id,
      area_code: areaCode,
      rules_version: 2,
      old_category: null,
      new_category: 2,
      detected_on: TODAY,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const notification = await database.db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', user.actor.userId)
    .where('nominal_id', '=', nominal.id)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  return {
    areaCode,
    nominal: { id: nominal.id, vigilRef: nominal.vigilRef, name: `${forename} ${WORLD_SURNAME}` },
    rows,
    actionId: action.id,
    referralId: draft.id,
    meetingId: meeting.id,
    attendanceId: await attendanceAt(database, meeting.id, local),
    otherMeetingIds: [],
    reportId: report.id,
    decisionId: decision.id,
    accessId: access.id,
    eventId: event.id,
    correctionId: correction.id,
    notificationId: notification.id,
    episodeId: episode.id,
    caseId: monitoring.id,
    flagId: flag.id,
    rotlId: rotl.id,
    irmmId: irmm.id,
    irmmActionId: irmmAction.id,
    checkId: check.id,
    conflictId: conflict.id,
  };
}

export async function buildTokenWorld(database: Database): Promise<TokenWorld> {
  const user = await makeActor(database, { roles: USER_ROLES, areaCode: HOME_AREA, agencyType: 'probation' });
  const awayCaseManager = await makeActor(database, {
    roles: ['probation_practitioner', 'mappa_coordinator', 'meeting_chair'],
    areaCode: AWAY_AREA,
  });
  const home = await buildArea(database, user, HOME_AREA, user);
  const away = await buildArea(database, user, AWAY_AREA, awayCaseManager);
  // A meeting of the home area may discuss someone managed elsewhere (the user manages them): the
  // one the routes address there.
  home.otherMeetingIds.push(home.meetingId);
  home.meetingId = (
    await scheduleMeeting(database, user, {
      level: 2,
      date: addDays(TODAY, 21),
      time: '10:00',
      format: 'in_person',
      location: 'Room 2',
      chairUserId: user.actor.userId,
      nominalIds: [home.nominal.id, away.nominal.id],
      agencyIds: [],
    })
  ).id;
  home.attendanceId = await attendanceAt(database, home.meetingId, user);
  const unreachable = await createNominal(
    database,
    awayCaseManager,
    identity({ forename: 'Unreached', surname: WORLD_SURNAME }),
  );
  const token = (name: string, areaCodes: string[] | null, readOnly = false) =>
    createServiceToken(database, testMoment(), user.actor.userId, `token scope: ${name}`, null, {
      readOnly,
      areaCodes,
    });
  const revoked = await token('revoked', null);
  const tokens = {
    unlimited: await token('unlimited', null),
    home: await token('home', [HOME_AREA]),
    away: await token('away', [AWAY_AREA]),
    nowhere: await token('nowhere', [NOWHERE_AREA]),
    readOnly: await token('read-only', null, true),
    revoked,
  };
  const listed = await listServiceTokens(database, user.actor.userId, testMoment().now);
  await revokeServiceToken(database, testMoment(), listed.find((t) => t.name === 'token scope: revoked')!.id);
  return { user, home, away, unreachable: { id: unreachable.id, vigilRef: unreachable.vigilRef }, tokens };
}

/** The strings by which a response would show something of the area: ids, the Vigil reference, the name. */
export function tracesOf(things: AreaThings): string[] {
  return [
    things.nominal.id,
    things.nominal.vigilRef,
    things.nominal.name,
    ...Object.values(things.rows),
    things.actionId,
    things.referralId,
    things.meetingId,
    ...things.otherMeetingIds,
    things.reportId,
    things.decisionId,
    things.accessId,
    things.eventId,
    things.correctionId,
    things.notificationId,
    things.episodeId,
    things.caseId,
    things.flagId,
    things.rotlId,
    things.irmmId,
    things.irmmActionId,
    things.checkId,
    things.conflictId,
  ];
}

/** The route's address with every parameter naming the area's thing of that kind. */
export function addressIn(route: ApiRouteEntry, things: AreaThings): string {
  const section = /^\/nominals\/\{id\}\/([\w-]+)\/\{rowId\}/.exec(route.path)?.[1];
  const value = (name: string): string => {
    switch (name) {
      case 'id':
      case 'nominalId':
      case 'recordId':
        return things.nominal.id;
      case 'rowId':
        return things.rows[section ?? ''] ?? missing(name);
      case 'actionId':
        return things.actionId;
      case 'referralId':
        return things.referralId;
      case 'meetingId':
        return things.meetingId;
      case 'attendanceId':
        return things.attendanceId;
      case 'reportId':
        return things.reportId;
      case 'decisionId':
        return things.decisionId;
      case 'accessId':
        return things.accessId;
      case 'eventId':
        return things.eventId;
      case 'correctionId':
        return things.correctionId;
      case 'notificationId':
        return things.notificationId;
      case 'episodeId':
        return things.episodeId;
      case 'caseId':
        return things.caseId;
      case 'flagId':
        return things.flagId;
      case 'rotlId':
        return things.rotlId;
      case 'irmmId':
        return things.irmmId;
      case 'irmmActionId':
        return things.irmmActionId;
      case 'checkId':
        return things.checkId;
      case 'conflictId':
        return things.conflictId;
      default:
        return missing(name);
    }
  };
  const missing = (name: string): never => {
    throw new Error(
      `${route.method} ${route.path}: the token-scope world has nothing for {${name}}; add it (tests/support/token-scope.ts)`,
    );
  };
  return API_PREFIX + route.path.replace(/\{(\w+)\}/g, (_, name: string) => value(name));
}

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  minLength?: number;
};

/** What the example values may need to name: an agency and a user that exist. */
export interface ExampleHints {
  agencyId: string;
  email: string;
  /** Values for properties by name, where a generic one would not do (e.g. an identifier's value). */
  values: Record<string, unknown>;
}

/**
 * A value the schema accepts, with only the required properties (and those `hints.values` names,
 * for rules across fields): enough for Fastify's validation to
 * let the request through to the use case, whose scope check must then refuse it.
 */
function exampleOf(schema: JsonSchema, key: string, hints: ExampleHints): unknown {
  if (key in hints.values) return hints.values[key];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const first = options.find((o) => o.type !== 'null') ?? options[0]!;
    return exampleOf(first, key, hints);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([k]) => schema.required?.includes(k) || k in hints.values)
          .map(([k, property]) => [k, exampleOf(property, k, hints)]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}, key, hints));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    default: {
      if (schema.format === 'email' || /email/i.test(key)) return hints.email;
      if (schema.format === 'uuid' || /Id$/.test(key)) return hints.agencyId;
      if (schema.format === 'date' || /^date|Date|On$/.test(key)) return TODAY;
      if (schema.pattern?.includes(':([0-5]')) return '10:00';
      if (/postcode$/i.test(key)) return 'LS1 1AA';
      return 'Token scope check: a valid text'.padEnd(schema.minLength ?? 0, '.');
    }
  }
}

/** The OpenAPI document's request body and query for a route. */
function documented(doc: DocPaths, route: ApiRouteEntry) {
  const operation = doc.paths[API_PREFIX + route.path]?.[route.method.toLowerCase()];
  if (!operation) throw new Error(`${route.method} ${route.path} is not in the OpenAPI document`);
  return operation;
}

type DocPaths = {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
        parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
      }
    >
  >;
};

/** A body the route's own schema accepts (checked with it), or null when the route takes none. */
export function exampleBody(doc: DocPaths, route: ApiRouteEntry, hints: ExampleHints): unknown {
  if (!route.body) return null;
  const schema = documented(doc, route).requestBody!.content['application/json'].schema;
  const body = exampleOf(schema, '', hints);
  const checked = (route.body as ZodType).safeParse(body);
  if (!checked.success)
    throw new Error(
      `${route.method} ${route.path}: no valid example body (${JSON.stringify(body)}): ${checked.error.message}`,
    );
  return body;
}

/** The required query parameters, as a query string ('' when none). */
export function exampleQuery(doc: DocPaths, route: ApiRouteEntry, hints: ExampleHints): string {
  const wanted = (documented(doc, route).parameters ?? []).filter((p) => p.in === 'query' && p.required);
  if (!wanted.length) return '';
  return `?${new URLSearchParams(wanted.map((p): [string, string] => [p.name, String(exampleOf(p.schema, p.name, hints))]))}`;
}

/** Calls a route with a bearer token; the answer's status and text. */
export async function callWith(
  app: FastifyInstance,
  token: string,
  method: string,
  url: string,
  body: unknown,
): Promise<{ status: number; text: string }> {
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(body === null || body === undefined ? {} : { payload: body as object }),
  });
  return { status: response.statusCode, text: response.body };
}
