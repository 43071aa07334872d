/**
 * The staging of a check's clean rows, batch by batch, in order: each batch made into COPY text
 * (members.import.stage-text) in this thread or, from the second batch on, in a worker thread
 * (a file of one batch is not worth a thread), and written in order while the next batches are
 * read and made.
 */
import type { Db } from '../../../db/client';
import type { FieldCrypto } from '../../../lib/field-crypto';
import type { WorkerPool } from '../../../lib/worker-pool';
import type { CleanRow } from './members.import.scan';
import { type StageBatch, stageCopyText } from './members.import.stage-text';
import { stageRepository } from './members.import.stages.repository';

export type StagePool = WorkerPool<StageBatch, string>;

export function createStager(deps: {
  db: Db;
  crypto: FieldCrypto;
  pool: StagePool | null;
  stageId: string;
  today: string;
  /** The path of each org rows may go to. */
  paths: ReadonlyMap<number, string>;
}) {
  const { db, crypto, pool, stageId, today, paths } = deps;
  /** Batches made or written while the next ones are read: one per thread and one more. */
  const depth = pool ? pool.threads * 2 : 0;
  const inFlight: Promise<void>[] = [];
  let lastWrite: Promise<void> = Promise.resolve();
  let rows = 0;

  return {
    /** How many rows were handed over. */
    get rows() {
      return rows;
    },

    /** Takes a batch; returns once few enough batches are still being made or written. */
    async add(clean: CleanRow[]): Promise<void> {
      const batch: StageBatch = {
        stageId,
        n0: rows,
        today,
        rows: clean.map(({ row, body, id }) => ({ row, body, id, orgPath: paths.get(body.orgId)! })),
      };
      const text: Promise<string> =
        pool && rows > 0 ? pool.run(batch) : new Promise((resolve) => resolve(stageCopyText(crypto, batch)));
      rows += clean.length;
      const previous = lastWrite;
      const write = (async () => {
        const lines = await text;
        await previous;
        await stageRepository.addText(db, lines);
      })();
      write.catch(() => undefined); // awaited in order, below or in `done`
      lastWrite = write;
      inFlight.push(write);
      while (inFlight.length > depth) await inFlight.shift();
    },

    /** Waits for every batch to be written; throws the first failure. */
    async done(): Promise<void> {
      while (inFlight.length > 0) await inFlight.shift();
    },

    /** Waits until nothing is being made or written any more (before the stage is dropped). */
    async settled(): Promise<void> {
      await Promise.allSettled(inFlight);
    },
  };
}
