/** kill -9 during a volunteer check-in peak (50 volunteers in and out at once). */
import { login } from '../http';
import { bjClock, bjDay, call, HOUR, must, treeBranchParent } from './api';
import { invariantFaults, invariants, type KillRun, keepRun, serverCheck } from './checks';
import { dispose, KILLS, type Kind, start, target, WRITERS, withDirect } from './target';

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

export async function checkinKill(kind: Kind) {
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
      keepRun(runs, {
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
        faults,
      });
    }
    return { volunteers: peak, baselineMs: Math.round(baselineMs), runs };
  } finally {
    await dispose(t);
  }
}
