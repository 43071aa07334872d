/**
 * The COPY text of a batch of clean rows for the stage (members.import.stages.repository): each
 * made into the members row the commit inserts (pinyin, personal data encrypted, hashed, masked).
 * Pure, and the costly part of a row: it runs in the check's thread or in a worker thread
 * (members.import.worker), with the same result.
 */
import type { MemberCreateBody } from '@ningxin/shared';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { memberCopyLine } from '../record/members.copy';
import { memberRowOf, type ParsedId } from '../record/members.record';

export interface StageBatch {
  stageId: string;
  /** The number of the stage's rows before this batch: its rows are numbered on from n0 + 1. */
  n0: number;
  /** The day the check runs (the rows' status date until the commit sets its own). */
  today: string;
  rows: { row: number; body: MemberCreateBody; id: ParsedId; orgPath: string }[];
}

/** The lines of `COPY member_import_stage_rows (stage_id, row, n, …members' columns)`. */
export function stageCopyText(crypto: FieldCrypto, batch: StageBatch): string {
  let lines = '';
  let n = batch.n0;
  for (const { row, body, id, orgPath } of batch.rows) {
    const member = memberRowOf(crypto, body, id, { id: body.orgId, path: orgPath }, batch.today);
    lines += `${batch.stageId}\t${row}\t${memberCopyLine(++n, member)}`;
  }
  return lines;
}
