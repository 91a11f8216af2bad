import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import type { UseCaseContext } from '../../src/access/actor.ts';
import type { Database } from '../../src/db/database.ts';
import type { Role } from '../../src/domain/codes.ts';
import { expect } from 'vitest';
import {
  checkPage,
  openBrowserSession,
  startServer,
  type BrowserServer,
  type BrowserSession,
} from './browser.ts';
import { TEST_PASSWORD, TODAY, makeActor } from './databases.ts';
import { signInWithPages, type SignedIn } from './sign-in.ts';

/**
 * The helpers every browser suite uses on a page: go to a path, run the page checks, follow a
 * click to the page it leads to, read text, sign in as someone, read the inbox link.
 */

/** Runs an action that navigates (a click, a submit) and returns the final document response, after any redirects. */
export async function navigation(page: Page, action: () => Promise<unknown>): Promise<Response | null> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) =>
        r.request().isNavigationRequest() &&
        r.frame() === page.mainFrame() &&
        (r.status() < 300 || r.status() >= 400),
    ),
    action(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** The text of the first element matching `selector`, white space folded. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');
}

/** An ISO date as a person types it into a GOV.UK date input: `2026-03-07` is 7, 3, 2026. */
export function dateParts(iso: string): { day: string; month: string; year: string } {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

/** A named user in Avon and Somerset (vetted, trained, password TEST_PASSWORD); their day is `today`. */
export async function namedUser(
  database: Database,
  who: { email: string; name: string },
  roles: Role[],
  agencyType: string,
  today = TODAY,
): Promise<UseCaseContext> {
  const ctx = await makeActor(database, {
    roles,
    areaCode: 'AVS',
    agencyType,
    email: who.email,
    displayName: who.name,
  });
  return { ...ctx, today };
}

/**
 * Signs a browser context in as `user`, replacing any session it had: through the sign-in pages
 * (password, then a two-factor code, setting it up the first time) by `app.inject`, then hands the
 * context the session cookie. Returns the user's authenticator key, to sign in again with.
 */
export async function signInByCookie(
  context: BrowserContext,
  server: BrowserServer,
  user: { email: string; password: string; totpSecret?: string },
): Promise<SignedIn> {
  await context.clearCookies();
  const signedIn = await signInWithPages(server.app, user);
  const [name, ...value] = signedIn.cookie.split('=');
  // The `__Host-` cookie is Secure: Chromium takes it for localhost only by domain, not by http URL.
  await context.addCookies([
    {
      name: name!,
      value: value.join('='),
      domain: new URL(server.baseUrl).hostname,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
  return signedIn;
}

/**
 * One browser page on a Vigil server. Made before the suite runs (so its helpers can be taken
 * apart at the top of a file: `const { visit, check } = ui`) and opened in `beforeAll`.
 */
export class BrowserPage {
  #server: BrowserServer | undefined;
  #session: BrowserSession | undefined;
  #ownsServer = false;
  /** Each user's authenticator key, as their app would keep it after the first sign-in. */
  readonly #totpSecrets = new Map<string, string>();

  /** Starts a server over `database` and opens a browser on it; `close` ends both and the database. */
  async start(database: Database): Promise<Page> {
    const page = await this.open(await startServer(database));
    this.#ownsServer = true;
    return page;
  }

  /** Opens a page on a running server: in a browser of its own, or in a new context of `browser`. */
  async open(server: BrowserServer, browser?: Browser): Promise<Page> {
    this.#server = server;
    this.#session = await openBrowserSession(browser);
    return this.#session.page;
  }

  get server(): BrowserServer {
    if (!this.#server) throw new Error('BrowserPage: not opened');
    return this.#server;
  }

  get session(): BrowserSession {
    if (!this.#session) throw new Error('BrowserPage: not opened');
    return this.#session;
  }

  get page(): Page {
    return this.session.page;
  }

  readonly url = (path: string): string => `${this.server.baseUrl}${path}`;

  readonly visit = (path: string): Promise<Response | null> =>
    this.page.goto(this.url(path), { waitUntil: 'load' });

  /** `checkPage`: CSP, axe and console errors. */
  readonly check = (response: Response | null, label: string): Promise<void> =>
    checkPage(this.page, response, this.session.console, label);

  readonly navigation = (action: () => Promise<unknown>): Promise<Response | null> =>
    navigation(this.page, action);

  readonly text = (selector: string): Promise<string> => textOf(this.page, selector);

  /** Fills in a GOV.UK date input: an ISO date, or the day, month and year as a person types them. */
  readonly fillDate = async (
    group: string | RegExp,
    date: string | { day: string; month: string; year: string },
  ): Promise<void> => {
    const { day, month, year } = typeof date === 'string' ? dateParts(date) : date;
    const fieldset = this.page.getByRole('group', { name: group });
    await fieldset.getByLabel('Day').fill(day);
    await fieldset.getByLabel('Month').fill(month);
    await fieldset.getByLabel('Year').fill(year);
  };

  /**
   * Signs out whoever was signed in and signs in as `email`: through the sign-in pages, password and
   * two-factor code (setting up two-factor authentication the first time, with the key remembered
   * for the next), but by `app.inject` rather than in the browser, whose session cookie it is then
   * given. The sign-in pages themselves are the subject of sign-in.test.ts and journey.test.ts;
   * here they are only the way in. Ends on the page Vigil shows after signing in, with its console
   * messages forgotten (they belong to another module).
   */
  readonly signInAs = async (email: string, password = TEST_PASSWORD): Promise<void> => {
    const known = this.#totpSecrets.get(email);
    const { totpSecret } = await signInByCookie(this.session.context, this.server, {
      email,
      password,
      ...(known ? { totpSecret: known } : {}),
    });
    this.#totpSecrets.set(email, totpSecret);
    await this.page.goto(this.url('/'), { waitUntil: 'load' });
    expect(new URL(this.page.url()).pathname, `${email} signed in`).not.toMatch(/^\/sign-in/);
    this.session.console.take();
  };

  /** The header's inbox link. */
  get inboxLink(): Locator {
    return this.page.getByRole('link', { name: /^Inbox/ });
  }

  /** What the inbox link says: `Inbox`, or `Inbox 2 unread`. */
  readonly inboxLabel = async (): Promise<string> =>
    ((await this.inboxLink.textContent()) ?? '').replace(/\s+/g, ' ').trim();

  /** Closes the browser (or its context), and the server and database if `start` began them. */
  readonly close = async (): Promise<void> => {
    await this.#session?.close();
    if (this.#ownsServer) {
      await this.#server?.close();
      await this.#server?.database.close();
    }
  };
}
