import { workerData } from 'node:worker_threads';
import { createFieldCrypto } from '../lib/field-crypto';
import type { CryptoWorkerData } from '../lib/worker-pool';
import { createPinyinCache, formatCopyBatch } from './demo-member-rows';
import type { DemoMember } from './demo-members';

/**
 * A worker of the bulk load (lib/worker-pool): turns generated members into COPY text
 * (encryption, keyed hashes, pinyin), the costly part of a row, while the main thread generates
 * and streams.
 */
const { masterKey, suite } = workerData.data as CryptoWorkerData;
const crypto = createFieldCrypto(Buffer.from(masterKey), suite);
const pinyin = createPinyinCache();

export default function formatBatch(job: { firstId: number; members: DemoMember[] }) {
  return formatCopyBatch(crypto, pinyin, job.firstId, job.members);
}
