/**
 * kill -9 during a volunteer scan peak: the volunteers scan the post's QR code themselves, each
 * signed in with their own member account, half of them arriving (scan in) and half leaving (scan
 * out) at once, as at a change of shift.
 *
 * Each volunteer scans in during one peak and out during the next. A scan this soon after the
 * check-in would be taken for a repeat (REPEAT_SCAN_MINUTES), so between peaks, with the server
 * down, the arrivals' check-in is moved an hour back in the store, as the route's test does.
 */
import { randomUUID } from 'node:crypto';
import { login } from '../http';
import { round } from '../stats';
import { type Answer, call, must } from './api';
import { invariantFaults, invariants, type KillRun, keepRun, serverCheck } from './checks';
import { dispose, KILLS, type Kind, start, type Target, target, WRITERS, withDirect } from './target';
import { countStates, type Place, placeFaults, placesFound, volunteerPeak } from './volunteer-peak';

const FIRST_PASSWORD = 'Scan-first-2026';
const OWN_PASSWORD = 'Scan-own-2026';

interface Volunteer extends Place {
  username: string;
}

/** `fn` over `items`, `width` at a time (each sign-in hashes or verifies a password). */
async function inTurn<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

/** A login for each placed member, opened by the office as a secretary does (the username is the
 * member's phone), its first password changed by the volunteer; members that have one already are
 * left out. */
async function openAccounts(url: string, places: Place[], wanted: number): Promise<Volunteer[]> {
  const office = await login(url, 'office');
  const opened = await inTurn(places, 4, async (p): Promise<Volunteer | null> => {
    const phone = await must(
      call(url, office, 'POST', `/api/v1/members/${p.memberId}/reveal`, {
        field: 'phone',
        reason: '为志愿者开通登录账户',
      }),
      'reveal',
    );
    const created = await call(url, office, 'POST', `/api/v1/members/${p.memberId}/account`, {
      password: FIRST_PASSWORD,
    });
    if (created.status === 409) return null;
    if (created.status !== 200) throw new Error(`account: ${created.status || created.failure}`);
    const username = phone.body.value as string;
    const first = await login(url, username, FIRST_PASSWORD);
    await must(
      call(url, first, 'POST', '/api/v1/auth/password', {
        currentPassword: FIRST_PASSWORD,
        newPassword: OWN_PASSWORD,
      }),
      'password',
    );
    return { ...p, username };
  });
  const volunteers = opened.filter((v) => v !== null);
  if (volunteers.length < wanted) throw new Error(`only ${volunteers.length} volunteer accounts`);
  return volunteers.slice(0, wanted);
}

/** Moves the check-in of those checked in an hour back; returns them. */
async function checkInEarlier(t: Target, ids: number[]): Promise<Set<number>> {
  return withDirect(t, async (d) => {
    const rows = await d.query(
      `update volunteer_assignments set checked_in_at = checked_in_at - interval '1 hour'
       where id = any($1::int[]) and state = 'checked_in' returning id`,
      [ids],
    );
    return new Set((rows as { id: number }[]).map((r) => r.id));
  });
}

export async function scanKill(kind: Kind) {
  const t = await target(kind, 'scan-kill');
  const runs: KillRun[] = [];
  const half = WRITERS / 2;
  try {
    let server = await start(t);
    // Run r: group r leaves, group r + 1 arrives; group 0 arrives before the first run.
    const groups = KILLS + 2;
    const setup = await volunteerPeak(server.url, half * groups + 20, '平安守望·扫码高峰演练');
    const accountsStarted = performance.now();
    const volunteers = await openAccounts(server.url, setup.placed, half * groups);
    const accountsSeconds = round((performance.now() - accountsStarted) / 1000, 1);
    const group = (g: number) => volunteers.slice(g * half, (g + 1) * half);
    const office = await login(server.url, 'office');
    const code = await must(
      call(server.url, office, 'GET', `${setup.base}/posts/${setup.postId}/code`),
      'post code',
    );
    const token = decodeURIComponent(/[?&]t=([^&]+)/.exec(code.body.url)![1]!);
    const scanPath = `${setup.base}/posts/${setup.postId}/scan`;
    const signIn = (vs: Volunteer[]) =>
      inTurn(vs, 4, async (v) => ({ v, cookie: await login(server.url, v.username, OWN_PASSWORD) }));
    const scan = (cookie: string): Promise<Answer> =>
      call(server.url, cookie, 'POST', scanPath, { token, nonce: randomUUID() });

    let checkedIn = new Set<number>();
    /** The group's members not yet checked in scan in (no kill); then, with the server down, the
     * group's check-in is moved an hour back so that its next scan is a scan-out. */
    const settle = async (g: Volunteer[], late: Volunteer[]) => {
      for (const { cookie } of await signIn(late)) await must(scan(cookie), 'arrival');
      await server.stop();
      checkedIn = await checkInEarlier(
        t,
        g.map((v) => v.id),
      );
      server = await start(t);
    };
    await settle(group(0), group(0));

    let baselineMs = 0;
    for (let run = 0; run <= KILLS; run++) {
      const leaving = group(run).filter((v) => checkedIn.has(v.id));
      const arriving = group(run + 1);
      const signInStarted = performance.now();
      // Leaving and arriving in turn, so that a kill at any moment cuts into both.
      const sessions = await signIn(arriving.flatMap((v, i) => (leaving[i] ? [leaving[i], v] : [v])));
      const signInSeconds = round((performance.now() - signInStarted) / 1000, 1);
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
        sessions.map(async ({ v, cookie }) => {
          const expected = checkedIn.has(v.id) ? 'checked_out' : 'checked_in';
          const a = await scan(cookie);
          if (a.status === 0) return;
          if (a.status !== 200 || a.body.outcome !== expected)
            return void refused.push(`${a.status} ${a.body?.code ?? a.body?.outcome}`);
          (expected === 'checked_in' ? ackedIn : ackedOut).add(v.id);
        }),
      );
      if (run === 0) baselineMs = performance.now() - started;
      if (killAfterMs !== null) await server.kill();
      else await server.stop();
      const ids = sessions.map(({ v }) => v.id);
      const found = await withDirect(t, async (d) => ({
        rows: await placesFound(d, ids, { action: 'volunteer.scanned', field: 'after' }),
        inv: await invariants(d),
      }));
      const check = await serverCheck(t);
      server = t.server!;
      const landed = new Set(found.rows.filter((r) => r.state !== 'scheduled').map((r) => r.id));
      if (run < KILLS)
        await settle(
          arriving,
          arriving.filter((v) => !landed.has(v.id)),
        );
      keepRun(runs, {
        run,
        killedAfterMs: killAfterMs,
        leaving: leaving.length,
        arriving: arriving.length,
        signInSeconds,
        ackedIn: ackedIn.size,
        ackedOut: ackedOut.size,
        found: countStates(found.rows),
        invariants: found.inv,
        server: check,
        faults: [
          ...placeFaults(found.rows, ackedIn, ackedOut, { in: 'scan-ins', out: 'scan-outs', scanned: true }),
          ...(refused.length ? [`refused: ${[...new Set(refused)].join(', ')}`] : []),
          ...invariantFaults(found.inv, check),
        ],
      });
    }
    return {
      volunteers: WRITERS,
      accounts: volunteers.length,
      accountsSeconds,
      baselineMs: Math.round(baselineMs),
      runs,
    };
  } finally {
    await dispose(t);
  }
}
