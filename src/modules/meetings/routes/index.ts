import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { meetingApi } from './api.ts';
import { meetingLifecyclePages } from './lifecycle.ts';
import { meetingPages } from './meetings.ts';
import { minutesFormPages } from './minutes-forms.ts';
import { minutesPages } from './minutes.ts';

/**
 * Meetings (MAPPA.md §3 step 5): the meetings and their agendas, each person's minutes, what the
 * minutes decide (actions, updates, the level), and the API; one Fastify plugin each, calling the
 * same use cases.
 */
export const meetingRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(meetingPages(web));
    await app.register(meetingLifecyclePages(web));
    await app.register(minutesPages(web));
    await app.register(minutesFormPages(web));
    await app.register(meetingApi(web));
  };
