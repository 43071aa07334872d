import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import {
  fileAudit,
  jpeg,
  memberUnder,
  pdf,
  png,
  storedCounts,
  type UploadFile,
  uploadFile,
} from '../../../test/files';
import { queryRows } from '../../db/client';

/** Who may do what with files, and what is refused before a byte is stored. */

const TONGZHOU = '驻北京通州区流动党委';
const HAIDIAN = '驻北京海淀区流动党委';
const KANGBAO = '130723';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let auditor: string;
let memberAccount: string;
/** Placed under Tongzhou, home county Kangbao: Tongzhou writes it, Kangbao's viewer reads it. */
let shared: { id: number; name: string };
/** Placed under Haidian: outside Tongzhou's scope. */
let haidianMember: { id: number; name: string };

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, auditor, memberAccount] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string, string];
  shared = await memberUnder(t, TONGZHOU, KANGBAO);
  haidianMember = await memberUnder(t, HAIDIAN);
});
afterAll(() => t.close());

const fieldsFor = (member: { id: number }, purpose = 'photo') => ({
  ownerType: 'member',
  ownerId: String(member.id),
  purpose,
});

async function stored(
  cookie: string,
  member: { id: number },
  purpose: string,
  file: UploadFile = { name: '照片.jpg', data: jpeg() },
) {
  const res = await uploadFile(t, cookie, fieldsFor(member, purpose), file);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; url: string; name: string };
}

const list = (cookie: string | undefined, query: string) =>
  t.request({ method: 'GET', url: `/api/v1/files?${query}`, ...(cookie ? { cookie } : {}) });
const get = (cookie: string | undefined, url: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const del = (cookie: string | undefined, id: number | string) =>
  t.request({ method: 'DELETE', url: `/api/v1/files/${id}`, ...(cookie ? { cookie } : {}) });

describe('POST /api/v1/files', () => {
  it('401 without a session; 403 for the audit admin, the home-county viewer (read only) and a member account; nothing stored', async () => {
    const before = await storedCounts(t);
    expect(
      (await uploadFile(t, undefined, fieldsFor(shared), { name: 'a.jpg', data: jpeg() })).statusCode,
    ).toBe(401);
    for (const cookie of [auditor, kangbao, memberAccount]) {
      const res = await uploadFile(t, cookie, fieldsFor(shared), { name: 'a.jpg', data: jpeg() });
      expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
    }
    expect(await storedCounts(t)).toEqual(before);
  });

  it('400 naming the field: not multipart, no file, missing or wrong fields, a purpose the record does not keep', async () => {
    const before = await storedCounts(t);
    const json = await t.request({ method: 'POST', url: '/api/v1/files', payload: {}, cookie: office });
    expect([json.statusCode, json.json().code, faultyFields(json)]).toEqual([400, 'FILE_REQUIRED', ['file']]);

    const noFile = await uploadFile(t, office, fieldsFor(shared));
    expect([noFile.statusCode, noFile.json().code, faultyFields(noFile)]).toEqual([
      400,
      'FILE_REQUIRED',
      ['file'],
    ]);

    const none = await uploadFile(t, office, {}, { name: 'a.jpg', data: jpeg() });
    expect([none.statusCode, faultyFields(none)]).toEqual([400, ['ownerId', 'ownerType', 'purpose']]);
    expect(none.json().message).toContain('须在文件之前发送');

    const bad = await uploadFile(
      t,
      office,
      { ownerType: 'orgs', ownerId: '1e3', purpose: 'selfie' },
      { name: 'a.jpg', data: jpeg() },
    );
    expect([bad.statusCode, faultyFields(bad)]).toEqual([400, ['ownerId', 'ownerType', 'purpose']]);

    const video = await uploadFile(t, office, fieldsFor(shared, 'video'), { name: 'a.jpg', data: jpeg() });
    expect([video.statusCode, faultyFields(video)]).toEqual([400, ['purpose']]);

    const empty = await uploadFile(t, office, fieldsFor(shared), { name: 'a.jpg', data: Buffer.alloc(0) });
    expect([empty.statusCode, empty.json().code, faultyFields(empty)]).toEqual([400, 'FILE_EMPTY', ['file']]);
    expect(await storedCounts(t)).toEqual(before);
  });

  it('refuses by content: a renamed file, a type the purpose does not take, text posing as a photo (400, field file)', async () => {
    const before = await storedCounts(t);
    const renamed = await uploadFile(t, office, fieldsFor(shared, 'document'), {
      name: '入党志愿书.pdf',
      data: png(),
    });
    expect([renamed.statusCode, renamed.json().code, faultyFields(renamed)]).toEqual([
      400,
      'FILE_TYPE_MISMATCH',
      ['file'],
    ]);
    expect(renamed.json().message).toBe(
      '文件内容是PNG 图片，与扩展名 .pdf 不符；请选择原始文件，不要只修改扩展名',
    );

    const pdfAsPhoto = await uploadFile(t, office, fieldsFor(shared), { name: '照片.pdf', data: pdf() });
    expect([pdfAsPhoto.statusCode, pdfAsPhoto.json().code, faultyFields(pdfAsPhoto)]).toEqual([
      400,
      'FILE_TYPE_REFUSED',
      ['file'],
    ]);
    expect(pdfAsPhoto.json().message).toBe('照片只接受JPEG 图片、PNG 图片、WebP 图片，所选文件是PDF 文档');

    const text = await uploadFile(t, office, fieldsFor(shared), {
      name: '照片.jpg',
      data: Buffer.from('这不是照片\n'),
      type: 'image/jpeg',
    });
    expect([text.statusCode, text.json().code, faultyFields(text)]).toEqual([
      400,
      'FILE_TYPE_REFUSED',
      ['file'],
    ]);

    const badName = await uploadFile(t, office, fieldsFor(shared), {
      name: 'a\u202Egpj.exe.jpg',
      data: jpeg(),
    });
    expect([badName.statusCode, badName.json().code, faultyFields(badName)]).toEqual([
      400,
      'FILE_NAME_INVALID',
      ['file'],
    ]);
    expect(await storedCounts(t)).toEqual(before);
  });

  it('404 for a member outside the secretary’s scope and for one that does not exist; nothing stored', async () => {
    const before = await storedCounts(t);
    const outside = await uploadFile(t, tongzhou, fieldsFor(haidianMember), { name: 'a.jpg', data: jpeg() });
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'NOT_FOUND']);
    const missing = await uploadFile(t, office, fieldsFor({ id: 2_000_000_000 }), {
      name: 'a.jpg',
      data: jpeg(),
    });
    expect(missing.statusCode).toBe(404);
    expect(await storedCounts(t)).toEqual(before);
  });

  it('keeps a photo with the name, type and uploader the user sees, and names a nameless file by its content', async () => {
    const res = await uploadFile(t, tongzhou, fieldsFor(shared), { name: '证件照.JPG', data: jpeg(5000) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ownerType: 'member',
      ownerId: shared.id,
      purpose: 'photo',
      purposeLabel: '照片',
      name: '证件照.JPG',
      mime: 'image/jpeg',
      typeLabel: 'JPEG 图片',
      size: 5000,
      uploaderName: '通州流动党委书记',
    });
    const nameless = await uploadFile(t, tongzhou, fieldsFor(shared, 'document'), {
      name: '扫描件',
      data: pdf(),
    });
    expect(nameless.json()).toMatchObject({ name: '扫描件.pdf', mime: 'application/pdf' });
  });
});

describe('GET /api/v1/files (a record’s files)', () => {
  it('401 without a session, 403 for the audit admin, 400 naming the field', async () => {
    const q = `ownerType=member&ownerId=${shared.id}`;
    expect((await list(undefined, q)).statusCode).toBe(401);
    expect((await list(auditor, q)).json().code).toBe('FORBIDDEN');
    const missing = await list(office, 'ownerType=member');
    expect([missing.statusCode, faultyFields(missing)]).toEqual([400, ['ownerId']]);
    const wrong = await list(office, `ownerType=member&ownerId=${shared.id}&purpose=video`);
    expect([wrong.statusCode, faultyFields(wrong)]).toEqual([400, ['purpose']]);
    const loose = await list(office, 'ownerType=org&ownerId=0x10');
    expect([loose.statusCode, faultyFields(loose)]).toEqual([400, ['ownerId', 'ownerType']]);
  });

  it('404 outside the scope: another committee’s secretary, a home-county viewer for a member from elsewhere', async () => {
    expect((await list(haidian, `ownerType=member&ownerId=${shared.id}`)).json().code).toBe('NOT_FOUND');
    const elsewhere = await memberUnder(t, HAIDIAN);
    const [home] = await queryRows<{ home_county: string }>(
      t.store.db,
      sql`select home_county from members where id = ${elsewhere.id}`,
    );
    if (home!.home_county !== KANGBAO) {
      expect((await list(kangbao, `ownerType=member&ownerId=${elsewhere.id}`)).statusCode).toBe(404);
    }
  });

  it('lists newest first, by purpose, with what each reader may do; the latest photo comes first', async () => {
    const first = await stored(tongzhou, shared, 'photo');
    const second = await stored(office, shared, 'photo', { name: '新照片.png', data: png() });
    const doc = await stored(tongzhou, shared, 'document', { name: '入党志愿书.pdf', data: pdf() });

    const photos = await list(tongzhou, `ownerType=member&ownerId=${shared.id}&purpose=photo`);
    expect(photos.statusCode).toBe(200);
    const ids = photos.json().items.map((f: { id: number }) => f.id);
    expect(ids.slice(0, 2)).toEqual([second.id, first.id]);
    expect(ids).not.toContain(doc.id);
    expect(photos.json()).toMatchObject({
      policies: { upload: true, delete: true },
      uploadLimit: 20 * 1024 * 1024,
    });
    expect(photos.json().items[0]).toMatchObject({ name: '新照片.png', uploaderName: '流动党委办公室' });

    const all = await list(kangbao, `ownerType=member&ownerId=${shared.id}`);
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((f: { id: number }) => f.id)).toEqual(
      expect.arrayContaining([doc.id, first.id]),
    );
    expect(all.json().policies).toEqual({ upload: false, delete: false });
  });
});

describe('GET /api/v1/files/:id', () => {
  it('401, 403 for the audit admin, 400 for an id that is not a number, 404 for one that does not exist', async () => {
    const file = await stored(tongzhou, shared, 'photo');
    expect((await get(undefined, file.url)).statusCode).toBe(401);
    expect((await get(auditor, file.url)).json().code).toBe('FORBIDDEN');
    const word = await get(office, '/api/v1/files/abc');
    expect([word.statusCode, faultyFields(word)]).toEqual([400, ['id']]);
    expect((await get(office, '/api/v1/files/99999999')).statusCode).toBe(404);
    expect((await get(office, '/api/v1/files/99999999999999999999')).statusCode).toBe(404);
  });

  it('404 for a file of a record outside the scope (no audit entry), 200 inside it', async () => {
    const file = await stored(tongzhou, shared, 'document', { name: '证明.pdf', data: pdf() });
    const before = (await fileAudit(t, shared.id)).length;
    const outside = await get(haidian, file.url);
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'NOT_FOUND']);
    expect((await fileAudit(t, shared.id)).length).toBe(before);
    expect((await get(kangbao, file.url)).statusCode).toBe(200);
  });
});

describe('DELETE /api/v1/files/:id', () => {
  it('401, 403 for a read-only viewer, 400 for a word, 404 outside the scope; then deleted for good', async () => {
    const file = await stored(tongzhou, shared, 'document', { name: '作废.pdf', data: pdf() });
    expect((await del(undefined, file.id)).statusCode).toBe(401);
    expect((await del(kangbao, file.id)).json().code).toBe('FORBIDDEN');
    const word = await del(office, 'abc');
    expect([word.statusCode, faultyFields(word)]).toEqual([400, ['id']]);
    expect((await del(haidian, file.id)).statusCode).toBe(404);
    expect((await get(tongzhou, file.url)).statusCode).toBe(200);

    expect((await del(tongzhou, file.id)).statusCode).toBe(204);
    expect((await get(tongzhou, file.url)).statusCode).toBe(404);
    const listed = await list(tongzhou, `ownerType=member&ownerId=${shared.id}`);
    expect(listed.json().items.map((f: { id: number }) => f.id)).not.toContain(file.id);
    expect((await del(tongzhou, file.id)).statusCode).toBe(404);
    // Soft: the row is kept, marked deleted.
    const [row] = await queryRows<{ deleted: boolean }>(
      t.store.db,
      sql`select deleted_at is not null as deleted from files where id = ${file.id}`,
    );
    expect(row!.deleted).toBe(true);
  });
});

describe('the audit log', () => {
  it('records each upload, download and deletion of a member’s file under the member, with the file’s hash', async () => {
    const member = await memberUnder(t, TONGZHOU);
    const data = pdf(3000);
    const up = await uploadFile(t, tongzhou, fieldsFor(member, 'document'), { name: '入党申请书.pdf', data });
    const file = up.json();
    expect((await get(office, file.url)).statusCode).toBe(200);
    // A later part of the file (a player seeking) is not another download; the start is.
    expect(
      (await t.request({ method: 'GET', url: file.url, cookie: office, headers: { range: 'bytes=100-' } }))
        .statusCode,
    ).toBe(206);
    expect((await t.request({ method: 'HEAD', url: file.url, cookie: office })).statusCode).toBe(200);
    expect((await del(tongzhou, file.id)).statusCode).toBe(204);

    const entries = await fileAudit(t, member.id);
    expect(entries.map((e) => [e.action, e.actor_name, e.target_label])).toEqual([
      ['file.uploaded', 'tongzhou', member.name],
      ['file.downloaded', 'office', member.name],
      ['file.deleted', 'tongzhou', member.name],
    ]);
    const view = {
      fileId: file.id,
      name: '入党申请书.pdf',
      purpose: 'document',
      size: 3000,
      sha256: file.sha256,
    };
    expect(entries[0]!.after).toMatchObject(view);
    expect(entries[2]!.before).toMatchObject(view);

    const history = await get(tongzhou, `/api/v1/members/${member.id}/history`);
    expect(history.json().items.map((e: { actionLabel: string }) => e.actionLabel)).toEqual(
      expect.arrayContaining(['上传文件', '下载文件', '删除文件']),
    );
  });
});
