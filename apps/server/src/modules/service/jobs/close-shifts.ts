/**
 * The daily job that closes shifts ended more than the grace period ago (setting
 * service.checkoutGraceMinutes): every place checked in without a check-out gets the shift's
 * planned end (autoClosed, with its ledger entry), every place still scheduled becomes a no-show,
 * and the shift is closed. Each post leader gets one inbox message a day listing the volunteers
 * checked out that way (the missing check-outs).
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client';
import { memberNameOf, membersOnRolls } from '../../members/members.fragments';
import { committeeDay } from '../../notices/anniversaries';
import type { ServiceDeps } from '../campaigns/campaigns.access';

const MINUTE = 60_000;
const clock = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

export function createCloseShifts({ db, settings, activity, users, inbox }: ServiceDeps) {
  return async function closeShifts(now = new Date()): Promise<number> {
    const grace = await settings.get('service.checkoutGraceMinutes');
    const before = new Date(now.getTime() - grace * MINUTE).toISOString();
    return db.transaction(async (tx) => {
      const shifts = await queryRows<{ id: number }>(
        tx,
        sql`select id from volunteer_shifts where closed_at is null and ends_at < ${before}::timestamptz
          order by id for update`,
      );
      if (shifts.length === 0) return 0;
      const ids = sql`(select id from volunteer_shifts where closed_at is null and ends_at < ${before}::timestamptz)`;
      const closed = await queryRows<{
        id: number;
        member_id: number;
        leader: number | null;
        post: string;
        campaign_id: number;
        on_date: string;
        ends_at: Date;
        name: string;
      }>(
        tx,
        sql`with closed as (
            update volunteer_assignments a set state = 'checked_out', checked_out_at = a.ends_at, auto_closed = true,
              hours = round((greatest(extract(epoch from a.ends_at - a.checked_in_at), 0) / 3600)::numeric, 2),
              version = a.version + 1, updated_at = now()
            where a.state = 'checked_in' and a.shift_id in ${ids}
            returning a.id, a.member_id, a.shift_id, a.ends_at)
          select c.id, c.member_id, p.leader_member_id as leader, p.name as post, s.campaign_id,
            s.on_date::text as on_date, c.ends_at, ${memberNameOf(sql`c.member_id`)} as name
          from closed c join volunteer_shifts s on s.id = c.shift_id join volunteer_posts p on p.id = s.post_id`,
      );
      await tx.execute(sql`update volunteer_assignments set state = 'no_show', version = version + 1, updated_at = now()
        where state = 'scheduled' and shift_id in ${ids}`);
      if (closed.length) {
        await activity.recordSelected(
          tx,
          'volunteer_hours',
          'service',
          sql`select a.member_id, s.on_date as occurred_on, a.hours as quantity, 'assignment:' || a.id as source_id,
              r.org_id, r.org_path, c.title || '（' || p.name || '）' as title
            from volunteer_assignments a
            join volunteer_shifts s on s.id = a.shift_id
            join volunteer_posts p on p.id = s.post_id
            join volunteer_campaigns c on c.id = a.campaign_id
            join (${membersOnRolls()}) r on r.member_id = a.member_id
            where a.id in (${sql.join(
              closed.map((c) => sql`${c.id}`),
              sql`, `,
            )})`,
        );
      }
      await tx.execute(sql`update volunteer_shifts set closed_at = ${now.toISOString()}::timestamptz, auto_closed = true,
          version = version + 1
        where id in ${ids}`);
      // One message a day to each post leader: the missing check-outs at their posts.
      const byLeader = new Map<number, typeof closed>();
      for (const c of closed) if (c.leader) byLeader.set(c.leader, [...(byLeader.get(c.leader) ?? []), c]);
      const accounts = byLeader.size ? await users.memberAccounts(tx, [...byLeader.keys()]) : [];
      const day = committeeDay(now);
      for (const [leader, places] of byLeader) {
        const userIds = accounts.filter((a) => a.memberId === leader).map((a) => a.userId);
        if (!userIds.length) continue;
        const list = places
          .map((p) => `${p.name}（${p.post} ${p.on_date.slice(5)} ${clock(new Date(p.ends_at))}）`)
          .join('、');
        await inbox.post(tx, {
          userIds,
          kind: 'volunteer_checkout',
          title: `志愿服务未签退提醒：${places.length} 人未签退，已按班次结束时间自动签退：${list}`,
          link: '/volunteer/leading',
          dedupeKey: `volunteer_checkout:${leader}:${day}`,
        });
      }
      return shifts.length;
    });
  };
}
