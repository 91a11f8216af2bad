import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { levelApi } from './api.ts';
import { areaSettingsPage } from './area-settings.ts';
import { decisionForm } from './decision-form.ts';
import { notifiedForm } from './notified-form.ts';
import { recordForms } from './record-forms.ts';
import { statusPage } from './status-page.ts';

/**
 * A person's MAPPA status (MAPPA.md §2–3, §6) and the area's settings: the status page, the
 * decision form, the short record forms, the settings page and the API, one Fastify plugin each.
 */
export const levelRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(statusPage(web));
    await app.register(decisionForm(web));
    await app.register(recordForms(web));
    await app.register(notifiedForm(web));
    await app.register(areaSettingsPage(web));
    await app.register(levelApi(web));
  };
