import { createHash } from 'node:crypto';
import { DEFAULT_UPLOAD_LIMIT } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { multipart } from '../../../test/excel';
import { jpeg, memberUnder, pdf, storedCounts, uploadFile } from '../../../test/files';
import { queryRows } from '../../db/client';
import { CHUNK_BYTES } from './files.stream';

/** The content: in and out whole, in parts, at the limit, broken off, many at once. */

let t: TestApp;
let office: string;
let tongzhou: string;
let member: { id: number; name: string };

beforeAll(async () => {
  t = await createTestApp({}, { members: 150 });
  [office, tongzhou] = (await Promise.all(['office', 'tongzhou'].map((u) => t.login(u)))) as [string, string];
  member = await memberUnder(t, '驻北京通州区流动党委');
});
afterAll(() => t.close());

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const fields = (purpose = 'document') => ({ ownerType: 'member', ownerId: String(member.id), purpose });
const download = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url, cookie: tongzhou, headers });

describe('a 5 MB scan', () => {
  const data = pdf(5 * 1024 * 1024 + 123);
  const name = '入党志愿书（扫描件）第1页.pdf';
  let file: { id: number; url: string; sha256: string; size: number };

  beforeAll(async () => {
    const res = await uploadFile(t, office, fields(), { name, data });
    expect(res.statusCode, res.body).toBe(201);
    file = res.json();
  });

  it('is stored in 256 KB chunks with its size and SHA-256', async () => {
    expect(file).toMatchObject({ size: data.length, sha256: sha256(data) });
    const chunks = await queryRows<{ seq: number; n: number }>(
      t.store.db,
      sql`select seq, length(data)::int as n from file_chunks where file_id = ${file.id} order by seq`,
    );
    expect(chunks.length).toBe(Math.ceil(data.length / CHUNK_BYTES));
    expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i));
    expect(chunks.slice(0, -1).every((c) => c.n === CHUNK_BYTES)).toBe(true);
    expect(chunks.at(-1)!.n).toBe(data.length % CHUNK_BYTES);
  });

  it('comes back byte for byte, with its type, length and Chinese name', async () => {
    const res = await download(file.url);
    expect(res.statusCode).toBe(200);
    expect(sha256(res.rawPayload)).toBe(sha256(data));
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(data.length),
      'accept-ranges': 'bytes',
      etag: `"${sha256(data)}"`,
    });
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="file-\d+\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(name);
  });

  it('answers Range requests: a part, one across chunks, the last bytes, one past the end (416)', async () => {
    const part = await download(file.url, { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${data.length}`);
    expect(part.headers['content-length']).toBe('100');
    expect(part.rawPayload.equals(data.subarray(100, 200))).toBe(true);

    const across = await download(file.url, { range: `bytes=${CHUNK_BYTES - 10}-${3 * CHUNK_BYTES + 9}` });
    expect(across.statusCode).toBe(206);
    expect(across.rawPayload.equals(data.subarray(CHUNK_BYTES - 10, 3 * CHUNK_BYTES + 10))).toBe(true);

    const tail = await download(file.url, { range: 'bytes=-10' });
    expect(tail.rawPayload.equals(data.subarray(-10))).toBe(true);
    const open = await download(file.url, { range: `bytes=${data.length - 5}-` });
    expect(open.headers['content-range']).toBe(`bytes ${data.length - 5}-${data.length - 1}/${data.length}`);

    const past = await download(file.url, { range: `bytes=${data.length}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${data.length}`);
    expect(past.json().code).toBe('RANGE_NOT_SATISFIABLE');

    // Several ranges, or a stale If-Range, get the whole file.
    expect((await download(file.url, { range: 'bytes=0-1,5-6' })).statusCode).toBe(200);
    expect((await download(file.url, { range: 'bytes=0-1', 'if-range': '"stale"' })).statusCode).toBe(200);
  });

  it('answers 304 to a browser that holds the same copy', async () => {
    const res = await download(file.url, { 'if-none-match': `"${file.sha256}"` });
    expect(res.statusCode).toBe(304);
    expect(res.rawPayload.length).toBe(0);
  });
});

describe('the upload limit', () => {
  it('refuses a file one byte past the limit with 413 naming the file, and keeps nothing', async () => {
    const before = await storedCounts(t);
    const res = await uploadFile(t, office, fields('photo'), {
      name: '大照片.jpg',
      data: jpeg(DEFAULT_UPLOAD_LIMIT + 1),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', fields: [{ path: 'file' }] });
    expect(res.json().message).toContain('20 MB');
    expect(await storedCounts(t)).toEqual(before);
  });

  it('takes a file of exactly the limit', async () => {
    const data = jpeg(DEFAULT_UPLOAD_LIMIT);
    const res = await uploadFile(t, office, fields('photo'), { name: '大照片.jpg', data });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ size: DEFAULT_UPLOAD_LIMIT, sha256: sha256(data) });
  });
});

describe('the committee’s own upload limit', () => {
  it('applies as soon as the office changes the setting', async () => {
    const setting = (
      await t.request({ method: 'GET', url: '/api/v1/settings/upload.maxBytes', cookie: office })
    ).json();
    const changed = await t.request({
      method: 'PUT',
      url: '/api/v1/settings/upload.maxBytes',
      cookie: office,
      payload: { value: 1024 * 1024, version: setting.version },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    try {
      const res = await uploadFile(t, office, fields('photo'), {
        name: '照片.jpg',
        data: jpeg(1024 * 1024 + 1),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toContain('1 MB');
      const fits = await uploadFile(t, office, fields('photo'), {
        name: '照片.jpg',
        data: jpeg(1024 * 1024),
      });
      expect(fits.statusCode).toBe(201);
    } finally {
      await t.request({ method: 'DELETE', url: '/api/v1/settings/upload.maxBytes', cookie: office });
    }
  });
});

describe('a broken body', () => {
  it.each([
    ['no boundary', 'multipart/form-data'],
    ['a boundary the body does not use', 'multipart/form-data; boundary=abc'],
  ])('400 UPLOAD_MALFORMED for %s', async (_what, contentType) => {
    const { payload } = await multipart(fields(), { name: 'a.pdf', data: pdf(), type: 'application/pdf' });
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/files',
      cookie: office,
      headers: { 'content-type': contentType },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'UPLOAD_MALFORMED', fields: [{ path: 'file' }] });
  });

  it('keeps nothing of a file whose body breaks off after chunks were written', async () => {
    const before = await storedCounts(t);
    const { payload, headers } = await multipart(fields(), {
      name: 'a.pdf',
      data: pdf(4 * CHUNK_BYTES),
      type: 'application/pdf',
    });
    const cut = payload.subarray(0, payload.length - CHUNK_BYTES);
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/files',
      cookie: office,
      headers,
      payload: cut,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'UPLOAD_MALFORMED', fields: [{ path: 'file' }] });
    expect(await storedCounts(t)).toEqual(before);
  });
});

describe('uploads at the same time', () => {
  it('stores each one whole and apart', async () => {
    const contents = Array.from({ length: 6 }, (_, i) => pdf(CHUNK_BYTES * 2 + i * 1000));
    const results = await Promise.all(
      contents.map((data, i) =>
        uploadFile(t, i % 2 ? office : tongzhou, fields(), { name: `材料${i + 1}.pdf`, data }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(contents.map(() => 201));
    const files = results.map((r) => r.json() as { id: number; url: string; name: string });
    expect(new Set(files.map((f) => f.id)).size).toBe(contents.length);
    for (const [i, file] of files.entries()) {
      expect(file.name).toBe(`材料${i + 1}.pdf`);
      const res = await download(file.url);
      expect(sha256(res.rawPayload)).toBe(sha256(contents[i]!));
    }
  });
});
