import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { londonDateAt } from '../../src/domain/dates.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../src/domain/errors.ts';
import {
  AccessSuspendedError,
  TooManyAttemptsError,
  countUnusedRecoveryCodes,
  usersDb,
  actorForToken,
  changePassword,
  confirmTotpEnrolment,
  createServiceToken,
  createUser,
  disableUser,
  enableUser,
  endUserSessions,
  findUserByEmail,
  getUserForAdmin,
  listUsers,
  resetTwoFactor,
  resolveServiceToken,
  resumeSession,
  newSecretsKey,
  resealSecrets,
  revokeServiceToken,
  signIn,
  signOut,
  signOutEverywhere,
  startTotpEnrolment,
  updateUserAccess,
  useKeyring,
  verifyRecoveryCodeSignIn,
  verifyTotpSignIn,
} from '../../src/modules/users/index.ts';
import {
  TEST_PASSWORD,
  TEST_TRAINING_DATE,
  TEST_VETTING,
  describeEachDatabase,
  ensureAgency,
  makeActor,
  testKeyring,
  uniqueSuffix,
} from '../support/databases.ts';
import { rejection } from '../support/fixtures.ts';
import { signInWithUseCases, totpCode } from '../support/sign-in.ts';
import { onTestClock, testClock, testMoment } from '../support/clock.ts';

const MINUTE = 60_000;
const noWait = async () => {};

/** A fresh documentation address (RFC 5737) per test, so the per-address throttle of one test never touches another. */
let addressCounter = 0;
const newAddress = () => `198.51.100.${(addressCounter = (addressCounter % 250) + 1)}:${uniqueSuffix()}`;

describeEachDatabase('users, sessions, second factor and service tokens', (getDb) => {
  const db = () => getDb().database;
  let admin: UseCaseContext;
  let practitioner: UseCaseContext;
  let practitionerSecret: string;
  let agencyId: string;

  beforeAll(async () => {
    admin = await makeActor(db(), { roles: ['admin'], areaCode: 'AVS' });
    practitioner = await makeActor(db(), {
      roles: ['probation_practitioner', 'meeting_chair'],
      areaCode: 'AVS',
    });
    practitionerSecret = (
      await signInWithUseCases(db(), { email: practitioner.actor.email, password: TEST_PASSWORD })
    ).totpSecret;
    agencyId = (await ensureAgency(db(), 'AVS', 'probation')).id;
  });

  const newUserInput = (overrides: Record<string, unknown> = {}) => ({
    email: `new.${uniqueSuffix()}@example.gov.uk`,
    displayName: 'New Person',
    agencyId,
    roles: ['probation_practitioner'],
    password: TEST_PASSWORD,
    vetting: { ...TEST_VETTING },
    trainingCompletedOn: TEST_TRAINING_DATE,
    ...overrides,
  });

  /** A user (with TOTP set up through the pages' use cases) and their secret. */
  async function enrolledUser(roles: UseCaseContext['actor']['roles'] = ['probation_practitioner']) {
    const ctx = await makeActor(db(), { roles, areaCode: 'AVS' });
    const { totpSecret, recoveryCodes, sessionId } = await signInWithUseCases(db(), {
      email: ctx.actor.email,
      password: TEST_PASSWORD,
    });
    return { ctx, totpSecret, recoveryCodes, sessionId };
  }

  const changes = async (userId: string) =>
    (
      await usersDb(db().db)
        .selectFrom('user_changes')
        .select(['change', 'changed_by'])
        .where('user_id', '=', userId)
        .orderBy('changed_at')
        .execute()
    ).map((c) => `${c.change} by ${c.changed_by === userId ? 'self' : (c.changed_by ?? 'cli')}`);

  describe('createUser', () => {
    it('creates a user with their agency’s area, roles, vetting and training, and records who did it', async () => {
      const input = newUserInput({ roles: ['police_offender_manager', 'meeting_chair'] });
      const created = await createUser(db(), admin, input);
      expect(created.email).toBe(input.email);
      const row = await db()
        .db.selectFrom('users')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        area_code: 'AVS',
        created_by: admin.actor.userId,
        vetting_level: 'SC',
        vetting_expires_on: TEST_VETTING.expiresOn,
        training_completed_on: TEST_TRAINING_DATE,
      });
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await changes(created.id)).toEqual([`created by ${admin.actor.userId}`]);
      // The password opens a pending session only: the second factor is still to come.
      const pending = await signIn(db(), input.email.toUpperCase(), input.password, {
        sourceAddress: newAddress(),
        now: testClock.now(),
      });
      expect(pending.next).toBe('set-up-two-factor');
      const state = await resumeSession(db(), pending.sessionId, { now: testClock.now() });
      expect(state?.status).toBe('pending');
      expect(state && 'actor' in state).toBe(false);
    });

    it('asks for 12 to 128 characters and nothing else, but refuses a common password whatever its case', async () => {
      const short = await rejection(
        createUser(db(), admin, newUserInput({ password: 'elevenchars' })),
        ValidationError,
      );
      expect(short.fieldErrors.password).toBe('Password must be 12 characters or more');
      const long = await rejection(
        createUser(db(), admin, newUserInput({ password: 'x'.repeat(129) })),
        ValidationError,
      );
      expect(long.fieldErrors.password).toBe('Password must be 128 characters or fewer');
      for (const common of ['qwerty123456', 'QWERTY123456', '1qaz2wsx3edc']) {
        const input = newUserInput({ password: common });
        const error = await rejection(createUser(db(), admin, input), ValidationError);
        expect(error.fieldErrors.password, common).toMatch(/too common/);
        expect(await findUserByEmail(db(), input.email)).toBeUndefined();
      }
      // Exactly 12 is enough, with no rules about digits or symbols; characters are counted as people count them.
      await createUser(db(), admin, newUserInput({ password: 'twelve chars' }));
      await createUser(db(), admin, newUserInput({ password: 'éééééééééééé' }));
      await createUser(db(), admin, newUserInput({ password: 'x'.repeat(128) }));
    });

    it('refuses an email address already in use, whatever its case', async () => {
      const error = await rejection(
        createUser(db(), admin, newUserInput({ email: practitioner.actor.email.toUpperCase() })),
        ValidationError,
      );
      expect(error.fieldErrors.email).toMatch(/already exists/);
    });

    it('reports every bad field together, and writes nothing', async () => {
      const input = newUserInput({
        email: 'not-an-email',
        displayName: ' ',
        roles: ['overlord'],
        vetting: { level: 'TOP', expiresOn: '2030-02-30' },
        trainingCompletedOn: '2999-01-01',
      });
      const error = await rejection(createUser(db(), admin, input), ValidationError);
      expect(Object.keys(error.fieldErrors).sort()).toEqual(
        ['displayName', 'email', 'roles', 'trainingCompletedOn', 'vettingExpiresOn', 'vettingLevel'].sort(),
      );
      expect(error.fieldErrors.trainingCompletedOn).toBe('Training date must be today or in the past');
      const missing = await rejection(
        createUser(
          db(),
          admin,
          newUserInput({ vetting: { level: '', expiresOn: '' }, trainingCompletedOn: '' }),
        ),
        ValidationError,
      );
      expect(missing.fieldErrors).toMatchObject({
        vettingLevel: 'Select the vetting level',
        vettingExpiresOn: 'Enter the date the vetting expires',
        trainingCompletedOn: 'Enter the date training was completed',
      });
      const agency = await rejection(
        createUser(db(), admin, newUserInput({ agencyId: '00000000-0000-4000-8000-000000000000' })),
        ValidationError,
      );
      expect(agency.fieldErrors.agencyId).toBeTruthy();
      expect(
        (await rejection(createUser(db(), admin, newUserInput({ roles: [] })), ValidationError)).fieldErrors
          .roles,
      ).toBeTruthy();
      for (const level of ['NPPV2', 'NPPV3', 'SC', 'DV'])
        await createUser(db(), admin, newUserInput({ vetting: { level, expiresOn: '2030-01-01' } }));
    });

    it('lets only administrators create users, and only in agencies of their own area', async () => {
      await rejection(createUser(db(), practitioner, newUserInput()), ForbiddenError);
      const elsewhere = await ensureAgency(db(), 'GLO', 'probation');
      const error = await rejection(
        createUser(db(), admin, newUserInput({ agencyId: elsewhere.id })),
        ValidationError,
      );
      expect(error.fieldErrors.agencyId).toBe('Select an agency from the list');
    });
  });

  describe('signing in: password, then TOTP', () => {
    it('gives the same answer for a wrong password, an unknown user and a disabled user', async () => {
      const source = onTestClock({ sourceAddress: newAddress(), sleep: noWait });
      const disabled = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
      await disableUser(db(), admin, disabled.actor.userId);
      const answers = await Promise.all([
        rejection(
          signIn(db(), practitioner.actor.email, 'not the right password', source),
          UnauthenticatedError,
        ),
        rejection(
          signIn(db(), `nobody.${uniqueSuffix()}@example.gov.uk`, TEST_PASSWORD, source),
          UnauthenticatedError,
        ),
        rejection(signIn(db(), disabled.actor.email, TEST_PASSWORD, source), UnauthenticatedError),
      ]);
      expect(new Set(answers.map((a) => a.message))).toEqual(
        new Set(['Enter a correct email address and password']),
      );
    });

    it('sets up TOTP with a code, gives ten hashed single-use recovery codes, and a new session id', async () => {
      const user = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
      const env = onTestClock({ sourceAddress: newAddress(), sleep: noWait });
      const pending = await signIn(db(), user.actor.email, TEST_PASSWORD, env);
      expect(pending.next).toBe('set-up-two-factor');
      const offered = await startTotpEnrolment(db(), pending.sessionId, testClock.now());
      expect(offered.secret).toMatch(/^[A-Z2-7]{32}$/);
      // The same secret until it is confirmed, so a reloaded page still matches the app.
      expect((await startTotpEnrolment(db(), pending.sessionId, testClock.now())).secret).toBe(
        offered.secret,
      );

      const wrong = await rejection(
        confirmTotpEnrolment(db(), pending.sessionId, '000000', env),
        ValidationError,
      );
      expect(wrong.fieldErrors.code).toMatch(/not correct/);
      const malformed = await rejection(
        confirmTotpEnrolment(db(), pending.sessionId, '12ab', env),
        ValidationError,
      );
      expect(malformed.fieldErrors.code).toBe('The code must be the 6 numbers your authenticator app shows');
      const stillPending = await usersDb(db().db)
        .selectFrom('users')
        .select('totp_secret')
        .where('id', '=', user.actor.userId)
        .executeTakeFirstOrThrow();
      expect(stillPending.totp_secret).toBeNull();

      const done = await confirmTotpEnrolment(db(), pending.sessionId, await totpCode(offered.secret), env);
      expect(done.sessionId).not.toBe(pending.sessionId);
      expect(await resumeSession(db(), pending.sessionId, { now: testClock.now() })).toBeNull();
      const active = await resumeSession(db(), done.sessionId, { now: testClock.now() });
      expect(active?.status).toBe('active');
      expect(active?.status === 'active' && active.actor.userId).toBe(user.actor.userId);

      expect(done.recoveryCodes).toHaveLength(10);
      expect(new Set(done.recoveryCodes).size).toBe(10);
      for (const code of done.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      const stored = await usersDb(db().db)
        .selectFrom('user_recovery_codes')
        .select('code_hash')
        .where('user_id', '=', user.actor.userId)
        .execute();
      expect(stored).toHaveLength(10);
      for (const { code_hash } of stored) {
        expect(code_hash).toMatch(/^\$argon2id\$/);
        expect(done.recoveryCodes.some((c) => code_hash.includes(c))).toBe(false);
      }
      expect(await changes(user.actor.userId)).toEqual(['created by cli', 'two-factor-set-up by self']);
    });

    it('asks an enrolled user for a current code, and accepts each code only once', async () => {
      const { ctx, totpSecret } = await enrolledUser();
      const env = onTestClock({ sourceAddress: newAddress(), sleep: noWait });
      const first = await signIn(db(), ctx.actor.email, TEST_PASSWORD, env);
      expect(first.next).toBe('two-factor');
      await rejection(verifyTotpSignIn(db(), first.sessionId, '000000', env), ValidationError);
      const code = await totpCode(totpSecret);
      const done = await verifyTotpSignIn(db(), first.sessionId, code, env);
      expect((await resumeSession(db(), done.sessionId, { now: testClock.now() }))?.status).toBe('active');
      // The same code again (someone who saw it over a shoulder) is refused.
      const second = await signIn(db(), ctx.actor.email, TEST_PASSWORD, env);
      const replay = await rejection(verifyTotpSignIn(db(), second.sessionId, code, env), ValidationError);
      expect(replay.fieldErrors.code).toMatch(/not correct/);
      // A code from another secret is refused too.
      const other = await generate({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
      await rejection(verifyTotpSignIn(db(), second.sessionId, other, env), ValidationError);
      expect((await resumeSession(db(), second.sessionId, { now: testClock.now() }))?.status).toBe('pending');
    });

    it('accepts each recovery code once, however it is typed', async () => {
      const { ctx, recoveryCodes } = await enrolledUser();
      const env = onTestClock({ sourceAddress: newAddress(), sleep: noWait });
      const first = await signIn(db(), ctx.actor.email, TEST_PASSWORD, env);
      const typed = ` ${recoveryCodes[3]!.toUpperCase().replace('-', ' ')} `;
      const done = await verifyRecoveryCodeSignIn(db(), first.sessionId, typed, env);
      expect(done.recoveryCodesLeft).toBe(9);
      expect((await resumeSession(db(), done.sessionId, { now: testClock.now() }))?.status).toBe('active');
      expect(await countUnusedRecoveryCodes(db(), ctx.actor.userId)).toBe(9);

      const second = await signIn(db(), ctx.actor.email, TEST_PASSWORD, env);
      const reused = await rejection(
        verifyRecoveryCodeSignIn(db(), second.sessionId, recoveryCodes[3]!, env),
        ValidationError,
      );
      expect(reused.fieldErrors.recoveryCode).toBe(
        'That recovery code is not correct, or has already been used',
      );
      await rejection(verifyRecoveryCodeSignIn(db(), second.sessionId, 'abcde-fghjk', env), ValidationError);
      const empty = await rejection(
        verifyRecoveryCodeSignIn(db(), second.sessionId, '', env),
        ValidationError,
      );
      expect(empty.fieldErrors.recoveryCode).toBe('Enter one of your recovery codes');
      const another = await verifyRecoveryCodeSignIn(db(), second.sessionId, recoveryCodes[0]!, env);
      expect(another.recoveryCodesLeft).toBe(8);
    });

    it('ends a pending session that does not finish the second factor within 10 minutes', async () => {
      const { ctx } = await enrolledUser();
      const start = testClock.now();
      const pending = await signIn(db(), ctx.actor.email, TEST_PASSWORD, {
        now: start,
        sourceAddress: newAddress(),
      });
      expect(
        (await resumeSession(db(), pending.sessionId, { now: new Date(start.getTime() + 9 * MINUTE) }))
          ?.status,
      ).toBe('pending');
      expect(
        await resumeSession(db(), pending.sessionId, { now: new Date(start.getTime() + 11 * MINUTE) }),
      ).toBeNull();
    });
  });

  describe('throttling', () => {
    it('slows (never refuses) the right password after 10 failures on the account from elsewhere, the same for an unknown account', async () => {
      const { ctx } = await enrolledUser();
      const unknown = `nobody.${uniqueSuffix()}@example.gov.uk`;
      const start = testClock.now().getTime() + 3600_000; // an hour ahead, clear of every other test's failures
      const outcomes: Record<string, { messages: string[]; waits: number[] }> = {};
      for (const [label, email] of [
        ['real', ctx.actor.email],
        ['unknown', unknown],
      ] as const) {
        const waits: number[] = [];
        const messages: string[] = [];
        for (let i = 0; i < 10; i++) {
          // Each from a different address: the per-account limit is what is tested here.
          const env = {
            now: new Date(start + i * 1000),
            sourceAddress: newAddress(),
            sleep: async (ms: number) => void waits.push(ms),
          };
          messages.push(
            (await rejection(signIn(db(), email, 'a wrong password guess', env), UnauthenticatedError))
              .message,
          );
        }
        const env = {
          now: new Date(start + 11_000),
          sourceAddress: newAddress(),
          sleep: async (ms: number) => void waits.push(ms),
        };
        // The eleventh, from yet another address: slowed by the longest delay, then judged on its merits.
        const outcome = signIn(db(), email, TEST_PASSWORD, env);
        if (label === 'real') expect((await outcome).next).toBe('two-factor');
        else messages.push((await rejection(outcome, UnauthenticatedError)).message);
        outcomes[label] = { messages: messages.slice(0, 10), waits };
      }
      // Failure n waits min(2^(n-3), 8) seconds; an attempt on an account under attack waits the longest.
      expect(outcomes.real!.waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000]);
      expect(outcomes.unknown).toEqual(outcomes.real);

      // Once the failures age out of the window, no delay at all.
      const waits: number[] = [];
      await signIn(db(), ctx.actor.email, TEST_PASSWORD, {
        now: new Date(start + 5 * MINUTE + 10_000),
        sourceAddress: newAddress(),
        sleep: async (ms: number) => void waits.push(ms),
      });
      expect(waits).toEqual([]);
    });

    it('failures from one source address never lock the account for another (ASVS 6.3.1)', async () => {
      const { ctx } = await enrolledUser();
      const attacker = newAddress();
      const start = testClock.now().getTime() + 5 * 3600_000;
      for (let i = 0; i < 30; i++) {
        const env = { now: new Date(start + i * 1000), sourceAddress: attacker, sleep: noWait };
        await rejection(
          signIn(db(), ctx.actor.email, 'a wrong password guess', env),
          i < 10 ? UnauthenticatedError : TooManyAttemptsError,
        );
      }
      // The attacker's own address is refused, even with the right password…
      await rejection(
        signIn(db(), ctx.actor.email, TEST_PASSWORD, {
          now: new Date(start + 40_000),
          sourceAddress: attacker,
          sleep: noWait,
        }),
        TooManyAttemptsError,
      );
      // …while the real user, elsewhere, signs in (slowed by the longest delay, once).
      const waits: number[] = [];
      const pending = await signIn(db(), ctx.actor.email, TEST_PASSWORD, {
        now: new Date(start + 41_000),
        sourceAddress: newAddress(),
        sleep: async (ms: number) => void waits.push(ms),
      });
      expect(pending.next).toBe('two-factor');
      expect(waits).toEqual([8000]);
    });

    it('evaluates at most 10 of 50 parallel wrong passwords from one address (count and record are atomic)', async () => {
      const { ctx } = await enrolledUser();
      const source = newAddress();
      const now = new Date(testClock.now().getTime() + 6 * 3600_000);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          signIn(db(), ctx.actor.email, 'a wrong password guess', {
            now,
            sourceAddress: source,
            sleep: noWait,
          }),
        ),
      );
      const evaluated = outcomes.filter(
        (o) => o.status === 'rejected' && o.reason instanceof UnauthenticatedError,
      ).length;
      const refused = outcomes.filter(
        (o) => o.status === 'rejected' && o.reason instanceof TooManyAttemptsError,
      ).length;
      expect({ evaluated, refused }).toEqual({ evaluated: 10, refused: 40 });
      const recorded = await usersDb(db().db)
        .selectFrom('sign_in_failures')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('source_address', '=', source)
        .executeTakeFirstOrThrow();
      expect(Number(recorded.n)).toBe(10);
    });

    it('evaluates at most 10 of 50 parallel wrong TOTP codes, even from 50 addresses', async () => {
      const { ctx } = await enrolledUser();
      const now = new Date(testClock.now().getTime() + 7 * 3600_000);
      const pending = await signIn(db(), ctx.actor.email, TEST_PASSWORD, {
        now,
        sourceAddress: newAddress(),
      });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          verifyTotpSignIn(db(), pending.sessionId, '000000', {
            now,
            sourceAddress: newAddress(),
            sleep: noWait,
          }),
        ),
      );
      const evaluated = outcomes.filter(
        (o) => o.status === 'rejected' && o.reason instanceof ValidationError,
      );
      const refused = outcomes.filter(
        (o) => o.status === 'rejected' && o.reason instanceof TooManyAttemptsError,
      );
      expect({ evaluated: evaluated.length, refused: refused.length }).toEqual({
        evaluated: 10,
        refused: 40,
      });
    });

    it('limits each source address to 10 failures in 5 minutes, whichever accounts they try', async () => {
      const source = newAddress();
      const start = testClock.now().getTime() + 2 * 3600_000;
      for (let i = 0; i < 10; i++) {
        await rejection(
          signIn(db(), `guess.${i}.${uniqueSuffix()}@example.gov.uk`, 'a wrong password guess', {
            now: new Date(start + i),
            sourceAddress: source,
            sleep: noWait,
          }),
          UnauthenticatedError,
        );
      }
      const { ctx } = await enrolledUser();
      await rejection(
        signIn(db(), ctx.actor.email, TEST_PASSWORD, {
          now: new Date(start + 20),
          sourceAddress: source,
          sleep: noWait,
        }),
        TooManyAttemptsError,
      );
      // Another address is not affected.
      await signIn(db(), ctx.actor.email, TEST_PASSWORD, {
        now: new Date(start + 20),
        sourceAddress: newAddress(),
        sleep: noWait,
      });
    });

    it('throttles the TOTP step the same way', async () => {
      const { ctx, totpSecret } = await enrolledUser();
      const start = testClock.now().getTime();
      const pending = await signIn(db(), ctx.actor.email, TEST_PASSWORD, {
        now: new Date(start),
        sourceAddress: newAddress(),
      });
      for (let i = 0; i < 10; i++) {
        await rejection(
          verifyTotpSignIn(db(), pending.sessionId, '000000', {
            now: new Date(start + i),
            sourceAddress: newAddress(),
            sleep: noWait,
          }),
          ValidationError,
        );
      }
      await rejection(
        verifyTotpSignIn(db(), pending.sessionId, await totpCode(totpSecret, start), {
          now: new Date(start + 100),
          sourceAddress: newAddress(),
          sleep: noWait,
        }),
        TooManyAttemptsError,
      );
    });
  });

  describe('secrets at rest', () => {
    const storedSecret = async (userId: string) =>
      (
        await usersDb(db().db)
          .selectFrom('users')
          .select('totp_secret')
          .where('id', '=', userId)
          .executeTakeFirstOrThrow()
      ).totp_secret!;
    const signInWithCode = async (email: string, secret: string) => {
      const pending = await signIn(db(), email, TEST_PASSWORD, {
        now: testClock.now(),
        sourceAddress: newAddress(),
      });
      return verifyTotpSignIn(db(), pending.sessionId, await totpCode(secret), {
        now: testClock.now(),
        sourceAddress: newAddress(),
      });
    };

    it('stores the TOTP secret (and the one offered during enrolment) only encrypted, and sign-in still works', async () => {
      const ctx = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
      const pending = await signIn(db(), ctx.actor.email, TEST_PASSWORD, {
        now: testClock.now(),
        sourceAddress: newAddress(),
      });
      const { secret } = await startTotpEnrolment(db(), pending.sessionId, testClock.now());
      const offered = await usersDb(db().db)
        .selectFrom('sessions')
        .select('pending_totp_secret')
        .where('user_id', '=', ctx.actor.userId)
        .executeTakeFirstOrThrow();
      expect(offered.pending_totp_secret).toMatch(/^v1\./);
      expect(offered.pending_totp_secret).not.toContain(secret);
      await confirmTotpEnrolment(db(), pending.sessionId, await totpCode(secret), {
        now: testClock.now(),
        sourceAddress: newAddress(),
      });
      const stored = await storedSecret(ctx.actor.userId);
      expect(stored).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(stored).not.toContain(secret);
      expect(stored.toUpperCase()).not.toContain(secret);
      expect((await signInWithCode(ctx.actor.email, secret)).sessionId).toBeTruthy();
    });

    it('encrypts a secret stored in clear before encryption, and rotation re-encrypts under the new key with sign-in still working', async () => {
      const { ctx, totpSecret } = await enrolledUser();
      // A value from before encryption (as migration 0005 left them).
      await usersDb(db().db)
        .updateTable('users')
        .set({ totp_secret: totpSecret })
        .where('id', '=', ctx.actor.userId)
        .execute();
      expect(await resealSecrets(db())).toBeGreaterThanOrEqual(1);
      const before = await storedSecret(ctx.actor.userId);
      expect(before).toMatch(/^v1\./);
      expect(before).not.toContain(totpSecret);
      const oldKey = before.split('.')[1]!;

      // Rotation: a new key first, the old one still listed (reads during rotation).
      const ring = testKeyring();
      const fresh = newSecretsKey();
      useKeyring({ keys: [fresh, ...ring.keys] });
      expect(await resealSecrets(db())).toBeGreaterThanOrEqual(1);
      const after = await storedSecret(ctx.actor.userId);
      expect(after.split('.')[1]).toBe(fresh.id);
      expect(after.split('.')[1]).not.toBe(oldKey);
      expect(after).not.toContain(totpSecret);
      // Nothing is left under the old key, so the new key alone signs in.
      useKeyring({ keys: [fresh] });
      const leftOld = await usersDb(db().db)
        .selectFrom('users')
        .select('id')
        .where('totp_secret', 'like', `v1.${oldKey}.%`)
        .execute();
      expect(leftOld).toEqual([]);
      expect((await signInWithCode(ctx.actor.email, totpSecret)).sessionId).toBeTruthy();
      // The other tests' users keep working: the new key stays current, the old ones read.
      ring.keys.unshift(fresh);
      useKeyring(ring);
    });
  });

  describe('sessions', () => {
    it('resumes an active session with the user’s actor, and signing out ends it', async () => {
      const { sessionId } = await signInWithUseCases(db(), {
        email: practitioner.actor.email,
        password: TEST_PASSWORD,
        totpSecret: practitionerSecret,
        sourceAddress: newAddress(),
      });
      expect(sessionId.length).toBeGreaterThanOrEqual(40);
      const session = await resumeSession(db(), sessionId, { now: testClock.now() });
      expect(session?.status).toBe('active');
      if (session?.status !== 'active') return;
      expect(session.actor).toMatchObject({
        userId: practitioner.actor.userId,
        email: practitioner.actor.email,
        agencyId: practitioner.actor.agencyId,
        areaCode: 'AVS',
      });
      expect(session.actor.roles.sort()).toEqual(['meeting_chair', 'probation_practitioner']);
      expect(session.csrfToken.length).toBeGreaterThanOrEqual(40);
      expect(session.mfaVerifiedAt).toBeInstanceOf(Date);
      // The cookie value itself is never stored.
      const stored = await db()
        .db.selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', practitioner.actor.userId)
        .execute();
      expect(stored.map((s) => s.id_hash)).not.toContain(sessionId);

      await signOut(db(), sessionId, testClock.now());
      expect(await resumeSession(db(), sessionId, { now: testClock.now() })).toBeNull();
    });

    it('gives a new session id at every sign-in', async () => {
      const env = onTestClock({ sourceAddress: newAddress() });
      const a = await signIn(db(), practitioner.actor.email, TEST_PASSWORD, env);
      const b = await signIn(db(), practitioner.actor.email, TEST_PASSWORD, env);
      expect(a.sessionId).not.toBe(b.sessionId);
      await signOut(db(), a.sessionId, testClock.now());
      expect(await resumeSession(db(), a.sessionId, { now: testClock.now() })).toBeNull();
      expect(await resumeSession(db(), b.sessionId, { now: testClock.now() })).not.toBeNull();
    });

    it('ends a session left idle for more than 15 minutes, or the configured idle time', async () => {
      const start = testClock.now();
      const { sessionId, ctx, totpSecret } = await enrolledUser();
      expect(
        await resumeSession(db(), sessionId, { now: new Date(start.getTime() + 14 * MINUTE), touch: false }),
      ).not.toBeNull();
      expect(
        await resumeSession(db(), sessionId, { now: new Date(start.getTime() + 16 * MINUTE) }),
      ).toBeNull();
      // Signed in again now (by the test clock, which a fresh two-factor code may have moved on).
      const short = await signInWithUseCases(db(), {
        email: ctx.actor.email,
        password: TEST_PASSWORD,
        totpSecret,
      });
      const signedIn = testClock.now();
      expect(
        await resumeSession(db(), short.sessionId, {
          now: new Date(signedIn.getTime() + 21_000),
          idleSeconds: 20,
        }),
      ).toBeNull();
    });

    it('keeps a session alive while it is used, up to the 12-hour absolute limit', async () => {
      const start = testClock.now().getTime();
      const { sessionId } = await enrolledUser();
      let minutes = 0;
      while (minutes + 14 < 12 * 60) {
        minutes += 14;
        expect(
          await resumeSession(db(), sessionId, { now: new Date(start + minutes * MINUTE) }),
          `at ${minutes} min`,
        ).not.toBeNull();
      }
      expect(
        await resumeSession(db(), sessionId, { now: new Date(start + 12 * 60 * MINUTE + MINUTE) }),
      ).toBeNull();
    });

    it('signs out everywhere: every session of the user ends, and nobody else’s', async () => {
      const { ctx, totpSecret, sessionId: first } = await enrolledUser();
      const second = await signInWithUseCases(db(), {
        email: ctx.actor.email,
        password: TEST_PASSWORD,
        totpSecret,
      });
      const bystander = await enrolledUser();
      expect(await signOutEverywhere(db(), ctx.actor.userId, testClock.now())).toBe(2);
      expect(await resumeSession(db(), first, { now: testClock.now() })).toBeNull();
      expect(await resumeSession(db(), second.sessionId, { now: testClock.now() })).toBeNull();
      expect(await resumeSession(db(), bystander.sessionId, { now: testClock.now() })).not.toBeNull();
      expect((await changes(ctx.actor.userId)).at(-1)).toBe('signed-out-everywhere by self');
    });

    it('lets an administrator end a user’s sessions, and records it', async () => {
      const { ctx, sessionId } = await enrolledUser();
      expect(await endUserSessions(db(), admin, ctx.actor.userId)).toBe(1);
      expect(await resumeSession(db(), sessionId, { now: testClock.now() })).toBeNull();
      expect((await changes(ctx.actor.userId)).at(-1)).toBe(`sessions-ended by ${admin.actor.userId}`);
      await rejection(endUserSessions(db(), practitioner, ctx.actor.userId), ForbiddenError);
      const elsewhere = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'GLO' });
      await rejection(endUserSessions(db(), admin, elsewhere.actor.userId), NotFoundError);
    });

    it('stops the session and token of a disabled user at once; enabling restores the token only', async () => {
      const { ctx, sessionId, totpSecret } = await enrolledUser();
      const token = await createServiceToken(db(), testMoment(), ctx.actor.userId, 'Disabled owner', null);
      expect(await actorForToken(db(), token, testClock.now())).not.toBeNull();
      await disableUser(db(), admin, ctx.actor.userId);
      expect(await resumeSession(db(), sessionId, { now: testClock.now() })).toBeNull();
      expect(await actorForToken(db(), token, testClock.now())).toBeNull();
      const error = await rejection(
        signIn(db(), ctx.actor.email, TEST_PASSWORD, {
          sourceAddress: newAddress(),
          sleep: noWait,
          now: testClock.now(),
        }),
        UnauthenticatedError,
      );
      expect(error.message).toBe('Enter a correct email address and password');
      await rejection(disableUser(db(), admin, admin.actor.userId), ForbiddenError);

      await enableUser(db(), admin, ctx.actor.userId);
      expect(await actorForToken(db(), token, testClock.now())).not.toBeNull();
      expect(await resumeSession(db(), sessionId, { now: testClock.now() })).toBeNull();
      await signInWithUseCases(db(), { email: ctx.actor.email, password: TEST_PASSWORD, totpSecret });
      expect(await changes(ctx.actor.userId)).toEqual(
        expect.arrayContaining([`disabled by ${admin.actor.userId}`, `enabled by ${admin.actor.userId}`]),
      );
    });

    it('suspends the session and token of a user whose vetting lapses, at once, from the day after expiry (London)', async () => {
      const { ctx, sessionId } = await enrolledUser();
      const token = await createServiceToken(db(), testMoment(), ctx.actor.userId, 'Lapsing owner', null);
      const now = testClock.now();
      const today = londonDateAt(now.getTime());
      const setVetting = (expiresOn: string | null, training: string | null = TEST_TRAINING_DATE) =>
        db().transaction((tx) =>
          tx
            .updateTable('users')
            .set({ vetting_expires_on: expiresOn, training_completed_on: training })
            .where('id', '=', ctx.actor.userId)
            .execute(),
        );
      // The expiry day itself is still covered.
      await setVetting(today);
      expect((await resumeSession(db(), sessionId, { now }))?.status).toBe('active');
      expect(await actorForToken(db(), token, now)).not.toBeNull();

      const yesterday = londonDateAt(now.getTime() - 86_400_000);
      await setVetting(yesterday);
      const suspended = await resumeSession(db(), sessionId, { now });
      expect(suspended).toMatchObject({ status: 'suspended', reason: 'vetting-expired' });
      expect(suspended && 'actor' in suspended).toBe(false);
      expect(await actorForToken(db(), token, now)).toBeNull();
      expect((await resolveServiceToken(db(), token, now))?.suspension).toBe('vetting-expired');
      const refused = await rejection(
        signIn(db(), ctx.actor.email, TEST_PASSWORD, { sourceAddress: newAddress(), now }),
        AccessSuspendedError,
      );
      expect(refused.reason).toBe('vetting-expired');

      await setVetting(TEST_VETTING.expiresOn, null);
      expect(await resumeSession(db(), sessionId, { now })).toMatchObject({
        status: 'suspended',
        reason: 'no-training',
      });
      await setVetting(TEST_VETTING.expiresOn);
      expect((await resumeSession(db(), sessionId, { now }))?.status).toBe('active');
    });

    it('makes a user set up TOTP again after an administrator resets it', async () => {
      const { ctx, sessionId } = await enrolledUser();
      await resetTwoFactor(db(), admin, ctx.actor.userId);
      expect(await resumeSession(db(), sessionId, { now: testClock.now() })).toBeNull();
      expect(await countUnusedRecoveryCodes(db(), ctx.actor.userId)).toBe(0);
      const pending = await signIn(db(), ctx.actor.email, TEST_PASSWORD, {
        sourceAddress: newAddress(),
        now: testClock.now(),
      });
      expect(pending.next).toBe('set-up-two-factor');
    });
  });

  describe('changing a password', () => {
    it('needs the current password, refuses a common one, and ends the user’s other sessions', async () => {
      const { ctx, totpSecret, sessionId } = await enrolledUser();
      const other = await signInWithUseCases(db(), {
        email: ctx.actor.email,
        password: TEST_PASSWORD,
        totpSecret,
      });
      const env = onTestClock({ sourceAddress: newAddress(), sleep: noWait });
      const wrong = await rejection(
        changePassword(
          db(),
          ctx,
          sessionId,
          {
            currentPassword: 'not my password',
            newPassword: 'a brand new passphrase',
            confirmPassword: 'a brand new passphrase',
          },
          env,
        ),
        ValidationError,
      );
      expect(wrong.fieldErrors).toEqual({ currentPassword: 'Your current password is not correct' });
      const common = await rejection(
        changePassword(
          db(),
          ctx,
          sessionId,
          { currentPassword: TEST_PASSWORD, newPassword: 'Qwerty123456', confirmPassword: 'Qwerty123456' },
          env,
        ),
        ValidationError,
      );
      expect(common.fieldErrors.newPassword).toMatch(/too common/);
      const mismatch = await rejection(
        changePassword(
          db(),
          ctx,
          sessionId,
          {
            currentPassword: TEST_PASSWORD,
            newPassword: 'a brand new passphrase',
            confirmPassword: 'a different one',
          },
          env,
        ),
        ValidationError,
      );
      expect(mismatch.fieldErrors.confirmPassword).toMatch(/do not match/);

      await changePassword(
        db(),
        ctx,
        sessionId,
        {
          currentPassword: TEST_PASSWORD,
          newPassword: 'a brand new passphrase',
          confirmPassword: 'a brand new passphrase',
        },
        env,
      );
      expect(await resumeSession(db(), sessionId, { now: testClock.now() })).not.toBeNull();
      expect(await resumeSession(db(), other.sessionId, { now: testClock.now() })).toBeNull();
      await rejection(signIn(db(), ctx.actor.email, TEST_PASSWORD, env), UnauthenticatedError);
      expect((await signIn(db(), ctx.actor.email, 'a brand new passphrase', env)).next).toBe('two-factor');
    });
  });

  describe('user administration', () => {
    it('lists the users of the administrator’s area only, with why any cannot use Vigil', async () => {
      const lapsed = await makeActor(db(), {
        roles: ['probation_practitioner'],
        areaCode: 'AVS',
        vetting: { level: 'NPPV3', expiresOn: '2020-01-01' },
      });
      const elsewhere = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'GLO' });
      const users = await listUsers(db(), admin);
      expect(users.find((u) => u.id === lapsed.actor.userId)?.status).toBe('vetting-expired');
      expect(users.find((u) => u.id === practitioner.actor.userId)).toMatchObject({
        status: 'active',
        twoFactor: true,
      });
      expect(users.some((u) => u.id === elsewhere.actor.userId)).toBe(false);
      await rejection(listUsers(db(), practitioner), ForbiddenError);
    });

    it('changes roles, vetting and training with a version check, and records before and after', async () => {
      const user = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
      const before = await getUserForAdmin(db(), admin, user.actor.userId, testClock.now());
      await updateUserAccess(db(), admin, user.actor.userId, {
        roles: ['victim_liaison_officer', 'meeting_chair'],
        vetting: { level: 'DV', expiresOn: '2031-05-31' },
        trainingCompletedOn: '2026-01-15',
        version: before.version,
      });
      const after = await getUserForAdmin(db(), admin, user.actor.userId, testClock.now());
      expect(after).toMatchObject({
        roles: ['meeting_chair', 'victim_liaison_officer'],
        vettingLevel: 'DV',
        vettingExpiresOn: '2031-05-31',
        trainingCompletedOn: '2026-01-15',
        version: before.version + 1,
      });
      expect(after.changes[0]).toMatchObject({ change: 'updated', by: admin.actor.displayName });
      expect(after.changes[0]!.details).toMatchObject({
        before: { roles: ['probation_practitioner'], vettingLevel: 'SC' },
        after: { roles: ['meeting_chair', 'victim_liaison_officer'], vettingLevel: 'DV' },
      });
      // A form opened before that change is refused rather than silently overwriting it.
      await rejection(
        updateUserAccess(db(), admin, user.actor.userId, {
          roles: ['probation_practitioner'],
          vetting: { level: 'SC', expiresOn: '2031-05-31' },
          trainingCompletedOn: '2026-01-15',
          version: before.version,
        }),
        ConflictError,
      );
      const self = await getUserForAdmin(db(), admin, admin.actor.userId, testClock.now());
      const removeOwnAdmin = await rejection(
        updateUserAccess(db(), admin, admin.actor.userId, {
          roles: ['probation_practitioner'],
          vetting: { ...TEST_VETTING },
          trainingCompletedOn: TEST_TRAINING_DATE,
          version: self.version,
        }),
        ValidationError,
      );
      expect(removeOwnAdmin.fieldErrors.roles).toMatch(/your own administrator role/);
    });
  });

  describe('service tokens', () => {
    it('resolves a token to its user’s actor, read-only and unnarrowed by default', async () => {
      const token = await createServiceToken(
        db(),
        testMoment(),
        practitioner.actor.userId,
        'Case management bridge',
        null,
      );
      expect(token).toMatch(/^vgl_/);
      const actor = await actorForToken(db(), token, testClock.now());
      expect(actor).toMatchObject({
        userId: practitioner.actor.userId,
        areaCode: 'AVS',
        email: practitioner.actor.email,
        tokenScope: { readOnly: true, areaCodes: null },
      });
      expect(actor!.serviceAccountId).toMatch(/^[0-9a-f-]{36}$/);
      expect(actor!.roles.sort()).toEqual(['meeting_chair', 'probation_practitioner']);
      const stored = await db().db.selectFrom('service_accounts').select('token_hash').execute();
      expect(stored.map((s) => s.token_hash)).not.toContain(token);
    });

    it('puts a write and area scope on the actor when asked, and refuses unknown areas', async () => {
      const token = await createServiceToken(db(), testMoment(), practitioner.actor.userId, 'Writer', null, {
        readOnly: false,
        areaCodes: ['avs', 'GLO'],
      });
      expect((await actorForToken(db(), token, testClock.now()))?.tokenScope).toEqual({
        readOnly: false,
        areaCodes: ['AVS', 'GLO'],
      });
      const error = await rejection(
        createServiceToken(db(), testMoment(), practitioner.actor.userId, 'Nowhere', null, {
          areaCodes: ['XXX'],
        }),
        ValidationError,
      );
      expect(error.fieldErrors.areas).toBe('Unknown area code: XXX');
    });

    it('refuses a revoked token, revoked by an administrator of the area or the command line', async () => {
      const token = await createServiceToken(
        db(),
        testMoment(),
        practitioner.actor.userId,
        'Revoked client',
        null,
      );
      const actor = await actorForToken(db(), token, testClock.now());
      const elsewhereAdmin = await makeActor(db(), { roles: ['admin'], areaCode: 'GLO' });
      await rejection(revokeServiceToken(db(), elsewhereAdmin, actor!.serviceAccountId!), NotFoundError);
      expect(await actorForToken(db(), token, testClock.now())).not.toBeNull();
      await revokeServiceToken(db(), admin, actor!.serviceAccountId!);
      expect(await actorForToken(db(), token, testClock.now())).toBeNull();
      const cli = await createServiceToken(
        db(),
        testMoment(),
        practitioner.actor.userId,
        'CLI revoked',
        null,
      );
      await revokeServiceToken(
        db(),
        testMoment(),
        (await actorForToken(db(), cli, testClock.now()))!.serviceAccountId!,
      );
      expect(await actorForToken(db(), cli, testClock.now())).toBeNull();
    });

    it('refuses an expired token', async () => {
      const expired = await createServiceToken(
        db(),
        testMoment(),
        practitioner.actor.userId,
        'Expired client',
        new Date(testClock.now().getTime() - MINUTE),
      );
      expect(await actorForToken(db(), expired, testClock.now())).toBeNull();
      const expiring = await createServiceToken(
        db(),
        testMoment(),
        practitioner.actor.userId,
        'Expiring client',
        new Date(testClock.now().getTime() + 60 * MINUTE),
      );
      expect(await actorForToken(db(), expiring, testClock.now())).not.toBeNull();
      expect(
        await actorForToken(db(), expiring, new Date(testClock.now().getTime() + 61 * MINUTE)),
      ).toBeNull();
    });

    it('refuses an unknown token', async () => {
      expect(await actorForToken(db(), 'vgl_not-a-real-token', testClock.now())).toBeNull();
    });
  });
});
