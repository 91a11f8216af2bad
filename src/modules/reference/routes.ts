import type { Web } from '../../web/types.ts';
import { authorize } from '../../access/policy.ts';
import { listAgencies, listAreas } from './use-cases.ts';

export function registerReferenceApi(web: Web): void {
  web.api.add({
    method: 'GET',
    path: '/areas',
    action: 'reference.view',
    tag: 'Reference data',
    summary: 'The 42 MAPPA areas',
    response: {
      type: 'array',
      items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
    },
    handler: async (request) => {
      authorize(web.context(request).actor, 'reference.view');
      return listAreas(web.database);
    },
  });
  web.api.add({
    method: 'GET',
    path: '/agencies',
    action: 'reference.view',
    tag: 'Reference data',
    summary: 'Agencies (Responsible Authority and Duty to Co-operate), optionally of one area',
    query: { area: { type: 'string', description: 'MAPPA area code, e.g. AVS' } },
    response: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          type: { type: 'string' },
          areaCode: { type: 'string' },
        },
      },
    },
    handler: async (request) => {
      authorize(web.context(request).actor, 'reference.view');
      return listAgencies(web.database, (request.query as { area?: string }).area);
    },
  });
  web.api.add({
    method: 'GET',
    path: '/me',
    action: 'signed-in',
    tag: 'Reference data',
    summary: 'The user behind the token',
    response: { type: 'object' },
    handler: async (request) => web.context(request).actor,
  });
}
