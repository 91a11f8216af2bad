import { SESSION_COOKIE, type Web } from '../../web/app.ts';
import { UnauthenticatedError } from '../../domain/errors.ts';
import { SESSION_ABSOLUTE_HOURS, signIn, signOut } from './use-cases.ts';

export function registerSignIn({ app, database }: Web): void {
  app.get('/sign-in', async (request, reply) => {
    if (request.actor) return reply.redirect('/search');
    return reply.render('users/views/sign-in.njk', { title: 'Sign in', values: {} });
  });

  app.post('/sign-in', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>;
    const email = String(body.email ?? '').trim();
    const password = String(body.password ?? '');
    const errors: Record<string, string> = {};
    if (!email) errors.email = 'Enter your email address';
    if (!password) errors.password = 'Enter your password';
    if (!Object.keys(errors).length) {
      try {
        const session = await signIn(database, email, password);
        reply.setCookie(SESSION_COOKIE, session.sessionId, {
          path: '/',
          secure: true,
          httpOnly: true,
          sameSite: 'lax',
          maxAge: SESSION_ABSOLUTE_HOURS * 3600,
        });
        return reply.redirect('/search', 303);
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
        errors.email = error.message;
      }
    }
    return reply.code(400).render('users/views/sign-in.njk', {
      title: 'Sign in',
      values: { email },
      errors,
      errorList: Object.entries(errors).map(([key, text]) => ({ text, href: `#${key}` })),
    });
  });

  app.post('/sign-out', async (request, reply) => {
    if (request.sessionId) await signOut(database, request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
    return reply.redirect('/sign-in', 303);
  });
}
