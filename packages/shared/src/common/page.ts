import { z } from 'zod';
import { QueryInt } from './ids';

/**
 * Lists are paged by keyset: a page is its items and the cursor of the next page (null at the
 * end). A cursor is opaque text the server wrote (`PageCursor`) or, for lists in the order of a
 * growing id, that id (`SeqCursor`).
 */
export function pageOf<T extends z.ZodType, C extends z.ZodType>(item: T, cursor: C) {
  return z.object({ items: z.array(item), nextCursor: cursor.nullable() });
}

/** How many items a page holds: 1 to `max`, `fallback` when absent. */
export const PageLimit = (max: number, fallback: number) => QueryInt('每页条数', 1, max).default(fallback);

/** A cursor the server wrote; the client sends it back untouched (lib/cursor.ts decodes it). */
export const PageCursor = z.string().max(400, '分页游标无效').meta({ format: 'page-cursor' });

/** The id of the last item of the previous page, for lists newest first by a growing id. */
export const SeqCursor = QueryInt('分页位置', 1, Number.MAX_SAFE_INTEGER);
