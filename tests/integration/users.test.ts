import { beforeAll, describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../src/access/actor.ts';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../src/domain/errors.ts';
import {
  actorForToken,
  createServiceToken,
  createUser,
  findUserByEmail,
  resumeSession,
  signIn,
  signOut,
} from '../../src/modules/users/use-cases.ts';
import {
  TEST_PASSWORD,
  describeEachDatabase,
  ensureAgency,
  makeActor,
  uniqueSuffix,
} from '../support/databases.ts';
import { rejection } from '../support/fixtures.ts';

const MINUTE = 60_000;

describeEachDatabase('users, sessions and service tokens', (getDb) => {
  const db = () => getDb().database;
  let admin: UseCaseContext;
  let practitioner: UseCaseContext;
  let agencyId: string;

  beforeAll(async () => {
    admin = await makeActor(db(), { roles: ['admin'], areaCode: 'AVS' });
    practitioner = await makeActor(db(), {
      roles: ['probation_practitioner', 'meeting_chair'],
      areaCode: 'AVS',
    });
    agencyId = (await ensureAgency(db(), 'AVS', 'probation')).id;
  });

  const newUserInput = (overrides: Record<string, unknown> = {}) => ({
    email: `new.${uniqueSuffix()}@example.gov.uk`,
    displayName: 'New Person',
    agencyId,
    roles: ['probation_practitioner'],
    password: TEST_PASSWORD,
    ...overrides,
  });

  describe('createUser', () => {
    it('creates a user that can then sign in, with the agency’s area and the roles given', async () => {
      const input = newUserInput({ roles: ['police_offender_manager', 'meeting_chair'] });
      const created = await createUser(db(), admin, input);
      expect(created.email).toBe(input.email);
      const row = await db()
        .db.selectFrom('users')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(row.area_code).toBe('AVS');
      expect(row.created_by).toBe(admin.actor.userId);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const session = await signIn(db(), input.email.toUpperCase(), input.password);
      const resumed = await resumeSession(db(), session.sessionId);
      expect(resumed!.actor.roles.sort()).toEqual(['meeting_chair', 'police_offender_manager']);
    });

    it('refuses a password shorter than 12 characters, and writes nothing', async () => {
      const input = newUserInput({ password: 'elevenchars' });
      const error = await rejection(createUser(db(), admin, input), ValidationError);
      expect(error.fieldErrors.password).toBe('Password must be 12 characters or more');
      expect(await findUserByEmail(db(), input.email)).toBeUndefined();
      // Exactly 12 is enough.
      await createUser(db(), admin, newUserInput({ password: 'twelve chars' }));
    });

    it('refuses an email address already in use, whatever its case', async () => {
      const error = await rejection(
        createUser(db(), admin, newUserInput({ email: practitioner.actor.email.toUpperCase() })),
        ValidationError,
      );
      expect(error.fieldErrors.email).toMatch(/already exists/);
    });

    it('refuses a badly formed email, a missing name, an unknown role and an unknown agency', async () => {
      const error = await rejection(
        createUser(
          db(),
          admin,
          newUserInput({ email: 'not-an-email', displayName: ' ', roles: ['overlord'] }),
        ),
        ValidationError,
      );
      expect(Object.keys(error.fieldErrors).sort()).toEqual(['displayName', 'email', 'roles']);
      const agency = await rejection(
        createUser(db(), admin, newUserInput({ agencyId: '00000000-0000-4000-8000-000000000000' })),
        ValidationError,
      );
      expect(agency.fieldErrors.agencyId).toBeTruthy();
      expect(
        (await rejection(createUser(db(), admin, newUserInput({ roles: [] })), ValidationError)).fieldErrors
          .roles,
      ).toBeTruthy();
    });

    it('lets only administrators create users', async () => {
      await rejection(createUser(db(), practitioner, newUserInput()), ForbiddenError);
    });
  });

  describe('sessions', () => {
    it('gives the same answer for a wrong password and for an unknown user', async () => {
      const wrongPassword = await rejection(
        signIn(db(), practitioner.actor.email, 'not the right password'),
        UnauthenticatedError,
      );
      const unknownUser = await rejection(
        signIn(db(), `nobody.${uniqueSuffix()}@example.gov.uk`, TEST_PASSWORD),
        UnauthenticatedError,
      );
      expect(wrongPassword.message).toBe(unknownUser.message);
      expect(wrongPassword.message).toBe('Enter a correct email address and password');
    });

    it('resumes a session with the user’s actor, and signing out ends it', async () => {
      const { sessionId, userId } = await signIn(db(), practitioner.actor.email, TEST_PASSWORD);
      expect(userId).toBe(practitioner.actor.userId);
      expect(sessionId.length).toBeGreaterThanOrEqual(40);
      const session = await resumeSession(db(), sessionId);
      expect(session).not.toBeNull();
      expect(session!.actor).toMatchObject({
        userId: practitioner.actor.userId,
        email: practitioner.actor.email,
        agencyId: practitioner.actor.agencyId,
        areaCode: 'AVS',
      });
      expect(session!.actor.roles.sort()).toEqual(['meeting_chair', 'probation_practitioner']);
      expect(session!.csrfToken.length).toBeGreaterThanOrEqual(40);
      // The cookie value itself is never stored.
      const stored = await db()
        .db.selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', userId)
        .execute();
      expect(stored.map((s) => s.id_hash)).not.toContain(sessionId);

      await signOut(db(), sessionId);
      expect(await resumeSession(db(), sessionId)).toBeNull();
    });

    it('gives a new session id at every sign-in', async () => {
      const a = await signIn(db(), practitioner.actor.email, TEST_PASSWORD);
      const b = await signIn(db(), practitioner.actor.email, TEST_PASSWORD);
      expect(a.sessionId).not.toBe(b.sessionId);
      await signOut(db(), a.sessionId);
      expect(await resumeSession(db(), a.sessionId)).toBeNull();
      expect(await resumeSession(db(), b.sessionId)).not.toBeNull();
    });

    it('ends a session left idle for more than 15 minutes', async () => {
      const { sessionId } = await signIn(db(), practitioner.actor.email, TEST_PASSWORD);
      const start = Date.now();
      expect(await resumeSession(db(), sessionId, new Date(start + 16 * MINUTE))).toBeNull();
    });

    it('keeps a session alive while it is used, up to the absolute limit', async () => {
      const { sessionId } = await signIn(db(), practitioner.actor.email, TEST_PASSWORD);
      const start = Date.now();
      // Used every 14 minutes, it survives beyond any single idle period…
      for (const minutes of [14, 28, 42]) {
        expect(
          await resumeSession(db(), sessionId, new Date(start + minutes * MINUTE)),
          `at ${minutes} min`,
        ).not.toBeNull();
      }
      // …but not a 16-minute gap after the last use.
      expect(await resumeSession(db(), sessionId, new Date(start + 58 * MINUTE))).toBeNull();
    });

    it('ends a session at the 12-hour absolute limit even when in constant use', async () => {
      const { sessionId } = await signIn(db(), practitioner.actor.email, TEST_PASSWORD);
      const start = Date.now();
      let minutes = 0;
      while (minutes + 14 < 12 * 60) {
        minutes += 14;
        expect(
          await resumeSession(db(), sessionId, new Date(start + minutes * MINUTE)),
          `at ${minutes} min`,
        ).not.toBeNull();
      }
      expect(await resumeSession(db(), sessionId, new Date(start + 12 * 60 * MINUTE + MINUTE))).toBeNull();
    });

    it('refuses sign-in and ends sessions of a disabled user', async () => {
      const user = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
      const { sessionId } = await signIn(db(), user.actor.email, TEST_PASSWORD);
      await db().transaction((tx) =>
        tx
          .updateTable('users')
          .set({ disabled_at: new Date() })
          .where('id', '=', user.actor.userId)
          .execute(),
      );
      expect(await resumeSession(db(), sessionId)).toBeNull();
      const error = await rejection(signIn(db(), user.actor.email, TEST_PASSWORD), UnauthenticatedError);
      expect(error.message).toBe('Enter a correct email address and password');
    });

    it('does not resume an unknown session id', async () => {
      expect(await resumeSession(db(), 'no-such-session')).toBeNull();
    });
  });

  describe('service tokens', () => {
    it('resolves a token to its user’s actor, marked as a service account', async () => {
      const token = await createServiceToken(db(), practitioner.actor.userId, 'Case management bridge', null);
      expect(token).toMatch(/^vgl_/);
      const actor = await actorForToken(db(), token);
      expect(actor).toMatchObject({
        userId: practitioner.actor.userId,
        areaCode: 'AVS',
        email: practitioner.actor.email,
      });
      expect(actor!.serviceAccountId).toMatch(/^[0-9a-f-]{36}$/);
      expect(actor!.roles.sort()).toEqual(['meeting_chair', 'probation_practitioner']);
      const stored = await db().db.selectFrom('service_accounts').select('token_hash').execute();
      expect(stored.map((s) => s.token_hash)).not.toContain(token);
    });

    it('refuses a revoked token', async () => {
      const token = await createServiceToken(db(), practitioner.actor.userId, 'Revoked client', null);
      expect(await actorForToken(db(), token)).not.toBeNull();
      await db().transaction((tx) =>
        tx
          .updateTable('service_accounts')
          .set({ revoked_at: new Date() })
          .where('name', '=', 'Revoked client')
          .execute(),
      );
      expect(await actorForToken(db(), token)).toBeNull();
    });

    it('refuses an expired token', async () => {
      const expired = await createServiceToken(
        db(),
        practitioner.actor.userId,
        'Expired client',
        new Date(Date.now() - MINUTE),
      );
      expect(await actorForToken(db(), expired)).toBeNull();
      const expiring = await createServiceToken(
        db(),
        practitioner.actor.userId,
        'Expiring client',
        new Date(Date.now() + 60 * MINUTE),
      );
      expect(await actorForToken(db(), expiring)).not.toBeNull();
      expect(await actorForToken(db(), expiring, new Date(Date.now() + 61 * MINUTE))).toBeNull();
    });

    it('refuses an unknown token, and a token of a disabled user', async () => {
      expect(await actorForToken(db(), 'vgl_not-a-real-token')).toBeNull();
      const user = await makeActor(db(), { roles: ['probation_practitioner'], areaCode: 'AVS' });
      const token = await createServiceToken(db(), user.actor.userId, 'Disabled owner', null);
      await db().transaction((tx) =>
        tx
          .updateTable('users')
          .set({ disabled_at: new Date() })
          .where('id', '=', user.actor.userId)
          .execute(),
      );
      expect(await actorForToken(db(), token)).toBeNull();
    });
  });
});
