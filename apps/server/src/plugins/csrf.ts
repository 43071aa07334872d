import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Same-origin check for state-changing requests (OWASP's "verifying origin with standard
 * headers"): a browser sends Origin (or at least Sec-Fetch-Site) on every cross-site POST, so
 * a request that names another origin is refused. Requests without either header come from
 * non-browser clients, which cannot carry a victim's cookie.
 */
export function isCrossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    try {
      const from = new URL(origin);
      // Parsed with the origin's scheme, so that a default port (`:80`, `:443`) in Host, which
      // some proxies add, compares equal. Behind a trusted proxy, request.host is X-Forwarded-Host.
      return from.host !== new URL(`${from.protocol}//${request.host}`).host;
    } catch {
      return true;
    }
  }
  if (origin === 'null') return true;
  const site = request.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

export const csrfPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (request) => {
    // Decided by the matched route, not the raw URL, which may be percent-encoded (`/%61pi/...`).
    const route = request.routeOptions.url ?? request.url;
    if (SAFE_METHODS.has(request.method) || !route.startsWith('/api/')) return;
    if (isCrossSite(request)) throw new AppError(403, 'CSRF_REJECTED', '跨站请求已被拒绝');
  });
});
