import { SETTING_GROUP_LABELS, SETTINGS, type SettingKey, type SettingResponse } from '@ningxin/shared';
import type { SettingRow } from './settings.repository';

/**
 * A setting as the page shows it. `stored` is the committee's value (null: the default applies);
 * who changed it last is shown to those who may change settings, when it was to everyone.
 */
export function mapSetting(
  key: SettingKey,
  row: SettingRow | null,
  stored: unknown,
  names: Map<number, string>,
  canWrite: boolean,
): SettingResponse {
  const definition = SETTINGS[key];
  const written = row !== null && row.version > 0;
  const changed = stored !== null;
  return {
    key,
    group: definition.group,
    groupLabel: SETTING_GROUP_LABELS[definition.group],
    label: definition.label,
    description: definition.description,
    unit: 'unit' in definition ? definition.unit : null,
    value: structuredClone(changed ? stored : definition.defaultValue),
    defaultValue: structuredClone(definition.defaultValue),
    changed,
    version: row?.version ?? 0,
    updatedAt: written ? row.updatedAt.toISOString() : null,
    updatedBy: written && canWrite && row.updatedBy !== null ? (names.get(row.updatedBy) ?? null) : null,
    policies: { update: canWrite, reset: canWrite && changed },
  } as SettingResponse;
}
