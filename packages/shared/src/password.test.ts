import { describe, expect, it } from 'vitest';
import { ChangePasswordBody } from './auth';
import { checkPasswordStrength, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordClasses } from './password';

const TOO_SHORT = '密码至少 8 位';
const TOO_LONG = '密码不能超过 128 位';
const TOO_PLAIN = '密码须包含大写字母、小写字母、数字、符号中的至少三类';

describe('passwordClasses', () => {
  it('counts lower case, upper case, digits and symbols', () => {
    expect(passwordClasses('')).toBe(0);
    expect(passwordClasses('abc')).toBe(1);
    expect(passwordClasses('abcXYZ')).toBe(2);
    expect(passwordClasses('abcXYZ123')).toBe(3);
    expect(passwordClasses('abcXYZ123!')).toBe(4);
  });

  it('counts a space, a Chinese character or an accented letter as a symbol', () => {
    expect(passwordClasses(' ')).toBe(1);
    expect(passwordClasses('凝心')).toBe(1);
    expect(passwordClasses('é')).toBe(1);
    expect(passwordClasses('ab 凝')).toBe(2);
  });
});

describe('checkPasswordStrength', () => {
  it('is 8 to 128 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });

  it('accepts 8 characters with any three of the four classes', () => {
    for (const ok of ['abcdEF12', 'abcdef1!', 'ABCDEF1!', 'abcdEFG!', 'Demo-2026', 'Ab1!Ab1!']) {
      expect(checkPasswordStrength(ok), ok).toBeNull();
    }
  });

  it('refuses fewer than 8 characters, saying so first, however varied', () => {
    expect(checkPasswordStrength('')).toBe(TOO_SHORT);
    expect(checkPasswordStrength('Ab1!Ab1')).toBe(TOO_SHORT);
    expect(checkPasswordStrength('abc')).toBe(TOO_SHORT);
  });

  it('refuses a long password of only one or two classes', () => {
    for (const weak of [
      'password',
      'PASSWORD',
      '12345678',
      '!!!!!!!!',
      'password123',
      'Password',
      'PASS-WORD',
    ]) {
      expect(checkPasswordStrength(weak), weak).toBe(TOO_PLAIN);
    }
  });

  it('takes Chinese characters as symbols', () => {
    expect(checkPasswordStrength('凝心聚力abc123')).toBeNull();
    expect(checkPasswordStrength('凝心聚力凝心聚力')).toBe(TOO_PLAIN);
  });

  it('accepts 128 characters and refuses 129', () => {
    const base = 'Aa1!';
    expect(checkPasswordStrength(base.repeat(32))).toBeNull();
    expect(checkPasswordStrength(`${base.repeat(32)}x`)).toBe(TOO_LONG);
  });
});

describe('ChangePasswordBody', () => {
  it('puts a weak new password on the newPassword field, in Chinese', () => {
    const result = ChangePasswordBody.safeParse({ currentPassword: 'Demo-2026', newPassword: 'abcdefgh' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['newPassword', TOO_PLAIN],
    ]);
  });

  it('refuses the current password as the new one', () => {
    const result = ChangePasswordBody.safeParse({ currentPassword: 'Demo-2026', newPassword: 'Demo-2026' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['newPassword', '新密码不能与当前密码相同'],
    ]);
    expect(
      ChangePasswordBody.safeParse({ currentPassword: 'Demo-2026', newPassword: 'Demo-2027' }).success,
    ).toBe(true);
  });
});
