/**
 * The roster and check-in: secretaries put members of their scope on shifts, members of the
 * audience sign themselves up; a member's overlapping places are refused (409 naming the other
 * shift), as is a full shift. Two requests at once cannot both pass: each takes an advisory lock on
 * the member and a row lock on the shift before it checks. Volunteers check in and out by scanning
 * the post's QR code (a replayed scan answers what the first did) or by the post leader's hand;
 * a check-out writes the hours to the activity ledger in the same transaction.
 */
import {
  addDays,
  RecordId,
  VOLUNTEER_ASSIGNMENT_STATE_LABELS,
  type VolunteerAssignBody,
  type VolunteerAssignmentResponse,
  type VolunteerAssignmentState,
  type VolunteerCheckInBody,
  type VolunteerPostCodeResponse,
  type VolunteerRosterQuery,
  type VolunteerRosterResponse,
  type VolunteerScanBody,
  type VolunteerScanResult,
  type VolunteerSignUpBody,
  volunteerScanPath,
} from '@ningxin/shared';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../../../db/client';
import { volunteerAssignments } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { qrSvg } from '../../../lib/qr-image';
import { TOKEN_REFUSALS } from '../../../lib/qr-token';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import {
  audienceHolds,
  LEDGER_SOURCE,
  ledgerSourceId,
  mapAssignment,
  ON_ROLLS,
  placeText,
  type ServiceAccess,
} from '../campaigns/campaigns.access';
import {
  alreadyOnShift,
  campaignNotOpen,
  checkNotAllowed,
  checkOutBeforeIn,
  codeRefused,
  memberNotUsable,
  noShiftNow,
  notInAudience,
  placeNotScheduled,
  shiftClosed,
  shiftConflict,
  shiftFull,
  shiftNotFound,
  signUpClosed,
} from '../campaigns/campaigns.errors';
import {
  type AssignmentRow,
  campaignsRepository as repo,
  type ShiftRow,
} from '../campaigns/campaigns.repository';
import { createRosterViews } from './roster.views';

const CURSOR = z.tuple([z.string(), RecordId()]);
const MINUTE = 60_000;
/** A scan this soon after the check-in is taken for a repeat, not a check-out. */
const REPEAT_SCAN_MINUTES = 15;
const POST_CODE = 'volunteer-post';

/** Hours between two instants, to two decimals. */
export const hoursBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 36_000) / 100);

export function createRosterService(access: ServiceAccess) {
  const { db, members, activity, settings, codes } = access;
  const { readableCampaign, managedCampaign, manages, ownMemberId, ledPost } = access;

  /** Writes the ledger entry of a checked-out place (in the caller's transaction). */
  async function writeLedger(tx: Executor, a: AssignmentRow, hours: number) {
    await activity.record(tx, {
      memberId: a.memberId,
      kind: 'volunteer_hours',
      occurredOn: a.onDate,
      quantity: hours,
      sourceModule: LEDGER_SOURCE,
      sourceId: ledgerSourceId(a.id),
      title: `${a.campaignTitle}（${a.postName}）`,
    });
  }

  /**
   * Puts the member on the shift, under the member's advisory lock and the shift's row lock:
   * refused when already on it, overlapping another place of theirs, or (unless a walk-in) full.
   */
  async function place(
    tx: Tx,
    shift: ShiftRow,
    memberId: number,
    source: 'assigned' | 'self' | 'walk_in',
    path: string,
    createdBy: number,
  ): Promise<number> {
    await repo.lockMember(tx, memberId);
    const locked = (await repo.shift(tx, shift.campaignId, shift.id, true))!;
    const existing = await repo.placeOn(tx, locked.id, memberId);
    if (existing) throw alreadyOnShift(path);
    const other = await repo.overlapping(tx, memberId, locked.startsAt, locked.endsAt, locked.id);
    if (other) throw shiftConflict(path, placeText(other));
    if (source !== 'walk_in' && locked.filled >= locked.headcount)
      throw shiftFull('shiftId', locked.headcount);
    return repo.insertAssignment(tx, {
      campaignId: locked.campaignId,
      shiftId: locked.id,
      memberId,
      startsAt: locked.startsAt,
      endsAt: locked.endsAt,
      state: 'scheduled',
      source,
      createdBy,
    });
  }

  async function presentOne(id: number): Promise<VolunteerAssignmentResponse> {
    return mapAssignment((await repo.assignment(db, id))!);
  }

  const graceMs = async (executor: Executor) =>
    (await settings.get('service.checkoutGraceMinutes', executor)) * MINUTE;
  const beforeMs = async (executor: Executor) =>
    (await settings.get('life.signInWindow', executor)).beforeMinutes * MINUTE;

  const self = {
    async roster(actor: Actor, id: number, q: VolunteerRosterQuery): Promise<VolunteerRosterResponse> {
      await readableCampaign(db, actor, id);
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const rows = await repo.roster(
        db,
        and(
          eq(volunteerAssignments.campaignId, id),
          q.shiftId ? eq(volunteerAssignments.shiftId, q.shiftId) : undefined,
          q.state ? eq(volunteerAssignments.state, q.state) : undefined,
        ),
        after,
        q.limit,
      );
      const last = rows.at(-1);
      return {
        items: rows.map(mapAssignment),
        nextCursor:
          rows.length === q.limit && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null,
      };
    },

    /** A secretary puts a member of their scope on a shift. */
    async assign(actor: Actor, id: number, body: VolunteerAssignBody): Promise<VolunteerAssignmentResponse> {
      const placeId = await audited(db, actor, async (tx, audit) => {
        const campaign = await managedCampaign(tx, actor, id);
        if (campaign.state !== 'draft' && campaign.state !== 'open')
          throw signUpClosed(`活动${campaign.state === 'finished' ? '已结束' : '已取消'}，不能再排班`);
        const shift = await repo.shift(tx, id, body.shiftId);
        if (!shift) throw shiftNotFound();
        const [m] = await members.placements(tx, [body.memberId]);
        if (!m || !ON_ROLLS.includes(m.status) || !manages(actor, m.orgPath)) throw memberNotUsable();
        const placeId = await place(tx, shift, m.id, 'assigned', 'memberId', actor.userId);
        audit({
          action: 'volunteer.assigned',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          after: { assignmentId: placeId, shiftId: shift.id, memberId: m.id },
        });
        return placeId;
      });
      return presentOne(placeId);
    },

    /** A manager takes a scheduled place off the roster. */
    async unassign(actor: Actor, id: number, assignmentId: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const campaign = await managedCampaign(tx, actor, id);
        const a = await repo.assignment(tx, assignmentId, true);
        if (!a || a.campaignId !== id) throw notFound('排班');
        if (a.state !== 'scheduled')
          throw placeNotScheduled(VOLUNTEER_ASSIGNMENT_STATE_LABELS[a.state as VolunteerAssignmentState]);
        await repo.deleteAssignment(tx, assignmentId);
        audit({
          action: 'volunteer.unassigned',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          before: { assignmentId, shiftId: a.shiftId, memberId: a.memberId },
        });
      });
    },

    /** A member of the audience signs up for a shift not yet started. */
    async signUp(actor: Actor, id: number, body: VolunteerSignUpBody): Promise<VolunteerAssignmentResponse> {
      const me = ownMemberId(actor);
      const placeId = await audited(db, actor, async (tx, audit) => {
        const campaign = await repo.campaign(tx, id);
        if (campaign?.state !== 'open') throw notFound('志愿服务活动');
        const [m] = await members.placements(tx, [me]);
        if (!m || !audienceHolds(campaign, m.orgPath)) throw notInAudience();
        if (!campaign.selfSignup) throw signUpClosed('本活动由组织统一安排，不接受个人报名');
        const shift = await repo.shift(tx, id, body.shiftId);
        if (!shift) throw shiftNotFound();
        if (shift.startsAt.getTime() <= Date.now()) throw signUpClosed('该班次已开始，不能再报名');
        const placeId = await place(tx, shift, me, 'self', 'shiftId', actor.userId);
        audit({
          action: 'volunteer.signed_up',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          after: { assignmentId: placeId, shiftId: shift.id, memberId: me },
        });
        return placeId;
      });
      return presentOne(placeId);
    },

    /** A member withdraws their own place before the shift starts. */
    async withdraw(actor: Actor, id: number, assignmentId: number): Promise<void> {
      const me = ownMemberId(actor);
      await audited(db, actor, async (tx, audit) => {
        const a = await repo.assignment(tx, assignmentId, true);
        if (!a || a.campaignId !== id || a.memberId !== me) throw notFound('排班');
        if (a.state !== 'scheduled' || a.startsAt.getTime() <= Date.now())
          throw placeNotScheduled(
            a.state === 'scheduled'
              ? '的班次已开始'
              : VOLUNTEER_ASSIGNMENT_STATE_LABELS[a.state as VolunteerAssignmentState],
          );
        await repo.deleteAssignment(tx, assignmentId);
        audit({
          action: 'volunteer.unassigned',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: a.campaignTitle,
          before: { assignmentId, shiftId: a.shiftId, memberId: me },
        });
      });
    },

    /** Check-in by hand: the post leader or a manager. */
    async check(actor: Actor, id: number, body: VolunteerCheckInBody): Promise<VolunteerAssignmentResponse> {
      await audited(db, actor, async (tx, audit) => {
        const found = await repo.assignment(tx, body.assignmentId);
        if (!found || found.campaignId !== id) throw notFound('排班');
        await ledPost(tx, actor, id, found.postId);
        await repo.lockMember(tx, found.memberId);
        const a = (await repo.assignment(tx, body.assignmentId, true))!;
        assertVersion(a, body.version);
        if (a.campaignState !== 'open') throw campaignNotOpen();
        if (a.closedAt) throw shiftClosed();
        const label = VOLUNTEER_ASSIGNMENT_STATE_LABELS[a.state as VolunteerAssignmentState];
        const at = body.at ? new Date(body.at) : new Date();
        let values: Parameters<typeof repo.updateAssignment>[3];
        let hours: number | null = null;
        switch (body.action) {
          case 'in':
          case 'accept':
            if (a.state !== 'scheduled' && a.state !== 'no_show') throw checkNotAllowed(label, '签到');
            values = {
              state: 'checked_in',
              checkedInAt: body.action === 'accept' && !body.at ? a.createdAt : at,
              checkInChannel: 'manual',
            };
            break;
          case 'out':
            if (a.state !== 'checked_in') throw checkNotAllowed(label, '签退');
            if (at < a.checkedInAt!) throw checkOutBeforeIn();
            hours = hoursBetween(a.checkedInAt!, at);
            values = {
              state: 'checked_out',
              checkedOutAt: at,
              checkOutChannel: 'manual',
              hours: hours.toFixed(2),
            };
            break;
          case 'no_show':
            if (a.state !== 'scheduled') throw checkNotAllowed(label, '记为未到岗');
            values = { state: 'no_show' };
            break;
        }
        if (!(await repo.updateAssignment(tx, a.id, body.version, values))) throw versionConflict();
        if (hours !== null) await writeLedger(tx, a, hours);
        audit({
          action: 'volunteer.checked',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: a.campaignTitle,
          before: { assignmentId: a.id, memberId: a.memberId, state: a.state },
          after: {
            action: body.action,
            state: values.state,
            at: at.toISOString(),
            ...(hours !== null ? { hours } : {}),
          },
        });
      });
      return presentOne(body.assignmentId);
    },

    /** The post's QR code, valid until the end of the campaign's last day. */
    async postCode(
      actor: Actor,
      id: number,
      postId: number,
      siteUrl: string,
    ): Promise<VolunteerPostCodeResponse> {
      const { campaign } = await ledPost(db, actor, id, postId);
      const expiresAt = new Date(`${addDays(campaign.endsOn, 1)}T06:00:00+08:00`);
      const ttl = Math.max(60, Math.ceil((expiresAt.getTime() - Date.now()) / 1000));
      const token = codes.sign(POST_CODE, `${id}:${postId}`, ttl);
      const url = `${siteUrl}${volunteerScanPath(id, postId, token)}`;
      return {
        url,
        qrSvg: await qrSvg(url, { margin: 2 }),
        expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
      };
    },

    /**
     * A volunteer's scan of a post's QR code: checks them in, or out on a later scan; a volunteer
     * not scheduled at the post now is told so and asks to join as a walk-in (the leader accepts).
     * A scan with a nonce already seen answers what that scan did, acting once.
     */
    async scan(
      actor: Actor,
      id: number,
      postId: number,
      body: VolunteerScanBody,
    ): Promise<VolunteerScanResult> {
      const me = ownMemberId(actor);
      const read = codes.verify(body.token, POST_CODE);
      if (!read.ok) {
        if (read.reason === 'expired')
          throw codeRefused('SCAN_CODE_EXPIRED', '二维码已过期，请向点位负责人获取新的二维码');
        throw codeRefused('SCAN_CODE_INVALID', TOKEN_REFUSALS[read.reason]);
      }
      if (read.subject !== `${id}:${postId}`)
        throw codeRefused('SCAN_OTHER_POST', '这个二维码属于另一个点位，请扫描本点位的二维码');
      const outcome = await audited(db, actor, async (tx, audit) => {
        const campaign = await repo.campaign(tx, id);
        const post = campaign ? await repo.post(tx, id, postId) : null;
        if (!campaign || !post) throw notFound('点位');
        if (campaign.state !== 'open') throw campaignNotOpen();
        await repo.lockMember(tx, me);
        const now = new Date();
        const [before, after] = [await beforeMs(tx), await graceMs(tx)];
        const [mine] = await repo.placesAtPostNow(tx, me, postId, now, before, after);
        if (mine) {
          const seen = await repo.scan(tx, mine.id, body.nonce);
          if (seen) {
            const pending = mine.source === 'walk_in' && mine.state === 'scheduled';
            return {
              id: mine.id,
              outcome: seen.kind === 'out' ? 'checked_out' : pending ? 'walk_in_pending' : 'checked_in',
            } as const;
          }
          if (mine.closedAt) throw shiftClosed();
          if (mine.state === 'scheduled' && mine.source === 'walk_in')
            return { id: mine.id, outcome: 'walk_in_pending' } as const;
          if (mine.state === 'checked_out') return { id: mine.id, outcome: 'already_out' } as const;
          if (
            mine.state === 'checked_in' &&
            now.getTime() - mine.checkedInAt!.getTime() < REPEAT_SCAN_MINUTES * MINUTE
          )
            return { id: mine.id, outcome: 'already_in' } as const;
          const kind = mine.state === 'scheduled' ? 'in' : 'out';
          const hours = kind === 'out' ? hoursBetween(mine.checkedInAt!, now) : null;
          const values =
            kind === 'in'
              ? { state: 'checked_in', checkedInAt: now, checkInChannel: 'qr' }
              : { state: 'checked_out', checkedOutAt: now, checkOutChannel: 'qr', hours: hours!.toFixed(2) };
          if (!(await repo.updateAssignment(tx, mine.id, mine.version, values))) throw versionConflict();
          await repo.insertScan(tx, { assignmentId: mine.id, kind, nonce: body.nonce, scannedAt: now });
          if (hours !== null) await writeLedger(tx, mine, hours);
          audit({
            action: 'volunteer.scanned',
            targetType: 'volunteer_campaign',
            targetId: id,
            targetLabel: campaign.title,
            after: { assignmentId: mine.id, memberId: me, kind, ...(hours !== null ? { hours } : {}) },
          });
          return { id: mine.id, outcome: kind === 'in' ? 'checked_in' : 'checked_out' } as const;
        }
        // Not scheduled here now: a walk-in on the shift running at the post, if there is one.
        const shift = await repo.shiftAtPostNow(tx, postId, now, before);
        if (!shift) throw noShiftNow();
        const placeId = await place(tx, shift, me, 'walk_in', 'token', actor.userId);
        await repo.insertScan(tx, { assignmentId: placeId, kind: 'in', nonce: body.nonce, scannedAt: now });
        audit({
          action: 'volunteer.scanned',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          after: { assignmentId: placeId, memberId: me, kind: 'walk_in' },
        });
        return { id: placeId, outcome: 'walk_in_pending' } as const;
      });
      const assignment = await presentOne(outcome.id);
      return { outcome: outcome.outcome, message: SCAN_MESSAGES[outcome.outcome](assignment), assignment };
    },
  };
  return { ...self, ...createRosterViews(access) };
}

const SCAN_MESSAGES: Record<VolunteerScanResult['outcome'], (a: VolunteerAssignmentResponse) => string> = {
  checked_in: (a) => `签到成功：${a.post.name}，祝服务顺利`,
  checked_out: (a) => `签退成功：本班服务 ${a.hours ?? 0} 小时，感谢您的付出`,
  already_in: (a) => `您已在 ${a.post.name} 签到，班次结束时再扫码签退`,
  already_out: () => '您已签退，本班次无需再扫码',
  walk_in_pending: (a) => `您此时不在 ${a.post.name} 的排班中，已提交现场加入申请，请点位负责人确认`,
};

export type RosterService = ReturnType<typeof createRosterService>;
