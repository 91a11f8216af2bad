import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { openPgliteCopy } from './databases.ts';
import { buildApp, type AppDependencies } from '../../src/web/app.ts';
import { totpCode } from './sign-in.ts';
import { testClock } from './clock.ts';
import type { Clock } from '../../src/clock.ts';
import '../../src/modules/wiring.ts';
import { recordCheckedResponse } from './rendered-templates.ts';

/**
 * Shared helpers for the browser suites (tests/browser): Debian's Chromium driven by
 * playwright-core (never `playwright install`), axe-core for WCAG 2.2 AA, and a Vigil server on a
 * random local port over in-memory PGlite.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The WCAG levels every page must meet. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

// --- The server -------------------------------------------------------------------------------

export interface BrowserServer {
  database: Database;
  app: FastifyInstance;
  /**
   * `http://localhost:<port>`: the session cookie is `__Host-` and Secure, which Chromium keeps on
   * localhost (a potentially trustworthy origin) even over plain http.
   */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A fresh PGlite database, migrated and seeded with reference data (a copy of the suites' template,
 * tests/support/databases.ts), with AVS and a probation agency at least; closing it deletes it.
 */
export async function openBrowserDatabase(): Promise<Database> {
  process.env.VIGIL_LOG ??= 'silent';
  const { database, dispose } = await openPgliteCopy();
  await database.transaction(async (tx) => {
    await tx
      .insertInto('areas')
      .values({
        code: 'AVS',
        name: 'Avon and Somerset',
        country: 'England',
        police_forces: 'Avon and Somerset Constabulary',
        population_millions: '1.73',
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  });
  return { ...database, close: dispose };
}

/** An agency of the given type in the area (the seeded one if there is one, else a test one). */
export async function agencyFor(
  database: Database,
  areaCode: string,
  type: string,
): Promise<{ id: string; name: string }> {
  const existing = await database.db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('area_code', '=', areaCode)
    .where('type', '=', type)
    .orderBy('name')
    .executeTakeFirst();
  if (existing) return existing;
  return database.transaction((tx) =>
    tx
      .insertInto('agencies')
      .values({ area_code: areaCode, type, name: `Test ${type} agency (${areaCode})` })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow(),
  );
}

/** Builds the real app over `database` and listens on a random port on 127.0.0.1. */
export async function startServer(
  database: Database,
  clock: Clock = testClock,
  options: Pick<AppDependencies, 'sessionIdleSeconds' | 'oidc'> = {},
): Promise<BrowserServer> {
  process.env.VIGIL_LOG ??= 'silent';
  const app = await buildApp({
    clock,
    database,
    config: { trustProxy: false },
    ...options,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    database,
    app,
    baseUrl: `http://localhost:${port}`,
    close: () => app.close(),
  };
}

// --- Pages ------------------------------------------------------------------------------------

/**
 * Collects console errors, page errors (uncaught exceptions) and failed requests for a page.
 * CSP violations appear as console errors, so "no console errors" also means "nothing blocked".
 */
export function watchConsole(page: Page): { errors: string[]; take(): string[] } {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`),
  );
  return {
    errors,
    take() {
      return errors.splice(0, errors.length);
    },
  };
}

/**
 * Runs axe on the page as it is now; fails with every violation's id, help, and the elements at
 * fault. The page must come from `browser.newContext()`.
 *
 * Axe runs in "legacy mode": in the page itself, rather than in each frame with the results put
 * together in a blank page of its own, which costs that page and a second copy of axe on every
 * check (about half of each check's time, measured: issue 10). The rules and their results are the
 * same for a page without frames, and Vigil's pages have none: that is asserted first, so a page
 * that ever gains a frame fails here rather than going half-checked.
 */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  expect(
    page.frames().map((f) => f.url()),
    `${label}: frames need axe's frame-by-frame mode (drop setLegacyMode)`,
  ).toEqual([page.url()]);
  // WCAG 2.2 AA, and "region" (all content in a landmark), a best practice the inspection's
  // screen-reader users rely on.
  // (options() replaces what withTags set, so the tags are given here.)
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: AXE_TAGS }, rules: { region: { enabled: true } } })
    .setLegacyMode(true)
    .analyze();
  const report = results.violations.map(
    (v) =>
      `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n` +
      v.nodes
        .map(
          (n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
        )
        .join('\n'),
  );
  expect(
    results.violations.length,
    `axe found accessibility problems on ${label}:\n${report.join('\n')}`,
  ).toBe(0);
}

/**
 * The checks every page must pass: it answered with a Content-Security-Policy that forbids inline
 * script without a nonce, axe finds nothing, and nothing was logged to the console. Notes the
 * templates the page was rendered from as checked (tests/support/rendered-templates.ts).
 *
 * Failures are soft (`expect.soft`): the test is marked failed but goes on, so one page's problem
 * does not hide the next page's in a journey.
 */
export async function checkPage(
  page: Page,
  response: Response | null,
  consoleWatch: { take(): string[] },
  label: string,
): Promise<void> {
  expect(response, `${label}: no response`).not.toBeNull();
  const csp = (await response?.headerValue('content-security-policy')) ?? '';
  expect.soft(csp, `${label}: no Content-Security-Policy header`).toBeTruthy();
  expect
    .soft(csp, `${label}: script-src must allow only self and a nonce`)
    .toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect.soft(csp, `${label}: CSP must not allow unsafe-inline`).not.toContain("'unsafe-inline'");
  await expectNoAxeViolations(page, label);
  // The templates of this response have now been shown in Chromium and passed axe.
  recordCheckedResponse(csp);
  // Let late console messages (e.g. from module scripts) arrive before judging.
  await page.waitForLoadState('load');
  expect.soft(withoutOwnStatus(consoleWatch.take(), response), `${label}: console errors`).toEqual([]);
}

/**
 * Chromium logs "Failed to load resource" for a document answered with 4xx (a 404 page, a form
 * redisplayed with 400): that is the status the test expects, not a problem.
 */
function withoutOwnStatus(errors: string[], response: Response | null): string[] {
  // Leaving a page quickly aborts what it was still fetching in the background (its favicon, the
  // timeout script's look at the session): not a fault of either page.
  errors = errors.filter(
    (e) => !/^request failed: \S+\/(favicon\.\w+|session\/status) \(net::ERR_ABORTED\)$/.test(e),
  );
  if (!response || response.status() < 400) return errors;
  const own = `console: Failed to load resource: the server responded with a status of ${response.status()}`;
  return errors.filter((e) => !(e.startsWith(own) && e.endsWith(`(${response.url()})`)));
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  console: ReturnType<typeof watchConsole>;
  /** Closes the browser, or only the context when the browser was given. */
  close(): Promise<void>;
}

/** One context and one watched page: in a new browser, or in `shared` (a browser several people use). */
export async function openBrowserSession(shared?: Browser): Promise<BrowserSession> {
  const browser = shared ?? (await launchBrowser());
  const context = await browser.newContext();
  const page = await context.newPage();
  // Fail fast: every page here is local and small.
  page.setDefaultTimeout(10_000);
  return {
    browser,
    context,
    page,
    console: watchConsole(page),
    close: () => (shared ? context.close() : browser.close()),
  };
}

// --- Signing in -------------------------------------------------------------------------------

/**
 * Signs in as a person does: email and password, then the second factor. A user without TOTP sets
 * it up from the key shown on the page (as they would type it into an app) and the recovery codes
 * are read off the next page; an enrolled user needs `totpSecret`. Ends on the page Vigil shows
 * after signing in.
 */
export async function signInInBrowser(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string; totpSecret?: string },
): Promise<{ totpSecret: string; recoveryCodes: string[] }> {
  await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'load' });
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await Promise.all([
    page.waitForURL(/\/sign-in\/(set-up-two-factor|two-factor)$/),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  if (page.url().endsWith('/set-up-two-factor')) {
    const totpSecret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    await page.getByLabel('Code from your authenticator app').fill(await totpCode(totpSecret));
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: 'Continue' }).click(),
    ]);
    await page.locator('#recovery-codes').waitFor();
    const recoveryCodes = (await page.locator('#recovery-codes code').allTextContents()).map((c) => c.trim());
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
      page.getByRole('button', { name: /I have saved my recovery codes/ }).click(),
    ]);
    return { totpSecret, recoveryCodes };
  }
  if (!user.totpSecret) throw new Error(`${user.email} has two-factor authentication: pass totpSecret`);
  await page.getByLabel('Enter the code from your authenticator app').fill(await totpCode(user.totpSecret));
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
  return { totpSecret: user.totpSecret, recoveryCodes: [] };
}
