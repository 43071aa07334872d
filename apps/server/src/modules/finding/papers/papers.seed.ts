/**
 * The demo's papers: certificates for a sample of members (most in force, some expiring within
 * 30 days, some expired, one revoked, one renewed) and transfers (some completed, some open,
 * one whose receipt is overdue), all made by the committee office through the services, so the
 * demo keeps every rule the screens keep. Dates are counted back from the day of the seed; the
 * members chosen are the first on the rolls, so a seed of the same demo gives the same papers.
 */
import {
  addDays,
  addMonths,
  idCheckChar,
  localIsoDate,
  type MemberListItem,
  MemberListQuery,
  TransferCreateBody,
} from '@ningxin/shared';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../policy/policy';
import type { MembersService } from '../../members/record/members.service';
import type { UsersService } from '../../users/users.service';
import type { CertificatesService } from './certificates/certificates.service';
import type { TransfersService } from './transfers/transfers.service';

export interface PapersSeedDeps {
  db: Db;
  users: Pick<UsersService, 'accountByUsername'>;
  members: Pick<MembersService, 'list'>;
  certificates: CertificatesService;
  transfers: TransfersService;
}

const DESTINATIONS = [
  '北京市通州区永顺镇',
  '北京市海淀区中关村街道',
  '北京市大兴区亦庄镇',
  '北京市朝阳区望京街道',
  '北京市昌平区回龙观街道',
  '北京市西城区大栅栏街道',
];
const REASONS = ['外出务工', '经商', '随迁照顾家属', '外出务工（建筑业）', '外出务工（家政服务）'];
const OUTSIDE_ORGS = [
  '中共康保县委组织部',
  '中共河北省张家口市桥西区某社区委员会',
  '中共天津市滨海新区某企业委员会',
  '中共蔚县吉家庄镇委员会',
];

/** A valid synthetic ID number of a Zhangjiakou county (the sequence picks one no demo member has). */
function syntheticId(seq: number): string {
  const first17 = `130728${1980 + (seq % 15)}0${1 + (seq % 9)}1${seq % 10}${900 + seq}`;
  return first17 + idCheckChar(first17);
}

export function createPapersSeed({ db, users, members, certificates, transfers }: PapersSeedDeps) {
  return async function seedPapers(): Promise<{ certificates: number; transfers: number }> {
    const office = await users.accountByUsername(db, 'office');
    if (!office) return { certificates: 0, transfers: 0 };
    const actor: Actor = {
      userId: office.id,
      username: office.username,
      displayName: office.displayName,
      sessionId: 0,
      ip: null,
      memberId: null,
      assignments: [
        { id: 0, role: 'committee_admin', scopeKind: 'all', orgId: null, orgPath: null, division: null },
      ],
    };
    const page = await members.list(
      actor,
      MemberListQuery.parse({ status: 'active', sort: 'createdAt', order: 'asc', limit: '60' }),
    );
    const people: MemberListItem[] = page.items;
    if (people.length < 30) return { certificates: 0, transfers: 0 };
    const today = localIsoDate(new Date());
    let certs = 0;
    const issue = async (m: MemberListItem, i: number, issuedOn: string, validUntil: string) => {
      certs++;
      return certificates.create(actor, {
        memberId: m.id,
        destination: DESTINATIONS[i % DESTINATIONS.length]!,
        reason: REASONS[i % REASONS.length]!,
        issuedOn,
        validUntil,
      });
    };

    // In force: issued over the past months, valid a year.
    for (let i = 0; i < 14; i++) {
      const issuedOn = addDays(today, -(20 + i * 17));
      await issue(people[i]!, i, issuedOn, addMonths(issuedOn, 12));
    }
    // Expiring within 30 days.
    for (let i = 14; i < 19; i++) {
      const issuedOn = addMonths(today, -11);
      await issue(people[i]!, i, issuedOn, addDays(today, 3 + (i - 14) * 6));
    }
    // Expired, not yet renewed.
    for (let i = 19; i < 22; i++) {
      const issuedOn = addMonths(today, -14);
      await issue(people[i]!, i, issuedOn, addDays(addMonths(issuedOn, 12), -(i - 19) * 9));
    }
    // One revoked (the member came home), one renewed after it expired.
    const revoked = await issue(people[22]!, 22, addMonths(today, -5), addMonths(today, 7));
    await certificates.revoke(actor, revoked.id, {
      reason: '党员已返回原籍，收回活动证',
      version: revoked.version,
    });
    const lapsed = await issue(people[23]!, 23, addMonths(today, -13), addMonths(today, -1));
    await certificates.renew(actor, lapsed.id, { validUntil: addMonths(today, 12), version: lapsed.version });
    certs++;

    let moves = 0;
    const outgoing = async (m: MemberListItem, i: number, issuedOn: string) => {
      moves++;
      return transfers.create(
        actor,
        TransferCreateBody.parse({
          direction: 'outgoing',
          memberId: m.id,
          toOrgName: OUTSIDE_ORGS[i % OUTSIDE_ORGS.length]!,
          reason: i % 2 ? '返乡就业' : '在外地落户，组织关系随迁',
          duesPaidUntil: issuedOn.slice(0, 7),
          issuedOn,
          validUntil: addDays(issuedOn, 10),
        }),
      );
    };
    // Completed: the receipt came back within the month; the member is now 已转出.
    for (let i = 24; i < 27; i++) {
      const issuedOn = addDays(today, -(90 + (i - 24) * 25));
      const t = await outgoing(people[i]!, i, issuedOn);
      await transfers.receipt(actor, t.id, {
        receiptReturnedOn: addDays(issuedOn, 12 + i - 24),
        version: t.version,
      });
    }
    // Open, receipt not yet due.
    await outgoing(people[27]!, 27, addDays(today, -4));
    await outgoing(people[28]!, 28, addDays(today, -12));
    // Open, receipt overdue (issued 45 days ago).
    await outgoing(people[29]!, 29, addDays(today, -45));

    // Incoming: a member from a county org joins the branch of a sampled member; one completed, one open.
    for (const [k, open] of [
      [0, false],
      [1, true],
    ] as const) {
      const branch = people[k]!;
      const issuedOn = addDays(today, open ? -6 : -70);
      const t = await transfers.create(
        actor,
        TransferCreateBody.parse({
          direction: 'incoming',
          fromOrgName: OUTSIDE_ORGS[k]!,
          reason: '来京务工，组织关系转入',
          duesPaidUntil: addMonths(issuedOn, -1).slice(0, 7),
          issuedOn,
          validUntil: addDays(issuedOn, 15),
          person: {
            name: k ? '韩文静' : '郝建军',
            idNumber: syntheticId(k + 1),
            phone: `1370313${String(4100 + k).padStart(4, '0')}`,
            joinedAt: '2012-07-01',
            fullMemberAt: '2013-07-01',
            memberType: 'full',
            homeCounty: '130728',
            hostDistrict: null,
            relationship: 'transferred_in',
            orgId: branch.orgId,
            tags: [],
            source: 'manual',
          },
        }),
      );
      moves++;
      if (!open)
        await transfers.receipt(actor, t.id, { receiptReturnedOn: addDays(issuedOn, 9), version: t.version });
    }
    return { certificates: certs, transfers: moves };
  };
}
