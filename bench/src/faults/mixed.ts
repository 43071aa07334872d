/** Reads, writes, sign-ins and an import a minute on PostgreSQL for some minutes, RSS each minute. */
import fs from 'node:fs';
import { login } from '../http';
import { xlsxFile } from '../import-files';
import { latencyOf, round } from '../stats';
import { type Answer, call, chineseNumber, newBranch, sleep, treeBranchParent } from './api';
import { importWithKill, runSheet } from './import-kill';
import { count, tally } from './tally';
import { dispose, start, target } from './target';
import { memberBody } from './writes-kill';

export async function mixed(minutes: number) {
  const t = await target('postgres', 'mixed', { JOBS_ENABLED: 'true', SEED_DEMO_MEMBERS: '3000' });
  const perMinute: Record<string, unknown>[] = [];
  try {
    const server = await start(t);
    const office = await login(server.url, 'office');
    const { parentId } = await treeBranchParent(server.url, office);
    const readers = ['office', 'tongzhou', 'haidian', 'kangbao', 'xicheng'];
    const cookies = await Promise.all(readers.map((u) => login(server.url, u)));
    const memberOrg = await newBranch(server.url, office, parentId, '混合负载流动党支部');
    let stopped = false;
    let window = tally();
    let n = 0;
    const READS = [
      '/api/v1/members?limit=50',
      '/api/v1/members?limit=50&q=王',
      '/api/v1/orgs/tree',
      '/api/v1/members/counts?by=committee',
      '/api/v1/auth/me',
      '/api/v1/stats/members?by=status',
      '/api/v1/audit?limit=20',
    ];
    const client = async (c: number) => {
      // A client's members are numbered by its writes (its ID numbers repeat after 10,000 of them).
      for (let written = 0; !stopped; ) {
        const i = n++;
        const cookie = cookies[i % cookies.length]!;
        let r: Answer;
        if (i % 10 === 9)
          r = await call(
            server.url,
            office,
            'POST',
            '/api/v1/members',
            memberBody(memberOrg, 7, c, written++),
          );
        // A branch a hundred requests: a committee has some hundred branches, not tens of thousands
        // (at one in ten, the tree every reader asks for grew by 1,700 branches a minute).
        else if (i % 100 === 8)
          r = await call(server.url, office, 'POST', '/api/v1/orgs', {
            parentId,
            name: `混合负载支部${chineseNumber(i, 6)}`,
            kind: 'branch',
          });
        else if (i % 50 === 7) {
          const started = performance.now();
          try {
            await login(server.url, readers[i % readers.length]!);
            r = { status: 200, body: null, ms: performance.now() - started };
          } catch (err) {
            r = {
              status: 599,
              body: { code: (err as Error).message.slice(0, 60) },
              ms: performance.now() - started,
            };
          }
        } else {
          const p = READS[i % READS.length]!;
          // The audit list is the auditor's; others read members, orgs and figures.
          r = await call(server.url, p.startsWith('/api/v1/audit') ? await auditor : cookie, 'GET', p);
        }
        count(window, r);
      }
    };
    const auditor = login(server.url, 'auditor');
    const imports: { minute: number; seconds: number; ok: boolean }[] = [];
    const importer = async () => {
      for (let run = 0; !stopped; run++) {
        const orgId = await newBranch(
          server.url,
          office,
          parentId,
          `混合导入流动党支部${chineseNumber(run, 2)}`,
        );
        const file = await xlsxFile('党员信息', runSheet(1000, run));
        const started = performance.now();
        const outcome = await importWithKill(server, office, file, orgId, null);
        const seconds = round((performance.now() - started) / 1000, 1);
        imports.push({ minute: perMinute.length + 1, seconds, ok: outcome.imported === 1000 });
        count(window, {
          status: outcome.imported === 1000 ? 200 : 598,
          body: { code: outcome.end },
          ms: seconds * 1000,
        });
        // About one a minute.
        for (let s = 0; s < 60 && !stopped; s++) await sleep(1000);
      }
    };
    const clients = Array.from({ length: 8 }, (_, c) => client(c));
    const importing = importer();
    const rss0 = server.memory();
    for (let m = 1; m <= minutes; m++) {
      await sleep(60_000);
      const w = window;
      window = tally();
      const l = latencyOf(w.latencies);
      perMinute.push({
        minute: m,
        requests: w.requests,
        errors: w.requests - w.ok,
        answers: w.answers,
        failures: w.failures,
        p50Ms: round(l.median, 1),
        p95Ms: round(l.p95, 1),
        maxMs: Math.round(Math.max(0, ...w.latencies)),
        rssMb: server.memory().rssMb,
        load: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      });
      console.log(JSON.stringify(perMinute.at(-1)));
    }
    stopped = true;
    await Promise.all([...clients, importing]);
    return { minutes, clients: 8, demoMembers: 3000, rssAtStartMb: rss0.rssMb, imports, perMinute };
  } finally {
    await dispose(t);
  }
}
