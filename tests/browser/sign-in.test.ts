import { sql } from 'kysely';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { runningClock } from '../../src/clock.ts';
import { SESSION_IDLE_SECONDS, createUser, warningSecondsFor } from '../../src/modules/users/index.ts';
import {
  agencyFor,
  checkPage,
  openBrowserDatabase,
  signInInBrowser,
  startServer,
  watchConsole,
  type BrowserServer,
} from '../support/browser.ts';
import { BrowserPage, navigation as navigationOn, signInByCookie } from '../support/browser-page.ts';
import { totpCode } from '../support/sign-in.ts';
import { testMoment, testClock } from '../support/clock.ts';

/**
 * Signing in, in a real browser, with every page checked by axe (WCAG 2.2 AA), for its
 * Content-Security-Policy and for console errors: setting up TOTP, a wrong code, a recovery code,
 * the idle-timeout warning (the page's and the server's clocks moved on, never waited for), signing
 * out everywhere, and the administrator's user pages.
 */

const VETTED = { vetting: { level: 'SC', expiresOn: '2036-12-31' }, trainingCompletedOn: '2025-01-06' };
const PRACTITIONER = {
  email: 'sam.signin@probation.example.gov.uk',
  password: 'a long enough passphrase 2026',
  name: 'Sam Signin',
};
const ADMIN = {
  email: 'alex.admin@probation.example.gov.uk',
  password: 'administrator passphrase 2026',
  name: 'Alex Admin',
};
/** Their own users, so no test waits for a fresh TOTP time step after another's sign-ins. */
const IDLE_USER = {
  email: 'ida.idle@probation.example.gov.uk',
  password: 'an idle user passphrase',
  name: 'Ida Idle',
};
const TRAVELLER = {
  email: 'tom.travels@probation.example.gov.uk',
  password: 'a travelling passphrase',
  name: 'Tom Travels',
};
/** Vigil's idle time (15 minutes) and its warning (2 minutes before the end). */
const WARN_BEFORE_SECONDS = warningSecondsFor(SESSION_IDLE_SECONDS);
/**
 * The idle-timeout tests' server runs on a clock of its own, the suites' clock moved on by
 * `idleFor` alone, so that 15 idle minutes pass in no time without ageing the other sessions.
 */
const idleClock = runningClock(testClock.now(), testClock);

let database: Database;
let server: BrowserServer;
let idleServer: BrowserServer;
let page: Page;
let practitionerSecret = '';
let practitionerRecoveryCodes: string[] = [];

const ui = new BrowserPage();
const { url, visit, check, navigation } = ui;
const heading = (onPage: Page = page) => onPage.getByRole('heading', { level: 1 }).textContent();
const errorSummary = () => page.locator('.govuk-error-summary');

async function signOut(onPage: Page = page) {
  await navigationOn(onPage, () => onPage.getByRole('button', { name: 'Sign out' }).first().click());
  expect(new URL(onPage.url()).pathname).toBe('/sign-in');
}

beforeAll(async () => {
  database = await openBrowserDatabase();
  const agency = await agencyFor(database, 'AVS', 'probation');
  await createUser(database, testMoment(), {
    email: PRACTITIONER.email,
    displayName: PRACTITIONER.name,
    agencyId: agency.id,
    roles: ['probation_practitioner'],
    password: PRACTITIONER.password,
    ...VETTED,
  });
  for (const user of [IDLE_USER, TRAVELLER])
    await createUser(database, testMoment(), {
      email: user.email,
      displayName: user.name,
      agencyId: agency.id,
      roles: ['probation_practitioner'],
      password: user.password,
      ...VETTED,
    });
  await createUser(database, testMoment(), {
    email: ADMIN.email,
    displayName: ADMIN.name,
    agencyId: agency.id,
    roles: ['admin'],
    password: ADMIN.password,
    ...VETTED,
  });
  server = await startServer(database);
  idleServer = await startServer(database, idleClock);
  page = await ui.open(server);
});

afterAll(async () => {
  await ui.close();
  await server?.close();
  await idleServer?.close();
  await database?.close();
});

describe('signing in with two-factor authentication', () => {
  it('sets up an authenticator from the QR code page, refusing a wrong code, and shows recovery codes once', async () => {
    const signInPage = await visit('/sign-in');
    await check(signInPage, 'sign-in page');
    // Without an organisation sign-in configured, there is no button for it.
    expect(await page.getByRole('button', { name: /organisation account/ }).count()).toBe(0);

    // Nothing typed: a GOV.UK error summary linking to each field.
    const empty = await navigation(() => page.getByRole('button', { name: 'Sign in' }).click());
    expect(empty?.status()).toBe(400);
    expect(
      await errorSummary()
        .locator('a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(['#email', '#password']);
    await check(empty, 'sign-in page with errors');

    await page.getByLabel('Email address').fill(PRACTITIONER.email);
    await page.getByLabel('Password').fill(PRACTITIONER.password);
    const setUp = await navigation(() => page.getByRole('button', { name: 'Sign in' }).click());
    expect(page.url()).toBe(url('/sign-in/set-up-two-factor'));
    expect(await heading()).toBe('Set up two-factor authentication');
    const qr = page.getByRole('img', { name: /QR code for adding Vigil/ });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(
      await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    await check(setUp, 'set up two-factor authentication');
    practitionerSecret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(practitionerSecret).toMatch(/^[A-Z2-7]{32}$/);

    // Until the second factor is done, nothing else can be reached: sign-in-web.test.ts.

    await page.getByLabel('Code from your authenticator app').fill('123 456');
    const wrong = await navigation(() => page.getByRole('button', { name: 'Continue' }).click());
    expect(wrong?.status()).toBe(400);
    expect(await errorSummary().textContent()).toContain('The code is not correct');
    await errorSummary().getByRole('link').first().click();
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('code');
    await check(wrong, 'set up two-factor authentication with a wrong code');

    await page.getByLabel('Code from your authenticator app').fill(await totpCode(practitionerSecret));
    const codes = await navigation(() => page.getByRole('button', { name: 'Continue' }).click());
    expect(await heading()).toBe('Save your recovery codes');
    practitionerRecoveryCodes = (await page.locator('#recovery-codes code').allTextContents()).map((c) =>
      c.trim(),
    );
    expect(practitionerRecoveryCodes).toHaveLength(10);
    await check(codes, 'recovery codes');

    const home = await navigation(() =>
      page.getByRole('button', { name: /I have saved my recovery codes/ }).click(),
    );
    expect(page.url()).toBe(url('/start'));
    await check(home, 'first page after signing in');
    await signOut();
  });

  it('asks for a code at the next sign-in, and refuses a wrong one with an error summary', async () => {
    await visit('/sign-in');
    await page.getByLabel('Email address').fill(PRACTITIONER.email);
    await page.getByLabel('Password').fill(PRACTITIONER.password);
    const step = await navigation(() => page.getByRole('button', { name: 'Sign in' }).click());
    expect(page.url()).toBe(url('/sign-in/two-factor'));
    await check(step, 'two-factor code page');

    await page.getByLabel('Enter the code from your authenticator app').fill('000000');
    const wrong = await navigation(() => page.getByRole('button', { name: 'Continue' }).click());
    expect(wrong?.status()).toBe(400);
    expect(await page.locator('#code-error').textContent()).toContain('The code is not correct');
    await check(wrong, 'two-factor code page with a wrong code');

    await page
      .getByLabel('Enter the code from your authenticator app')
      .fill(await totpCode(practitionerSecret));
    await navigation(() => page.getByRole('button', { name: 'Continue' }).click());
    expect(page.url()).toBe(url('/start'));
    await signOut();
    ui.session.console.take();
  });

  it('signs in with a recovery code instead, once, and says how many are left', async () => {
    await visit('/sign-in');
    await page.getByLabel('Email address').fill(PRACTITIONER.email);
    await page.getByLabel('Password').fill(PRACTITIONER.password);
    await navigation(() => page.getByRole('button', { name: 'Sign in' }).click());
    const recovery = await navigation(() => page.getByRole('link', { name: /use a recovery code/ }).click());
    expect(page.url()).toBe(url('/sign-in/recovery-code'));
    await check(recovery, 'recovery code page');

    await page.getByLabel('Enter a recovery code').fill(practitionerRecoveryCodes[0]!.toUpperCase());
    const account = await navigation(() => page.getByRole('button', { name: 'Continue' }).click());
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'You have 9 recovery codes left',
    );
    await check(account, 'account page after a recovery code');
    await signOut();

    // The same code again is refused, and "Cancel and sign out" leaves: sign-in-web.test.ts.
  });
});

describe('the idle-timeout warning', () => {
  let context: BrowserContext;
  let timeoutPage: Page;
  const idleUrl = (path: string) => `${idleServer.baseUrl}${path}`;
  const dialog = () => timeoutPage.getByRole('dialog', { name: 'You’re about to be signed out' });

  /** Nobody touches Vigil for `seconds`: the server's clock and the page's timers move on together. */
  async function idleFor(seconds: number) {
    idleClock.advance(seconds * 1000);
    await timeoutPage.clock.fastForward(seconds * 1000);
  }

  /**
   * Opens a page and waits for its timeout script to ask how long is left, as it then sets its
   * timers; returns the page's response and the seconds the server said were left.
   */
  async function openWithTimeoutScript(path: string) {
    // Only the new page's question counts, not one the page before asked as it was left.
    let arrived = false;
    const onNavigated = (frame: Frame) => {
      if (frame === timeoutPage.mainFrame() && frame.url() === idleUrl(path)) arrived = true;
    };
    timeoutPage.on('framenavigated', onNavigated);
    const [response, status] = await Promise.all([
      timeoutPage.goto(idleUrl(path), { waitUntil: 'load' }),
      timeoutPage.waitForResponse((r) => arrived && r.url() === idleUrl('/session/status')),
    ]).finally(() => timeoutPage.off('framenavigated', onNavigated));
    const { idleRemainingSeconds } = (await status.json()) as { idleRemainingSeconds: number };
    // A page seen a moment after the last one does not reset the idle time (sessions.ts), so a
    // little less than the whole may be left.
    expect(idleRemainingSeconds).toBeGreaterThan(SESSION_IDLE_SECONDS - 60);
    return { response, left: idleRemainingSeconds };
  }

  beforeAll(async () => {
    context = await ui.session.browser.newContext();
    // The page's timers run on a clock the test moves (Playwright's), the server on idleClock.
    await context.clock.install({ time: idleClock.now() });
    timeoutPage = await context.newPage();
    await signInInBrowser(timeoutPage, idleServer.baseUrl, IDLE_USER);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('warns before the session ends, in an accessible dialog that moves focus, and extends it', async () => {
    const watch = watchConsole(timeoutPage);
    const { response, left } = await openWithTimeoutScript('/account');
    expect(await dialog().isVisible()).toBe(false);
    // A second short of the warning: nothing yet.
    await idleFor(left - WARN_BEFORE_SECONDS - 1);
    expect(await dialog().isVisible()).toBe(false);
    // Warned 2 minutes before the end of the 15 idle minutes.
    await idleFor(2);
    await dialog().waitFor({ state: 'visible' });
    expect(await dialog().textContent()).toMatch(/we will sign you out in 2 minutes \(at \d{1,2}:\d{2}\)/);
    await expect
      .poll(async () => (await timeoutPage.locator(':focus').textContent())?.trim())
      .toBe('Stay signed in');
    expect(await dialog().getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await checkPage(timeoutPage, response, watch, 'account page with the timeout warning open');

    await dialog().getByRole('button', { name: 'Stay signed in' }).click();
    await dialog().waitFor({ state: 'hidden' });
    const status = (await timeoutPage.evaluate(() => fetch('/session/status').then((r) => r.json()))) as {
      signedIn: boolean;
      idleRemainingSeconds: number;
    };
    expect(status.signedIn).toBe(true);
    expect(status.idleRemainingSeconds).toBeGreaterThan(SESSION_IDLE_SECONDS - 5);

    // Escape means "stay", too.
    await idleFor(SESSION_IDLE_SECONDS - WARN_BEFORE_SECONDS + 1);
    await dialog().waitFor({ state: 'visible' });
    await timeoutPage.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    expect(timeoutPage.url()).toBe(idleUrl('/account'));
    // The server counted it as activity: the session has its whole idle time again.
    const extended = (await timeoutPage.evaluate(() => fetch('/session/status').then((r) => r.json()))) as {
      idleRemainingSeconds: number;
    };
    expect(extended.idleRemainingSeconds).toBeGreaterThan(SESSION_IDLE_SECONDS - 5);
    expect(watch.take()).toEqual([]);
  });

  it('goes to a "You have been signed out" page when the time runs out', async () => {
    const watch = watchConsole(timeoutPage);
    const { left } = await openWithTimeoutScript('/account');
    watch.take();
    await idleFor(left - WARN_BEFORE_SECONDS + 1);
    await dialog().waitFor({ state: 'visible' });
    const [signedOut] = await Promise.all([
      timeoutPage.waitForResponse((r) => r.url() === idleUrl('/signed-out')),
      idleFor(WARN_BEFORE_SECONDS),
    ]);
    await timeoutPage.waitForLoadState('load');
    expect(await heading(timeoutPage)).toBe('You have been signed out');
    expect(await timeoutPage.locator('main').textContent()).toContain('had not used Vigil for 15 minutes');
    await checkPage(timeoutPage, signedOut, watch, 'signed out after the idle time');
    await timeoutPage.goto(idleUrl('/account'), { waitUntil: 'load' });
    expect(new URL(timeoutPage.url()).pathname).toBe('/sign-in');
  });
});

describe('signing out everywhere', () => {
  it('ends the session in every browser, from the account page', async () => {
    const other = await ui.session.browser.newContext();
    const otherPage = await other.newPage();
    try {
      // Signed in on two computers (through the sign-in pages, by app.inject: they are tested above).
      const { totpSecret } = await signInByCookie(other, server, TRAVELLER);
      await signInByCookie(ui.session.context, server, { ...TRAVELLER, totpSecret });
      const account = await visit('/account');
      expect(await page.getByText(/You are signed in on 2 computers/).count()).toBe(1);
      await check(account, 'account page');

      const signedOut = await navigation(() =>
        page.getByRole('button', { name: 'Sign out everywhere' }).click(),
      );
      expect(new URL(page.url()).pathname).toBe('/signed-out');
      expect(await page.locator('main').textContent()).toContain('on every computer and device');
      await check(signedOut, 'signed out everywhere');

      await otherPage.goto(`${server.baseUrl}/search`, { waitUntil: 'load' });
      expect(new URL(otherPage.url()).pathname).toBe('/sign-in');
    } finally {
      await other.close();
    }
  });
});

describe('user administration', () => {
  let adminSecret = '';

  it('lists the area’s users after a recent second factor, and asks for a code again once it is stale', async () => {
    adminSecret = (await signInByCookie(ui.session.context, server, ADMIN)).totpSecret;
    const list = await visit('/admin/users');
    expect(await heading()).toBe('Users');
    expect(await page.locator('table tbody tr').count()).toBe(4);
    await check(list, 'users list');

    // Twenty minutes later (as far as the session knows), the same page asks to confirm it is them.
    await sql`UPDATE sessions SET mfa_verified_at = ${new Date(testClock.now().getTime() - 20 * 60_000)}
      WHERE user_id = (SELECT id FROM users WHERE email = ${ADMIN.email}) AND ended_at IS NULL`.execute(
      database.db,
    );
    const confirm = await visit('/admin/users');
    expect(new URL(page.url()).pathname).toBe('/reauthenticate');
    expect(await heading()).toBe('Confirm it’s you');
    await check(confirm, 're-authentication page');
    // A wrong code is refused with an error summary: sign-in-web.test.ts.
    await page.getByLabel('Code from your authenticator app').fill(await totpCode(adminSecret));
    await navigation(() => page.getByRole('button', { name: 'Continue' }).click());
    expect(page.url()).toBe(url('/admin/users'));
  });

  it('adds a user', async () => {
    const form = await navigation(() => page.getByRole('button', { name: 'Add a user' }).click());
    expect(page.url()).toBe(url('/admin/users/new'));
    await check(form, 'add a user form');

    // Only an email and a name: every other field's error, linked to it: sign-in-web.test.ts.
    await page.getByLabel('Work email address').fill('new.starter@probation.example.gov.uk');
    await page.getByLabel('Full name').fill('Nia Starter');
    await page.getByLabel('Agency', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Probation practitioner').check();
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Meeting chair').check();
    await page.getByLabel('NPPV level 3').check();
    const expiry = page.getByRole('group', { name: 'Vetting expiry date' });
    await expiry.getByLabel('Day').fill('30');
    await expiry.getByLabel('Month').fill('6');
    await expiry.getByLabel('Year').fill('2030');
    const training = page.getByRole('group', { name: 'Date MAPPA training was completed' });
    await training.getByLabel('Day').fill('2');
    await training.getByLabel('Month').fill('3');
    await training.getByLabel('Year').fill('2025');
    await page.getByLabel('Initial password').fill('starter passphrase 2026');
    const added = await navigation(() => page.getByRole('button', { name: 'Add user' }).click());
    expect(await heading()).toBe('Nia Starter');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('User added');
    expect(await page.locator('main').textContent()).toContain('NPPV level 3, expires 30 June 2030');
    await check(added, 'a user’s page');
  });

  it('changes roles and vetting, disables and enables, ends sessions and resets two-factor authentication', async () => {
    const edit = await navigation(() =>
      page.getByRole('link', { name: /Change.*roles, vetting and training/ }).click(),
    );
    expect(await heading()).toBe('Change roles, vetting and training for Nia Starter');
    await check(edit, 'change roles and vetting form');
    // Every role unticked is refused ("Select at least one role"): sign-in-web.test.ts.
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Meeting chair').uncheck();
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Probation practitioner').uncheck();
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Victim liaison officer').check();
    await navigation(() => page.getByRole('button', { name: 'Save changes' }).click());
    expect(await page.locator('main').textContent()).toContain('Victim liaison officer');

    for (const [button, banner] of [
      ['Disable account', 'Account disabled'],
      ['Enable account', 'Account enabled'],
      ['End all their sessions', 'All their sessions have ended'],
      ['Reset two-factor authentication', 'Two-factor authentication reset'],
    ] as const) {
      const done = await navigation(() => page.getByRole('button', { name: button }).click());
      expect(await page.locator('.govuk-notification-banner--success').textContent(), button).toContain(
        banner,
      );
      await check(done, `user page after “${button}”`);
    }
    const history = await page.locator('table').last().textContent();
    for (const entry of [
      'Account created',
      'Roles, vetting or training changed',
      'Account disabled',
      'Account enabled',
      'Sessions ended',
      'Two-factor authentication reset',
    ])
      expect(history).toContain(entry);
  });

  it('issues an API token for them, shown once', async () => {
    const form = await navigation(() => page.getByRole('link', { name: /Issue an API token/ }).click());
    expect(await heading()).toBe('Issue an API token for Nia Starter');
    await check(form, 'issue an API token form');
    await page.getByLabel('What the token is for').fill('Case system import');
    await page.getByLabel('Yes, read and change records').check();
    const issued = await navigation(() => page.getByRole('button', { name: 'Issue token' }).click());
    expect(await page.locator('.govuk-panel__title').textContent()).toContain('API token issued');
    expect(await page.getByLabel('Token').inputValue()).toMatch(/^vgl_/);
    await check(issued, 'API token issued page');
  });

  it('changes their own password', async () => {
    const form = await visit('/account/password');
    expect(await heading()).toBe('Change your password');
    await check(form, 'change password form');
    // A common password is refused ("Password is too common"): sign-in-web.test.ts.
    await page.getByLabel('Current password').fill(ADMIN.password);
    await page.getByLabel('New password', { exact: true }).fill('a fresh administrator passphrase');
    await page.getByLabel('Confirm new password').fill('a fresh administrator passphrase');
    const changed = await navigation(() => page.getByRole('button', { name: 'Change password' }).click());
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Your password has been changed',
    );
    await check(changed, 'account page after changing the password');
  });

  it('shows a user whose vetting has lapsed why they cannot use Vigil', async () => {
    await signOut();
    await sql`UPDATE users SET vetting_expires_on = '2020-01-31' WHERE email = ${PRACTITIONER.email}`.execute(
      database.db,
    );
    try {
      await visit('/sign-in');
      await page.getByLabel('Email address').fill(PRACTITIONER.email);
      await page.getByLabel('Password').fill(PRACTITIONER.password);
      const suspended = await navigation(() => page.getByRole('button', { name: 'Sign in' }).click());
      expect(suspended?.status()).toBe(403);
      expect(await page.locator('main').textContent()).toContain(
        'Your access has been suspended because your vetting has expired – contact your administrator.',
      );
      await check(suspended, 'access suspended page');
    } finally {
      await sql`UPDATE users SET vetting_expires_on = '2036-12-31' WHERE email = ${PRACTITIONER.email}`.execute(
        database.db,
      );
    }
  });
});
