import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './users';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Uploaded files (photos, scans, documents, videos), stored in the database so that a backup is
 * one dump. A file belongs to one record of one module (`owner_type`, `owner_id`): whoever may
 * read that record may download the file. The content is in chunks, so that a large file streams
 * in and out without being held in memory.
 */
export const files = pgTable(
  'files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The kind of record the file belongs to (`member`, `notice` …) and its id. */
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    /** What the file is for that record (`photo`, `document`, `attachment`). */
    purpose: text('purpose').notNull(),
    name: text('name').notNull(),
    /** The type found in the content (magic bytes), not the one the name claims. */
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('files_owner_idx').on(t.ownerType, t.ownerId, t.purpose)],
);

export const fileChunks = pgTable(
  'file_chunks',
  {
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
