import {
  ACTIVITY_KINDS,
  ActivityKind,
  activityQuantityIssue,
  IsoDate,
  RecordId,
  Text,
} from '@ningxin/shared';
import { z } from 'zod';
import { invalidEntry } from './activity.errors';

/**
 * What a module records in the ledger, inside the transaction of its own record. The unit
 * follows from the kind; the org is the member's placement now, unless the caller knows it.
 */
export const ActivityEntry = z
  .object({
    memberId: RecordId('党员'),
    kind: ActivityKind,
    occurredOn: IsoDate('发生日期'),
    /** In the kind's unit (fen for money); 1 when not given. */
    quantity: z.number().default(1),
    /** The module that owns the record behind the entry (`life`, `members`). */
    sourceModule: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '来源模块应为模块名'),
    /** The record behind the entry, unique among the module's records of this kind and member. */
    sourceId: z
      .union([z.string(), z.number().int().min(0)])
      .transform(String)
      .pipe(z.string().regex(/^[\x21-\x7e]{1,100}$/, '来源编号应为 1–100 个可见 ASCII 字符')),
    /** A short description for the timeline: the meeting's topic, the status change's reason. */
    title: Text('标题', { min: 1, max: 500, multiline: true }),
    /** The member's org when it happened, if the caller has it at hand. */
    org: z
      .object({ id: RecordId('党组织'), path: z.string().regex(/^\d+(\.\d+)*$/, '组织路径无效') })
      .optional(),
  })
  .superRefine((e, ctx) => {
    const issue = activityQuantityIssue(ACTIVITY_KINDS[e.kind].unit, e.quantity);
    if (issue) ctx.addIssue({ code: 'custom', path: ['quantity'], message: issue });
  });
export type ActivityEntryInput = z.input<typeof ActivityEntry>;
export type ActivityEntry = z.output<typeof ActivityEntry>;

/** The entry checked and normalized; a caller's mistake throws, naming the fields. */
export function checkedEntry(entry: ActivityEntryInput): ActivityEntry {
  const parsed = ActivityEntry.safeParse(entry);
  if (parsed.success) return parsed.data;
  throw invalidEntry(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

/** One row per source record, member and kind: the last of repeated entries wins. */
export function uniqueEntries<
  T extends Pick<ActivityEntry, 'sourceModule' | 'sourceId' | 'kind' | 'memberId'>,
>(entries: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const e of entries) byKey.set(JSON.stringify([e.sourceModule, e.sourceId, e.kind, e.memberId]), e);
  return [...byKey.values()];
}

/** The quantity as the numeric column takes it. */
export const quantityText = (quantity: number) => quantity.toFixed(2);
