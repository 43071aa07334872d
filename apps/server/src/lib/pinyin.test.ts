import { describe, expect, it } from 'vitest';
import { namePinyin } from './pinyin';

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
});
