import { z } from 'zod';

/** One side's city and its divisions, as `GET /meta/divisions` answers. */
export const CityDivisionsResponse = z.object({
  code: z.string(),
  name: z.string(),
  divisions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type CityDivisionsResponse = z.infer<typeof CityDivisionsResponse>;

/** The configured home city (流出地) and host city (流入地), with their divisions. */
export const DivisionsResponse = z.object({ home: CityDivisionsResponse, host: CityDivisionsResponse });
export type DivisionsResponse = z.infer<typeof DivisionsResponse>;
