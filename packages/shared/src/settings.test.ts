import { describe, expect, it } from 'vitest';
import {
  MEGABYTE,
  MeetingFrequencies,
  PointsRules,
  SETTING_KEYS,
  SETTINGS,
  SettingKeyParams,
  SettingResponse,
  StudyHours,
  settingDefaults,
} from './settings';

describe('the settings registry', () => {
  it('holds the defaults of DOMAIN.md, each accepted by its own schema', () => {
    const defaults = settingDefaults();
    expect(defaults['members.lostContactDays']).toBe(180);
    expect(defaults['upload.maxBytes']).toBe(20 * MEGABYTE);
    expect(defaults['learning.studyHours']).toEqual({ memberHours: 32, cadreHours: 56, cadreTrainings: 1 });
    expect(defaults['life.meetingFrequencies']).toMatchObject({
      branch_assembly: 'quarterly',
      branch_committee: 'monthly',
      life_meeting: 'yearly',
    });
    const points = defaults['points.rules'];
    expect(points.base + points.tasksCap + points.bonusCap).toBe(100);
    for (const key of SETTING_KEYS) {
      const result = SETTINGS[key].schema.safeParse(SETTINGS[key].defaultValue);
      expect(result.success, key).toBe(true);
    }
  });

  it('lists, for an object of numbers, exactly the fields of its schema', () => {
    for (const key of SETTING_KEYS) {
      const def: { fields?: readonly { name: string }[]; defaultValue: unknown } = SETTINGS[key];
      if (!def.fields) continue;
      expect(def.fields.map((f) => f.name).sort(), key).toEqual(
        Object.keys(def.defaultValue as object).sort(),
      );
    }
  });

  it('answers an unknown key in a path as a record that does not exist', () => {
    expect(SettingKeyParams.parse({ key: 'dues.rules' })).toEqual({ key: 'dues.rules' });
    const unknown = SettingKeyParams.safeParse({ key: 'toString' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]).toMatchObject({ path: ['key'], params: { status: 404 } });
  });

  it('checks a response value by the schema of its key', () => {
    const base = {
      group: 'system',
      groupLabel: '系统',
      label: '上传文件大小上限',
      description: '',
      unit: 'MB',
      changed: false,
      version: 0,
      updatedAt: null,
      updatedBy: null,
      policies: { update: false, reset: false },
    };
    const ok = { ...base, key: 'upload.maxBytes', value: MEGABYTE, defaultValue: 20 * MEGABYTE };
    expect(SettingResponse.safeParse(ok).success).toBe(true);
    expect(SettingResponse.safeParse({ ...ok, value: { memberHours: 1 } }).success).toBe(false);
  });
});

describe('the value rules', () => {
  it('upload limit: between 1 MB and 500 MB, in bytes', () => {
    const schema = SETTINGS['upload.maxBytes'].schema;
    expect(schema.safeParse(MEGABYTE).success).toBe(true);
    expect(schema.safeParse(500 * MEGABYTE).success).toBe(true);
    expect(schema.safeParse(MEGABYTE - 1).error?.issues[0]?.message).toBe('上传文件大小上限不能小于 1 MB');
    expect(schema.safeParse(500 * MEGABYTE + 1).error?.issues[0]?.message).toBe(
      '上传文件大小上限不能大于 500 MB',
    );
    expect(schema.safeParse('20971520').error?.issues[0]?.message).toBe('上传文件大小上限应为数字');
  });

  it('study hours: secretaries and committee members never below members', () => {
    const r = StudyHours.safeParse({ memberHours: 40, cadreHours: 32, cadreTrainings: 1 });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['cadreHours', '书记和委员的学时要求不应低于党员（40 学时）'],
    ]);
  });

  it('meeting frequencies: every meeting type, each one of the known frequencies', () => {
    const value = { ...settingDefaults()['life.meetingFrequencies'], talk: 'weekly' };
    const r = MeetingFrequencies.safeParse(value);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['talk']);
    const { theme_day: _left, ...missing } = settingDefaults()['life.meetingFrequencies'];
    expect(MeetingFrequencies.safeParse(missing).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'theme_day',
    ]);
  });

  it('points: a year worth more than nothing and at most 1000 points', () => {
    const zero = { ...settingDefaults()['points.rules'], base: 0, tasksCap: 0, bonusCap: 0 };
    expect(PointsRules.safeParse(zero).error?.issues[0]).toMatchObject({ path: ['base'] });
    const big = { ...settingDefaults()['points.rules'], base: 600, tasksCap: 600 };
    expect(PointsRules.safeParse(big).error?.issues[0]?.message).toMatch(/1000 分/);
  });
});
