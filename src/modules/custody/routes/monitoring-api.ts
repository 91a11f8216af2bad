import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { pathId } from '../../../validation/parse.ts';
import type { Web } from '../../../web/types.ts';
import { getMonitoring } from '../monitoring.ts';
import { addMonitoredContact, reviewMonitoring, startMonitoring } from '../monitoring-cases.ts';
import { acknowledgeFlag, releaseFlag } from '../monitoring-flags.ts';
import { importCallRecords, recordCommunication } from '../monitoring-import.ts';
import {
  CallRecordImport,
  CommunicationInput,
  FlagAcknowledgement,
  FlagRelease,
  MonitoredContact,
  MonitoringReview,
  StartMonitoring,
} from '../monitoring-schemas.ts';
import { NominalParams } from '../schemas.ts';

const TAG = 'Communications monitoring';
const CaseParams = z.object({ id: pathId, caseId: pathId });
const FlagParams = z.object({ id: pathId, flagId: pathId });
const Written = z.object({ id: z.uuid(), version: z.number().int() });

/**
 * Communications monitoring over JSON (the security compartment): the same use cases and schemas
 * as the pages will use. Answers are documented loosely where they differ by audience.
 */
export const monitoringApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;

    api.add({
      method: 'GET',
      path: '/nominals/{id}/monitoring',
      action: 'monitoring.released',
      tag: TAG,
      summary:
        'The person’s communications monitoring: in the security compartment the whole case (reasons, review due, linked numbers, the last 90 days of communications, every flag); for community managers only the flags security released, with their summaries',
      params: NominalParams,
      response: z.looseObject({ compartment: z.boolean() }),
      handler: async (request) => getMonitoring(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/monitoring',
      action: 'monitoring.manage',
      tag: TAG,
      summary: 'Put a prisoner on monitoring: PIN account, reasons, who authorised it and when',
      params: NominalParams,
      body: StartMonitoring,
      response: Written,
      successStatus: 201,
      handler: async (request) =>
        startMonitoring(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/monitoring/{caseId}/review',
      action: 'monitoring.manage',
      tag: TAG,
      summary: 'The monthly review: monitoring continues (next review a month on) or ends, with why',
      params: CaseParams,
      body: MonitoringReview,
      response: Written,
      handler: async (request) =>
        reviewMonitoring(
          database,
          web.context(request),
          request.params.id,
          request.params.caseId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/monitoring/{caseId}/contacts',
      action: 'monitoring.manage',
      tag: TAG,
      summary:
        'A number or address linked to a victim, a child, a no-contact order or a co-defendant, with its source',
      params: CaseParams,
      body: MonitoredContact,
      response: z.object({ caseId: z.uuid(), counterpart: z.string() }),
      successStatus: 201,
      handler: async (request) =>
        addMonitoredContact(
          database,
          web.context(request),
          request.params.id,
          request.params.caseId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/monitoring/{caseId}/communications',
      action: 'monitoring.manage',
      tag: TAG,
      summary:
        'Record a call listened to, a letter or a visit (summary, language, translation, concerns); the rules run at once',
      params: CaseParams,
      body: CommunicationInput,
      response: z.object({ id: z.uuid(), flagsRaised: z.number().int() }),
      successStatus: 201,
      handler: async (request) =>
        recordCommunication(
          database,
          web.context(request),
          request.params.id,
          request.params.caseId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/monitoring/call-records',
      action: 'monitoring.manage',
      tag: TAG,
      summary:
        'Import the phone system’s call records (CSV: timestamp, number called, duration, PIN account) for your establishment: `confirm: false` previews (rows matched per case, not monitored, each row’s problem); `confirm: true` imports only if no row has a problem',
      body: CallRecordImport,
      response: z.looseObject({ imported: z.boolean(), flagsRaised: z.number().int() }),
      handler: async (request) => importCallRecords(database, web.context(request), request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/monitoring-flags/{flagId}/acknowledgement',
      action: 'monitoring.manage',
      tag: TAG,
      summary: 'Deal with a flag: no concern, intelligence report submitted, or referred to the police',
      params: FlagParams,
      body: FlagAcknowledgement,
      response: Written,
      handler: async (request) =>
        acknowledgeFlag(
          database,
          web.context(request),
          request.params.id,
          request.params.flagId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/monitoring-flags/{flagId}/release',
      action: 'monitoring.release',
      tag: TAG,
      summary: 'Release a flag and a summary to the community managers (security only)',
      params: FlagParams,
      body: FlagRelease,
      response: Written,
      handler: async (request) =>
        releaseFlag(database, web.context(request), request.params.id, request.params.flagId, request.body),
    });
  };
