import { describe, expect, it } from 'vitest';
import { qrModules, qrPng, qrSvg } from './qr-image';

const url = 'https://ningxin.example.cn/join';

describe('QR images', () => {
  it('draws an SVG and a PNG of the link', async () => {
    const svg = await qrSvg(url);
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(svg).toContain('<path');
    const png = await qrPng(url, { width: 300 });
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(300); // IHDR width
  });

  it('gives the modules as a square with the three finder patterns', () => {
    const m = qrModules(url);
    expect(m.length).toBeGreaterThanOrEqual(21);
    expect(m.every((row) => row.length === m.length)).toBe(true);
    const n = m.length;
    for (const [x, y] of [
      [0, 0],
      [n - 7, 0],
      [0, n - 7],
    ] as const) {
      expect(m[y]![x]).toBe(true); // outer corner of a finder
      expect(m[y + 1]![x + 1]).toBe(false); // its white ring
      expect(m[y + 3]![x + 3]).toBe(true); // its centre
    }
  });
});
