import { CITIES, ProblemResponse } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const CityResponse = z.object({
  code: z.string(),
  name: z.string(),
  divisions: z.array(z.object({ code: z.string(), name: z.string() })),
});
const DivisionsResponse = z.object({ home: CityResponse, host: CityResponse });

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
