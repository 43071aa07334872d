/** What the two volunteer peak drills share: the open campaign with its post, shift and roster, and
 * what the store holds of the places afterwards (state, hours ledger, audit rows). */
import { login } from '../http';
import type { DirectStore } from '../store';
import { bjClock, bjDay, call, HOUR, must, treeBranchParent } from './api';

export interface Place {
  id: number;
  version: number;
  memberId: number;
}

/** A campaign open now with one post, a shift running for three hours more, `places` members on it. */
export async function volunteerPeak(url: string, places: number, title: string) {
  const office = await login(url, 'office');
  const member = await login(url, 'member');
  const me = (await must(call(url, member, 'GET', '/api/v1/me/member'), 'me')).body;
  const { rootId } = await treeBranchParent(url, office);
  const now = new Date();
  const campaign = (
    await must(
      call(url, office, 'POST', '/api/v1/volunteer/campaigns', {
        title,
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
    answers.forEach((a, k) => {
      if (a.status === 201) placed.push({ id: a.body.id, version: a.body.version, memberId: batch[k]! });
    });
  }
  if (placed.length < places) throw new Error(`only ${placed.length} places on the roster`);
  return {
    campaignId: campaign.id as number,
    postId: post.id as number,
    base,
    placed,
    inAt: new Date(shiftStart.getTime() + 60_000),
  };
}

export interface PlaceFound {
  id: number;
  state: string;
  ledger: number;
  audits: number;
  scans: number;
}

/** The places as the store holds them: state, hours ledger entries, and audit rows of `action`
 * (whose `field` of before or after names the place). */
export async function placesFound(
  d: DirectStore,
  ids: number[],
  audit: { action: string; field: 'before' | 'after' },
): Promise<PlaceFound[]> {
  const rows = await d.query(
    `select a.id, a.state,
            (select count(*)::int from member_activity l where l.source_module = 'service'
               and l.source_id = 'assignment:' || a.id and l.kind = 'volunteer_hours') as ledger,
            (select count(*)::int from audit_log l where l.action = $2
               and (l.${audit.field}->>'assignmentId')::int = a.id) as audits,
            (select count(*)::int from volunteer_scans s where s.assignment_id = a.id) as scans
     from volunteer_assignments a where a.id = any($1::int[])`,
    [ids, audit.action],
  );
  return rows as unknown as PlaceFound[];
}

/** One audit row per step a place has taken: in, then out. */
const STEPS: Record<string, number> = { scheduled: 0, checked_in: 1, checked_out: 2 };

/** What is wrong with the places found, against what the server acknowledged; with `scanned`, each
 * step must also have its scan row. */
export function placeFaults(
  rows: PlaceFound[],
  ackedIn: Set<number>,
  ackedOut: Set<number>,
  words: { in: string; out: string; scanned?: boolean },
): string[] {
  const lostIn = rows.filter((r) => ackedIn.has(r.id) && r.state === 'scheduled').length;
  const lostOut = rows.filter((r) => ackedOut.has(r.id) && r.state !== 'checked_out').length;
  const ledgerWrong = rows.filter((r) => r.ledger !== (r.state === 'checked_out' ? 1 : 0)).length;
  const auditWrong = rows.filter((r) => r.audits !== (STEPS[r.state] ?? -1)).length;
  const scansWrong = words.scanned ? rows.filter((r) => r.scans !== (STEPS[r.state] ?? -1)).length : 0;
  return [
    ...(lostIn ? [`${lostIn} acknowledged ${words.in} missing`] : []),
    ...(lostOut ? [`${lostOut} acknowledged ${words.out} missing`] : []),
    ...(ledgerWrong ? [`${ledgerWrong} places whose hours ledger disagrees with their state`] : []),
    ...(auditWrong ? [`${auditWrong} places whose audit rows disagree with their state`] : []),
    ...(scansWrong ? [`${scansWrong} places whose scan rows disagree with their state`] : []),
  ];
}

export const countStates = (rows: PlaceFound[]) => {
  const count = (state: string) => rows.filter((r) => r.state === state).length;
  return { scheduled: count('scheduled'), checkedIn: count('checked_in'), checkedOut: count('checked_out') };
};
