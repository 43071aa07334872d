/**
 * Domain events inside the process, published inside the transaction of the change they
 * report: every subscriber runs in that transaction, so the change and all it causes commit or
 * roll back together (a meeting marked attended and the member's activity entry; an org moved
 * and its members' paths). Work that must wait for the commit (a message to an inbox) is put in
 * the outbox by a subscriber, in the same transaction, and done after it (modules/jobs).
 *
 * A module declares the events it publishes by declaration merging on `DomainEvents`; another
 * subscribes in its module definition. Modules never read each other's tables.
 */
import type { Executor } from '../db/client';

// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules that publish events.
export interface DomainEvents {}
export type EventName = keyof DomainEvents;

export type EventHandler<K extends EventName> = (tx: Executor, payload: DomainEvents[K]) => Promise<void>;

export interface EventBus {
  /** Runs every subscriber of the event inside the caller's transaction, in subscription order. */
  publish<K extends EventName>(tx: Executor, name: K, payload: DomainEvents[K]): Promise<void>;
  subscribe<K extends EventName>(name: K, handler: EventHandler<K>): void;
}

export function createEventBus(): EventBus {
  const handlers = new Map<string, EventHandler<never>[]>();
  return {
    async publish(tx, name, payload) {
      for (const handler of handlers.get(name) ?? [])
        await (handler as EventHandler<typeof name>)(tx, payload);
    },
    subscribe(name, handler) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler as EventHandler<never>]);
    },
  };
}
