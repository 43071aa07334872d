import { describe, expect, it } from 'vitest';
import { namePinyin, namePinyinUncached } from './pinyin';

describe('namePinyin', () => {
  it('gives full pinyin and initials', () => {
    expect(namePinyin('张三丰')).toEqual({ full: 'zhangsanfeng', initials: 'zsf' });
    expect(namePinyin('李娜')).toEqual({ full: 'lina', initials: 'ln' });
  });

  it('reads surnames with their surname reading', () => {
    expect(namePinyin('单雄信').full).toBe('shanxiongxin');
    expect(namePinyin('曾国强').full).toBe('zengguoqiang');
    expect(namePinyin('解振华').initials).toBe('xzh');
  });

  it('drops spaces and punctuation of minority names', () => {
    expect(namePinyin('阿依古丽·买买提').initials).toBe('ayglmmt');
  });

  it('gives from its cache exactly what it computes, a character read by its neighbours', () => {
    // Polyphonic characters read differently as surname, in a word, or alone.
    const names = [
      '单雄信',
      '单于',
      '张单',
      '曾国强',
      '何曾',
      '长江',
      '王长江',
      '朝阳',
      '张朝阳',
      '乐乐',
      '乐平',
      'Tom李',
    ];
    for (const name of names) {
      const first = namePinyin(name);
      expect(first).toEqual(namePinyinUncached(name));
      expect(namePinyin(name)).toBe(first);
    }
  });

  it('stays right once the cache is full and sheds its oldest names', () => {
    const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
    const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗单曾解';
    const names: string[] = [];
    for (const s of surnames)
      for (const a of given) for (const b of given) names.push(s + a + b, `${s}${a}${b}明`);
    expect(names.length).toBeGreaterThan(20_000);
    for (const name of names) namePinyin(name);
    for (const name of [names[0]!, names[1]!, names.at(-1)!, '单雄信']) {
      expect(namePinyin(name)).toEqual(namePinyinUncached(name));
    }
  });
});
