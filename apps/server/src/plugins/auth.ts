import type { Action } from '@ningxin/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { unauthenticated } from '../lib/errors';
import type { AuthService } from '../modules/auth/auth.service';
import { SESSION_COOKIE } from '../modules/auth/auth.session';
import { type Actor, assertHolds, PasswordChangeRequired, TwoFactorRequired } from '../policy/policy';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpiresAt: Date | null;
  }
  interface FastifyContextConfig {
    /** Open without a session (sign-in, health). */
    public?: boolean;
    /** Open to a user who must change the password first (me, logout, change password). */
    beforePasswordChange?: boolean;
    /** Open to an administrator who must turn on the second factor first (its setup). */
    beforeTwoFactor?: boolean;
    /**
     * What the route needs: an action the actor must hold in some scope (the service then checks
     * the scope of the record), or 'session' for any signed-in user. Every /api/v1 route that is
     * not public declares one; the OpenAPI document shows it as `x-permission`.
     */
    permission?: Action | 'session';
  }
}

/** The signed-in actor of a request whose route requires a session. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export function clientOf(request: FastifyRequest) {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

/** The permission a route declares; throws at start-up for an /api/v1 route that declares none. */
function declaredPermission(url: string, config: { public?: boolean; permission?: string } | undefined) {
  if (!url.startsWith('/api/v1/') || config?.public) return null;
  if (!config?.permission) throw new Error(`route ${url} declares no permission (config.permission)`);
  return config.permission;
}

/**
 * Resolves the session cookie of every API request before validation or handler run:
 * a route without `public` answers 401 without a valid session, and 403 when the actor holds
 * the route's declared permission in no scope.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService }) => {
  app.addHook('onRoute', (route) => {
    const permission = declaredPermission(route.url, route.config);
    if (permission) route.schema = { ...route.schema, 'x-permission': permission } as typeof route.schema;
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpiresAt', null);
  app.addHook('onRequest', async (request) => {
    const { config, url: route } = request.routeOptions;
    // Decided by the matched route, not the raw URL, which may be percent-encoded (`/%61pi/...`).
    if (!route?.startsWith('/api/v1/') || config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const { actor, expiresAt, mustChangePassword, twoFactorRequired } = await opts.auth.authenticate(
      token,
      clientOf(request),
    );
    request.actor = actor;
    request.sessionExpiresAt = expiresAt;
    if (mustChangePassword && !config.beforePasswordChange) throw new PasswordChangeRequired();
    if (twoFactorRequired && !config.beforePasswordChange && !config.beforeTwoFactor)
      throw new TwoFactorRequired();
    if (config.permission && config.permission !== 'session') assertHolds(actor, config.permission);
  });
});
