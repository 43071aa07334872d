import { describe, expect, it } from 'vitest';
import { jobClock } from './jobs.schedule';

const at = (iso: string) => new Date(iso);

describe('jobClock', () => {
  it('reads a nightly schedule in Asia/Shanghai', () => {
    const nightly = jobClock('0 3 * * *');
    expect(nightly.slotAt(at('2026-03-01T03:00:00+08:00'))).toEqual(at('2026-03-01T03:00:00+08:00'));
    expect(nightly.slotAt(at('2026-03-01T03:00:00.900+08:00'))).toEqual(at('2026-03-01T03:00:00+08:00'));
    expect(nightly.slotAt(at('2026-03-01T02:59:59.999+08:00'))).toEqual(at('2026-02-28T03:00:00+08:00'));
    expect(nightly.nextAfter(at('2026-03-01T03:00:00+08:00'))).toEqual(at('2026-03-02T03:00:00+08:00'));
  });

  it('reads seconds in a six-field schedule', () => {
    const often = jobClock('*/5 * * * * *');
    expect(often.slotAt(at('2026-03-01T03:00:04.999+08:00'))).toEqual(at('2026-03-01T03:00:00+08:00'));
    expect(often.slotAt(at('2026-03-01T03:00:05+08:00'))).toEqual(at('2026-03-01T03:00:05+08:00'));
    expect(often.nextAfter(at('2026-03-01T03:00:05+08:00'))).toEqual(at('2026-03-01T03:00:10+08:00'));
  });

  it('refuses an expression it cannot read', () => {
    expect(() => jobClock('every night')).toThrow();
  });
});
