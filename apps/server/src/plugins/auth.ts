import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { unauthenticated } from '../lib/errors';
import type { AuthService } from '../modules/auth/auth.service';
import { SESSION_COOKIE } from '../modules/auth/auth.session';
import { type Actor, PasswordChangeRequired } from '../policy/policy';

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

/**
 * Resolves the session cookie of every API request before validation or handler run:
 * a route without `public` answers 401 without a valid session.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpiresAt', null);
  app.addHook('onRequest', async (request) => {
    const { config, url: route } = request.routeOptions;
    // Decided by the matched route, not the raw URL, which may be percent-encoded (`/%61pi/...`).
    if (!route?.startsWith('/api/v1/') || config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const { actor, expiresAt, mustChangePassword } = await opts.auth.authenticate(token, clientOf(request));
    request.actor = actor;
    request.sessionExpiresAt = expiresAt;
    if (mustChangePassword && !config.beforePasswordChange) throw new PasswordChangeRequired();
  });
});
