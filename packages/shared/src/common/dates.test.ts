import { describe, expect, it } from 'vitest';
import { localIsoDate } from './calendar';
import { DateTime, IsoDate, PARTY_FOUNDED, PastDate, YearMonth } from './dates';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : r.error!.issues[0]!.message;

describe('IsoDate and PastDate', () => {
  it('accept a real date in range', () => {
    expect(IsoDate('任期开始日期').parse('2024-02-29')).toBe('2024-02-29');
  });

  it('refuse dates that do not exist, before 1900 or after 2199', () => {
    const d = IsoDate('日期');
    expect(message(d.safeParse('2023-02-29'))).toBe('日期不是有效日期');
    expect(message(d.safeParse('1899-12-31'))).toBe('日期不能早于 1900-01-01');
    expect(message(d.safeParse('2200-01-01'))).toBe('日期不能晚于 2199-12-31');
    expect(message(d.safeParse('20240101'))).toBe('日期格式应为 YYYY-MM-DD');
  });

  it('refuse a past date after today, and a joining date before the Party was founded', () => {
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect(message(PastDate('入党日期').safeParse(localIsoDate(tomorrow)))).toBe('入党日期不能晚于今天');
    expect(message(PastDate('入党日期', PARTY_FOUNDED).safeParse('1921-06-30'))).toBe(
      '入党日期不能早于 1921-07-01',
    );
  });
});

describe('YearMonth', () => {
  it('accepts a month from 1900-01 to 2199-12 and refuses the rest', () => {
    const m = YearMonth('月份');
    expect(m.parse('2026-12')).toBe('2026-12');
    expect(m.parse('1900-01')).toBe('1900-01');
    expect(message(m.safeParse('0553-10'))).toBe('月份超出可接受的范围（1900—2199 年）');
    expect(message(m.safeParse('2200-01'))).toBe('月份超出可接受的范围（1900—2199 年）');
    expect(message(m.safeParse('2026-13'))).toBe('月份格式应为 YYYY-MM');
    expect(message(m.safeParse('2026-1'))).toBe('月份格式应为 YYYY-MM');
  });
});

describe('DateTime', () => {
  it('takes ISO 8601 with an offset within 1900–2199', () => {
    expect(DateTime('起始时间').safeParse('2026-01-01T08:00:00+08:00').success).toBe(true);
    expect(DateTime('起始时间').safeParse('2026-01-01T00:00:00Z').success).toBe(true);
    expect(message(DateTime('起始时间').safeParse('0001-01-01T00:00:00Z'))).toContain('超出可接受的范围');
    expect(DateTime('起始时间').safeParse('2026-01-01').success).toBe(false);
  });
});
