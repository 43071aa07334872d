/**
 * The demo committee's part of contact and lost contact (synthetic, deterministic): contact-log
 * entries for a sample of members (the committee's calls and visits, the 康保 and 西城 sides'
 * notes), the review flags the daily rule raises over the demo members, and the org's comments on
 * last year's conduct for some 康保 members.
 */
import {
  CONTACT_METHOD_LABELS,
  type ContactMethod,
  type ContactResult,
  localIsoDate,
  type MemberListItem,
  type MemberListQuery,
} from '@ningxin/shared';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../policy/policy';
import { createRandom } from '../../../seed/random';
import type { MembersService } from '../../members/record/members.service';
import type { UsersService } from '../../users/users.service';
import { contactsRepository } from './contacts.repository';
import { feedbackRepository } from './feedback.repository';
import type { FlagsService } from './flags.service';

export interface ContactsDemoDeps {
  db: Db;
  members: Pick<MembersService, 'list' | 'recordContact'>;
  users: Pick<UsersService, 'accountByUsername'>;
  flags: Pick<FlagsService, 'raiseFlags'>;
}

const DEMO_SEED = 12_0501;
const DAY = 86_400_000;

/** Reads the demo members as the office would (whole tree); writes nothing through it. */
const WHOLE_TREE: Actor = {
  userId: 0,
  username: 'system',
  displayName: '系统',
  sessionId: 0,
  ip: null,
  memberId: null,
  assignments: [
    { id: 0, role: 'committee_admin', scopeKind: 'all', orgId: null, orgPath: null, division: null },
  ],
};

const NOTES: Record<ContactResult, readonly string[]> = {
  reached: ['在京工作稳定，近况良好', '已告知本月主题党日安排', '更新了居住地址', '询问党费交纳情况，已说明'],
  not_reached: ['电话无人接听', '号码已停机，待核实', '走访时不在住处，已留联系方式'],
  note: ['家属告知已去外地务工，待进一步核实', '单位反映表现良好'],
};
const METHODS: readonly ContactMethod[] = ['phone', 'phone', 'phone', 'wechat', 'visit', 'sms', 'meeting'];

const COMMENTS = [
  '该同志能按时参加组织生活，积极参与志愿服务，现实表现良好。',
  '该同志遵守党的纪律，工作认真负责，在流入地表现良好。',
  '该同志参加学习教育较为积极，热心服务家乡，表现良好。',
];

export function createContactsDemo({ db, members, users, flags }: ContactsDemoDeps) {
  async function sample(q: Partial<MemberListQuery>, limit: number): Promise<MemberListItem[]> {
    const page = await members.list(WHOLE_TREE, {
      homeCounty: [],
      hostDistrict: [],
      status: ['active'],
      tags: [],
      education: [],
      sort: 'createdAt',
      order: 'asc',
      limit,
      ...q,
    });
    return page.items;
  }

  return {
    async run(now = new Date()): Promise<void> {
      const rng = createRandom(DEMO_SEED);
      const [office, kangbao, xicheng] = await Promise.all(
        ['office', 'kangbao', 'xicheng'].map((u) => users.accountByUsername(db, u)),
      );
      const committee = await sample({}, 200);
      const home = await sample({ homeCounty: ['130723'] }, 30);
      const host = await sample({ hostDistrict: ['110102'] }, 30);
      const plan = [
        ...committee.map((m) => ({ m, side: 'committee' as const, by: office?.id ?? null })),
        ...home.map((m) => ({ m, side: 'home' as const, by: kangbao?.id ?? null })),
        ...host.map((m) => ({ m, side: 'host' as const, by: xicheng?.id ?? null })),
      ];
      await db.transaction(async (tx) => {
        for (const { m, side, by } of plan) {
          const entries = rng.int(1, 3);
          for (let i = 0; i < entries; i++) {
            const noteOnly = side !== 'committee' && rng.chance(0.4);
            const method: ContactMethod = noteOnly ? 'note' : rng.pick(METHODS);
            const result: ContactResult = noteOnly ? 'note' : rng.chance(0.8) ? 'reached' : 'not_reached';
            const on = localIsoDate(new Date(now.getTime() - rng.int(1, 150) * DAY));
            const row = await contactsRepository.insert(tx, {
              memberId: m.id,
              contactedOn: on,
              method,
              result,
              note: rng.pick(NOTES[result]),
              side,
              byUserId: by,
            });
            if (result === 'reached')
              await members.recordContact(tx, {
                memberId: m.id,
                on,
                sourceId: `contact:${row.id}`,
                title: `${CONTACT_METHOD_LABELS[method]}联系`,
              });
          }
        }
        const lastYear = now.getFullYear() - 1;
        for (const m of home.slice(0, 12))
          await feedbackRepository.insert(tx, m.id, lastYear, rng.pick(COMMENTS), office?.id ?? 0);
      });
      await flags.raiseFlags(now);
    },
  };
}

export type ContactsDemo = ReturnType<typeof createContactsDemo>;
