import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchemaCompiler,
  HTTPMethods,
} from 'fastify';
import { z, ZodType } from 'zod';
import { PEOPLE_ONLY, WRITE_ACTIONS } from '../access/policy.ts';
import { rolesFor, type RouteAction } from '../access/routes.ts';
import { ValidationError } from '../domain/errors.ts';
import { fieldErrorsOf } from '../validation/parse.ts';

/**
 * The API route table. Every /api/v1 route is declared here with its zod schemas. The same schema
 * objects validate each request (Fastify's route schema, compiled by `zodValidator`) and make the
 * OpenAPI document, so what is documented is what is enforced.
 */

type JsonSchema = Record<string, unknown>;
type Output<S> = S extends ZodType ? z.output<S> : unknown;

export interface ApiRoute<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
> {
  method: Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
  /** OpenAPI-style path, e.g. /nominals/{id}. */
  path: string;
  summary: string;
  tag: string;
  /** What the access policy must allow before the handler runs (src/access/policy.ts). */
  action: RouteAction;
  /** The path's parameters (an object schema); each `{name}` in the path must be one. */
  params?: P;
  /** The query string (an object schema; values arrive as strings, so coerce numbers). */
  query?: Q;
  /** The JSON body (an object schema). */
  body?: B;
  /** The answer, for the documentation (zod, or JSON Schema). */
  response: ZodType | JsonSchema;
  /** The answer's media type when it is not JSON (a document as HTML or PDF); the handler sends it. */
  produces?: 'text/html' | 'application/pdf';
  successStatus?: number;
  /** PUT and PATCH send back the version they read, and get 409 when it is stale; false for those that don't. */
  versioned?: boolean;
  /** When the route may answer 409 for another reason (a possible duplicate…): what it means. */
  conflict?: string;
  handler: (
    request: FastifyRequest<{ Params: Output<P>; Querystring: Output<Q>; Body: Output<B> }>,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

export const API_PREFIX = '/api/v1';

/** A route in the table, whatever its schemas. */
export type ApiRouteEntry = ApiRoute<ZodType | undefined, ZodType | undefined, ZodType | undefined>;

/** Fastify's validator for zod schemas: bad input is a ValidationError (400 problem+json, each field named). */
export const zodValidator: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data ?? {});
    return result.success
      ? { value: result.data }
      : { error: new ValidationError(fieldErrorsOf(result.error)) };
  };

export class ApiRegistry {
  // The handler's request type varies with each route's schemas; it is checked where the route is added.
  readonly routes: ApiRouteEntry[] = [];

  add<
    P extends ZodType | undefined = undefined,
    Q extends ZodType | undefined = undefined,
    B extends ZodType | undefined = undefined,
  >(route: ApiRoute<P, Q, B>): void {
    this.routes.push(
      route as unknown as ApiRoute<ZodType | undefined, ZodType | undefined, ZodType | undefined>,
    );
  }

  register(app: FastifyInstance): void {
    app.decorate('apiRoutes', this.routes);
    for (const route of this.routes) {
      const schema = {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { querystring: route.query } : {}),
        ...(route.body ? { body: route.body } : {}),
      };
      app.route({
        method: route.method,
        url: API_PREFIX + route.path.replace(/\{(\w+)\}/g, ':$1'),
        config: { action: route.action, rateLimit: {} },
        schema,
        validatorCompiler: zodValidator as FastifySchemaCompiler<unknown>,
        handler: async (request, reply) => {
          const result = await route.handler(request as never, reply);
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
        ...parametersOf(route.params, 'path', route.path),
        ...parametersOf(route.query, 'query', route.path),
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
                content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input') } },
              },
            }
          : {}),
        responses: {
          [status]: {
            description: 'Success',
            content: {
              [route.produces ?? 'application/json']: { schema: jsonSchemaOf(route.response, 'output') },
            },
          },
          ...(route.body || route.query
            ? { '400': problem('Invalid input: `errors` lists each field and what is wrong') }
            : {}),
          '401': problem('No valid bearer token'),
          '403': problem(
            route.method === 'GET'
              ? 'The token’s user may not do this'
              : 'The token’s user may not do this, or the token is read-only',
          ),
          ...(route.path.includes('{') ? { '404': problem('Not found, or outside the user’s scope') } : {}),
          ...((route.method === 'PUT' || route.method === 'PATCH') && route.versioned !== false
            ? { '409': problem('Someone else changed it first: `changes` says what they changed') }
            : {}),
          ...(route.conflict ? { '409': problem(route.conflict) } : {}),
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
          'Every request is authorised against the user behind the token and written to the access log. Errors are RFC 9457 problem+json. ' +
          'Every response carries the header `Vigil-Today`: the service’s date in Europe/London (e.g. `Vigil-Today: 2026-12-06`), by the same clock that decides what is overdue or due, so clients never work out the London date themselves.',
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

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, as requests send it or answers carry it. */
export function jsonSchemaOf(schema: ZodType | JsonSchema, io: 'input' | 'output'): JsonSchema {
  const json =
    schema instanceof ZodType
      ? (z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema)
      : schema;
  const { $schema: _dialect, ...rest } = json;
  return rest;
}

function parametersOf(schema: ZodType | undefined, where: 'path' | 'query', path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const properties = (schema ? jsonSchemaOf(schema, 'input').properties : undefined) as
    Record<string, JsonSchema> | undefined;
  const required = new Set(
    ((schema ? jsonSchemaOf(schema, 'input').required : undefined) as string[] | undefined) ?? [],
  );
  if (where === 'path')
    return names.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: properties?.[name] ?? { type: 'string' },
    }));
  return Object.entries(properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
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
  const roles = `Access policy action \`${action}\`: ${rolesFor(action).join(', ') || 'nobody'}.`;
  if (PEOPLE_ONLY.includes(action)) return `${roles} A person's decision: refused to every API token.`;
  if (WRITE_ACTIONS.includes(action)) return `${roles} Refused to a read-only token.`;
  return roles;
}

function problem(description: string) {
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}
