import { z } from 'zod';
import { DateTime } from './common/dates';
import { QueryInt } from './common/ids';
import { Text } from './common/text';

export const AuditQuery = z.object({
  actor: Text('操作人', { max: 64 }).optional(),
  action: Text('操作类型', { max: 64 }).optional(),
  targetType: Text('对象类型', { max: 32 }).optional(),
  targetId: Text('对象编号', { max: 64 }).optional(),
  from: DateTime('起始时间').optional(),
  to: DateTime('结束时间').optional(),
  limit: QueryInt('每页条数', 1, 200).default(50),
  /** Keyset cursor: the seq (log order) of the last row of the previous page. */
  before: QueryInt('分页位置', 1, Number.MAX_SAFE_INTEGER).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryResponse = z.object({
  /** The entry's number in the log's order (numbers of rolled-back writes are skipped). */
  seq: z.number().int(),
  /** The hash chain the entry is in, and its place there (1, 2, 3… without gaps). */
  lane: z.number().int(),
  laneSeq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  /** The account's username as logged at the time (for a failed sign-in: the name typed). */
  actorName: z.string().nullable(),
  /** The account's display name now; null when the entry has no account (or it is gone). */
  actorDisplayName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryResponse = z.infer<typeof AuditEntryResponse>;

export const AuditListResponse = z.object({
  items: z.array(AuditEntryResponse),
  nextCursor: z.number().int().nullable(),
});
export type AuditListResponse = z.infer<typeof AuditListResponse>;

export const AuditVerifyResponse = z.object({
  status: z.enum(['intact', 'broken']),
  /** Rows found intact: all of them, or when broken those before the break in each chain. */
  rows: z.number().int(),
  /** How many hash chains (lanes) the log holds. */
  lanes: z.number().int(),
  /** The earliest broken row (by seq) over all chains, and its chain. */
  firstBrokenSeq: z.number().int().nullable(),
  firstBrokenLane: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
