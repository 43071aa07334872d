import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The notification channels (PostgreSQL LISTEN/NOTIFY) the store listens on, on every connection
 * it opens. Their notifications come from triggers in the migrations.
 * - `nx_auth_changed`: a session ended, or its user's account, roles or second factor changed
 *   (payload: the user's id), or an org moved (payload `*`). See modules/auth's session cache.
 */
export const CHANNELS = ['nx_auth_changed'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * What a listener is told: each payload as its transaction commits, and whether the store is
 * listening at all. While it is not (its connection was lost and is being opened again)
 * notifications are missed, so whoever keeps anything on their strength must stop trusting it
 * until `listening(true)` comes again.
 *
 * A transaction's own notifications reach this process before its commit returns: every
 * connection listens, and PostgreSQL delivers a session's own notifications with its COMMIT.
 * Another instance's arrive a moment after their commit.
 */
export interface ChannelHandlers {
  message(payload: string): void;
  listening(on: boolean): void;
}

/** Subscribes to a channel; the returned function ends the subscription. */
export type Listen = (channel: Channel, handlers: ChannelHandlers) => Promise<() => Promise<void>>;

/** The store's side: subscriptions by channel, and what the connections hear. */
export interface Notifications {
  listen: Listen;
  /** Delivers a notification heard on any connection. */
  dispatch(channel: string, payload: string): void;
  /** Whether notifications are heard (tells every subscriber when it changes). */
  setListening(on: boolean): void;
  /** Ends every subscription (the store is closing). */
  end(): Promise<void>;
}

export function createNotifications(): Notifications {
  const subscribers = new Map<string, Set<ChannelHandlers>>(CHANNELS.map((c) => [c, new Set()]));
  let listening = false;
  return {
    async listen(channel, handlers) {
      const set = subscribers.get(channel);
      if (!set) throw new Error(`the store does not listen on ${channel}`);
      set.add(handlers);
      handlers.listening(listening);
      return async () => {
        if (set.delete(handlers)) handlers.listening(false);
      };
    },
    dispatch(channel, payload) {
      for (const handlers of subscribers.get(channel) ?? []) handlers.message(payload);
    },
    setListening(on) {
      if (on === listening) return;
      listening = on;
      for (const set of subscribers.values()) for (const handlers of set) handlers.listening(on);
    },
    async end() {
      listening = false;
      for (const set of subscribers.values()) {
        for (const handlers of set) handlers.listening(false);
        set.clear();
      }
    },
  };
}

/** The embedded store: one connection in this process, which is never lost. */
export async function pgliteNotifications(client: PGlite): Promise<Notifications> {
  const notifications = createNotifications();
  for (const channel of CHANNELS) {
    await client.listen(channel, (payload) => notifications.dispatch(channel, payload));
  }
  notifications.setListening(true);
  return notifications;
}

/** How long a lost listening connection waits before it is opened again (growing to the last). */
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

const listenAll = (client: pg.ClientBase) => client.query(CHANNELS.map((c) => `listen ${c}`).join('; '));

/**
 * PostgreSQL. Every connection of the pool listens (`listenOn` when the pool opens one), so a
 * transaction's own notifications arrive with its commit. The pool closes idle connections, so
 * one more connection of its own listens all the time, and is opened again after the database
 * restarts; `listening` is false while it is away.
 */
export async function postgresNotifications(url: string, onLost: (err: Error) => void) {
  const notifications = createNotifications();
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;

  const hear = (c: pg.ClientBase) =>
    c.on('notification', (n) => notifications.dispatch(n.channel, n.payload ?? ''));

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    hear(next);
    next.on('error', (err) => {
      onLost(err);
      lost(next);
    });
    next.on('end', () => lost(next));
    client = next;
    await next.connect();
    await listenAll(next);
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    attempt = 0;
    notifications.setListening(true);
  };

  const lost = (which: pg.Client) => {
    if (client !== which) return;
    client = null;
    notifications.setListening(false);
    which.end().catch(() => undefined);
    if (closed || timer) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 5_000;
    attempt += 1;
    timer = setTimeout(() => {
      timer = null;
      if (!closed) connect().catch(() => client && lost(client));
    }, delay);
    timer.unref();
  };

  await connect();
  return {
    ...notifications,
    /** For each connection the pool opens: it listens too, before it is handed out. */
    async listenOn(pooled: pg.ClientBase): Promise<void> {
      hear(pooled);
      await listenAll(pooled);
    },
    async end() {
      closed = true;
      if (timer) clearTimeout(timer);
      await notifications.end();
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}

/** For a store opened without subscriptions (a benchmark's raw store): never listening. */
export const neverListening: Listen = async (_channel, handlers) => {
  handlers.listening(false);
  return async () => undefined;
};
