/**
 * Check-in and check-out: volunteers scan the post's QR code (the first scan checks in, a later
 * one out; a replayed scan answers what the first did and acts once; a volunteer not scheduled
 * there becomes a walk-in the leader accepts), or the post leader checks them by hand. A
 * check-out writes the hours to the activity ledger in the same transaction.
 */
import {
  addDays,
  VOLUNTEER_ASSIGNMENT_STATE_LABELS,
  type VolunteerAssignmentResponse,
  type VolunteerAssignmentState,
  type VolunteerCheckInBody,
  type VolunteerPostCodeResponse,
  type VolunteerScanBody,
  type VolunteerScanResult,
  volunteerScanPath,
} from '@ningxin/shared';
import type { Executor } from '../../../db/client';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { qrSvg } from '../../../lib/qr-image';
import { TOKEN_REFUSALS } from '../../../lib/qr-token';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { LEDGER_SOURCE, ledgerSourceId, type ServiceAccess } from '../campaigns/campaigns.access';
import {
  campaignNotOpen,
  checkNotAllowed,
  checkOutBeforeIn,
  codeRefused,
  noShiftNow,
  shiftClosed,
} from '../campaigns/campaigns.errors';
import { type AssignmentRow, campaignsRepository as repo } from '../campaigns/campaigns.repository';
import { placeMember, presentPlace } from './roster.places';

const MINUTE = 60_000;
/** A scan this soon after the check-in is taken for a repeat, not a check-out. */
const REPEAT_SCAN_MINUTES = 15;
const POST_CODE = 'volunteer-post';

/** Hours between two instants, to two decimals. */
export const hoursBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 36_000) / 100);

export function createCheckIn(access: ServiceAccess) {
  const { db, activity, settings, codes } = access;
  const { ownMemberId, ledPost } = access;
  const presentOne = (id: number) => presentPlace(db, id);

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

  const graceMs = async (executor: Executor) =>
    (await settings.get('service.checkoutGraceMinutes', executor)) * MINUTE;
  const beforeMs = async (executor: Executor) =>
    (await settings.get('life.signInWindow', executor)).beforeMinutes * MINUTE;

  return {
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
        const placeId = await placeMember(tx, shift, me, 'walk_in', 'token', actor.userId);
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
}

const SCAN_MESSAGES: Record<VolunteerScanResult['outcome'], (a: VolunteerAssignmentResponse) => string> = {
  checked_in: (a) => `签到成功：${a.post.name}，祝服务顺利`,
  checked_out: (a) => `签退成功：本班服务 ${a.hours ?? 0} 小时，感谢您的付出`,
  already_in: (a) => `您已在 ${a.post.name} 签到，班次结束时再扫码签退`,
  already_out: () => '您已签退，本班次无需再扫码',
  walk_in_pending: (a) => `您此时不在 ${a.post.name} 的排班中，已提交现场加入申请，请点位负责人确认`,
};
