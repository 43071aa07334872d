/**
 * The write of an import's validated rows inside the commit's transaction: ids reserved, each
 * row made into its record (pinyin, personal data encrypted) and sent by COPY a batch at a
 * time, then every new member's first event. On PostgreSQL the server inserts one batch while
 * the next is being made.
 */
import type { Executor } from '../../../db/client';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { memberCopyLine } from '../record/members.copy';
import { memberRowOf } from '../record/members.record';
import { type FirstEvent, memberImportRepository } from './members.import.repository';
import type { Spool } from './members.import.spool';

export interface WriteOptions {
  batchSize: number;
  /** The day the records start (YYYY-MM-DD). */
  today: string;
  /** The path of an org rows are placed in, read inside the transaction; throws if it may not be used. */
  orgPath(orgId: number): Promise<string>;
  event: { reason: string; actorId: number | null; actorName: string | null };
  /** Told after each full batch how many rows were sent; may throw to stop (the commit rolls back). */
  onBatch(written: number): void;
}

/** Writes every row of the spool; returns the first status event of each member added. */
export async function writeSpooled(
  tx: Executor,
  crypto: FieldCrypto,
  spool: Spool,
  opts: WriteOptions,
): Promise<FirstEvent[]> {
  const ids = await memberImportRepository.reserveIds(tx, spool.count);
  // Every query before the COPY: the connection serves nothing else until the COPY ends.
  const paths = new Map<number, string>();
  for (const orgId of spool.orgIds) paths.set(orgId, await opts.orgPath(orgId));
  const copy = memberImportRepository.copyMembers(tx);
  let written = 0;
  try {
    for await (const batch of spool.batches(opts.batchSize)) {
      let lines = '';
      for (const { body, id } of batch) {
        const org = { id: body.orgId, path: paths.get(body.orgId)! };
        lines += memberCopyLine(ids[written++]!, memberRowOf(crypto, body, id, org, opts.today));
      }
      await copy.write(lines);
      if (batch.length === opts.batchSize) opts.onBatch(written);
    }
    await copy.end();
  } catch (err) {
    await copy.abort(err as Error);
    throw err;
  }
  if (written !== ids.length) throw new Error(`import wrote ${written} of ${ids.length} rows`);
  return memberImportRepository.insertFirstEvents(tx, ids, {
    toStatus: 'active',
    effectiveDate: opts.today,
    ...opts.event,
  });
}
