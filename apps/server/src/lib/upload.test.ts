import { randomBytes } from 'node:crypto';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart as form } from '../../test/excel';
import { AppError } from './errors';
import { receiveUpload } from './upload';

/** A bare server with one upload route: what it received, or the problem it answered. */
let app: FastifyInstance;
const LIMIT = 1000;

beforeAll(async () => {
  app = Fastify();
  app.setErrorHandler((err: Error, _request, reply) => {
    if (err instanceof AppError) return reply.code(err.status).send({ code: err.code, fields: err.fields });
    return reply.code(500).send({ code: 'INTERNAL', message: err.message });
  });
  await app.register(multipart);
  app.post('/upload', async (request) => {
    const mode = (request.query as { mode?: string }).mode;
    return receiveUpload(
      request,
      {
        maxBytes: LIMIT,
        tooLarge: () => new AppError(413, 'TOO_LARGE', '过大', [{ path: 'file', message: '过大' }]),
        noFile: () => new AppError(400, 'NO_FILE', '缺少', [{ path: 'file', message: '缺少' }]),
      },
      async ({ fields, file, finish }) => {
        if (mode === 'refuse') throw new AppError(400, 'REFUSED', '拒绝');
        if (mode === 'unread') return { before: fields, name: file.fileName };
        const parts: Buffer[] = [];
        for await (const chunk of file.stream) parts.push(chunk as Buffer);
        const all = await finish();
        return { before: fields, all, name: file.fileName, size: Buffer.concat(parts).length };
      },
    );
  });
  await app.ready();
});
afterAll(() => app.close());

async function post(fields: Record<string, string>, data?: Buffer, name = '材料.pdf', mode = '') {
  const { payload, headers } = await form(fields, data && { name, data, type: 'application/pdf' });
  return app.inject({ method: 'POST', url: `/upload${mode ? `?mode=${mode}` : ''}`, payload, headers });
}

describe('receiveUpload', () => {
  it('hands over the fields sent before the file, the file as a stream, and the rest after it', async () => {
    const res = await post({ purpose: 'document' }, randomBytes(LIMIT));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      before: { purpose: 'document' },
      all: { purpose: 'document' },
      name: '材料.pdf',
      size: LIMIT,
    });
  });

  it('reads fields after the file too, and drops the folder of a name', async () => {
    const boundary = 'nx';
    const payload = Buffer.from(
      [
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="C:\\扫描\\a.pdf"\r\n\r\nabc\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n12\r\n`,
        `--${boundary}--\r\n`,
      ].join(''),
    );
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.json()).toEqual({ before: {}, all: { orgId: '12' }, name: 'a.pdf', size: 3 });
  });

  it('answers the caller’s 413 one byte past the limit', async () => {
    const res = await post({}, randomBytes(LIMIT + 1));
    expect([res.statusCode, res.json().code]).toEqual([413, 'TOO_LARGE']);
  });

  it('answers the caller’s 400 without a file part, or for a body that is not multipart', async () => {
    expect((await post({ purpose: 'x' })).json().code).toBe('NO_FILE');
    const json = await app.inject({ method: 'POST', url: '/upload', payload: { a: 1 } });
    expect(json.json().code).toBe('NO_FILE');
  });

  it('answers 400 UPLOAD_MALFORMED naming file for a missing boundary and for a body cut off', async () => {
    const { payload, headers } = await form({}, { name: 'a.pdf', data: randomBytes(500) });
    const noBoundary = await app.inject({
      method: 'POST',
      url: '/upload',
      payload,
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(noBoundary.json()).toEqual({
      code: 'UPLOAD_MALFORMED',
      fields: [{ path: 'file', message: '上传内容无效' }],
    });
    const cut = await app.inject({
      method: 'POST',
      url: '/upload',
      payload: payload.subarray(0, 400),
      headers,
    });
    expect(cut.json().code).toBe('UPLOAD_MALFORMED');
  });

  it('answers the caller’s refusal while the file is still unread, and reads a file the caller left alone', async () => {
    expect((await post({}, randomBytes(800), 'a.pdf', 'refuse')).json().code).toBe('REFUSED');
    const unread = await post({ a: '1' }, randomBytes(800), 'a.pdf', 'unread');
    expect(unread.json()).toEqual({ before: { a: '1' }, name: 'a.pdf' });
  });
});
