/** The PostgreSQL error behind a driver or Drizzle error, if any. */
function pgError(err: unknown): { code?: string; constraint?: string } | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return candidate as { code: string; constraint?: string };
    }
    e = candidate.cause;
  }
  return undefined;
}

/** Whether the error is a unique violation (of the named constraint or index, if given). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgError(err);
  if (pg?.code !== '23505') return false;
  return constraint === undefined || pg.constraint === undefined || pg.constraint === constraint;
}
