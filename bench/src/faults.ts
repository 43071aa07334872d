/**
 * npm run bench:faults -w @ningxin/bench -- <drill> [pglite|postgres|both] [minutes]
 *
 *   import-kill   kill -9 during the commit of a 5,000-row member import
 *   writes-kill   kill -9 during 50 concurrent writers (orgs and members)
 *   checkin-kill  kill -9 during a volunteer check-in peak (50 volunteers in and out at once)
 *   pg-restart    PostgreSQL restarted (fast) and crashed (immediate) under steady load
 *   mixed         reads, writes, sign-ins and an import a minute on PostgreSQL, RSS each minute
 *
 * The kill drills run on PGlite (a temporary data directory) and on PostgreSQL; every PostgreSQL
 * here is a cluster of the drill's own (bench/src/pg-cluster.ts, port 5499), never the shared one.
 * After each kill the store is opened directly, as the restarting server would open it, and
 * checked in SQL: every acknowledged write is there, nothing is half-written (each record has its
 * audit row, its status event or ledger entry), the member rollups equal the members, the audit
 * chain verifies. Then the server is started again on it and asked the same through its API (the
 * audit verify route, the members.rollup_check job). Results are merged into
 * bench/results/faults.json and written out as faults.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idCheckChar } from '@ningxin/shared';
import { verifyChain } from '../../apps/server/src/modules/audit/audit.service';
import { rollupsRepository } from '../../apps/server/src/modules/members/counts/members.rollups.repository';
import { memberBody as testMemberBody } from '../../apps/server/test/member-factory';
import { login } from './http';
import { memberSheetRows, xlsxFile } from './import-files';
import { BENCH_DIR } from './paths';
import { type OwnCluster, ownCluster } from './pg-cluster';
import { type ServerProcess, startServer } from './server';
import { latencyOf, round } from './stats';
import { type BenchStoreOptions, type DirectStore, openDirect, storeEnv } from './store';

const PORT = Number(process.env.FAULTS_PORT ?? 3297);
const KILLS = Number(process.env.FAULTS_KILLS ?? 5);
const IMPORT_ROWS = Number(process.env.FAULTS_IMPORT_ROWS ?? 5000);
const WRITERS = 50;
const DEMO_MEMBERS = 300;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HOUR = 3_600_000;

type Kind = 'pglite' | 'postgres';

// ---------------------------------------------------------------------------------------------
// The store and the server

interface Target {
  kind: Kind;
  opts: BenchStoreOptions;
  env: Record<string, string>;
  server?: ServerProcess;
}

let cluster: OwnCluster | undefined;
async function pgCluster(): Promise<OwnCluster> {
  cluster ??= await ownCluster();
  return cluster;
}

async function target(kind: Kind, drill: string, env: Record<string, string> = {}): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ningxin-faults-${drill}-`));
  const pgUrl =
    kind === 'postgres'
      ? await (await pgCluster()).createDatabase(`faults_${drill.replaceAll('-', '_')}`)
      : undefined;
  const opts: BenchStoreOptions = { dataDir, pgUrl, members: DEMO_MEMBERS };
  return {
    kind,
    opts,
    env: {
      ...storeEnv(opts),
      SEED_DEMO: 'true',
      SEED_DEMO_MEMBERS: String(DEMO_MEMBERS),
      JOBS_ENABLED: 'false',
      ADMIN_TWO_FACTOR: 'optional',
      ...env,
    },
  };
}

async function start(t: Target): Promise<ServerProcess> {
  t.server = await startServer(t.env, PORT, 600_000);
  return t.server;
}

async function withDirect<T>(t: Target, fn: (d: DirectStore) => Promise<T>): Promise<T> {
  const d = await openDirect(t.opts);
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

async function dispose(t: Target) {
  await t.server?.stop();
  fs.rmSync(t.opts.dataDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the drills read arbitrary answers
  body: any;
  ms: number;
  /** The request failed without an answer: connection refused or reset, or the time limit. */
  failure?: string;
}

async function call(
  url: string,
  cookie: string | null,
  method: string,
  apiPath: string,
  body?: unknown,
  timeoutMs = 60_000,
): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}${apiPath}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, ms: performance.now() - started };
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string }; message?: string };
    const failure = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message ?? 'error');
    return { status: 0, body: null, ms: performance.now() - started, failure };
  }
}

async function must(a: Promise<Answer>, what: string): Promise<Answer> {
  const r = await a;
  if (r.status < 200 || r.status >= 300)
    throw new Error(`${what}: ${r.status || r.failure} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r;
}

/** Beijing's date and clock, as the volunteer shifts are given. */
const bjDay = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
const bjClock = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(11, 16);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DIGITS = '零一二三四五六七八九';
const chineseNumber = (n: number, width: number) =>
  [...String(n).padStart(width, '0')].map((d) => DIGITS[Number(d)]).join('');

// ---------------------------------------------------------------------------------------------
// The invariants every kill drill checks

interface Invariants {
  rollupGroups: number;
  rollupMismatches: number;
  chain: 'intact' | 'broken';
  auditRows: number;
}

async function invariants(d: DirectStore): Promise<Invariants> {
  const rollups = await rollupsRepository.compareWithMembers(d.store.db);
  const chain = await verifyChain(d.store.db);
  return {
    rollupGroups: rollups.groups,
    rollupMismatches: rollups.mismatches,
    chain: chain.status,
    auditRows: chain.rows,
  };
}

interface ServerCheck {
  restartSeconds: number;
  verify: string;
  rollupJob: string;
}

/** The restarted server's own word: the audit verify route and the rollup check job. */
async function serverCheck(t: Target): Promise<ServerCheck> {
  const started = performance.now();
  const server = await start(t);
  const restartSeconds = round((performance.now() - started) / 1000, 1);
  const auditor = await login(server.url, 'auditor');
  const verify = await must(call(server.url, auditor, 'GET', '/api/v1/audit/verify'), 'audit verify');
  const admin = await login(server.url, 'admin');
  const job = await must(
    call(server.url, admin, 'POST', '/api/v1/jobs/members.rollup_check/run'),
    'rollup check',
  );
  return {
    restartSeconds,
    verify: verify.body.status,
    rollupJob: job.body.outcome === 'succeeded' ? `succeeded (${job.body.rows} groups)` : job.body.error,
  };
}

interface KillRun {
  run: number;
  killedAfterMs: number | null;
  [key: string]: unknown;
  invariants: Invariants;
  server: ServerCheck;
  ok: boolean;
  faults: string[];
}

const invariantFaults = (i: Invariants, s: ServerCheck) => [
  ...(i.rollupMismatches ? [`${i.rollupMismatches} rollup groups differ`] : []),
  ...(i.chain !== 'intact' ? ['audit chain broken'] : []),
  ...(s.verify !== 'intact' ? ['audit verify route: broken'] : []),
  ...(!s.rollupJob.startsWith('succeeded') ? [`rollup job: ${s.rollupJob}`] : []),
];

async function treeBranchParent(url: string, cookie: string): Promise<{ rootId: number; parentId: number }> {
  const tree = (await must(call(url, cookie, 'GET', '/api/v1/orgs/tree'), 'tree')).body;
  return { rootId: tree.roots[0].id, parentId: tree.roots[0].children[0].id };
}

async function newBranch(url: string, cookie: string, parentId: number, name: string): Promise<number> {
  const r = await must(call(url, cookie, 'POST', '/api/v1/orgs', { parentId, name, kind: 'branch' }), name);
  return r.body.id;
}

// ---------------------------------------------------------------------------------------------
// a) kill -9 during an import's commit

/** ID regions of 石家庄 (never in the demo data), one per run, so that no run's rows collide. */
const REGIONS = ['130102', '130104', '130105', '130107', '130108', '130109', '130110', '130111'];

function* runSheet(rows: number, run: number): Generator<unknown[]> {
  for (const row of memberSheetRows(rows, 0)) {
    const id = row[2];
    if (typeof id === 'string' && /^\d{17}[\dX]$/.test(id)) {
      const first17 = REGIONS[run % REGIONS.length]! + id.slice(6, 17);
      row[2] = first17 + idCheckChar(first17);
      row[3] = `17${run}${String(row[3]).slice(3)}`;
    }
    yield row;
  }
}

interface ImportOutcome {
  acknowledged: boolean;
  imported: number | null;
  commitMs: number | null;
  sawCommit: boolean;
  end: string;
}

/**
 * Posts the import with a progress stream; kills the server when the commit's `killAtBatch`-th
 * progress line arrives (one a batch of 1,000 rows, written inside the import's transaction) and
 * `killAfterMs` more have passed.
 */
async function importWithKill(
  server: ServerProcess,
  cookie: string,
  file: Buffer,
  orgId: number,
  killAtBatch: number | null,
  killAfterMs = 0,
): Promise<ImportOutcome> {
  const form = new FormData();
  form.set('orgId', String(orgId));
  form.set('dryRun', 'false');
  form.set('file', new Blob([new Uint8Array(file)], { type: XLSX }), 'members.xlsx');
  let commitAt: number | null = null;
  let batches = 0;
  let imported: number | null = null;
  let end = 'stream ended';
  try {
    const res = await fetch(`${server.url}/api/v1/members/import`, {
      method: 'POST',
      headers: { cookie, accept: 'application/x-ndjson' },
      body: form,
    });
    if (!res.ok || !res.body) throw new Error(`import: HTTP ${res.status} ${await res.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const chunk = next.value;
      buffer += decoder.decode(chunk, { stream: true });
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
        if (line.type === 'progress' && line.phase === 'commit') {
          commitAt ??= performance.now();
          batches++;
          if (batches === killAtBatch) setTimeout(() => void server.kill(), killAfterMs);
        } else if (line.type === 'report') {
          imported = line.imported;
          end = `report: ${line.imported} imported`;
        } else if (line.type === 'error') {
          end = `error line: ${line.code}`;
        }
      }
    }
  } catch (err) {
    end = `connection: ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}`;
  }
  return {
    acknowledged: imported !== null,
    imported,
    commitMs: commitAt === null ? null : performance.now() - commitAt,
    sawCommit: commitAt !== null,
    end,
  };
}

async function importKill(kind: Kind) {
  const t = await target(kind, 'import-kill');
  const runs: KillRun[] = [];
  let baselineCommitMs = 0;
  try {
    let server = await start(t);
    // The first run is not killed: it measures the commit, which the kills then land inside.
    for (let run = 0; run <= KILLS; run++) {
      const office = await login(server.url, 'office');
      const { parentId } = await treeBranchParent(server.url, office);
      const orgId = await newBranch(
        server.url,
        office,
        parentId,
        `导入演练流动党支部${chineseNumber(run, 2)}`,
      );
      const file = await xlsxFile('党员信息', runSheet(IMPORT_ROWS, run));
      // Spread over the commit's batches, from the first to the last (then the commit itself and
      // its answer race the kill), each a random moment after its batch was written.
      const batches = Math.ceil(IMPORT_ROWS / 1000);
      const killAtBatch =
        run === 0
          ? null
          : Math.min(batches, Math.round(1 + ((run - 1) * (batches - 1)) / Math.max(1, KILLS - 1)));
      const killAfterMs = killAtBatch === null ? null : Math.round(Math.random() * 200);
      const outcome = await importWithKill(server, office, file, orgId, killAtBatch, killAfterMs ?? 0);
      if (run === 0) {
        if (!outcome.acknowledged) throw new Error(`the uncut import failed: ${outcome.end}`);
        baselineCommitMs = outcome.commitMs!;
      }
      if (killAfterMs !== null) await server.kill();
      else await server.stop();
      const found = await withDirect(t, async (d) => {
        const [row] = await d.query(
          `select (select count(*)::int from members where org_id = $1) as members,
                  (select count(*)::int from member_status_events e join members m on m.id = e.member_id
                    where m.org_id = $1) as events,
                  (select count(*)::int from audit_log where action = 'member.imported' and target_id = $2) as audits`,
          [orgId, String(orgId)],
        );
        return { ...(row as { members: number; events: number; audits: number }), inv: await invariants(d) };
      });
      const check = await serverCheck(t);
      server = t.server!;
      const faults = [
        ...(found.members !== 0 && found.members !== IMPORT_ROWS
          ? [`${found.members} rows: neither all nor none`]
          : []),
        ...(outcome.acknowledged && found.members !== IMPORT_ROWS
          ? ['acknowledged import not all there']
          : []),
        ...(found.events !== found.members
          ? [`${found.events} status events for ${found.members} members`]
          : []),
        ...(found.audits !== (found.members ? 1 : 0) ? [`${found.audits} import audit rows`] : []),
        ...invariantFaults(found.inv, check),
      ];
      runs.push({
        run,
        killedAfterMs: killAfterMs,
        killedAtBatch: killAtBatch === null ? null : `${killAtBatch} of ${batches}`,
        acknowledged: outcome.acknowledged,
        end: outcome.end,
        rowsFound: found.members,
        outcome: found.members === IMPORT_ROWS ? 'all' : found.members === 0 ? 'none' : 'partial',
        invariants: found.inv,
        server: check,
        ok: faults.length === 0,
        faults,
      });
      console.log(JSON.stringify(runs.at(-1)));
    }
  } finally {
    await dispose(t);
  }
  return { rows: IMPORT_ROWS, baselineCommitMs: Math.round(baselineCommitMs), runs };
}

// ---------------------------------------------------------------------------------------------
// b) kill -9 during 50 concurrent writers

interface Acked {
  kind: 'org' | 'member';
  id: number;
  name: string;
}

function memberBody(orgId: number, run: number, writer: number, k: number) {
  const birth = new Date(Date.UTC(1960, 0, 1) + ((writer * 400 + k) % 10_000) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const seq = 101 + 2 * (run * WRITERS + writer);
  const first17 = `130723${ymd}${String(seq).padStart(3, '0')}`;
  return testMemberBody(orgId, {
    name: `演练${chineseNumber(writer, 2)}${chineseNumber(k, 3)}`,
    idNumber: first17 + idCheckChar(first17),
    phone: `139${run}${String(writer).padStart(2, '0')}${String(k).padStart(5, '0')}`,
  });
}

async function writesKill(kind: Kind) {
  const t = await target(kind, 'writes-kill');
  const runs: KillRun[] = [];
  try {
    let server = await start(t);
    for (let run = 0; run < KILLS; run++) {
      const office = await login(server.url, 'office');
      const { parentId } = await treeBranchParent(server.url, office);
      const memberOrg = await newBranch(
        server.url,
        office,
        parentId,
        `写入演练流动党支部${chineseNumber(run, 2)}`,
      );
      const acked: Acked[] = [];
      const refused: string[] = [];
      const latencies: number[] = [];
      let stopped = false;
      const writer = async (w: number) => {
        for (let k = 0; !stopped; k++) {
          const asOrg = w % 2 === 0;
          const name = asOrg
            ? `写入演练支部${chineseNumber(run, 1)}${chineseNumber(w, 2)}${chineseNumber(k, 3)}`
            : '';
          const body = asOrg ? { parentId, name, kind: 'branch' } : memberBody(memberOrg, run, w, k);
          const r = await call(server.url, office, 'POST', asOrg ? '/api/v1/orgs' : '/api/v1/members', body);
          if (r.status === 0) return; // the server is gone
          latencies.push(r.ms);
          if (r.status === 201)
            acked.push({
              kind: asOrg ? 'org' : 'member',
              id: r.body.id,
              name: asOrg ? name : (body.name as string),
            });
          else refused.push(`${r.status} ${r.body?.code}`);
        }
      };
      const killAfterMs = Math.round(2000 + Math.random() * 3000);
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
      await sleep(killAfterMs);
      await server.kill();
      stopped = true;
      await Promise.all(writers);
      const found = await withDirect(t, async (d) => {
        const orgIds = acked.filter((a) => a.kind === 'org').map((a) => a.id);
        const memberIds = acked.filter((a) => a.kind === 'member').map((a) => a.id);
        const orgs = await d.query('select id, name from orgs where id = any($1::int[])', [orgIds]);
        const members = await d.query('select id, name from members where id = any($1::int[])', [memberIds]);
        const names = new Map(
          [...orgs, ...members].map((r) => [`${orgs.includes(r) ? 'org' : 'member'}:${r.id}`, r.name]),
        );
        const missing = acked.filter((a) => names.get(`${a.kind}:${a.id}`) !== a.name).length;
        // Every org and member the run wrote, acknowledged or not, is whole: its audit row, and a
        // member its status event.
        const [half] = await d.query(
          `select
             (select count(*)::int from orgs o where o.name like $1
               and not exists (select 1 from audit_log a where a.action = 'org.created' and a.target_id = o.id::text)) as orgs_without_audit,
             (select count(*)::int from members m where m.org_id = $2
               and not exists (select 1 from audit_log a where a.action = 'member.created' and a.target_id = m.id::text)) as members_without_audit,
             (select count(*)::int from members m where m.org_id = $2
               and not exists (select 1 from member_status_events e where e.member_id = m.id)) as members_without_event,
             (select count(*)::int from orgs o where o.name like $1) as orgs_written,
             (select count(*)::int from members m where m.org_id = $2) as members_written`,
          [`写入演练支部${chineseNumber(run, 1)}%`, memberOrg],
        );
        return { missing, half: half as Record<string, number>, inv: await invariants(d) };
      });
      const check = await serverCheck(t);
      server = t.server!;
      const faults = [
        ...(found.missing ? [`${found.missing} acknowledged writes missing`] : []),
        ...(refused.length ? [`refused before the kill: ${[...new Set(refused)].join(', ')}`] : []),
        ...Object.entries(found.half)
          .filter(([k, v]) => k.includes('without') && v > 0)
          .map(([k, v]) => `${v} ${k}`),
        ...invariantFaults(found.inv, check),
      ];
      runs.push({
        run,
        killedAfterMs: killAfterMs,
        acknowledged: acked.length,
        written: found.half.orgs_written! + found.half.members_written!,
        p95Ms: round(latencyOf(latencies).p95, 0),
        invariants: found.inv,
        server: check,
        ok: faults.length === 0,
        faults,
      });
      console.log(JSON.stringify(runs.at(-1)));
    }
  } finally {
    await dispose(t);
  }
  return { writers: WRITERS, runs };
}

// ---------------------------------------------------------------------------------------------
// c) kill -9 during a volunteer check-in peak

interface Place {
  id: number;
  version: number;
}

async function checkinSetup(url: string, places: number) {
  const office = await login(url, 'office');
  const member = await login(url, 'member');
  const me = (await must(call(url, member, 'GET', '/api/v1/me/member'), 'me')).body;
  const { rootId } = await treeBranchParent(url, office);
  const now = new Date();
  const campaign = (
    await must(
      call(url, office, 'POST', '/api/v1/volunteer/campaigns', {
        title: '平安守望·签到高峰演练',
        orgId: rootId,
        partnerName: '大栅栏街道',
        hostDistrict: '110102',
        startsOn: bjDay(new Date(now.getTime() - 24 * HOUR)),
        endsOn: bjDay(new Date(now.getTime() + 5 * 24 * HOUR)),
      }),
      'campaign',
    )
  ).body;
  const base = `/api/v1/volunteer/campaigns/${campaign.id}`;
  const post = (
    await must(
      call(url, office, 'POST', `${base}/posts`, {
        name: '前门大街路口',
        task: 'traffic',
        headcount: 500,
        leaderMemberId: me.id,
      }),
      'post',
    )
  ).body;
  const shiftStart = new Date(now.getTime() - 30 * 60_000);
  const shifts = (
    await must(
      call(url, office, 'POST', `${base}/shifts`, {
        postId: post.id,
        onDates: [bjDay(shiftStart)],
        startTime: bjClock(shiftStart),
        endTime: bjClock(new Date(now.getTime() + 180 * 60_000)),
      }),
      'shift',
    )
  ).body.items;
  await must(call(url, office, 'POST', `${base}/state`, { to: 'open', version: campaign.version }), 'open');
  const memberIds: number[] = [];
  let cursor: string | null = null;
  while (memberIds.length < places + 100) {
    const q: URLSearchParams = new URLSearchParams({
      limit: '100',
      status: 'active',
      ...(cursor ? { cursor } : {}),
    });
    const page: { items: { id: number }[]; nextCursor: string | null } = (
      await must(call(url, office, 'GET', `/api/v1/members?${q}`), 'members')
    ).body;
    memberIds.push(...page.items.map((m: { id: number }) => m.id).filter((id: number) => id !== me.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  const placed: Place[] = [];
  for (let i = 0; i < memberIds.length && placed.length < places; i += 5) {
    const batch = memberIds.slice(i, i + 5);
    const answers = await Promise.all(
      batch.map((memberId) =>
        call(url, office, 'POST', `${base}/roster`, { shiftId: shifts[0].id, memberId }),
      ),
    );
    for (const a of answers) if (a.status === 201) placed.push({ id: a.body.id, version: a.body.version });
  }
  return { campaignId: campaign.id as number, base, placed, inAt: new Date(shiftStart.getTime() + 60_000) };
}

async function checkinKill(kind: Kind) {
  const t = await target(kind, 'checkin-kill');
  const runs: KillRun[] = [];
  const peak = WRITERS;
  try {
    let server = await start(t);
    const setup = await checkinSetup(server.url, peak * (KILLS + 1));
    if (setup.placed.length < peak * (KILLS + 1))
      throw new Error(`only ${setup.placed.length} places on the roster`);
    let baselineMs = 0;
    for (let run = 0; run <= KILLS; run++) {
      const office = await login(server.url, 'office');
      const places = setup.placed.slice(run * peak, (run + 1) * peak);
      const ackedIn = new Set<number>();
      const ackedOut = new Set<number>();
      const refused: string[] = [];
      let killAfterMs: number | null = null;
      if (run > 0) {
        killAfterMs = Math.round(baselineMs * (0.1 + 0.8 * Math.random()));
        setTimeout(() => void server.kill(), killAfterMs);
      }
      const started = performance.now();
      await Promise.all(
        places.map(async (p) => {
          const check = (action: 'in' | 'out', version: number, at: Date) =>
            call(server.url, office, 'POST', `${setup.base}/check-ins`, {
              assignmentId: p.id,
              action,
              at: at.toISOString(),
              version,
            });
          const a = await check('in', p.version, setup.inAt);
          if (a.status === 0) return;
          if (a.status !== 200) return void refused.push(`${a.status} ${a.body?.code}`);
          ackedIn.add(p.id);
          const b = await check('out', a.body.version, new Date());
          if (b.status === 0) return;
          if (b.status !== 200) return void refused.push(`${b.status} ${b.body?.code}`);
          ackedOut.add(p.id);
        }),
      );
      if (run === 0) baselineMs = performance.now() - started;
      if (killAfterMs !== null) await server.kill();
      else await server.stop();
      const found = await withDirect(t, async (d) => {
        const rows = await d.query(
          `select a.id, a.state,
                  (select count(*)::int from member_activity l where l.source_module = 'service'
                     and l.source_id = 'assignment:' || a.id and l.kind = 'volunteer_hours') as ledger,
                  (select count(*)::int from audit_log l where l.action = 'volunteer.checked'
                     and (l.before->>'assignmentId')::int = a.id) as audits
           from volunteer_assignments a where a.id = any($1::int[])`,
          [places.map((p) => p.id)],
        );
        return {
          rows: rows as { id: number; state: string; ledger: number; audits: number }[],
          inv: await invariants(d),
        };
      });
      const check = await serverCheck(t);
      server = t.server!;
      const lostIn = found.rows.filter((r) => ackedIn.has(r.id) && r.state === 'scheduled').length;
      const lostOut = found.rows.filter((r) => ackedOut.has(r.id) && r.state !== 'checked_out').length;
      const ledgerWrong = found.rows.filter((r) => r.ledger !== (r.state === 'checked_out' ? 1 : 0)).length;
      const expectedAudits = (r: { state: string }) =>
        ({ scheduled: 0, checked_in: 1, checked_out: 2 })[r.state] ?? -1;
      const auditWrong = found.rows.filter((r) => r.audits !== expectedAudits(r)).length;
      const faults = [
        ...(lostIn ? [`${lostIn} acknowledged check-ins missing`] : []),
        ...(lostOut ? [`${lostOut} acknowledged check-outs missing`] : []),
        ...(ledgerWrong ? [`${ledgerWrong} places whose hours ledger disagrees with their state`] : []),
        ...(auditWrong ? [`${auditWrong} places whose audit rows disagree with their state`] : []),
        ...(refused.length ? [`refused: ${[...new Set(refused)].join(', ')}`] : []),
        ...invariantFaults(found.inv, check),
      ];
      const count = (state: string) => found.rows.filter((r) => r.state === state).length;
      runs.push({
        run,
        killedAfterMs: killAfterMs,
        ackedIn: ackedIn.size,
        ackedOut: ackedOut.size,
        found: {
          scheduled: count('scheduled'),
          checkedIn: count('checked_in'),
          checkedOut: count('checked_out'),
        },
        invariants: found.inv,
        server: check,
        ok: faults.length === 0,
        faults,
      });
      console.log(JSON.stringify(runs.at(-1)));
    }
    return { volunteers: peak, baselineMs: Math.round(baselineMs), runs };
  } finally {
    await dispose(t);
  }
}

// ---------------------------------------------------------------------------------------------
// d) PostgreSQL restarted and crashed under the server

interface Tally {
  requests: number;
  ok: number;
  /** Answers other than 2xx by status and code, e.g. `503 DATABASE_UNAVAILABLE`. */
  answers: Record<string, number>;
  /** Requests without an answer: refused, reset, or past the time limit (a hang). */
  failures: Record<string, number>;
  latencies: number[];
  messages: Set<string>;
}

const tally = (): Tally => ({
  requests: 0,
  ok: 0,
  answers: {},
  failures: {},
  latencies: [],
  messages: new Set(),
});

function count(t: Tally, r: Answer) {
  t.requests++;
  t.latencies.push(r.ms);
  if (r.status >= 200 && r.status < 300) t.ok++;
  else if (r.status === 0) t.failures[r.failure!] = (t.failures[r.failure!] ?? 0) + 1;
  else {
    const key = `${r.status} ${r.body?.code ?? ''}`.trim();
    t.answers[key] = (t.answers[key] ?? 0) + 1;
    if (r.body?.message) t.messages.add(`${key}: ${r.body.message}`);
  }
}

const summary = (t: Tally) => ({
  requests: t.requests,
  ok: t.ok,
  answers: t.answers,
  failures: t.failures,
  maxMs: Math.round(Math.max(0, ...t.latencies)),
  p95Ms: round(latencyOf(t.latencies).p95, 0),
  messages: [...t.messages],
});

/** Steady load: reads (member list, org tree, session) and writes (a new org), `clients` at once. */
function steadyLoad(url: string, cookie: string, parentId: number, clients: number, timeoutMs: number) {
  let stopped = false;
  let window = tally();
  let n = 0;
  const client = async (c: number) => {
    while (!stopped) {
      const i = n++;
      const r =
        i % 4 === 3
          ? await call(
              url,
              cookie,
              'POST',
              '/api/v1/orgs',
              { parentId, name: `重启演练支部${chineseNumber(i, 6)}`, kind: 'branch' },
              timeoutMs,
            )
          : await call(
              url,
              cookie,
              'GET',
              ['/api/v1/members?limit=20', '/api/v1/orgs/tree', '/api/v1/auth/me'][i % 3]!,
              undefined,
              timeoutMs,
            );
      count(window, r);
      if (r.status === 0 && r.failure !== 'timeout') await sleep(100 + c);
    }
  };
  const running = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return {
    /** The tally since the last take, and a fresh one from now. */
    take() {
      const t = window;
      window = tally();
      return t;
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

async function pgRestart() {
  const TIMEOUT_MS = 30_000;
  const c = await pgCluster();
  const t = await target('postgres', 'pg-restart', { JOBS_ENABLED: 'true' });
  const phases: Record<string, unknown>[] = [];
  try {
    const server = await start(t);
    const office = await login(server.url, 'office');
    const { parentId } = await treeBranchParent(server.url, office);
    const load = steadyLoad(server.url, office, parentId, 10, TIMEOUT_MS);
    const phase = async (name: string, action: () => Promise<void>) => {
      const actionStarted = performance.now();
      await action();
      const actionSeconds = round((performance.now() - actionStarted) / 1000, 1);
      // Recovered: the first moment after the action at which 20 requests in a row succeed.
      const deadline = Date.now() + 60_000;
      let recoveredAfter: number | null = null;
      for (let streak = 0; Date.now() < deadline; ) {
        const r = await call(server.url, office, 'GET', '/api/v1/orgs/tree', undefined, TIMEOUT_MS);
        streak = r.status === 200 ? streak + 1 : 0;
        if (streak === 20) {
          recoveredAfter = round((performance.now() - actionStarted) / 1000, 1);
          break;
        }
        await sleep(50);
      }
      await sleep(5000);
      const during = load.take();
      phases.push({ phase: name, actionSeconds, recoveredAfterSeconds: recoveredAfter, ...summary(during) });
      console.log(JSON.stringify(phases.at(-1)));
    };
    await sleep(10_000);
    phases.push({ phase: 'steady (10 s)', ...summary(load.take()) });
    console.log(JSON.stringify(phases.at(-1)));
    await phase('pg_ctl restart -m fast', () => c.restart('fast'));
    await phase('pg_ctl stop -m immediate, 5 s down, start', async () => {
      await c.stop('immediate');
      await sleep(5000);
      await c.start();
    });
    await phase('pg_ctl restart -m immediate', () => c.restart('immediate'));
    await load.stop();
    const serverAlive = (await call(server.url, null, 'GET', '/api/health')).status === 200;
    if (!serverAlive) console.log(server.output().slice(-4000));
    phases.push({ phase: 'after', ...summary(load.take()), serverAlive });
    console.log(JSON.stringify(phases.at(-1)));
  } finally {
    await dispose(t);
  }
  return { clients: 10, requestTimeoutMs: TIMEOUT_MS, phases };
}

// ---------------------------------------------------------------------------------------------
// e) a mixed load on PostgreSQL for some minutes

async function mixed(minutes: number) {
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
      for (let k = 0; !stopped; k++) {
        const i = n++;
        const cookie = cookies[i % cookies.length]!;
        let r: Answer;
        if (i % 10 === 9)
          r = await call(server.url, office, 'POST', '/api/v1/members', memberBody(memberOrg, 7, c, k));
        else if (i % 10 === 8)
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

// ---------------------------------------------------------------------------------------------

const RESULTS = path.join(BENCH_DIR, 'results', 'faults.json');

async function main() {
  const [drill, storeArg = 'both', minutesArg = '10'] = process.argv.slice(2);
  const kinds: Kind[] = storeArg === 'both' ? ['pglite', 'postgres'] : [storeArg as Kind];
  const record = (key: string, value: unknown) => {
    // Read again: another drill may have written its results meanwhile.
    const results: Record<string, unknown> = fs.existsSync(RESULTS)
      ? JSON.parse(fs.readFileSync(RESULTS, 'utf8'))
      : {};
    results[key] = {
      at: new Date().toISOString(),
      uptime: fs.readFileSync('/proc/loadavg', 'utf8').trim(),
      ...(value as object),
    };
    fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(RESULTS.replace(/\.json$/, '.md'), toMarkdown(results));
  };
  const kill = { 'import-kill': importKill, 'writes-kill': writesKill, 'checkin-kill': checkinKill }[
    drill ?? ''
  ];
  try {
    if (kill) for (const kind of kinds) record(`${drill}/${kind}`, await kill(kind));
    else if (drill === 'pg-restart') record('pg-restart/postgres', await pgRestart());
    else if (drill === 'mixed') record('mixed/postgres', await mixed(Number(minutesArg)));
    else if (drill === 'md')
      fs.writeFileSync(
        RESULTS.replace(/\.json$/, '.md'),
        toMarkdown(JSON.parse(fs.readFileSync(RESULTS, 'utf8'))),
      );
    else
      throw new Error(
        'usage: faults.ts <import-kill|writes-kill|checkin-kill> [pglite|postgres|both] | pg-restart | mixed [minutes]',
      );
  } finally {
    cluster?.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The report

function toMarkdown(results: Record<string, unknown>): string {
  const lines = [
    '# Faults and load (故障与负载演练)',
    '',
    "`npm run bench:faults -w @ningxin/bench -- <drill> [pglite|postgres|both] [minutes]`; each PostgreSQL is a cluster of the drill's own (port 5499). See bench/src/faults.ts for what each drill checks.",
    '',
  ];
  for (const [key, value] of Object.entries(results)) {
    const r = value as {
      at: string;
      uptime: string;
      runs?: KillRun[];
      phases?: Record<string, unknown>[];
      perMinute?: Record<string, unknown>[];
    };
    lines.push(
      `## ${key}`,
      '',
      `Run ${r.at.slice(0, 16).replace('T', ' ')} UTC, load average at the end ${r.uptime.split(' ').slice(0, 3).join(' ')}.`,
      '',
    );
    if ((r as { note?: string }).note) lines.push((r as { note?: string }).note!, '');
    if (r.runs) {
      lines.push(
        '| run | killed after (ms) | what was acknowledged / found | rollups | chain | restart (s) | verify route | rollup job | faults |',
        '| ---: | ---: | --- | --- | --- | ---: | --- | --- | --- |',
      );
      for (const run of r.runs) {
        const { run: n, killedAfterMs, invariants: inv, server, ok, faults, ...rest } = run;
        lines.push(
          `| ${n} | ${killedAfterMs ?? 'not killed'} | ${Object.entries(rest)
            .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`)
            .join(
              '; ',
            )} | ${inv.rollupGroups} groups, ${inv.rollupMismatches} differ | ${inv.chain} (${inv.auditRows}) | ${server.restartSeconds} | ${server.verify} | ${server.rollupJob} | ${ok ? 'none' : faults.join('; ')} |`,
        );
      }
    }
    if (r.phases) {
      lines.push(
        '| phase | requests | 2xx | other answers | no answer | max (ms) | p95 (ms) | recovered after (s) |',
        '| --- | ---: | ---: | --- | --- | ---: | ---: | ---: |',
      );
      for (const p of r.phases as Record<string, unknown>[]) {
        lines.push(
          `| ${p.phase} | ${p.requests} | ${p.ok} | ${JSON.stringify(p.answers)} | ${JSON.stringify(p.failures)} | ${p.maxMs} | ${p.p95Ms} | ${p.recoveredAfterSeconds ?? ''} |`,
        );
      }
      const messages = [...new Set(r.phases.flatMap((p) => (p.messages as string[]) ?? []))];
      if (messages.length) lines.push('', 'Messages:', ...messages.map((m) => `- ${m}`));
    }
    if (r.perMinute) {
      lines.push(
        '| minute | requests | errors | p50 (ms) | p95 (ms) | max (ms) | server RSS (MB) | load |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      );
      for (const m of r.perMinute)
        lines.push(
          `| ${m.minute} | ${m.requests} | ${m.errors} | ${m.p50Ms} | ${m.p95Ms} | ${m.maxMs} | ${m.rssMb} | ${m.load} |`,
        );
    }
    lines.push('');
  }
  return lines.join('\n');
}

await main();
