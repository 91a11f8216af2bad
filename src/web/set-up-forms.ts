import { timingSafeEqual } from 'node:crypto';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../domain/errors.ts';
import type { UploadedFile } from './forms.ts';

/**
 * HTML forms: their bodies are parsed, and they carry the session's CSRF token. It is checked after
 * the body is parsed (preValidation), so a missing or wrong token is refused before any use case
 * runs. The API uses bearer tokens instead. A form with a file (the call-record import) is posted
 * as multipart: its fields become the body as for any form, the file an `UploadedFile`; registered
 * before the CSRF check so the check reads its token. Files are limited by the server's body limit
 * unless a route says otherwise (`config.multipartOptions`).
 */
export async function setUpForms(app: FastifyInstance): Promise<void> {
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { files: 1, fields: 50 },
    async onFile(part: MultipartFile) {
      const upload: UploadedFile = { name: part.filename, text: (await part.toBuffer()).toString('utf8') };
      (part as MultipartFile & { value: UploadedFile }).value = upload;
    },
  });
  app.addHook('preValidation', async (request, reply) => {
    // Sign-in is the one form posted before there is a session (and so a token) to check.
    if (
      request.method !== 'POST' ||
      request.url.startsWith('/api/') ||
      request.url.split('?')[0] === '/sign-in'
    )
      return;
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
    const expected = request.csrfToken;
    if (!expected || typeof sent !== 'string' || !safeEqual(sent, expected)) {
      request.refusal = 'the form’s CSRF token was missing or did not match the session';
      reply.code(403).render('error.njk', {
        title: 'Your session has ended or the form was out of date',
        paragraphs: ['Go back, reload the page and try again. Nothing was saved.'],
      });
      return reply;
    }
  });
  // Every input, everywhere: text with a NUL character is refused before any use case sees it.
  app.addHook('preValidation', async (request) => {
    const field = fieldWithNul(request.query) ?? fieldWithNul(request.body);
    if (field) throw new ValidationError({ [field]: 'Remove the invisible NUL character from this field' });
  });
}

/** The first field (as `a.b`) whose text holds a NUL character, which PostgreSQL cannot store. */
export function fieldWithNul(value: unknown, at = ''): string | null {
  if (typeof value === 'string') return value.includes('\0') ? at || 'value' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = fieldWithNul(item, at ? `${at}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = fieldWithNul(item, at ? `${at}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
