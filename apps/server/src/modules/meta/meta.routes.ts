import { CITIES, DivisionsResponse, ProblemResponse } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Code tables the UI needs, chosen by the home and host city settings. */
export const metaRoutes: FastifyPluginAsyncZod<{ homeCity: string; hostCity: string }> = async (
  app,
  opts,
) => {
  const pick = (code: string) => {
    const city = CITIES[code]!;
    return { code: city.code, name: city.name, divisions: [...city.divisions] };
  };
  app.get(
    '/divisions',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['代码表 meta'],
        summary: '流出地、流入地区划代码表',
        response: { 200: DivisionsResponse, 401: ProblemResponse },
      },
    },
    async () => ({ home: pick(opts.homeCity), host: pick(opts.hostCity) }),
  );
};
