import { describe, expect, it } from 'vitest';
import { NoticeCreateBody, NoticeUpdateBody } from './notices';

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join('.')).sort();

describe('NoticeCreateBody', () => {
  const base = { title: '关于开展主题党日的通知', bodyHtml: '<p>正文</p>', target: { orgIds: [12] } };

  it('accepts a target of any of its three parts, filling the others', () => {
    expect(NoticeCreateBody.parse(base).target).toEqual({ orgIds: [12], roles: [], memberIds: [] });
    expect(NoticeCreateBody.safeParse({ ...base, target: { roles: ['member'] } }).success).toBe(true);
    expect(NoticeCreateBody.safeParse({ ...base, target: { memberIds: [5] } }).success).toBe(true);
  });

  it('needs someone to send to, a title, a body; refuses the administrators as a role', () => {
    expect(paths(NoticeCreateBody.safeParse({ title: ' ', bodyHtml: '', target: {} }))).toEqual([
      'bodyHtml',
      'target.orgIds',
      'title',
    ]);
    expect(paths(NoticeCreateBody.safeParse({ ...base, target: { roles: ['audit_admin'] } }))).toEqual([
      'target.roles.0',
    ]);
    expect(paths(NoticeCreateBody.safeParse({ ...base, target: { orgIds: [0, 1.5] } }))).toEqual([
      'target.orgIds.0',
      'target.orgIds.1',
    ]);
  });

  it('wants a reply deadline after the publishing time', () => {
    const at = (publishAt: string, replyBy: string) =>
      NoticeCreateBody.safeParse({ ...base, publishAt, replyBy });
    expect(paths(at('2030-05-02T08:00:00+08:00', '2030-05-01T08:00:00+08:00'))).toEqual(['replyBy']);
    expect(at('2030-05-01T08:00:00+08:00', '2030-05-02T08:00:00+08:00').success).toBe(true);
    expect(paths(NoticeCreateBody.safeParse({ ...base, replyBy: '2000-01-01T00:00:00Z' }))).toEqual([
      'replyBy',
    ]);
  });

  it('normalizes the title as every text field is', () => {
    expect(NoticeCreateBody.parse({ ...base, title: '  通知\u200B标题  ' }).title).toBe('通知标题');
    expect(paths(NoticeCreateBody.safeParse({ ...base, title: '通知\u0000' }))).toEqual(['title']);
  });
});

describe('NoticeUpdateBody', () => {
  it('needs the version the change was based on', () => {
    expect(paths(NoticeUpdateBody.safeParse({ title: '新标题' }))).toEqual(['version']);
    expect(NoticeUpdateBody.safeParse({ title: '新标题', version: 0 }).success).toBe(true);
  });
});
