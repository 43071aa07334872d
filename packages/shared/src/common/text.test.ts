import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OptionalText, Secret, storableText, Text, textProblem } from './text';

const Name = z.object({ name: Text('姓名', { min: 2, max: 30 }) });
const Notes = z.object({ notes: OptionalText('备注', 1000, { multiline: true }) });

/** The first issue's field and message, or the parsed value. */
function outcome<T extends z.ZodType>(schema: T, value: unknown) {
  const r = schema.safeParse(value);
  if (r.success) return { value: r.data };
  const issue = r.error.issues[0]!;
  return { field: issue.path.join('.'), message: issue.message };
}

describe('Text: what no field may hold', () => {
  it.each([
    ['NUL', '张\u0000三'],
    ['a C0 control', '张\u0007三'],
    ['a C1 control', '张\u0085三'],
    ['DEL', '张三\u007f'],
    ['a right-to-left override', '张\u202e三'],
    ['a directional isolate', '\u2066张三\u2069'],
    ['a noncharacter', '张三\uffff'],
  ])('refuses %s with a 400 message naming the field', (_what, name) => {
    expect(outcome(Name, { name })).toEqual({
      field: 'name',
      message: '姓名含有无法保存的控制字符（如 NUL 或文字方向控制符），请删除后重试',
    });
  });

  it('refuses a lone surrogate (which would be stored as U+FFFD)', () => {
    expect(outcome(Name, JSON.parse('{"name":"张\\ud800三"}'))).toEqual({
      field: 'name',
      message: '姓名含有残缺的 Unicode 字符，请删除后重新输入',
    });
  });

  it('keeps a well-formed pair of surrogates (an emoji, a rare character of plane 2)', () => {
    expect(outcome(Name, { name: '张𠀀三😀' })).toEqual({ value: { name: '张𠀀三😀' } });
  });

  it('refuses tabs and line breaks in a one-line field, keeps them in a multi-line one', () => {
    expect(outcome(Name, { name: '张\t三' }).message).toBe('姓名不能包含换行符或制表符');
    expect(outcome(Name, { name: '张\n三' }).message).toBe('姓名不能包含换行符或制表符');
    expect(outcome(Notes, { notes: '第一行\r\n\t第二行\r第三行' })).toEqual({
      value: { notes: '第一行\n\t第二行\n第三行' },
    });
  });
});

describe('Text: one normal form', () => {
  it('normalizes to NFC, so that the same name is stored the same way', () => {
    const decomposed = 'Jose\u0301 李';
    expect(outcome(Name, { name: decomposed })).toEqual({ value: { name: 'José 李' } });
  });

  it('removes zero-width spaces anywhere and trims spaces and invisible marks at the ends', () => {
    expect(outcome(Name, { name: '\u3000 \u200e张\u200b三\ufeff \u200f' })).toEqual({
      value: { name: '张三' },
    });
  });

  it('counts a name of invisible characters only as empty', () => {
    expect(outcome(Name, { name: '\u200b\u200e\u200f\u3000' })).toEqual({
      field: 'name',
      message: '姓名至少 2 个字',
    });
    expect(outcome(Notes, { notes: '\u200b \u200f' })).toEqual({ value: { notes: null } });
  });

  it('measures the length after normalization', () => {
    expect(outcome(Name, { name: `  ${'张'.repeat(30)}  ` }).value).toEqual({ name: '张'.repeat(30) });
    expect(outcome(Name, { name: '张'.repeat(31) }).message).toBe('姓名不能超过 30 个字');
  });

  it('says what type it wants', () => {
    expect(outcome(Name, { name: 42 }).message).toBe('姓名应为文字');
  });
});

describe('Secret', () => {
  const Login = z.object({ password: Secret('密码', 128) });
  it('keeps every character as typed (no trimming, no normalization)', () => {
    expect(outcome(Login, { password: ' Pa\u0301ss ' })).toEqual({ value: { password: ' Pa\u0301ss ' } });
  });
  it('refuses NUL and lone surrogates', () => {
    expect(outcome(Login, { password: 'a\u0000b' }).field).toBe('password');
    expect(outcome(Login, JSON.parse('{"password":"a\\udc00b"}')).field).toBe('password');
  });
});

describe('textProblem and storableText', () => {
  it('tells the problem', () => {
    expect(textProblem('ok')).toBeNull();
    expect(textProblem('a\u0000')).toBe('control');
    expect(textProblem('a\ud800')).toBe('surrogate');
    expect(textProblem('a\nb')).toBe('line');
    expect(textProblem('a\nb', true)).toBeNull();
  });

  it('makes any string storable as UTF-8 text without NUL', () => {
    expect(storableText('a\u0000b\ud800c')).toBe('a\ufffdb\ufffdc');
    expect(storableText('x\udfff').isWellFormed()).toBe(true);
  });
});
