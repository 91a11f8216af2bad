import type { FastifyInstance } from 'fastify';
import { routeActionOf } from '../access/routes.ts';

/** Records every route with its policy action and schemas, so tests can check each is documented, covered and enforced. */
export function setUpRouteTable(app: FastifyInstance): void {
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    const action = routeActionOf(route.url, route.config?.action);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, action, schema: route.schema });
    }
  });
}
