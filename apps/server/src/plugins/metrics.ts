import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Metrics } from '../lib/metrics';
import { routeLabel } from '../lib/metrics';
import { problemCodeOf, sendProblem } from './error-handler';

export interface MetricsPluginOptions {
  metrics: Metrics;
  /** The bearer token /metrics asks for; unset, /metrics answers 404 and nothing is measured. */
  token: string | undefined;
}

/** Whether an Authorization header bears the token, compared in constant time. */
export function bearsToken(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  // Both sides hashed first: equal lengths for timingSafeEqual, and no early exit on length.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m?.[1] ?? ''), digest(token));
}

/**
 * `/metrics` in Prometheus text format, outside /api/v1 (no session, no CSRF, not in the API
 * document), behind a bearer token; and the timing of every request by its route pattern.
 */
export const metricsPlugin = fp(async (app: FastifyInstance, { metrics, token }: MetricsPluginOptions) => {
  if (token) {
    app.addHook('onResponse', async (request, reply) => {
      metrics.observeRequest({
        method: request.method,
        route: routeLabel(request.routeOptions.url, request.url),
        status: reply.statusCode,
        seconds: reply.elapsedTime / 1000,
        ...(reply.statusCode >= 400 ? { code: problemCodeOf(reply) ?? 'NONE' } : {}),
      });
    });
  }

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (!token)
      return sendProblem(reply, { status: 404, code: 'NOT_FOUND', message: '接口不存在：GET /metrics' });
    if (!bearsToken(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(reply, { status: 401, code: 'UNAUTHENTICATED', message: '需要有效的监控令牌' });
    }
    reply.header('cache-control', 'no-store');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
});
