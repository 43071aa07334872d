/** kill -9 during 50 concurrent writers (orgs and members). */
import { idCheckChar } from '@ningxin/shared';
import { memberBody as testMemberBody } from '../../../apps/server/test/member-factory';
import { login } from '../http';
import { latencyOf, round } from '../stats';
import { call, chineseNumber, newBranch, sleep, treeBranchParent } from './api';
import { invariantFaults, invariants, type KillRun, keepRun, serverCheck } from './checks';
import { dispose, KILLS, type Kind, start, target, WRITERS, withDirect } from './target';

interface Acked {
  kind: 'org' | 'member';
  id: number;
  name: string;
}

export function memberBody(orgId: number, run: number, writer: number, k: number) {
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

export async function writesKill(kind: Kind) {
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
      keepRun(runs, {
        run,
        killedAfterMs: killAfterMs,
        acknowledged: acked.length,
        written: found.half.orgs_written! + found.half.members_written!,
        p95Ms: round(latencyOf(latencies).p95, 0),
        invariants: found.inv,
        server: check,
        faults,
      });
    }
  } finally {
    await dispose(t);
  }
  return { writers: WRITERS, runs };
}
