import { describe, expect, it } from 'vitest';
import { bearsToken } from './metrics';

describe('bearsToken', () => {
  const token = 'a-long-enough-token-0123';
  it('accepts exactly the bearer token', () => {
    expect(bearsToken(`Bearer ${token}`, token)).toBe(true);
    expect(bearsToken(`bearer ${token}`, token)).toBe(true);
  });
  it('refuses anything else', () => {
    for (const header of [
      undefined,
      '',
      token,
      `Basic ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token.slice(1)}`,
      'Bearer ',
    ])
      expect(bearsToken(header, token), String(header)).toBe(false);
  });
});
