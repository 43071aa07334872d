import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from './errors';

/**
 * Protections of routes open to anyone (`config: { public: true }` under /api/v1/public): the
 * places where strangers write to the system.
 *
 * - `publicGuard(app, …)` in a routes plugin: every route of that plugin counts against one
 *   per-address budget; a route may add a stricter budget of its own with
 *   `config: { rateLimit: { max, timeWindow } }` (both apply).
 * - `keyedLimit(…)` as a route's preHandler: a budget per value of the validated body (a phone's
 *   keyed hash), so one person cannot be flooded with submissions from many addresses.
 * - `PUBLIC_BODY_LIMIT` as the route's `bodyLimit`: a form is a few hundred bytes.
 *
 * Over budget: 429 problem+json `TOO_MANY_REQUESTS` with a Chinese message and Retry-After.
 * The counts are kept in memory per instance (@fastify/rate-limit's LRU store): behind N
 * instances an address gets at most N times the budget, which still turns a flood into a
 * trickle without a database write on every request. The address is the socket's, or the
 * proxy's X-Forwarded-For when TRUST_PROXY is set.
 */

export interface Limit {
  max: number;
  /** Milliseconds. */
  timeWindow: number;
}

/** A public form's body limit: 8 KB (a larger body answers 413 before it is read). */
export const PUBLIC_BODY_LIMIT = 8 * 1024;

export const tooManyRequests = (seconds: number) =>
  new AppError(429, 'TOO_MANY_REQUESTS', `操作过于频繁，请 ${Math.max(1, seconds)} 秒后再试`, undefined, {
    retryAfter: Math.max(1, seconds),
  });

export async function publicGuard(app: FastifyInstance, opts: { perAddress: Limit }): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => tooManyRequests(Math.ceil(context.ttl / 1000)),
  });
  const perAddress = app.createRateLimit({
    ...opts.perAddress,
    keyGenerator: (request: FastifyRequest) => `public:${request.ip}`,
  });
  app.addHook('onRequest', async (request, reply) => {
    const r = await perAddress(request);
    if (!r.isAllowed && r.isExceeded) {
      reply.header('retry-after', r.ttlInSeconds);
      throw tooManyRequests(r.ttlInSeconds);
    }
  });
}

/**
 * A budget per key taken from the validated request (after the body's own checks): `key`
 * returns null to skip a request. Distinct `name`s keep budgets apart.
 */
export function keyedLimit(
  app: FastifyInstance,
  opts: Limit & { name: string; key: (request: FastifyRequest) => string | null },
): preHandlerAsyncHookHandler {
  const limiter = app.createRateLimit({
    max: opts.max,
    timeWindow: opts.timeWindow,
    keyGenerator: (request: FastifyRequest) => `${opts.name}:${opts.key(request) ?? ''}`,
  });
  return async (request, reply) => {
    if (opts.key(request) === null) return;
    const r = await limiter(request);
    if (!r.isAllowed && r.isExceeded) {
      reply.header('retry-after', r.ttlInSeconds);
      throw tooManyRequests(r.ttlInSeconds);
    }
  };
}
