import { DEFAULT_DUES_RULES, DuesRules } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { chainBrackets, formParser } from './settingForm';

describe('chainBrackets', () => {
  it('starts at 0, starts each bracket where the one before ends and leaves the last open', () => {
    const rows = chainBrackets([
      { from: 5, to: 300_000, rateBp: 50 },
      { from: 0, to: 450_000, rateBp: 100 },
      { from: 0, to: 900_000, rateBp: 150 },
    ]);
    expect(rows).toEqual([
      { from: 0, to: 300_000, rateBp: 50 },
      { from: 300_000, to: 450_000, rateBp: 100 },
      { from: 450_000, to: null, rateBp: 150 },
    ]);
    expect(DuesRules.safeParse({ ...DEFAULT_DUES_RULES, salaried: rows }).success).toBe(true);
  });

  it('leaves the start of a bracket open while the bound before it is not filled in', () => {
    const rows = chainBrackets([
      { from: 0, to: undefined, rateBp: 50 },
      { from: 0, to: null, rateBp: 100 },
    ]);
    expect(rows[1]!.from).toBeUndefined();
  });
});

describe('formParser', () => {
  it('names the fields at fault as the form and the server do, from `value`', () => {
    const result = formParser(DuesRules).safeParse({ value: { ...DEFAULT_DUES_RULES, farmerFen: 5 } });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['value.farmerFen']);
    expect(formParser(DuesRules).safeParse({ value: DEFAULT_DUES_RULES }).success).toBe(true);
  });
});
