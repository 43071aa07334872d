import {
  type ContactsOverviewResponse,
  divisionName,
  type FlagListQuery,
  type FlagListResponse,
  type FlagResolveBody,
  INT4_MAX,
  localIsoDate,
  MEMBER_STATUS_LABELS,
  type MemberStatus,
  type OverviewCount,
  RECENT_CONTACT_DAYS,
} from '@ningxin/shared';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { memberFlags } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { notFound } from '../../../lib/errors';
import { type Actor, assertHolds, can, permissionsOf } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { membersAbsentThroughout } from '../../life/life.fragments';
import { memberInScope, membersAmong, membersOutOfTouch } from '../../members/members.fragments';
import { memberTarget } from '../../members/record/members.scope';
import type { MembersService } from '../../members/record/members.service';
import type { SettingsService } from '../../settings/settings.service';
import { flagResolved } from './contacts.errors';
import { mapFlag } from './contacts.mapper';
import { contactsRepository } from './contacts.repository';

export interface FlagsDeps {
  db: Db;
  members: Pick<MembersService, 'visibleMember' | 'placements' | 'contactFigures'>;
  settings: Pick<SettingsService, 'get'>;
}

const DAY = 86_400_000;

/** The day `months` calendar months before `now`. */
function monthsBefore(now: Date, months: number): string {
  const d = new Date(now);
  d.setMonth(d.getMonth() - months);
  return localIsoDate(d);
}

function monthsBeforeInstant(now: Date, months: number): Date {
  const d = new Date(now);
  d.setMonth(d.getMonth() - months);
  return d;
}

/** Groups counted and named, largest first. */
function tally(rows: { key: string | null; n: number }[], name: (key: string) => string): OverviewCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.key ?? '', (counts.get(r.key ?? '') ?? 0) + r.n);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, name: key ? name(key) : '未填写', count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * The lost-contact review (流动不流失): flags raised by the daily job over the members, listed in
 * the actor's scope and resolved by the secretaries with a note. The system flags, the people
 * decide: no flag changes a status.
 */
export function createFlagsService({ db, members, settings }: FlagsDeps) {
  return {
    /**
     * The daily rule (`contacts.lost_contact_flags`), one transaction, one statement a rule:
     * - 待核实 `no_contact`: 在册 members not in touch for `members.lostContactDays` days;
     * - 停止党籍审查 `suspend`: full members 失联 and not reached for 6 months;
     * - 除名审查 `remove`: members 停止党籍 or 失联 for 2 years without contact.
     * - 自行脱党审查 `dropout`: 在册 members expected at the meetings their branch held all through
     *   the last 6 months and present at none, without approved leave (life/life.fragments.ts);
     *   dues are not judged yet (no dues ledger).
     * A member gets no second open flag of a kind, and none again while a resolved one is recent
     * (the rule's own window).
     */
    async raiseFlags(now = new Date()): Promise<number> {
      const days = await settings.get('members.lostContactDays');
      const today = localIsoDate(now);
      return db.transaction(async (tx) => {
        let raised = 0;
        raised += await contactsRepository.raise(
          tx,
          'no_contact',
          membersOutOfTouch({
            statuses: ['active'],
            contactBefore: localIsoDate(new Date(now.getTime() - days * DAY)),
          }),
          today,
          new Date(now.getTime() - days * DAY),
        );
        raised += await contactsRepository.raise(
          tx,
          'dropout',
          membersAmong(membersAbsentThroughout(monthsBefore(now, 6), today), ['active']),
          today,
          monthsBeforeInstant(now, 6),
        );
        raised += await contactsRepository.raise(
          tx,
          'suspend',
          membersOutOfTouch({ statuses: ['lost'], fullOnly: true, contactBefore: monthsBefore(now, 6) }),
          today,
          monthsBeforeInstant(now, 6),
        );
        raised += await contactsRepository.raise(
          tx,
          'remove',
          membersOutOfTouch({
            statuses: ['suspended', 'lost'],
            contactBefore: monthsBefore(now, 24),
            statusBefore: monthsBefore(now, 24),
          }),
          today,
          monthsBeforeInstant(now, 6),
        );
        return raised;
      });
    },

    /** Flags of the members the actor may read, newest first; open ones unless asked otherwise. */
    async list(actor: Actor, q: FlagListQuery): Promise<FlagListResponse> {
      const where = and(
        memberInScope(memberFlags.memberId, actor, 'member.read'),
        q.kind ? eq(memberFlags.kind, q.kind) : undefined,
      );
      const after = q.cursor ? decodeFlagCursor(q.cursor) : undefined;
      const rows = await contactsRepository.flags(db, where, { state: q.state, after, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      const placed = new Map(
        (await members.placements(db, [...new Set(page.map((r) => r.flag.memberId))])).map((p) => [p.id, p]),
      );
      const items = page.flatMap(({ flag, resolvedByName }) => {
        const m = placed.get(flag.memberId);
        if (!m) return [];
        return [
          mapFlag(flag, m, { resolvedByName, canResolve: can(actor, 'member.write', memberTarget(m)) }),
        ];
      });
      const last = page.at(-1);
      return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.flag.id]) : null };
    },

    /** Resolves an open flag with the secretary's note (who may write the member). Audited. */
    async resolve(actor: Actor, id: number, body: FlagResolveBody) {
      const flagId = await audited(db, actor, async (tx, audit) => {
        const flag = await contactsRepository.findFlag(tx, id, true);
        if (!flag) {
          assertHolds(actor, 'member.write');
          throw notFound('提示');
        }
        const member = await members.visibleMember(tx, actor, flag.memberId, 'member.write');
        if (flag.resolvedAt) throw flagResolved();
        await contactsRepository.resolveFlag(tx, id, actor.userId, body.resolution);
        audit({
          action: 'contact.flag_resolved',
          targetType: 'member',
          targetId: member.id,
          targetLabel: member.name,
          after: { flagId: id, kind: flag.kind, resolution: body.resolution },
        });
        return flag.id;
      });
      const flag = await contactsRepository.findFlag(db, flagId);
      const [m] = await members.placements(db, [flag!.memberId]);
      return mapFlag(flag!, m!, { resolvedByName: actor.displayName, canResolve: false });
    },

    /** Open flags of the members the actor may write (the secretary's review tasks). */
    async openForReview(actor: Actor): Promise<number> {
      if (!permissionsOf(actor).includes('member.write')) return 0;
      return contactsRepository.countOpen(db, memberInScope(memberFlags.memberId, actor, 'member.write'));
    },

    /** The 双重管理 figures of the actor's scope. */
    async overview(actor: Actor, now = new Date()): Promise<ContactsOverviewResponse> {
      const since = localIsoDate(new Date(now.getTime() - RECENT_CONTACT_DAYS * DAY));
      const [rows, openFlags] = await Promise.all([
        members.contactFigures(actor, since),
        contactsRepository.countOpen(db, memberInScope(memberFlags.memberId, actor, 'member.read')),
      ]);
      const named = (code: string) => divisionName(code) ?? code;
      return {
        total: rows.reduce((s, r) => s + r.n, 0),
        byStatus: tally(
          rows.map((r) => ({ key: r.status, n: r.n })),
          (s) => MEMBER_STATUS_LABELS[s as MemberStatus] ?? s,
        ),
        byHostDistrict: tally(
          rows.map((r) => ({ key: r.hostDistrict, n: r.n })),
          named,
        ),
        byHomeCounty: tally(
          rows.map((r) => ({ key: r.homeCounty, n: r.n })),
          named,
        ),
        contactedRecently: rows.reduce((s, r) => s + r.recent, 0),
        recentDays: RECENT_CONTACT_DAYS,
        openFlags,
      };
    },
  };
}

/** A flag list's cursor: the last flag's id. */
const FlagCursor = z.tuple([z.number().int().min(1).max(INT4_MAX)]);
const decodeFlagCursor = (raw: string) => decodeCursor(raw, FlagCursor)[0];

export type FlagsService = ReturnType<typeof createFlagsService>;
