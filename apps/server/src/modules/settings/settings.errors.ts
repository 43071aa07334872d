import { type ProblemField, SETTINGS, type SettingKey } from '@ningxin/shared';
import { AppError } from '../../lib/errors';

/** A value its setting's rules refuse; each field path starts at `value` (`value.salaried.1.to`). */
export const invalidSettingValue = (key: SettingKey, fields: ProblemField[]) =>
  new AppError(
    400,
    'SETTING_VALUE_INVALID',
    `${SETTINGS[key].label}有误：${fields[0]?.message ?? '格式不正确'}`,
    fields,
  );
