import {
  SETTING_KEYS,
  SETTINGS,
  type SettingKey,
  type SettingResponse,
  type SettingValue,
  type SettingValues,
} from '@ningxin/shared';
import type { Db, Executor } from '../../db/client';
import { assertVersion } from '../../lib/errors';
import { type Actor, assertCan, can } from '../../policy/policy';
import { audited } from '../audit/audit.service';
import { invalidSettingValue } from './settings.errors';
import { mapSetting } from './settings.mapper';
import { type SettingRow, settingsRepository } from './settings.repository';

/** Display names of accounts by id (the users module's). */
export type DisplayNames = (executor: Executor, ids: Iterable<number | null>) => Promise<Map<number, string>>;

export interface SettingsDeps {
  db: Db;
  displayNames: DisplayNames;
}

/** A value taken whole, so that no caller can change the registry's default or another's copy. */
const copy = <T>(value: T): T => structuredClone(value);

/** JSON with the keys of every object in order: equal values give equal text, as jsonb keeps no key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export function createSettingsService({ db, displayNames }: SettingsDeps) {
  /**
   * The stored value when there is one that its rules accept, else null (the default applies). A
   * value stored under rules a later release made stricter is read as the default until changed.
   */
  function storedValue<K extends SettingKey>(key: K, row: SettingRow | null): SettingValue<K> | null {
    if (!row || row.value === null) return null;
    const parsed = SETTINGS[key].schema.safeParse(row.value);
    return parsed.success ? (parsed.data as SettingValue<K>) : null;
  }

  const effectiveValue = <K extends SettingKey>(key: K, row: SettingRow | null): SettingValue<K> =>
    storedValue(key, row) ?? copy(SETTINGS[key].defaultValue as SettingValue<K>);

  async function describe(actor: Actor, executor: Executor, rows: SettingRow[], keys: readonly SettingKey[]) {
    const canWrite = can(actor, 'settings.write');
    const names = canWrite
      ? await displayNames(
          executor,
          rows.map((r) => r.updatedBy),
        )
      : new Map();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return keys.map((key) => {
      const row = byKey.get(key) ?? null;
      return mapSetting(key, row, storedValue(key, row), names, canWrite);
    });
  }

  async function show(actor: Actor, key: SettingKey): Promise<SettingResponse> {
    const row = await settingsRepository.find(db, key);
    const [setting] = await describe(actor, db, row ? [row] : [], [key]);
    return setting!;
  }

  return {
    /** A setting's value: the committee's, else the default. Other modules read settings here. */
    async get<K extends SettingKey>(key: K, executor: Executor = db): Promise<SettingValue<K>> {
      return effectiveValue(key, await settingsRepository.find(executor, key));
    },

    /**
     * A setting's value with its version, which goes up at every change and reset: what a record
     * computed by the rules notes (the points rules' version, for instance).
     */
    async versioned<K extends SettingKey>(
      key: K,
      executor: Executor = db,
    ): Promise<{ value: SettingValue<K>; version: number }> {
      const row = await settingsRepository.find(executor, key);
      return { value: effectiveValue(key, row), version: row?.version ?? 0 };
    },

    /** Every setting's value, by key. */
    async all(executor: Executor = db): Promise<SettingValues> {
      const rows = new Map((await settingsRepository.all(executor)).map((r) => [r.key, r]));
      return Object.fromEntries(
        SETTING_KEYS.map((key) => [key, effectiveValue(key, rows.get(key) ?? null)]),
      ) as SettingValues;
    },

    /** Every setting as the settings page shows it; for every signed-in user. */
    async list(actor: Actor): Promise<SettingResponse[]> {
      return describe(actor, db, await settingsRepository.all(db), SETTING_KEYS);
    },

    show,

    /**
     * Changes a setting: the version the edit was based on first (409 when stale), then the
     * setting's rules (400 naming the field inside the value). Saving the value it already has
     * changes nothing.
     */
    async update(actor: Actor, key: SettingKey, value: unknown, version: number): Promise<SettingResponse> {
      assertCan(actor, 'settings.write');
      const definition = SETTINGS[key];
      await audited(db, actor, async (tx, audit) => {
        const row = await settingsRepository.lock(tx, key);
        assertVersion(row, version);
        const parsed = definition.schema.safeParse(value);
        if (!parsed.success) {
          throw invalidSettingValue(
            key,
            parsed.error.issues.map((issue) => ({
              path: ['value', ...issue.path.map(String)].join('.'),
              message: issue.message,
            })),
          );
        }
        const before = effectiveValue(key, row);
        if (sameValue(before, parsed.data)) return;
        const after = await settingsRepository.write(tx, key, parsed.data, actor.userId);
        audit({
          action: 'settings.updated',
          targetType: 'setting',
          targetId: key,
          targetLabel: definition.label,
          before: { value: before, version: row.version, default: storedValue(key, row) === null },
          after: { value: parsed.data, version: after, default: false },
        });
      });
      return show(actor, key);
    },

    /** Puts a setting back to its default (it then follows the default); nothing when it already does. */
    async reset(actor: Actor, key: SettingKey): Promise<SettingResponse> {
      assertCan(actor, 'settings.write');
      const definition = SETTINGS[key];
      await audited(db, actor, async (tx, audit) => {
        const row = await settingsRepository.lock(tx, key);
        const stored = storedValue(key, row);
        if (row.value === null) return;
        const after = await settingsRepository.write(tx, key, null, actor.userId);
        audit({
          action: 'settings.reset',
          targetType: 'setting',
          targetId: key,
          targetLabel: definition.label,
          before: { value: stored ?? row.value, version: row.version, default: false },
          after: { value: definition.defaultValue, version: after, default: true },
        });
      });
      return show(actor, key);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
