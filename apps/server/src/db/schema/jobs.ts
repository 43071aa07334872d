import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The runs of scheduled jobs. A run is claimed by inserting its slot (the job and the time it was
 * due): when several instances reach the same slot, the unique index lets exactly one through.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    job: text('job').notNull(),
    /** The scheduled time this run is for; a retry has the same slot and a higher attempt. */
    slot: ts('slot').notNull(),
    attempt: integer('attempt').notNull().default(1),
    /** running, succeeded or failed. */
    outcome: text('outcome').notNull().default('running'),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    rows: integer('rows'),
    error: text('error'),
    /** Which instance ran it (host and process). */
    instance: text('instance').notNull(),
  },
  (t) => [
    uniqueIndex('job_runs_slot_idx').on(t.job, t.slot, t.attempt),
    index('job_runs_recent_idx').on(t.job, t.startedAt),
  ],
);

/**
 * Work that must wait for a commit (a message to an inbox after a notice is published): written
 * in the same transaction as the change, done after it, retried until it succeeds.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    availableAt: ts('available_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    doneAt: ts('done_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.availableAt).where(sql`${t.doneAt} is null`)],
);
