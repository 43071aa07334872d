import { parentPort, workerData } from 'node:worker_threads';
import { type CryptoSuite, createFieldCrypto } from '../lib/field-crypto';
import { createPinyinCache, formatCopyBatch } from './demo-member-rows';
import type { DemoMember } from './demo-members';

/**
 * A worker of the bulk load: turns generated members into COPY text (encryption, keyed hashes,
 * pinyin), the costly part of a row, while the main thread generates and streams.
 */
const crypto = createFieldCrypto(
  Buffer.from(workerData.masterKey as Uint8Array),
  workerData.suite as CryptoSuite,
);
const pinyin = createPinyinCache();

parentPort!.on('message', (job: { seq: number; firstId: number; members: DemoMember[] }) => {
  try {
    const text = formatCopyBatch(crypto, pinyin, job.firstId, job.members);
    parentPort!.postMessage({ seq: job.seq, ...text });
  } catch (err) {
    parentPort!.postMessage({ seq: job.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
