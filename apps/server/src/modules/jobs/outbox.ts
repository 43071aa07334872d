import type { Executor, Store } from '../../db/client';
import { failureText } from './jobs.errors';
import { outboxRepository } from './outbox.repository';

/**
 * The outbox's topics and their payloads, by declaration merging: a module that enqueues work
 * declares its topic here (`declare module '../jobs/outbox' { interface OutboxTopics { … } }`).
 * Payloads are JSON, and name records by id: no personal data.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules that enqueue work.
export interface OutboxTopics {}

/** What handles one topic: contributed by a module to the `jobs.outboxHandlers` extension point. */
export interface OutboxHandler<
  T extends object = OutboxTopics,
  K extends keyof T & string = keyof T & string,
> {
  topic: K;
  /**
   * Does the work of one item inside the drain's transaction (a savepoint): what it writes
   * commits together with the item marked done, and is undone if it throws.
   */
  handle(tx: Executor, payload: T[K]): Promise<void>;
}

/** A handler of any one of the topics. */
export type AnyOutboxHandler<T extends object = OutboxTopics> = {
  [K in keyof T & string]: OutboxHandler<T, K>;
}[keyof T & string];

/** A typed handler for a module's contribution. */
export function outboxHandler<K extends keyof OutboxTopics & string>(
  topic: K,
  handle: (tx: Executor, payload: OutboxTopics[K]) => Promise<void>,
): AnyOutboxHandler {
  return { topic, handle } as AnyOutboxHandler;
}

/** The wait before an item is tried again after its n-th failure: 5 s, doubling, at most an hour. */
export function outboxBackoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface DrainResult {
  /** Items done. */
  done: number;
  /** Items that failed this time (each tried again after its backoff). */
  failed: { id: number; topic: string; error: string }[];
}

export interface OutboxDeps<T extends object> {
  store: Pick<Store, 'db'>;
  handlers: () => readonly AnyOutboxHandler<T>[];
  /** Items locked per transaction. */
  batchSize?: number;
  /** Transactions per drain at most; what is left waits for the next drain. */
  maxBatches?: number;
}

/**
 * Work that must wait for a commit: `enqueue` writes an item in the caller's transaction, so it
 * exists exactly when the change does; `drain` (the jobs.outbox_drain job, every 5 seconds)
 * does the due items, each at most once at a time across instances (rows locked with
 * `for update skip locked`), marks them done, and on failure keeps the error and sets the next
 * try after a backoff.
 */
export function createOutbox<T extends object = OutboxTopics>({
  store,
  handlers,
  batchSize = 50,
  maxBatches = 20,
}: OutboxDeps<T>) {
  const db = store.db;
  const handlerOf = (topic: string) => handlers().find((h) => h.topic === topic);

  return {
    /** Adds an item inside the caller's transaction; returns its id. */
    enqueue<K extends keyof T & string>(tx: Executor, topic: K, payload: T[K]): Promise<number> {
      return outboxRepository.insert(tx, topic, payload);
    },

    /** Does the items due by `now`, a batch per transaction, until none is left (or maxBatches). */
    async drain(now: Date = new Date()): Promise<DrainResult> {
      const result: DrainResult = { done: 0, failed: [] };
      for (let batch = 0; batch < maxBatches; batch++) {
        const taken = await db.transaction(async (tx) => {
          const items = await outboxRepository.lockDue(tx, now, batchSize);
          for (const item of items) {
            const handler = handlerOf(item.topic);
            try {
              if (!handler) throw new Error(`没有模块处理「${item.topic}」类待办`);
              await tx.transaction((savepoint) => handler.handle(savepoint, item.payload as never));
              await outboxRepository.markDone(tx, item.id, new Date());
              result.done++;
            } catch (error) {
              const text = failureText(error);
              const retryAt = new Date(now.getTime() + outboxBackoffMs(item.attempts + 1));
              await outboxRepository.markFailed(tx, item.id, text, retryAt);
              result.failed.push({ id: item.id, topic: item.topic, error: text });
            }
          }
          return items.length;
        });
        if (taken < batchSize) break;
      }
      return result;
    },
  };
}

export type Outbox<T extends object = OutboxTopics> = ReturnType<typeof createOutbox<T>>;
