import {
  type Action,
  divisionName,
  type FeedbackItem,
  type FeedbackListQuery,
  type FeedbackListResponse,
  type FeedbackSendBody,
  type FeedbackSendResponse,
  type FeedbackUpdateBody,
  isDivisionOf,
  localIsoDate,
  type MemberListItem,
  type MemberListQuery,
} from '@ningxin/shared';
import type { Db } from '../../../db/client';
import { assertVersion, versionConflict } from '../../../lib/errors';
import type { PdfContent } from '../../../lib/pdf/pdf-document';
import type { PdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { type Actor, assertCan, assertHolds, can } from '../../../policy/policy';
import type { ActivityService } from '../../activity/activity.service';
import { audited, recordAudit } from '../../audit/audit.service';
import { memberTarget } from '../../members/record/members.scope';
import type { MembersService } from '../../members/record/members.service';
import type { InboxService } from '../../notices/inbox.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import { nothingToSend, unknownCounty } from './contacts.errors';
import { figuresOf, yearReflections } from './feedback.figures';
import { FEEDBACK_TITLE, feedbackBlocks } from './feedback.print';
import { type FeedbackRow, feedbackRepository } from './feedback.repository';

export interface FeedbackDeps {
  db: Db;
  homeCity: string;
  members: Pick<MembersService, 'list' | 'visibleMember' | 'placements' | 'rowsWithOrg'>;
  activity: Pick<ActivityService, 'yearTotals'>;
  users: Pick<UsersService, 'roleHolders'>;
  inbox: Pick<InboxService, 'post'>;
  orgs: Pick<OrgsService, 'namesAlong'>;
  pdf: PdfRenderer;
}

/** The members a feedback covers: those on the rolls (在册, 失联). */
const ON_ROLLS = ['active', 'lost'] as const;
/** Members a page of the list (and of a workbook's or a send's walk) holds. */
const PAGE = 200;

/**
 * The yearly conduct feedback (现实表现反馈) to the home side. The members come from the member
 * list (in the actor's scope, by home county, by name); each item is kept only where the actor
 * holds the action over that member, so a reader's other scopes (a host district) add nobody.
 */
export function createFeedbackService({
  db,
  homeCity,
  members,
  activity,
  users,
  inbox,
  orgs,
  pdf,
}: FeedbackDeps) {
  function checkCounty(county: string | undefined) {
    if (county !== undefined && !isDivisionOf(homeCity, county)) throw unknownCounty();
  }

  /** A page of members on the rolls of the county (all in scope without one) over which the actor holds `action`. */
  async function memberPage(
    actor: Actor,
    action: Action,
    county: string | undefined,
    limit: number,
    cursor: string | undefined,
  ) {
    const q: MemberListQuery = {
      homeCounty: county ? [county] : [],
      hostDistrict: [],
      status: [...ON_ROLLS],
      tags: [],
      education: [],
      sort: 'name',
      order: 'asc',
      limit,
      ...(cursor ? { cursor } : {}),
    };
    const list = await members.list(actor, q);
    const placed = await members.placements(
      db,
      list.items.map((m) => m.id),
    );
    const allowed = new Set(placed.filter((p) => can(actor, action, memberTarget(p))).map((p) => p.id));
    return { ...list, items: list.items.filter((m) => allowed.has(m.id)) };
  }

  /** Every member of the county the actor holds `action` over. */
  async function allMembers(actor: Actor, action: Action, county: string) {
    const all: MemberListItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await memberPage(actor, action, county, PAGE, cursor);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  /** The items of these members for the year: figures from the ledger, the comment, whether sent. */
  async function itemsOf(
    actor: Actor,
    list: readonly MemberListItem[],
    year: number,
  ): Promise<FeedbackItem[]> {
    const ids = list.map((m) => m.id);
    const [totals, rows, placed, reflections] = await Promise.all([
      activity.yearTotals(db, ids, year),
      feedbackRepository.ofMembers(db, ids, year),
      members.placements(db, ids),
      yearReflections(db, ids, year),
    ]);
    const byMember = new Map(rows.map((r) => [r.memberId, r]));
    const targets = new Map(placed.map((p) => [p.id, memberTarget(p)]));
    return list.map((m) =>
      itemOf(actor, m, year, totals.get(m.id), byMember.get(m.id), targets.get(m.id), reflections.get(m.id)),
    );
  }

  function itemOf(
    actor: Actor,
    m: MemberListItem,
    year: number,
    totals: Parameters<typeof figuresOf>[0],
    row: FeedbackRow | undefined,
    target: ReturnType<typeof memberTarget> | undefined,
    reflectionTitles?: readonly string[],
  ): FeedbackItem {
    return {
      member: {
        id: m.id,
        name: m.name,
        status: m.status,
        orgName: m.orgName,
        homeCounty: m.homeCounty,
        homeCountyName: m.homeCountyName,
        hostDistrictName: m.hostDistrictName,
        joinedAt: m.joinedAt,
      },
      year,
      figures: figuresOf(totals, reflectionTitles),
      comment: row?.comment ?? null,
      sentAt: row?.sentAt?.toISOString() ?? null,
      version: row?.version ?? 0,
      canWrite: target ? can(actor, 'feedback.write', target) : false,
    };
  }

  /** One member's item (after a change), as the list shows it. */
  async function one(actor: Actor, memberId: number, year: number): Promise<FeedbackItem> {
    const row = await members.visibleMember(db, actor, memberId, 'member.read');
    const [totals, fb, reflections] = await Promise.all([
      activity.yearTotals(db, [memberId], year),
      feedbackRepository.find(db, memberId, year),
      yearReflections(db, [memberId], year),
    ]);
    const hostName = row.hostDistrict ? (divisionName(row.hostDistrict) ?? null) : null;
    return itemOf(
      actor,
      {
        id: row.id,
        name: row.name,
        status: row.status,
        orgName: row.orgName,
        homeCounty: row.homeCounty,
        homeCountyName: divisionName(row.homeCounty) ?? null,
        hostDistrictName: hostName,
        joinedAt: row.joinedAt,
      } as MemberListItem,
      year,
      totals.get(memberId),
      fb ?? undefined,
      memberTarget(row),
      reflections.get(memberId),
    );
  }

  return {
    async list(actor: Actor, q: FeedbackListQuery): Promise<FeedbackListResponse> {
      assertHolds(actor, 'feedback.read');
      checkCounty(q.county);
      const page = await memberPage(actor, 'feedback.read', q.county, q.limit, q.cursor);
      return {
        items: await itemsOf(actor, page.items, q.year),
        nextCursor: page.nextCursor,
        year: q.year,
        total: page.total,
      };
    },

    /** Writes the org's comment on a member's year (first write: version 0). Audited. */
    async update(actor: Actor, memberId: number, year: number, body: FeedbackUpdateBody) {
      await audited(db, actor, async (tx, audit) => {
        const member = await members.visibleMember(tx, actor, memberId, 'member.read');
        assertCan(actor, 'feedback.write', memberTarget(member), '党员');
        const before = await feedbackRepository.find(tx, memberId, year, true);
        const comment = body.comment ?? null;
        if (before) {
          assertVersion(before, body.version);
          if (!(await feedbackRepository.update(tx, before.id, body.version, comment, actor.userId)))
            throw versionConflict();
        } else {
          if (body.version !== 0) throw versionConflict();
          if (!(await feedbackRepository.insert(tx, memberId, year, comment, actor.userId)))
            throw versionConflict();
        }
        audit({
          action: 'feedback.updated',
          targetType: 'member',
          targetId: memberId,
          targetLabel: member.name,
          before: { year, comment: before?.comment ?? null },
          after: { year, comment },
        });
      });
      return one(actor, memberId, year);
    },

    /** One member's feedback as a PDF page; the download is audited before a byte is sent. */
    async pdf(actor: Actor, memberId: number, year: number) {
      const m = await members.visibleMember(db, actor, memberId, 'member.read');
      assertCan(actor, 'feedback.read', memberTarget(m), '党员');
      const [totals, fb, names, reflections] = await Promise.all([
        activity.yearTotals(db, [memberId], year),
        feedbackRepository.find(db, memberId, year),
        orgs.namesAlong(db, m.orgPath),
        yearReflections(db, [memberId], year),
      ]);
      const printedOn = localIsoDate(new Date());
      const rendered = await pdf.render({
        committee: names[0] ?? m.orgName,
        title: `${FEEDBACK_TITLE}（${m.name}）`,
        records: [
          feedbackBlocks(
            m,
            names,
            year,
            figuresOf(totals.get(memberId), reflections.get(memberId)),
            fb?.comment ?? null,
            printedOn,
          ),
        ],
      });
      try {
        await recordAudit(db, actor, {
          action: 'feedback.downloaded',
          targetType: 'member',
          targetId: memberId,
          targetLabel: m.name,
          after: { year, format: 'pdf' },
        });
      } catch (err) {
        rendered.stream.destroy();
        throw err;
      }
      return {
        stream: rendered.stream,
        pages: rendered.pages,
        fileName: `${FEEDBACK_TITLE}_${year}_${m.name}.pdf`,
        asciiName: `feedback-${year}-${memberId}.pdf`,
      };
    },

    /** The items of a county's members for the workbook (the download is audited by the caller's `audit`). */
    async workbookItems(actor: Actor, year: number, county: string) {
      assertHolds(actor, 'feedback.read');
      checkCounty(county);
      const items = await itemsOf(actor, await allMembers(actor, 'feedback.read', county), year);
      await recordAudit(db, actor, {
        action: 'feedback.downloaded',
        targetType: 'county',
        targetId: county,
        targetLabel: divisionName(county) ?? county,
        after: { year, format: 'xlsx', count: items.length },
      });
      return items;
    },

    /**
     * For the whole committee's feedback run (stats/reports): how many members on the rolls of
     * the county the actor's scope holds (the run's progress), counted like the list's total.
     */
    async countyTotal(actor: Actor, county: string): Promise<number> {
      assertHolds(actor, 'feedback.read');
      checkCounty(county);
      return (await memberPage(actor, 'feedback.read', county, 1, undefined)).total;
    },

    /**
     * For the whole committee's feedback run: the items of the county's members, a page at a
     * time, as the list and the county workbook have them. Not audited here: the run's
     * workbook is audited when it is downloaded.
     */
    async *countyPages(actor: Actor, year: number, county: string): AsyncGenerator<FeedbackItem[]> {
      assertHolds(actor, 'feedback.read');
      checkCounty(county);
      let cursor: string | undefined;
      do {
        const page = await memberPage(actor, 'feedback.read', county, PAGE, cursor);
        yield await itemsOf(actor, page.items, year);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },

    /**
     * For the whole committee's feedback run: the printed feedback (the per-member PDF's page) of
     * items the run has listed, drawn from the items' own figures and comment, so a member's page
     * says what the workbook's row says. Holds the org names read so far (a run reads each org's
     * path once). Not audited here: the run's files are audited when downloaded.
     */
    printer(year: number) {
      const pathNames = new Map<string, string[]>();
      const printedOn = localIsoDate(new Date());
      let committee: string | null = null;
      return {
        /** The pages of these items' members, in the items' order. */
        async records(items: readonly FeedbackItem[]): Promise<PdfContent[][]> {
          const rows = await members.rowsWithOrg(
            db,
            items.map((i) => i.member.id),
          );
          const byId = new Map(rows.map((r) => [r.id, r]));
          for (const path of new Set(rows.map((r) => r.orgPath)))
            if (!pathNames.has(path)) pathNames.set(path, await orgs.namesAlong(db, path));
          return items.flatMap((item) => {
            const m = byId.get(item.member.id);
            if (!m) return [];
            const names = pathNames.get(m.orgPath) ?? [m.orgName];
            committee ??= names[0] ?? null;
            return [feedbackBlocks(m, names, year, item.figures, item.comment, printedOn)];
          });
        },
        /** The committee's name for the pages' heading (the root of the first member's org path). */
        committee: () => committee ?? '',
      };
    },

    /**
     * Marks a county's year sent for the members the actor may write, and tells the county's
     * organization department (its home_viewer accounts) in their inbox. Audited.
     */
    async send(actor: Actor, body: FeedbackSendBody): Promise<FeedbackSendResponse> {
      assertHolds(actor, 'feedback.write');
      checkCounty(body.county);
      const list = await allMembers(actor, 'feedback.write', body.county);
      if (list.length === 0) throw nothingToSend();
      const countyName = divisionName(body.county) ?? body.county;
      return audited(db, actor, async (tx, audit) => {
        const at = new Date();
        const ids = list.map((m) => m.id);
        await feedbackRepository.markSent(tx, ids, body.year, actor.userId, at);
        const holders = await users.roleHolders(tx, 'home_viewer');
        const userIds = [
          ...new Set(
            holders.filter((h) => h.scopeKind === 'home' && h.division === body.county).map((h) => h.userId),
          ),
        ];
        if (userIds.length)
          await inbox.post(tx, {
            userIds,
            kind: 'feedback',
            title: `${actor.displayName}发来${countyName} ${body.year} 年度流动党员现实表现反馈（${ids.length} 人）`,
            link: `/finding/feedback?year=${body.year}&county=${body.county}`,
            dedupeKey: `feedback:${body.county}:${body.year}:${at.getTime()}`,
          });
        audit({
          action: 'feedback.sent',
          targetType: 'county',
          targetId: body.county,
          targetLabel: countyName,
          after: { year: body.year, members: ids.length, recipients: userIds.length },
        });
        return { members: ids.length, recipients: userIds.length, sentAt: at.toISOString() };
      });
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
