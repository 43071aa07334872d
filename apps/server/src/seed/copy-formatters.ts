import { Worker } from 'node:worker_threads';
import type { CryptoSuite, FieldCrypto } from '../lib/field-crypto';
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
  type Reply = { seq: number; members: string; events: string; error?: string };
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let broken: Error | null = null;
  const fail = (err: Error) => {
    broken ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  // The worker is TypeScript: it registers tsx's loader first, as a worker does not inherit it.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./demo-member-worker.ts', import.meta.url).href)}); });`;
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: { masterKey: new Uint8Array(masterKey), suite },
    });
    worker.on('message', (reply: Reply) => {
      const p = pending.get(reply.seq);
      pending.delete(reply.seq);
      if (reply.error) p?.reject(new Error(reply.error));
      else p?.resolve(reply);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`A bulk-load worker stopped (exit code ${code})`));
    });
    return worker;
  });
  let seq = 0;
  let closing = false;
  return {
    depth: count * 2,
    format(firstId, members) {
      const job = seq++;
      return new Promise((resolve, reject) => {
        if (broken) return reject(broken);
        pending.set(job, { resolve, reject });
        workers[job % count]!.postMessage({ seq: job, firstId, members });
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      broken ??= new Error('closed');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
