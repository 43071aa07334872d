import type {
  ChangePasswordBody,
  LoginBody,
  MeResponse,
  SessionResponse,
  TwoFactorDisableBody,
  TwoFactorEnableBody,
} from '@ningxin/shared';
import type { Config } from '../../config';
import type { Db, Store, Tx } from '../../db/client';
import { unauthenticated } from '../../lib/errors';
import { type Actor, permissionsOf } from '../../policy/policy';
import { type Audit, type AuditContext, audited } from '../audit/audit.service';
import type { SettingsService } from '../settings/settings.service';
import type { UsersService } from '../users/users.service';
import {
  accountDisabled,
  accountLocked,
  invalidCredentials,
  otpInvalid,
  otpRequired,
  sessionClientChanged,
  sessionExpired,
  sessionNotFound,
  wrongCurrentPassword,
} from './auth.errors';
import { dummyPasswordHash, hashPassword, verifyPassword } from './auth.password';
import { authRepository } from './auth.repository';
import { hashSessionToken, newSessionToken, TOUCH_INTERVAL_MS } from './auth.session';
import { createSessionCache } from './auth.session-cache';
import type { TwoFactor } from './two-factor';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** What the session keeps of the browser it was opened in (the sign-in stores the first 300 characters). */
const clientKey = (userAgent: string | null) => userAgent?.slice(0, 300) ?? null;

/**
 * A session is bound to the browser that signed in: a request whose User-Agent differs is refused
 * and the session ended. The address is not bound: a phone moves between Wi-Fi and 4G.
 */
const sameClient = (stored: string | null, current: string | null) => stored === clientKey(current);

/** How long an ended session (expired or signed out) is kept before the nightly purge deletes it. */
export const ENDED_SESSIONS_KEPT_DAYS = 30;

type LoginOutcome = { ok: true; userId: number; token: string } | { ok: false; error: Error };

/** The roles that must sign in with a second factor (where the configuration requires it): the three administrators. */
const TWO_FACTOR_ROLES: readonly string[] = ['system_admin', 'security_admin', 'audit_admin'];

/** A day in milliseconds, for the password's age. */
const DAY_MS = 86_400_000;

export function createAuthService(
  db: Db,
  { runNamed, listen }: Pick<Store, 'runNamed' | 'listen'>,
  config: Config,
  users: UsersService,
  settings: Pick<SettingsService, 'get'>,
  twoFactorService: TwoFactor,
) {
  const idleMs = config.session.idleMinutes * 60_000;
  const sessions = createSessionCache(listen, Math.min(TOUCH_INTERVAL_MS, idleMs));

  /** An administrator (系统、安全、审计) without a second factor, where the configuration requires one. */
  const twoFactorMissing = (assignments: readonly { role: string }[], enabled: boolean) =>
    config.login.adminTwoFactor && !enabled && assignments.some((a) => TWO_FACTOR_ROLES.includes(a.role));

  async function me(actor: Actor, expiresAt: Date): Promise<MeResponse> {
    // Three reads at once (separate connections on PostgreSQL): every page load asks for this.
    const [user, twoFactor, roles] = await Promise.all([
      users.account(db, actor.userId),
      twoFactorService.enabled(db, actor.userId),
      users.assignmentsFor(actor.userId),
    ]);
    if (!user) throw unauthenticated();
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        mustChangePassword: user.mustChangePassword,
        twoFactor,
        twoFactorRequired: twoFactorMissing(actor.assignments, twoFactor),
      },
      roles,
      permissions: permissionsOf(actor),
      session: { expiresAt: expiresAt.toISOString(), idleTimeoutMinutes: config.session.idleMinutes },
    };
  }

  /**
   * One more failed password for the throttle's user name (a sign-in, or a guess of the current
   * password through a session); at the configured count the name is locked. A lock that has
   * run out starts the count afresh. Inside the caller's transaction, which holds the row.
   */
  async function countFailure(
    tx: Tx,
    throttle: { username: string; failures: number; lockedUntil: Date | null },
    audit: Audit,
    now: Date,
  ): Promise<{ locked: Date | null; remaining: number }> {
    const failures = (throttle.lockedUntil ? 0 : throttle.failures) + 1;
    if (failures < config.login.maxFailures) {
      await authRepository.setThrottle(tx, throttle.username, failures, null);
      return { locked: null, remaining: config.login.maxFailures - failures };
    }
    const until = new Date(now.getTime() + config.login.lockMinutes * 60_000);
    await authRepository.setThrottle(tx, throttle.username, 0, until);
    audit({ action: 'auth.locked', after: { until: until.toISOString() } });
    return { locked: until, remaining: 0 };
  }

  /**
   * The signed-in user's own password, asked again before a sensitive change. A wrong one counts
   * toward the same lock as a failed sign-in and is audited: a stolen session cannot guess the
   * password without limit. At the lock, the guessing session is signed out.
   */
  async function checkOwnPassword(actor: Actor, password: string, field: string): Promise<void> {
    const user = await users.account(db, actor.userId);
    if (!user) throw unauthenticated();
    const passwordOk = await verifyPassword(user.passwordHash, password);
    const refused = await audited(db, actor, async (tx, audit): Promise<Error | null> => {
      const now = new Date();
      const throttle = await authRepository.lockThrottle(tx, user.username);
      if (throttle.lockedUntil && throttle.lockedUntil > now) {
        return accountLocked(config.login.maxFailures, throttle.lockedUntil);
      }
      if (passwordOk) return null;
      audit({
        action: 'auth.password_change_failed',
        targetType: 'user',
        targetId: actor.userId,
        targetLabel: actor.username,
        after: { reason: 'wrong_current_password' },
      });
      const failure = await countFailure(tx, throttle, audit, now);
      if (!failure.locked) return wrongCurrentPassword(failure.remaining, field);
      await authRepository.revokeSession(tx, actor.sessionId, actor.userId);
      return accountLocked(config.login.maxFailures, failure.locked);
    });
    if (refused) throw refused;
  }

  return {
    /**
     * Signs in. Failed attempts are counted per username whether or not it exists, and after
     * the configured number the username is locked for a while; the answer never tells
     * whether the account exists.
     */
    async login(
      body: LoginBody,
      client: ClientInfo,
    ): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
      const username = body.username.toLowerCase();
      const user = await users.accountByUsername(db, username);
      const passwordOk = await verifyPassword(
        user?.passwordHash ?? (await dummyPasswordHash()),
        body.password,
      );
      const anonymous: AuditContext = { actorId: user?.id ?? null, actorName: username, ip: client.ip };

      const outcome = await audited(db, anonymous, async (tx, audit): Promise<LoginOutcome> => {
        const now = new Date();
        const throttle = await authRepository.lockThrottle(tx, username);
        if (throttle.lockedUntil && throttle.lockedUntil > now) {
          audit({ action: 'auth.login_failed', after: { reason: 'locked' } });
          return { ok: false, error: accountLocked(config.login.maxFailures, throttle.lockedUntil) };
        }
        if (!user || !passwordOk) {
          audit({ action: 'auth.login_failed', after: { reason: 'bad_credentials' } });
          const failure = await countFailure(tx, throttle, audit, now);
          return {
            ok: false,
            error: failure.locked
              ? accountLocked(config.login.maxFailures, failure.locked)
              : invalidCredentials(failure.remaining),
          };
        }
        if (user.disabled) {
          audit({ action: 'auth.login_failed', after: { reason: 'disabled' } });
          return { ok: false, error: accountDisabled() };
        }
        if (await twoFactorService.enabled(tx, user.id)) {
          if (!body.otp) return { ok: false, error: otpRequired() };
          if (!(await twoFactorService.accepts(tx, user.id, body.otp, audit))) {
            audit({ action: 'auth.login_failed', after: { reason: 'bad_otp' } });
            const failure = await countFailure(tx, throttle, audit, now);
            return {
              ok: false,
              error: failure.locked
                ? accountLocked(config.login.maxFailures, failure.locked)
                : otpInvalid(failure.remaining),
            };
          }
        }
        await authRepository.setThrottle(tx, username, 0, null);
        const maxAgeDays = await settings.get('auth.passwordMaxAgeDays', tx);
        if (
          maxAgeDays > 0 &&
          !user.mustChangePassword &&
          now.getTime() - user.passwordChangedAt.getTime() > maxAgeDays * DAY_MS
        ) {
          await users.requirePasswordChange(tx, user.id);
          audit({
            action: 'auth.password_expired',
            targetType: 'user',
            targetId: user.id,
            targetLabel: user.username,
            before: { passwordChangedAt: user.passwordChangedAt.toISOString() },
            after: { maxAgeDays },
          });
        }
        const token = newSessionToken();
        const session = await authRepository.insertSession(tx, {
          userId: user.id,
          tokenHash: hashSessionToken(token),
          expiresAt: new Date(now.getTime() + config.session.absoluteHours * 3_600_000),
          ip: client.ip,
          userAgent: clientKey(client.userAgent),
        });
        await users.markLogin(tx, user.id, now);
        audit({
          action: 'auth.login',
          targetType: 'session',
          targetId: session.id,
        });
        return { ok: true, userId: user.id, token };
      });
      if (!outcome.ok) throw outcome.error;
      const resolved = await this.authenticate(outcome.token, client);
      return { token: outcome.token, actor: resolved.actor, expiresAt: resolved.expiresAt };
    },

    /** Resolves a session cookie to the actor, enforcing the idle and absolute timeouts. */
    async authenticate(
      token: string,
      client: ClientInfo,
    ): Promise<{
      actor: Actor;
      expiresAt: Date;
      mustChangePassword: boolean;
      twoFactorRequired: boolean;
    }> {
      const tokenHash = hashSessionToken(token);
      const now = new Date();
      const kept = sessions.get(tokenHash, now);
      const began = sessions.begin();
      const found = kept ?? (await authRepository.findSession(runNamed, tokenHash));
      if (!found) throw unauthenticated();
      const { session, user } = found;
      if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > idleMs) {
        await db.transaction((tx) => authRepository.revokeSession(tx, session.id, user.id));
        throw sessionExpired();
      }
      if (!sameClient(session.userAgent, client.userAgent)) {
        // The cookie came from another browser than the one that signed in: taken, not carried.
        const context: AuditContext = { actorId: user.id, actorName: user.username, ip: client.ip };
        await audited(db, context, async (tx, audit) => {
          if (await authRepository.revokeSession(tx, session.id, user.id)) {
            audit({
              action: 'auth.session_rejected',
              targetType: 'session',
              targetId: String(session.id),
              after: { reason: 'client_changed' },
            });
          }
        });
        throw sessionClientChanged();
      }
      if (user.disabled) throw accountDisabled();
      if (!kept) {
        if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
          await authRepository.touchSession(db, session.id, now);
          session.lastSeenAt = now;
        }
        sessions.keep(tokenHash, found, began);
      }
      return {
        actor: {
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          sessionId: session.id,
          ip: client.ip,
          assignments: found.assignments,
          memberId: user.memberId,
        },
        expiresAt: session.expiresAt,
        mustChangePassword: user.mustChangePassword,
        twoFactorRequired: twoFactorMissing(found.assignments, found.twoFactor),
      };
    },

    me,

    async logout(actor: Actor): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        await authRepository.revokeSession(tx, actor.sessionId, actor.userId);
        audit({
          action: 'auth.logout',
          targetType: 'session',
          targetId: actor.sessionId,
        });
      });
    },

    /**
     * Changes the password and signs out every other session of the user. A wrong current
     * password counts toward the same lock as a failed sign-in and is audited: a stolen session
     * cannot guess the password without limit. At the lock, the guessing session is signed out.
     */
    async changePassword(actor: Actor, body: ChangePasswordBody): Promise<void> {
      await checkOwnPassword(actor, body.currentPassword, 'currentPassword');
      const passwordHash = await hashPassword(body.newPassword);
      await audited(db, actor, async (tx, audit) => {
        await users.setPassword(tx, actor.userId, passwordHash, false);
        const revoked = await authRepository.revokeUserSessions(tx, actor.userId, actor.sessionId);
        audit({
          action: 'auth.password_changed',
          targetType: 'user',
          targetId: actor.userId,
          targetLabel: actor.username,
          after: { otherSessionsRevoked: revoked },
        });
      });
    },

    /** Turns the second factor off: the password again, and a code of the factor itself. */
    async disableTwoFactor(actor: Actor, body: TwoFactorDisableBody): Promise<void> {
      await checkOwnPassword(actor, body.password, 'password');
      await twoFactorService.disable(actor, body);
    },

    twoFactorSetup: (actor: Actor) => twoFactorService.setup(actor),
    enableTwoFactor: (actor: Actor, body: TwoFactorEnableBody) => twoFactorService.enable(actor, body),

    async listSessions(actor: Actor): Promise<SessionResponse[]> {
      const now = new Date();
      const rows = await authRepository.listOpenSessions(
        db,
        actor.userId,
        now,
        new Date(now.getTime() - idleMs),
      );
      return rows.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        ip: s.ip,
        userAgent: s.userAgent,
        current: s.id === actor.sessionId,
      }));
    },

    /**
     * Deletes sessions that expired or were revoked more than ENDED_SESSIONS_KEPT_DAYS ago (the
     * auth.session_purge job); returns how many.
     */
    purgeSessions(now: Date = new Date()): Promise<number> {
      return authRepository.purgeSessions(
        db,
        new Date(now.getTime() - ENDED_SESSIONS_KEPT_DAYS * 86_400_000),
      );
    },

    async revokeSession(actor: Actor, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        if (!(await authRepository.revokeSession(tx, id, actor.userId))) throw sessionNotFound();
        audit({
          action: 'auth.session_revoked',
          targetType: 'session',
          targetId: id,
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
