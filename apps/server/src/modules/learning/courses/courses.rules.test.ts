import { describe, expect, it } from 'vitest';
import { judgeBeat, quizScore, studied } from './courses.rules';

const t0 = new Date('2026-05-01T08:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const held = { deviceId: 'phone-aaaa', lastSeq: 3, lastBeatAt: t0, completed: false };
const beat = (extra: Record<string, unknown> = {}) => ({
  deviceId: 'phone-aaaa',
  seq: 4,
  visible: true,
  position: 0,
  ...extra,
});

describe('judgeBeat', () => {
  it('counts the visible seconds of an article since the previous beat, capped at 40', () => {
    expect(judgeBeat('article', held, beat(), at(30))).toEqual({
      outcome: 'counted',
      counted: 30,
      accepted: true,
    });
    expect(judgeBeat('article', held, beat(), at(600)).counted).toBe(40);
  });

  it('counts a video by the media played, never more than the clock', () => {
    expect(judgeBeat('video', held, beat({ played: 25, rate: 1 }), at(30)).counted).toBe(25);
    expect(judgeBeat('video', held, beat({ played: 30, rate: 0.75 }), at(30)).counted).toBe(30);
  });

  it('a seek to the end (position jumps, nothing played) earns nothing', () => {
    const j = judgeBeat('video', held, beat({ played: 0, position: 3600 }), at(30));
    expect(j.counted).toBe(0);
  });

  it('2× speed, or more played than the clock allows, earns nothing', () => {
    expect(judgeBeat('video', held, beat({ played: 30, rate: 2 }), at(30))).toMatchObject({
      outcome: 'fast',
      counted: 0,
    });
    expect(judgeBeat('video', held, beat({ played: 60, rate: 1 }), at(30))).toMatchObject({
      outcome: 'fast',
      counted: 0,
    });
  });

  it('a hidden page earns nothing', () => {
    expect(judgeBeat('article', held, beat({ visible: false }), at(30))).toMatchObject({
      outcome: 'hidden',
      counted: 0,
    });
  });

  it('a second device earns nothing while the first holds the course, and takes over once it is quiet', () => {
    const other = beat({ deviceId: 'laptop-bbbb', seq: 1, played: 30 });
    expect(judgeBeat('video', held, other, at(30))).toEqual({
      outcome: 'other_device',
      counted: 0,
      accepted: false,
    });
    expect(judgeBeat('video', held, other, at(120))).toEqual({
      outcome: 'started',
      counted: 0,
      accepted: true,
    });
  });

  it('a beat replayed (same device, same sequence) changes nothing', () => {
    expect(judgeBeat('article', held, beat({ seq: 3 }), at(30))).toEqual({
      outcome: 'replayed',
      counted: 0,
      accepted: false,
    });
  });

  it('the first beat starts the clock', () => {
    const fresh = { deviceId: null, lastSeq: 0, lastBeatAt: null, completed: false };
    expect(judgeBeat('article', fresh, beat({ seq: 1 }), at(0))).toMatchObject({
      outcome: 'started',
      counted: 0,
    });
  });
});

describe('studied and quizScore', () => {
  it('a document needs its time and every page', () => {
    const doc = { kind: 'document', plannedMinutes: 1, pageCount: 3 };
    expect(studied(doc, { countedSeconds: 60, pagesViewed: [1, 2] })).toBe(false);
    expect(studied(doc, { countedSeconds: 60, pagesViewed: [3, 1, 2] })).toBe(true);
    expect(studied(doc, { countedSeconds: 59, pagesViewed: [1, 2, 3] })).toBe(false);
  });

  it('scores a question right only with exactly its answers', () => {
    const qs = [{ answers: [1] }, { answers: [0, 2] }];
    expect(quizScore(qs, [[1], [2, 0]])).toBe(100);
    expect(quizScore(qs, [[1], [0]])).toBe(50);
    expect(quizScore(qs, [[0], [0, 1, 2]])).toBe(0);
  });
});
