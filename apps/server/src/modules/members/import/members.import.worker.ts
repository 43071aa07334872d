/**
 * A worker thread of the import's check (lib/worker-pool): makes a batch of clean rows into the
 * stage's COPY text, with a FieldCrypto of its own built from the master key it was given.
 */
import { workerData } from 'node:worker_threads';
import { createFieldCrypto } from '../../../lib/field-crypto';
import type { CryptoWorkerData } from '../../../lib/worker-pool';
import { type StageBatch, stageCopyText } from './members.import.stage-text';

const { masterKey, suite } = workerData.data as CryptoWorkerData;
const crypto = createFieldCrypto(Buffer.from(masterKey), suite);

export default function stageBatch(batch: StageBatch): string {
  return stageCopyText(crypto, batch);
}
