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
      return new URL(origin).host !== request.headers.host;
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
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (isCrossSite(request)) throw new AppError(403, 'CSRF_REJECTED', '跨站请求已被拒绝');
  });
});
