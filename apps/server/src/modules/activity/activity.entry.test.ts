import { describe, expect, it } from 'vitest';
import { checkedEntry, quantityText, uniqueEntries } from './activity.entry';
import { ActivityEntryError } from './activity.errors';

const entry = {
  memberId: 12,
  kind: 'study_hours' as const,
  occurredOn: '2025-05-04',
  sourceModule: 'learning',
  sourceId: 'course-7',
  title: '  青年节专题学习\u200B ',
};

const faultsOf = (input: object): string[] => {
  try {
    checkedEntry({ ...entry, ...input } as never);
  } catch (err) {
    expect(err).toBeInstanceOf(ActivityEntryError);
    return (err as ActivityEntryError).fields.map((f) => f.path).sort();
  }
  return [];
};

describe('checkedEntry', () => {
  it('counts 1 by default, takes a numeric source id as text and normalizes the title', () => {
    expect(checkedEntry({ ...entry, sourceId: 42 })).toEqual({
      ...entry,
      sourceId: '42',
      quantity: 1,
      title: '青年节专题学习',
    });
  });

  it('names every field a caller got wrong', () => {
    expect(faultsOf({ memberId: 0 })).toEqual(['memberId']);
    expect(faultsOf({ kind: 'karaoke' })).toEqual(['kind']);
    expect(faultsOf({ occurredOn: '2025-02-30' })).toEqual(['occurredOn']);
    expect(faultsOf({ sourceModule: 'Life Module' })).toEqual(['sourceModule']);
    expect(faultsOf({ sourceId: '' })).toEqual(['sourceId']);
    expect(faultsOf({ sourceId: 'with space' })).toEqual(['sourceId']);
    expect(faultsOf({ title: ' \u200B ' })).toEqual(['title']);
    expect(faultsOf({ title: 'x'.repeat(501) })).toEqual(['title']);
    expect(faultsOf({ quantity: -2 })).toEqual(['quantity']);
    expect(faultsOf({ org: { id: 3, path: '1.x' } })).toEqual(['org.path']);
  });

  it('holds money to whole fen, by the kind’s unit', () => {
    expect(faultsOf({ kind: 'dues_paid', quantity: 12.5 })).toEqual(['quantity']);
    expect(faultsOf({ kind: 'dues_paid', quantity: 1250 })).toEqual([]);
    expect(faultsOf({ kind: 'study_hours', quantity: 12.5 })).toEqual([]);
  });
});

describe('uniqueEntries', () => {
  it('keeps one entry per source record, kind and member: the last given', () => {
    const a = { ...entry, sourceId: 'a', quantity: 1 };
    const list = [a, { ...a, quantity: 2 }, { ...a, kind: 'honour' as const }, { ...a, memberId: 13 }];
    expect(uniqueEntries(list)).toEqual([{ ...a, quantity: 2 }, list[2], list[3]]);
  });
});

describe('quantityText', () => {
  it('writes the quantity with two decimals, exactly for fen', () => {
    expect(quantityText(2.5)).toBe('2.50');
    expect(quantityText(999_999_999_999)).toBe('999999999999.00');
    expect(quantityText(0.1 + 0.2)).toBe('0.30');
  });
});
