import type { FastifyPluginAsync } from 'fastify';
import type { Web } from '../../../web/types.ts';
import { referralApi } from './api.ts';
import { draftPages } from './drafts.ts';
import { referralPages } from './pages.ts';

/**
 * Referral to Level 2 or 3 (MAPPA A) and screening: the record tab and the draft, the referral, its
 * document, the referrals page and the screening form, and the same use cases under /api/v1; one
 * Fastify plugin each.
 */
export const referralRoutes =
  (web: Web): FastifyPluginAsync =>
  async (app) => {
    await app.register(draftPages(web));
    await app.register(referralPages(web));
    await app.register(referralApi(web));
  };
