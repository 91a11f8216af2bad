import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import {
  AreaSettingsInput,
  AreaSettingsView,
  CountersignatureResult,
  DecisionParams,
  IdResult,
  LevelDecisionInput,
  LevelDecisionResult,
  Category3ConsiderationsView,
  LevelHistoryView,
  NominalParams,
  NotificationEventInput,
  NotificationEventParams,
  NotificationEventResult,
  NotifiedInput,
  OffenderNotificationInput,
  OffenderNotificationResult,
  SavedAreaSettings,
  SignificantEventInput,
  SignificantEventResult,
  StatusToldInput,
} from '../schemas.ts';
import { reportSignificantEvent } from '../significant-events.ts';
import { getAreaSettings, updateAreaSettings } from '../use-cases/area-settings.ts';
import { countersignLevelDecision, decideLevel } from '../use-cases/decisions.ts';
import { getCategory3Considerations } from '../use-cases/category-3.ts';
import { getLevelHistory } from '../use-cases/history.ts';
import { markNotificationEventNotified, recordNotificationEvent } from '../use-cases/notification-events.ts';
import { recordOffenderNotification, recordStatusNotification } from '../use-cases/status.ts';

/** The MAPPA levels API: the same use cases as the pages, the schemas the use cases check with. */
export const levelApi =
  (web: Web): FastifyPluginAsync =>
  async () => {
    const { api, database } = web;
    const tag = 'MAPPA levels';

    api.add({
      method: 'GET',
      path: '/nominals/{id}/levels',
      action: 'nominal.view',
      tag,
      summary:
        'The person’s MAPPA status: category, level, what is due, decisions with their screenings, significant events, and whether they were told',
      params: NominalParams,
      response: LevelHistoryView,
      handler: async (request) => getLevelHistory(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'GET',
      path: '/nominals/{id}/category-3-considerations',
      action: 'nominal.view',
      tag,
      summary: 'The person’s Category 3 considerations (refer, or not needed, and why), newest first',
      params: NominalParams,
      response: Category3ConsiderationsView,
      handler: async (request) =>
        getCategory3Considerations(database, web.context(request), request.params.id),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/levels',
      action: 'level.decide',
      tag,
      summary:
        'Record a screening and a level decision (or the end of MAPPA management), with criteria and rationale',
      params: NominalParams,
      body: LevelDecisionInput,
      response: LevelDecisionResult,
      successStatus: 201,
      handler: async (request) =>
        decideLevel(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/significant-events',
      action: 'nominal.edit',
      tag,
      summary: 'Record a significant event: every named manager is notified and a level review falls due',
      params: NominalParams,
      body: SignificantEventInput,
      response: SignificantEventResult,
      successStatus: 201,
      handler: async (request) =>
        reportSignificantEvent(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/mappa-status',
      action: 'nominal.edit',
      tag,
      summary:
        'Record that the person was told of their MAPPA status, and whether they were invited to contribute',
      params: NominalParams,
      body: StatusToldInput,
      response: IdResult,
      successStatus: 201,
      handler: async (request) =>
        recordStatusNotification(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/offender-notifications',
      action: 'notification.record',
      tag,
      summary:
        'Record a registered sex offender’s notification to the police (SOA 2003 s.83–85); the next periodic notification falls due a year later',
      params: NominalParams,
      body: OffenderNotificationInput,
      response: OffenderNotificationResult,
      successStatus: 201,
      handler: async (request) =>
        recordOffenderNotification(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/notification-events',
      action: 'notification.record',
      tag,
      summary:
        'Record a change of name or home address, a stay elsewhere or in a household with a child, or intended foreign travel (SOA 2003 s.84, s.86): a dated notification duty until it is notified',
      params: NominalParams,
      body: NotificationEventInput,
      response: NotificationEventResult,
      successStatus: 201,
      handler: async (request) =>
        recordNotificationEvent(database, web.context(request), request.params.id, request.body),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/notification-events/{eventId}/notified',
      action: 'notification.record',
      tag,
      summary: 'Record that the person notified the police of a notification event; its duty closes',
      params: NotificationEventParams,
      body: NotifiedInput,
      response: NotificationEventResult,
      handler: async (request) =>
        markNotificationEventNotified(
          database,
          web.context(request),
          request.params.id,
          request.params.eventId,
          request.body,
        ),
    });

    api.add({
      method: 'POST',
      path: '/nominals/{id}/levels/{decisionId}/countersignature',
      action: 'level.countersign',
      tag,
      summary:
        'Countersign someone else’s level decision that awaits countersignature (when the area requires it)',
      params: DecisionParams,
      response: CountersignatureResult,
      handler: async (request) =>
        countersignLevelDecision(
          database,
          web.context(request),
          request.params.id,
          request.params.decisionId,
        ),
    });

    api.add({
      method: 'GET',
      path: '/area-settings',
      action: 'area.settings',
      tag,
      summary:
        'The review intervals, countersignature rule, screening route and standing panel of your own area',
      response: AreaSettingsView,
      handler: async (request) => getAreaSettings(database, web.context(request)),
    });

    api.add({
      method: 'PUT',
      path: '/area-settings',
      action: 'area.settings',
      versioned: false,
      tag,
      summary:
        'Change your own area’s review intervals and countersignature rule; every review due date in the area is recalculated',
      body: AreaSettingsInput,
      response: SavedAreaSettings,
      handler: async (request) => updateAreaSettings(database, web.context(request), request.body),
    });
  };
