import type { z } from 'zod';
import { AppError } from './errors';

/**
 * Keyset page cursors: the last row's sort values, as base64url JSON. A cursor comes back from
 * the client, so it is decoded as a contract: anything but the tuple its list wrote (wrong
 * types, ids beyond the column, text the database cannot hold) is a 400, never a query.
 */

export const invalidCursor = () =>
  new AppError(400, 'INVALID_CURSOR', '分页游标无效，请从第一页重新查询', [
    { path: 'cursor', message: '游标无效' },
  ]);

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(raw: string, tuple: T): z.output<T> {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(raw)) throw invalidCursor();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = tuple.safeParse(json);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}
