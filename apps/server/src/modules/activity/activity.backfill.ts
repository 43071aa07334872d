import fs from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from '../../db/client';

/** The migration that filled the ledger from the status timelines written before it. */
const BACKFILL_MIGRATION = path.join(migrationsFolder, '0011_activity_backfill.sql');

/**
 * The ledger's entries for every status event that has none (INSERT … SELECT, ON CONFLICT DO
 * NOTHING: running it again adds nothing). The text is migration 0011's own, read from it, so
 * that a bulk load that writes status events by COPY (the demo load) fills the ledger exactly
 * as the migration did.
 */
export function activityBackfillSql(): string {
  return fs.readFileSync(BACKFILL_MIGRATION, 'utf8');
}
