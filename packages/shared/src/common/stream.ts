import { z } from 'zod';

/**
 * Long work answers with a progress stream (application/x-ndjson): one JSON object a line —
 * progress as it goes, then the report, or an error (a problem's status, code and message) once
 * the stream has begun. The server writes these lines and the web reads them with the same types.
 */
export const ProgressLine = z.object({
  type: z.literal('progress'),
  /** What the work is doing now (validate, commit …). */
  phase: z.string(),
  processed: z.number().int(),
  /** The whole, when it is known. */
  total: z.number().int().optional(),
});
export type ProgressLine = z.infer<typeof ProgressLine>;

export const ErrorLine = z.object({
  type: z.literal('error'),
  status: z.number().int(),
  code: z.string(),
  message: z.string(),
});
export type ErrorLine = z.infer<typeof ErrorLine>;

/** The lines of a stream whose work ends with `report`. */
export function streamLineOf<R extends z.ZodObject>(report: R) {
  return z.discriminatedUnion('type', [
    ProgressLine,
    report.extend({ type: z.literal('report') }),
    ErrorLine,
  ]);
}

export const NDJSON = 'application/x-ndjson';
