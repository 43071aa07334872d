import { z } from 'zod';

/** A field at fault in a rejected request: a dotted path and what is wrong with it. */
export const ProblemField = z.object({
  path: z.string(),
  message: z.string(),
});

/** Every 4xx/5xx body (RFC 9457 problem+json) carries a stable code and a Chinese message. */
export const ProblemResponse = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    message: z.string(),
    fields: z.array(ProblemField).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Problem' });

export type ProblemResponse = z.infer<typeof ProblemResponse>;
export type ProblemField = z.infer<typeof ProblemField>;

/** The standard error responses of an authenticated route, for OpenAPI. */
export const standardErrors = {
  400: ProblemResponse,
  401: ProblemResponse,
  403: ProblemResponse,
  404: ProblemResponse,
  409: ProblemResponse,
} as const;
