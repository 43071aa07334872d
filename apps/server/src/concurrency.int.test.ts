import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { orgByName } from '../test/factories';
import { httpLogin, json } from '../test/server-process';
import { DEMO_PASSWORD } from './seed/demo-committee';

/**
 * Fifty writing requests at once over real HTTP. PGlite is one connection and must not
 * interleave transactions; PostgreSQL runs them in parallel and must not lose updates.
 */
describe('50 concurrent writing requests', () => {
  let t: TestApp;
  let url: string;
  let cookie: string;
  let parentId: number;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    cookie = await httpLogin(url, 'office', DEMO_PASSWORD);
    parentId = (await orgByName(t.store, '驻北京大兴区流动党委')).id;
  });
  afterAll(() => t.close());

  const send = (method: string, path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });

  it('creates all 50 orgs, each with one audit row in an unbroken chain', async () => {
    const before = (await t.services.audit.verify(auditActor())).rows;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send('POST', '/api/v1/orgs', { parentId, name: `并发流动党支部${i}`, kind: 'branch' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => (await json(r)).id as number)));
    expect(ids.size).toBe(50);

    const tree = await json(await fetch(`${url}/api/v1/orgs/tree`, { headers: { cookie } }));
    const daxing = tree.roots[0].children.find((c: { id: number }) => c.id === parentId);
    const names = daxing.children.map((c: { name: string }) => c.name);
    for (let i = 0; i < 50; i++) expect(names).toContain(`并发流动党支部${i}`);

    const verify = await t.services.audit.verify(auditActor());
    expect(verify).toMatchObject({ status: 'intact', rows: before + 50 });
  });

  it('lets exactly one of 50 concurrent edits with the same version win; the rest get 409', async () => {
    const org = await orgByName(t.store, '驻北京大兴区流动党委');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send('PATCH', `/api/v1/orgs/${org.id}`, { name: `驻北京大兴区流动党委${i}`, version: org.version }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = await json(responses[statuses.indexOf(200)]!);
    const now = await orgByName(t.store, winner.name);
    expect(now.version).toBe(org.version + 1);
  });

  it('serves reads while writes are in flight and answers no 500', async () => {
    const mixed = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? send('POST', '/api/v1/orgs', { parentId, name: `混合流动党支部${i}`, kind: 'branch' })
          : fetch(`${url}/api/v1/orgs/tree`, { headers: { cookie } }),
      ),
    );
    expect(mixed.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(mixed.filter((r, i) => i % 2 === 0 && r.status === 201)).toHaveLength(25);
  });

  function auditActor() {
    return {
      userId: 0,
      username: 'test',
      displayName: 'test',
      sessionId: 0,
      ip: null,
      memberId: null,
      assignments: [
        {
          id: 0,
          role: 'audit_admin' as const,
          scopeKind: 'all' as const,
          orgId: null,
          orgPath: null,
          division: null,
        },
      ],
    };
  }
});
