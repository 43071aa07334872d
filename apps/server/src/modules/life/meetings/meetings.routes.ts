import {
  AttendanceItem,
  AttendanceListResponse,
  AttendanceQuery,
  AttendanceRecordBody,
  LeaveDecisionBody,
  LeaveRequestBody,
  MeetingAmendBody,
  MeetingAttendeeParams,
  MeetingCancelBody,
  MeetingCreateBody,
  MeetingHoldBody,
  MeetingIdParams,
  MeetingListQuery,
  MeetingListResponse,
  MeetingResponse,
  MeetingUpdateBody,
  MeetingVersionBody,
  MyMeetingsResponse,
  SignInBody,
  SignInCodeResponse,
  SignInResult,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { siteOf } from '../../../lib/site-url';
import { actorOf } from '../../../plugins/auth';
import type { MeetingAttendance } from './meetings.attendance';
import type { MeetingsService } from './meetings.service';

const tags = ['组织生活 meetings'];

export const meetingsRoutes: FastifyPluginAsyncZod<{
  meetings: MeetingsService;
  attendance: MeetingAttendance;
  publicUrl: string | undefined;
}> = async (app, { meetings, attendance, publicUrl }) => {
  app.get(
    '/',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: '会议列表（所辖组织及下级）',
        querystring: MeetingListQuery,
        response: { 200: MeetingListResponse, ...standardErrors },
      },
    },
    async (request) => meetings.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '新建会议（应到人员默认为本组织及下级在册党员）',
        body: MeetingCreateBody,
        response: { 201: MeetingResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await meetings.create(actorOf(request), request.body)),
  );

  app.get(
    '/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我的会议（待参加的与已参加的，含本人出勤）',
        response: { 200: MyMeetingsResponse, ...standardErrors },
      },
    },
    async (request) => attendance.mine(actorOf(request)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '会议详情（所辖范围内的会议，或本人参加的会议）',
        params: MeetingIdParams,
        response: { 200: MeetingResponse, ...standardErrors },
      },
    },
    async (request) => meetings.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '修改会议（计划中或已召开；已归档的会议只能更正）',
        params: MeetingIdParams,
        body: MeetingUpdateBody,
        response: { 200: MeetingResponse, ...standardErrors },
      },
    },
    async (request) => meetings.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/hold',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '标记为已召开（记录实际召开时间）',
        params: MeetingIdParams,
        body: MeetingHoldBody,
        response: { 200: MeetingResponse, ...standardErrors },
      },
    },
    async (request) => meetings.hold(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/archive',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '归档（锁定会议记录，未签到的记为缺席）',
        params: MeetingIdParams,
        body: MeetingVersionBody,
        response: { 200: MeetingResponse, ...standardErrors },
      },
    },
    async (request) => meetings.archive(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/cancel',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '取消计划中的会议',
        params: MeetingIdParams,
        body: MeetingCancelBody,
        response: { 200: MeetingResponse, ...standardErrors },
      },
    },
    async (request) => meetings.cancel(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/amendments',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '更正已归档的会议记录（留痕）',
        params: MeetingIdParams,
        body: MeetingAmendBody,
        response: { 201: MeetingResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await meetings.amend(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/:id/attendance',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: '出勤名单',
        params: MeetingIdParams,
        querystring: AttendanceQuery,
        response: { 200: AttendanceListResponse, ...standardErrors },
      },
    },
    async (request) => attendance.list(actorOf(request), request.params.id, request.query),
  );

  app.put(
    '/:id/attendance/:memberId',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '登记一人的出勤（已签到、迟到、请假、缺席）',
        params: MeetingAttendeeParams,
        body: AttendanceRecordBody,
        response: { 200: AttendanceItem, ...standardErrors },
      },
    },
    async (request) =>
      attendance.record(actorOf(request), request.params.id, request.params.memberId, request.body),
  );

  app.post(
    '/:id/attendance/:memberId/leave',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '审批请假（批准或不批准）',
        params: MeetingAttendeeParams,
        body: LeaveDecisionBody,
        response: { 200: AttendanceItem, ...standardErrors },
      },
    },
    async (request) =>
      attendance.decideLeave(actorOf(request), request.params.id, request.params.memberId, request.body),
  );

  app.post(
    '/:id/leave',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '本人请假',
        params: MeetingIdParams,
        body: LeaveRequestBody,
        response: { 200: AttendanceItem, ...standardErrors },
      },
    },
    async (request) => attendance.requestLeave(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/sign-in-code',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '签到二维码（开始前 30 分钟至开始后 2 小时有效，见设置）',
        params: MeetingIdParams,
        response: { 200: SignInCodeResponse, ...standardErrors },
      },
    },
    async (request) => attendance.signInCode(actorOf(request), request.params.id, siteOf(request, publicUrl)),
  );

  app.post(
    '/:id/sign-in',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '扫码签到（本人）',
        params: MeetingIdParams,
        body: SignInBody,
        response: { 200: SignInResult, ...standardErrors },
      },
    },
    async (request) => attendance.signIn(actorOf(request), request.params.id, request.body.token),
  );
};
