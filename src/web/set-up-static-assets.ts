import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../config.ts';

/**
 * GOV.UK Frontend's and MoJ Frontend's assets, styles and scripts, the accessible autocomplete
 * (the offence picker), and Vigil's own.
 */
export async function setUpStaticAssets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk/assets'),
    prefix: '/assets/',
  });
  await app.register(fastifyStatic, {
    root: [
      path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk'),
      path.join(projectRoot, 'node_modules/@ministryofjustice/frontend/moj'),
      path.join(projectRoot, 'node_modules/accessible-autocomplete/dist'),
      path.join(projectRoot, 'src/web/static'),
    ],
    prefix: '/stylesheets/',
    decorateReply: false,
    allowedPath: (p) => p.endsWith('.css'),
  });
  await app.register(fastifyStatic, {
    root: [
      path.join(projectRoot, 'src/web/static'),
      path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk'),
      path.join(projectRoot, 'node_modules/accessible-autocomplete/dist'),
    ],
    prefix: '/javascripts/',
    decorateReply: false,
    allowedPath: (p) => p.endsWith('.js'),
  });
}
