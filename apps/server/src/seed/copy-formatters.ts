import { entryFile } from '../lib/entry-file';
import type { CryptoSuite, FieldCrypto } from '../lib/field-crypto';
import { cryptoWorkers } from '../lib/worker-pool';
import { createPinyinCache, formatCopyBatch } from './demo-member-rows';
import type { DemoMember } from './demo-members';

/** Turns members into COPY text: in this thread, or in worker threads. */
export interface CopyFormatter {
  /** How many batches to keep in flight. */
  depth: number;
  format(firstId: number, members: DemoMember[]): Promise<{ members: string; events: string }>;
  close(): Promise<void>;
}

export function inThreadFormatter(crypto: FieldCrypto): CopyFormatter {
  const pinyin = createPinyinCache();
  return {
    depth: 1,
    format: async (firstId, members) => formatCopyBatch(crypto, pinyin, firstId, members),
    close: async () => {},
  };
}

/**
 * Worker threads that encrypt and format (AES-GCM and HMAC are ~70% of a row's cost); they need
 * the master key, as the FieldCrypto of this thread cannot be handed over.
 */
export function workerFormatter(masterKey: Buffer, count: number, suite: CryptoSuite): CopyFormatter {
  const pool = cryptoWorkers(masterKey, suite, count).pool<
    { firstId: number; members: DemoMember[] },
    { members: string; events: string }
  >(entryFile('./demo-member-worker.ts', import.meta.url))!;
  return {
    depth: count * 2,
    format: (firstId, members) => pool.run({ firstId, members }),
    close: () => pool.close(),
  };
}
