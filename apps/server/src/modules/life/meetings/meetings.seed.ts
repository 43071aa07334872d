/**
 * The demo's current meetings, made through the service by the secretaries, so the demo keeps
 * every rule the screens keep: the branch of the demo member (account `member`) holds a 主题党日
 * starting at the next half hour of the seed (its sign-in QR is open at once) and a 党课 a week
 * later; a few other branches of 通州 and 海淀 have meetings planned in the coming two weeks. The
 * two years of history belong to the compliance board's seed.
 */
import { MeetingCreateBody, type MeetingCreateInput } from '@ningxin/shared';
import type { Db } from '../../../db/client';
import { type Actor, selfMemberId } from '../../../policy/policy';
import type { MembersService } from '../../members/record/members.service';
import type { UsersService } from '../../users/users.service';
import type { MeetingsService } from './meetings.service';

const HALF_HOUR = 30 * 60_000;
const DAY = 86_400_000;

/** 19:30 Beijing time, `days` after the day of `from`. */
function eveningAfter(from: Date, days: number): Date {
  const day = new Date(from.getTime() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);
  return new Date(`${day}T19:30:00+08:00`);
}

export function createMeetingsSeed(deps: {
  db: Db;
  users: Pick<UsersService, 'actorFor'>;
  members: Pick<MembersService, 'placements'>;
  meetings: MeetingsService;
  branchesUnder: (path: string) => Promise<{ id: number; name: string }[]>;
}) {
  const { db, users, members, meetings } = deps;
  const make = (actor: Actor, body: MeetingCreateInput) =>
    meetings.create(actor, MeetingCreateBody.parse(body));

  return async function seedMeetings(): Promise<number> {
    const [tongzhou, haidian, member] = await Promise.all([
      users.actorFor('tongzhou'),
      users.actorFor('haidian'),
      users.actorFor('member'),
    ]);
    let made = 0;
    const now = new Date();
    const selfId = member ? selfMemberId(member) : null;
    const [placed] = selfId ? await members.placements(db, [selfId]) : [];
    if (tongzhou && placed) {
      const start = new Date(Math.ceil(now.getTime() / HALF_HOUR) * HALF_HOUR);
      await make(tongzhou, {
        orgId: placed.orgId,
        type: 'theme_day',
        topic: '主题党日：重温入党誓词，学习党的二十届三中全会精神',
        plannedAt: start.toISOString(),
        mode: 'both',
        place: '通州区永顺镇党群服务中心二楼会议室',
        onlineUrl: 'https://meeting.example.org/room/zhutidangri',
        host: '支部书记',
        recorder: '组织委员',
        agenda: '一、重温入党誓词\n二、集中学习\n三、交流发言',
        allowGuests: true,
      });
      await make(tongzhou, {
        orgId: placed.orgId,
        type: 'party_lecture',
        topic: '党课：流动党员如何发挥先锋模范作用',
        plannedAt: eveningAfter(now, 7).toISOString(),
        mode: 'offline',
        place: '通州区永顺镇党群服务中心二楼会议室',
        speaker: '支部书记',
        host: '支部书记',
        studyHours: 2,
      });
      made += 2;
    }
    const plans: [Actor | null, MeetingCreateInput['type'], string, number][] = [
      [tongzhou, 'branch_committee', '支委会：研究本季度发展党员工作', 3],
      [tongzhou, 'group_meeting', '党小组会：学习《中国共产党纪律处分条例》', 5],
      [tongzhou, 'branch_assembly', '支部党员大会：通报上半年支部工作', 10],
      [haidian, 'theme_day', '主题党日：走进社区开展志愿服务', 4],
      [haidian, 'party_lecture', '党课：新时代流动党员的责任与担当', 12],
    ];
    const branches = new Map<Actor, { id: number; name: string }[]>();
    for (const [i, [actor, type, topic, days]] of plans.entries()) {
      const path = actor?.assignments.find((a) => a.orgPath)?.orgPath;
      if (!actor || !path) continue;
      if (!branches.has(actor)) branches.set(actor, await deps.branchesUnder(path));
      const list = (branches.get(actor) ?? []).filter((b) => b.id !== placed?.orgId);
      const branch = list[i % Math.max(1, list.length)];
      if (!branch) continue;
      await make(actor, {
        orgId: branch.id,
        type,
        topic,
        plannedAt: eveningAfter(now, days).toISOString(),
        mode: 'offline',
        place: `${branch.name}活动室`,
        host: '支部书记',
        recorder: '组织委员',
      });
      made++;
    }
    return made;
  };
}
