import { z } from 'zod';
import { DateTime, IsoDate } from '../common/dates';
import { QueryId, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { Text } from '../common/text';

/**
 * The roster of a volunteer campaign: a member's place on a shift and what became of it
 * (已排班 → 已签到 → 已签退, or 未到岗), check-in and check-out by the post's QR code or by the post
 * leader, the member's own pages and the campaign board.
 */

export const VOLUNTEER_ASSIGNMENT_STATES = ['scheduled', 'checked_in', 'checked_out', 'no_show'] as const;
export const VolunteerAssignmentState = z.enum(VOLUNTEER_ASSIGNMENT_STATES);
export type VolunteerAssignmentState = z.infer<typeof VolunteerAssignmentState>;
export const VOLUNTEER_ASSIGNMENT_STATE_LABELS: Record<VolunteerAssignmentState, string> = {
  scheduled: '已排班',
  checked_in: '已签到',
  checked_out: '已签退',
  no_show: '未到岗',
};

export const VOLUNTEER_ASSIGNMENT_SOURCES = ['assigned', 'self', 'walk_in'] as const;
export const VolunteerAssignmentSource = z.enum(VOLUNTEER_ASSIGNMENT_SOURCES);
export type VolunteerAssignmentSource = z.infer<typeof VolunteerAssignmentSource>;
export const VOLUNTEER_ASSIGNMENT_SOURCE_LABELS: Record<VolunteerAssignmentSource, string> = {
  assigned: '组织安排',
  self: '本人报名',
  walk_in: '现场加入',
};

export const VOLUNTEER_CHECK_CHANNELS = ['qr', 'manual'] as const;
export const VolunteerCheckChannel = z.enum(VOLUNTEER_CHECK_CHANNELS);
export type VolunteerCheckChannel = z.infer<typeof VolunteerCheckChannel>;
export const VOLUNTEER_CHECK_CHANNEL_LABELS: Record<VolunteerCheckChannel, string> = {
  qr: '扫码',
  manual: '手工',
};

/** The scan page a post's QR code opens: `/volunteer/scan/<campaign>/<post>?t=<token>`. */
export const volunteerScanPath = (campaignId: number, postId: number, token: string) =>
  `/volunteer/scan/${campaignId}/${postId}?t=${encodeURIComponent(token)}`;

export const VolunteerRosterQuery = z.object({
  shiftId: QueryId('班次').optional(),
  state: VolunteerAssignmentState.optional(),
  limit: PageLimit(500, 100),
  cursor: PageCursor.optional(),
});
export type VolunteerRosterQuery = z.infer<typeof VolunteerRosterQuery>;

const Named = z.object({ id: z.number().int(), name: z.string() });

export const VolunteerAssignmentResponse = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    campaignTitle: z.string(),
    shiftId: z.number().int(),
    post: z.object({ id: z.number().int(), name: z.string(), address: z.string().nullable() }),
    onDate: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    member: Named,
    state: VolunteerAssignmentState,
    stateLabel: z.string(),
    source: VolunteerAssignmentSource,
    sourceLabel: z.string(),
    checkedInAt: z.string().nullable(),
    checkInChannel: VolunteerCheckChannel.nullable(),
    checkedOutAt: z.string().nullable(),
    checkOutChannel: VolunteerCheckChannel.nullable(),
    autoClosed: z.boolean(),
    hours: z.number().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'VolunteerAssignment' });
export type VolunteerAssignmentResponse = z.infer<typeof VolunteerAssignmentResponse>;

export const VolunteerRosterResponse = pageOf(VolunteerAssignmentResponse, z.string());
export type VolunteerRosterResponse = z.infer<typeof VolunteerRosterResponse>;

/** A secretary puts a member of their scope on a shift. */
export const VolunteerAssignBody = z.object({ shiftId: RecordId('班次'), memberId: RecordId('党员') });
export type VolunteerAssignBody = z.infer<typeof VolunteerAssignBody>;

/** A member of the audience puts themselves on a shift. */
export const VolunteerSignUpBody = z.object({ shiftId: RecordId('班次') });
export type VolunteerSignUpBody = z.infer<typeof VolunteerSignUpBody>;

/**
 * Check-in by hand (the post leader or a manager): in (签到), out (签退), no-show (未到岗), or
 * accept (接收) a walk-in who scanned without being scheduled; `at` is when it happened (default now).
 */
export const VOLUNTEER_CHECK_ACTIONS = ['in', 'out', 'no_show', 'accept'] as const;
export const VolunteerCheckInBody = z.object({
  assignmentId: RecordId('排班'),
  action: z.enum(VOLUNTEER_CHECK_ACTIONS, { error: '操作应为签到、签退、未到岗或接收' }),
  at: DateTime('时间').optional(),
  version: Version,
});
export type VolunteerCheckInBody = z.infer<typeof VolunteerCheckInBody>;

/** A volunteer's scan of a post's QR code; `nonce` is the phone's one-time value for this scan. */
export const VolunteerScanBody = z.object({
  token: Text('二维码', { min: 1, max: 1000 }),
  nonce: Text('扫码标识', { min: 8, max: 64 }),
});
export type VolunteerScanBody = z.infer<typeof VolunteerScanBody>;

/**
 * What the volunteer's phone shows after a scan: checked in, checked out (with the hours), already
 * in or out (nothing done), or not scheduled at this post now (a walk-in the leader may accept).
 */
export const VOLUNTEER_SCAN_OUTCOMES = [
  'checked_in',
  'checked_out',
  'already_in',
  'already_out',
  'walk_in_pending',
] as const;
export const VolunteerScanResult = z
  .object({
    outcome: z.enum(VOLUNTEER_SCAN_OUTCOMES),
    message: z.string(),
    assignment: VolunteerAssignmentResponse,
  })
  .meta({ id: 'VolunteerScanResult' });
export type VolunteerScanResult = z.infer<typeof VolunteerScanResult>;

/** The post's QR code as the leader's phone shows it (or printed). */
export const VolunteerPostCodeResponse = z.object({
  url: z.string(),
  qrSvg: z.string(),
  expiresAt: z.string(),
});
export type VolunteerPostCodeResponse = z.infer<typeof VolunteerPostCodeResponse>;

/** A shift as the member's sign-up page lists it. */
export const VolunteerOpenShift = z.object({
  id: z.number().int(),
  post: z.object({
    id: z.number().int(),
    name: z.string(),
    address: z.string().nullable(),
    taskLabel: z.string(),
  }),
  onDate: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  headcount: z.number().int(),
  filled: z.number().int(),
  /** The member's own place on it, if any. */
  mine: z.number().int().nullable(),
});
export type VolunteerOpenShift = z.infer<typeof VolunteerOpenShift>;

export const OpenVolunteerCampaign = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  orgName: z.string(),
  partnerName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  shifts: z.array(VolunteerOpenShift),
});
export type OpenVolunteerCampaign = z.infer<typeof OpenVolunteerCampaign>;

export const OpenVolunteerCampaignsResponse = z.object({ items: z.array(OpenVolunteerCampaign) });
export type OpenVolunteerCampaignsResponse = z.infer<typeof OpenVolunteerCampaignsResponse>;

export const VolunteerMyShiftsResponse = z.object({
  /** From today on, soonest first. */
  upcoming: z.array(VolunteerAssignmentResponse),
  /** Before today, latest first (the last 50). */
  past: z.array(VolunteerAssignmentResponse),
});
export type VolunteerMyShiftsResponse = z.infer<typeof VolunteerMyShiftsResponse>;

/** The post leader's day: the shifts at the posts they lead on a day, each with its roster. */
export const VolunteerLeaderQuery = z.object({ onDate: IsoDate('日期').optional() });
export type VolunteerLeaderQuery = z.infer<typeof VolunteerLeaderQuery>;

export const VolunteerLeaderShift = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  campaignTitle: z.string(),
  post: z.object({
    id: z.number().int(),
    name: z.string(),
    address: z.string().nullable(),
    taskLabel: z.string(),
  }),
  onDate: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  headcount: z.number().int(),
  servedCount: z.number().int(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  roster: z.array(VolunteerAssignmentResponse),
});
export type VolunteerLeaderShift = z.infer<typeof VolunteerLeaderShift>;

export const VolunteerLeaderDayResponse = z.object({
  onDate: z.string(),
  shifts: z.array(VolunteerLeaderShift),
});
export type VolunteerLeaderDayResponse = z.infer<typeof VolunteerLeaderDayResponse>;

/** The campaign board (/:id/summary): totals, by post and by day. */
export const VolunteerBoardFigures = z.object({
  volunteers: z.number().int(),
  shifts: z.number().int(),
  shiftsFilled: z.number().int(),
  places: z.number().int(),
  checkedOut: z.number().int(),
  noShows: z.number().int(),
  hours: z.number(),
  served: z.number().int(),
});
export type VolunteerBoardFigures = z.infer<typeof VolunteerBoardFigures>;

export const VolunteerCampaignSummaryResponse = z
  .object({
    campaign: z.object({ id: z.number().int(), title: z.string(), startsOn: z.string(), endsOn: z.string() }),
    days: z.number().int(),
    totals: VolunteerBoardFigures,
    byPost: z.array(
      VolunteerBoardFigures.extend({ postId: z.number().int(), name: z.string(), taskLabel: z.string() }),
    ),
    byDay: z.array(VolunteerBoardFigures.extend({ onDate: z.string() })),
  })
  .meta({ id: 'VolunteerCampaignSummary' });
export type VolunteerCampaignSummaryResponse = z.infer<typeof VolunteerCampaignSummaryResponse>;

/** A supervision round (巡查督导). */
export const VolunteerRoundBody = z.object({
  postId: RecordId('点位').nullable().optional(),
  inspector: Text('督导人', { min: 1, max: 50 }),
  at: DateTime('时间'),
  findings: Text('督导情况', { min: 1, max: 2000, multiline: true }),
});
export type VolunteerRoundBody = z.infer<typeof VolunteerRoundBody>;

export const VOLUNTEER_INCIDENT_KINDS = ['injury', 'hazard', 'note'] as const;
export const VolunteerIncidentKind = z.enum(VOLUNTEER_INCIDENT_KINDS);
export type VolunteerIncidentKind = z.infer<typeof VolunteerIncidentKind>;
export const VOLUNTEER_INCIDENT_KIND_LABELS: Record<VolunteerIncidentKind, string> = {
  injury: '受伤',
  hazard: '发现隐患',
  note: '其他情况',
};

export const VolunteerIncidentBody = z.object({
  kind: VolunteerIncidentKind,
  postId: RecordId('点位').nullable().optional(),
  memberId: RecordId('党员').nullable().optional(),
  description: Text('情况说明', { min: 1, max: 2000, multiline: true }),
  occurredAt: DateTime('发生时间'),
});
export type VolunteerIncidentBody = z.infer<typeof VolunteerIncidentBody>;

export const VolunteerRoundResponse = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    post: Named.nullable(),
    inspector: z.string(),
    at: z.string(),
    findings: z.string(),
  })
  .meta({ id: 'VolunteerRound' });
export type VolunteerRoundResponse = z.infer<typeof VolunteerRoundResponse>;
export const VolunteerRoundListResponse = z.object({ items: z.array(VolunteerRoundResponse) });
export type VolunteerRoundListResponse = z.infer<typeof VolunteerRoundListResponse>;

export const VolunteerIncidentResponse = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    kind: VolunteerIncidentKind,
    kindLabel: z.string(),
    post: Named.nullable(),
    member: Named.nullable(),
    description: z.string(),
    occurredAt: z.string(),
  })
  .meta({ id: 'VolunteerIncident' });
export type VolunteerIncidentResponse = z.infer<typeof VolunteerIncidentResponse>;
export const VolunteerIncidentListResponse = z.object({ items: z.array(VolunteerIncidentResponse) });
export type VolunteerIncidentListResponse = z.infer<typeof VolunteerIncidentListResponse>;
export type VolunteerRoundInput = z.input<typeof VolunteerRoundBody>;
export type VolunteerIncidentInput = z.input<typeof VolunteerIncidentBody>;
