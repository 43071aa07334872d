import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpLogin, json, killHard, type ServerProcess, startServer } from '../test/server-process';
import { createProcessStoreEnv } from '../test/store';
import { DEMO_PASSWORD } from './seed/demo-committee';

/**
 * Kills the server with SIGKILL right after writes were acknowledged, restarts it on the same
 * store, and finds every acknowledged write. On PGlite this is the embedded store's files in
 * DATA_DIR; on PostgreSQL, the server's.
 */
describe('durability of acknowledged writes across SIGKILL', () => {
  let env: Record<string, string>;
  let dispose: () => Promise<void> = async () => {};
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    // The demo committee as every test file's app has it; the server starts on it (no seeding).
    ({ env, dispose } = await createProcessStoreEnv('durability', inject('demoTemplate') ?? null));
  });
  afterAll(async () => {
    if (server) await killHard(server);
    await dispose();
  }, 180_000);

  it('keeps every acknowledged org, position and audit row', async () => {
    server = await startServer(env);
    const cookie = await httpLogin(server.url, 'office', DEMO_PASSWORD);
    const headers = { 'content-type': 'application/json', cookie };
    const tree = await json(await fetch(`${server.url}/api/v1/orgs/tree`, { headers }));
    const parentId: number = tree.roots[0].children[0].id;

    const acknowledged: { id: number; name: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const name = `持久化测试流动党支部${i}`;
      const res = await fetch(`${server.url}/api/v1/orgs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ parentId, name, kind: 'branch' }),
      });
      expect(res.status).toBe(201);
      acknowledged.push({ id: (await json(res)).id, name });
    }
    const last = acknowledged.at(-1)!;
    const pos = await fetch(`${server.url}/api/v1/orgs/${last.id}/positions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'secretary', holderName: '测试书记', termStart: '2026-01-01' }),
    });
    expect(pos.status).toBe(201);
    await killHard(server); // no graceful shutdown, no checkpoint

    server = await startServer(env);
    const again = await httpLogin(server.url, 'office', DEMO_PASSWORD);
    for (const org of acknowledged) {
      const res = await fetch(`${server.url}/api/v1/orgs/${org.id}`, { headers: { cookie: again } });
      expect(res.status).toBe(200);
      expect((await json(res)).name).toBe(org.name);
    }
    const detail = await json(
      await fetch(`${server.url}/api/v1/orgs/${last.id}`, { headers: { cookie: again } }),
    );
    expect(detail.positions.map((p: { holderName: string }) => p.holderName)).toEqual(['测试书记']);

    const auditor = await httpLogin(server.url, 'auditor', DEMO_PASSWORD);
    const verify = await json(
      await fetch(`${server.url}/api/v1/audit/verify`, { headers: { cookie: auditor } }),
    );
    expect(verify.status).toBe('intact');
    const created = await json(
      await fetch(`${server.url}/api/v1/audit?action=org.created&limit=50`, { headers: { cookie: auditor } }),
    );
    expect(created.items).toHaveLength(acknowledged.length);
    // Two starts of the server as a process.
  }, 180_000);
});
