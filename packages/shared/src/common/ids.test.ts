import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INT4_MAX, PathId, QueryInt, RecordId, Version } from './ids';

/** The `params` a custom issue carries (none for a built-in check). */
const paramsOf = (r: { error?: { issues: unknown[] } }) =>
  (r.error?.issues[0] as { params?: unknown })?.params;

describe('PathId', () => {
  const p = PathId();
  it('takes decimal digits', () => {
    expect(p.parse('12')).toBe(12);
    expect(p.parse(String(INT4_MAX))).toBe(INT4_MAX);
  });

  it.each([' 1', '1e3', '0x10', '+1', '1.0', '-1', '', 'abc', '１２'])('refuses %j as not an id', (raw) => {
    const r = p.safeParse(raw);
    expect(r.success).toBe(false);
    expect(paramsOf(r)).toBeUndefined();
  });

  it.each(['0', String(INT4_MAX + 1), '99999999999999999999'])(
    'marks %s as naming no record (404)',
    (raw) => {
      const r = p.safeParse(raw);
      expect(r.success).toBe(false);
      expect(paramsOf(r)).toEqual({ status: 404 });
    },
  );
});

describe('RecordId and Version', () => {
  it('stop at the column range', () => {
    expect(RecordId('上级组织').safeParse(INT4_MAX + 1).error?.issues[0]?.message).toBe('上级组织超出范围');
    expect(RecordId().safeParse(2 ** 53 - 1).success).toBe(false);
    expect(Version.safeParse(INT4_MAX).success).toBe(true);
    expect(Version.safeParse(INT4_MAX + 1).success).toBe(false);
    expect(Version.safeParse(-1).success).toBe(false);
    expect(Version.safeParse(1.5).success).toBe(false);
    expect(Version.safeParse('1').success).toBe(false);
  });
});

describe('QueryInt', () => {
  const q = z.object({ limit: QueryInt('每页条数', 1, 200).default(50) });
  it('reads digits within the range, with a default', () => {
    expect(q.parse({ limit: '20' })).toEqual({ limit: 20 });
    expect(q.parse({})).toEqual({ limit: 50 });
  });
  it.each(['1e2', ' 2', '0x10', '2.5', ''])('refuses %j', (limit) => {
    expect(q.safeParse({ limit }).success).toBe(false);
  });
  it('refuses out of range and repeated parameters', () => {
    expect(q.safeParse({ limit: '201' }).error?.issues[0]?.message).toBe('每页条数不能大于 200');
    expect(q.safeParse({ limit: ['1', '2'] }).success).toBe(false);
  });
});
