/** kill -9 during a volunteer check-in peak (50 volunteers in and out at once). */
import { login } from '../http';
import { call } from './api';
import { invariantFaults, invariants, type KillRun, keepRun, serverCheck } from './checks';
import { dispose, KILLS, type Kind, start, target, WRITERS, withDirect } from './target';
import { countStates, placeFaults, placesFound, volunteerPeak } from './volunteer-peak';

export async function checkinKill(kind: Kind) {
  const t = await target(kind, 'checkin-kill');
  const runs: KillRun[] = [];
  const peak = WRITERS;
  try {
    let server = await start(t);
    const setup = await volunteerPeak(server.url, peak * (KILLS + 1), '平安守望·签到高峰演练');
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
      const found = await withDirect(t, async (d) => ({
        rows: await placesFound(
          d,
          places.map((p) => p.id),
          { action: 'volunteer.checked', field: 'before' },
        ),
        inv: await invariants(d),
      }));
      const check = await serverCheck(t);
      server = t.server!;
      const faults = [
        ...placeFaults(found.rows, ackedIn, ackedOut, { in: 'check-ins', out: 'check-outs' }),
        ...(refused.length ? [`refused: ${[...new Set(refused)].join(', ')}`] : []),
        ...invariantFaults(found.inv, check),
      ];
      keepRun(runs, {
        run,
        killedAfterMs: killAfterMs,
        ackedIn: ackedIn.size,
        ackedOut: ackedOut.size,
        found: countStates(found.rows),
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
