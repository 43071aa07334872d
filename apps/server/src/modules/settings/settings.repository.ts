import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { settings } from '../../db/schema';

/**
 * A row of the settings table. `value` is null while the setting follows its default: a reset
 * keeps the row (and so its version, which only goes up) and stores JSON null.
 */
export type SettingRow = typeof settings.$inferSelect;

export const settingsRepository = {
  async find(db: Executor, key: string): Promise<SettingRow | null> {
    const [row] = await db.select().from(settings).where(eq(settings.key, key));
    return row ?? null;
  },

  async all(db: Executor): Promise<SettingRow[]> {
    return db.select().from(settings);
  },

  /**
   * The row of the key, locked until the transaction ends; a key never written gets a row at
   * version 0 following the default, so that two first writes at once also run one after the
   * other (the second waits on the key and then finds version 1).
   */
  async lock(tx: Executor, key: string): Promise<SettingRow> {
    await tx
      .insert(settings)
      .values({ key, value: sql`'null'::jsonb`, version: 0 })
      .onConflictDoNothing({ target: settings.key });
    const [row] = await tx.select().from(settings).where(eq(settings.key, key)).for('update');
    if (!row) throw new Error(`setting ${key} vanished while locked`);
    return row;
  },

  /** Stores a value (null: follow the default) one version up; returns the new version. */
  async write(tx: Executor, key: string, value: unknown, userId: number): Promise<number> {
    const [row] = await tx
      .update(settings)
      .set({
        value: value === null ? sql`'null'::jsonb` : sql`${JSON.stringify(value)}::jsonb`,
        version: sql`${settings.version} + 1`,
        updatedBy: userId,
        updatedAt: new Date(),
      })
      .where(eq(settings.key, key))
      .returning({ version: settings.version });
    if (!row) throw new Error(`setting ${key} has no row to write`);
    return row.version;
  },
};
