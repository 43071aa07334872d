/**
 * Party anniversaries (政治生日): the members of the actor's scope whose anniversary falls in a
 * window, a printable card for one member, this week's count on the workbench, and the member's own
 * view of their care records (my next anniversary, visits, help, honours).
 */
import {
  CARE_HELP_KIND_LABELS,
  type CareBirthdaysQuery,
  type CareBirthdaysResponse,
  type CareHelpKind,
  type CareMineResponse,
  type CareVisitReason,
  careVisitTitle,
  HONOUR_LEVEL_LABELS,
  type HonourKind,
  type HonourLevel,
  ROLE_ACTIONS,
  type WorkbenchTodo,
} from '@ningxin/shared';
import { notFound } from '../../../lib/errors';
import { paragraph, title } from '../../../lib/pdf/pdf-blocks';
import type { PdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { printedDate, renderRecorded } from '../../../lib/pdf/printed';
import { type Actor, assertHolds, can, selfMemberId } from '../../../policy/policy';
import { recordAudit } from '../../audit/audit.service';
import { committeeDay } from '../../notices/anniversaries';
import type { CareAccess } from '../care.access';
import type { HelpService } from '../help/help.service';
import type { HonoursService } from '../honours/honours.service';
import type { VisitsService } from '../visits/visits.service';
import { addDays, nextAnniversary, windowDays } from './anniversary';

export interface BirthdaysDeps {
  access: CareAccess;
  pdf: PdfRenderer;
  visits: VisitsService;
  help: HelpService;
  honours: HonoursService;
}

const CARD_TITLE = '政治生日贺卡';

export function createBirthdaysService({ access, pdf, visits, help, honours }: BirthdaysDeps) {
  const { db } = access;

  async function within(actor: Actor, from: string, days: number, orgId?: number) {
    const orgPath = await access.orgFilter(db, orgId);
    return access.members.anniversariesWithin(db, actor, 'care.read', windowDays(from, days), orgPath);
  }

  return {
    async list(actor: Actor, q: CareBirthdaysQuery): Promise<CareBirthdaysResponse> {
      assertHolds(actor, 'care.read');
      const from = q.from ?? committeeDay(new Date());
      const rows = await within(actor, from, q.days, q.orgId);
      return {
        from,
        to: addDays(from, q.days - 1),
        items: rows.map((r) => ({
          member: { id: r.id, name: r.name },
          org: { id: r.orgId, name: r.orgName },
          joinedAt: r.joinedAt,
          on: r.on,
          years: r.years,
        })),
      };
    },

    /** The workbench's to-do: this week's (today and the six days after) anniversaries in the scope. */
    async todos(actor: Actor): Promise<WorkbenchTodo[]> {
      const holds = actor.assignments.some(
        (a) => a.scopeKind !== 'self' && ROLE_ACTIONS[a.role].includes('care.write'),
      );
      if (!holds) return [];
      const rows = await within(actor, committeeDay(new Date()), 7);
      return [
        {
          key: 'care.anniversaries',
          label: '本周政治生日',
          count: rows.length,
          link: '/care/birthdays',
          severity: 'info',
        },
      ];
    },

    /** The member's card for the next anniversary (today's, if it is today); audited as an export. */
    async card(actor: Actor, memberId: number) {
      assertHolds(actor, 'care.write');
      const [m] = await access.members.placements(db, [memberId]);
      if (
        !m ||
        !can(actor, 'care.write', {
          type: 'member',
          orgPath: m.orgPath,
          homeCounty: m.homeCounty,
          hostDistrict: m.hostDistrict,
          memberId: m.id,
        })
      )
        throw notFound('党员');
      const today = committeeDay(new Date());
      const next = nextAnniversary(m.joinedAt, today);
      const names = await access.orgs.namesAlong(db, m.orgPath);
      const committee = names[0] || m.orgName;
      return renderRecorded(
        pdf,
        {
          committee,
          title: `${CARD_TITLE}（${m.name}）`,
          records: [
            [
              title(CARD_TITLE),
              paragraph(`${m.name}同志：`),
              paragraph(
                `　　${printedDate(m.joinedAt)}，您光荣地加入了中国共产党。${printedDate(next.on)}是您入党 ${next.years} 周年的政治生日，${m.orgName}向您致以节日的问候和崇高的敬意！`,
              ),
              paragraph(
                '　　离乡不离党，流动不流失。希望您不忘初心、牢记使命，重温入党誓词，永葆共产党员的先进性和纯洁性，在岗位上发挥先锋模范作用，为服务首都、建设家乡贡献力量。',
              ),
              paragraph(`${committee}\n${m.orgName}\n${printedDate(today)}`),
            ],
          ],
        },
        () =>
          recordAudit(db, actor, {
            action: 'care.birthday_card_printed',
            targetType: 'member',
            targetId: m.id,
            targetLabel: m.name,
            after: { on: next.on, years: next.years },
          }),
        { fileName: `${CARD_TITLE}_${m.name}.pdf`, asciiName: `party-birthday-${m.id}.pdf` },
      );
    },

    /** The member's own: next anniversary, visits, help and honours (404 for an account without a record). */
    async mine(actor: Actor): Promise<CareMineResponse> {
      const memberId = selfMemberId(actor);
      if (memberId === null) throw notFound('党员档案');
      const [m] = await access.members.placements(db, [memberId]);
      if (!m) throw notFound('党员档案');
      const [v, h, o] = await Promise.all([
        visits.ofMember(memberId),
        help.ofMember(memberId),
        honours.ofMember(memberId),
      ]);
      return {
        nextBirthday: { ...nextAnniversary(m.joinedAt, committeeDay(new Date())), joinedAt: m.joinedAt },
        visits: v.map((r) => ({
          id: r.id,
          reason: r.reason as CareVisitReason,
          title: careVisitTitle(r.reason as CareVisitReason, r.holiday),
          visitedOn: r.visitedOn,
          visitors: r.visitors,
        })),
        help: h.map((r) => ({
          id: r.id,
          kind: r.kind as CareHelpKind,
          kindLabel: CARE_HELP_KIND_LABELS[r.kind as CareHelpKind],
          amountFen: r.amountFen,
          givenOn: r.givenOn,
          reason: r.reason,
        })),
        honours: o.map((r) => ({
          id: r.id,
          kind: r.kind as HonourKind,
          level: r.level as HonourLevel,
          levelLabel: HONOUR_LEVEL_LABELS[r.level as HonourLevel],
          title: r.title,
          issuer: r.issuer,
          awardedOn: r.awardedOn,
        })),
      };
    },
  };
}

export type BirthdaysService = ReturnType<typeof createBirthdaysService>;
