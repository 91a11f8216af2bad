import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { rolesFor, type RouteAction } from '../access/routes.ts';

/**
 * The API route table. Every /api/v1 route is declared here with its schemas, so the OpenAPI
 * document is built from the same table that serves requests and cannot leave a route out.
 */
export interface ApiRoute {
  method: Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
  /** OpenAPI-style path, e.g. /nominals/{id}. */
  path: string;
  summary: string;
  tag: string;
  /** What the access policy must allow before the handler runs (src/access/policy.ts). */
  action: RouteAction;
  query?: Record<string, { type: string; description: string; required?: boolean }>;
  body?: Record<string, unknown>;
  response: Record<string, unknown>;
  successStatus?: number;
  /** PUT and PATCH send back the version they read, and get 409 when it is stale; false for those that don't. */
  versioned?: boolean;
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export const API_PREFIX = '/api/v1';

export class ApiRegistry {
  readonly routes: ApiRoute[] = [];

  add(route: ApiRoute): void {
    this.routes.push(route);
  }

  register(app: FastifyInstance): void {
    for (const route of this.routes) {
      app.route({
        method: route.method,
        url: API_PREFIX + route.path.replace(/\{(\w+)\}/g, ':$1'),
        config: { action: route.action, rateLimit: {} },
        handler: async (request, reply) => {
          const result = await route.handler(request, reply);
          if (!reply.sent) reply.code(route.successStatus ?? 200).send(result);
          return reply;
        },
      });
    }
  }

  openApiDocument(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const parameters = [
        ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
          name: m[1],
          in: 'path',
          required: true,
          schema: { type: 'string' },
        })),
        ...Object.entries(route.query ?? {}).map(([name, q]) => ({
          name,
          in: 'query',
          required: q.required ?? false,
          description: q.description,
          schema: { type: q.type },
        })),
      ];
      const status = String(route.successStatus ?? 200);
      (paths[API_PREFIX + route.path] ??= {})[route.method.toLowerCase()] = {
        summary: route.summary,
        description: describeAction(route.action),
        tags: [route.tag],
        ...(parameters.length ? { parameters } : {}),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: stripDialect(route.body) } },
              },
            }
          : {}),
        responses: {
          [status]: {
            description: 'Success',
            content: { 'application/json': { schema: stripDialect(route.response) } },
          },
          ...(route.body || route.query
            ? { '400': problem('Invalid input: `errors` lists each field and what is wrong') }
            : {}),
          '401': problem('No valid bearer token'),
          '403': problem('The token’s user may not do this'),
          ...(route.path.includes('{') ? { '404': problem('Not found, or outside the user’s scope') } : {}),
          ...((route.method === 'PUT' || route.method === 'PATCH') && route.versioned !== false
            ? { '409': problem('Someone else changed it first: `changes` says what they changed') }
            : {}),
        },
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Vigil API',
        version: '1.0.0',
        description:
          'The shared MAPPA record. Authenticate with `Authorization: Bearer <token>` (a service account token from `vigil token add`). ' +
          'Every request is authorised against the user behind the token and written to the access log. Errors are RFC 9457 problem+json.',
      },
      servers: [{ url: '/' }],
      security: [{ bearer: [] }],
      paths,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        schemas: { Problem: PROBLEM_SCHEMA },
      },
    };
  }
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    changes: { type: 'array', items: { type: 'object' } },
  },
};

function describeAction(action: RouteAction): string {
  if (action === 'public') return 'Open to anyone.';
  if (action === 'signed-in') return 'Any authenticated user.';
  return `Access policy action \`${action}\`: ${rolesFor(action).join(', ') || 'nobody'}.`;
}

function problem(description: string) {
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

function stripDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
