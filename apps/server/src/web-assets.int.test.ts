import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';

/**
 * The built web app as the server sends it: the compressed copy the build wrote beside each file
 * (brotli or gzip, as the browser accepts), assets kept a year, the page itself checked every time,
 * and the page for any path of the app.
 */
describe('the web app', () => {
  let t: TestApp;
  let dir: string;
  const script = `console.log(${JSON.stringify('凝心'.repeat(2000))});\n`;
  const page = '<!doctype html><html lang="zh-CN"><title>凝心</title><div id="root"></div></html>\n';
  const screenPage =
    '<!doctype html><html lang="zh-CN"><title>凝心 · 数据大屏</title><div id="root"></div></html>\n';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), page);
    fs.writeFileSync(path.join(dir, 'screen.html'), screenPage);
    const asset = path.join(dir, 'assets', 'index-3f9a1c.js');
    fs.writeFileSync(asset, script);
    fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
    fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
    t = await createTestApp({ WEB_DIST: dir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    t.request({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends an asset as brotli or gzip when the browser takes it, kept for a year', async () => {
    const br = await get('/assets/index-3f9a1c.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);

    const gz = await get('/assets/index-3f9a1c.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-3f9a1c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('sends the page for the root and for any path of the app, checked again at every visit', async () => {
    for (const url of ['/', '/portal', '/members/12?tab=files']) {
      const res = await get(url, 'gzip, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(page);
    }
  });

  it('sends the big screen its own page at /screen (a kiosk link keeps its fragment in the browser)', async () => {
    const res = await get('/screen', 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(screenPage);
    expect((await get('/screen-links')).body).toBe(page);
  });

  it('answers an unknown API path with a problem, not the page', async () => {
    const res = await get('/api/v1/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
