/** Campaigns, posts, shifts and the board (volunteer.read / volunteer.manage; shifts' served count: the post leader too). */
import {
  standardErrors,
  VolunteerCampaignCreateBody,
  VolunteerCampaignDetailResponse,
  VolunteerCampaignIdParams,
  VolunteerCampaignListQuery,
  VolunteerCampaignListResponse,
  VolunteerCampaignPostParams,
  VolunteerCampaignShiftParams,
  VolunteerCampaignStateBody,
  VolunteerCampaignSummaryResponse,
  VolunteerCampaignUpdateBody,
  VolunteerPostBody,
  VolunteerPostResponse,
  VolunteerPostUpdateBody,
  VolunteerShiftCreateBody,
  VolunteerShiftListQuery,
  VolunteerShiftListResponse,
  VolunteerShiftResponse,
  VolunteerShiftServedBody,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf, sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { BoardOutput } from '../board/board.output';
import type { BoardService } from '../board/board.service';
import type { CampaignsService } from './campaigns.service';

const tags = ['志愿服务活动 volunteer campaigns'];

export const campaignsRoutes: FastifyPluginAsyncZod<{
  campaigns: CampaignsService;
  board: BoardService;
  output: BoardOutput;
}> = async (app, { campaigns, board, output }) => {
  app.get(
    '/',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: '志愿服务活动列表（所辖范围内，或在本区举办的）',
        querystring: VolunteerCampaignListQuery,
        response: { 200: VolunteerCampaignListResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '新建志愿服务活动（草稿）',
        body: VolunteerCampaignCreateBody,
        response: { 201: VolunteerCampaignDetailResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await campaigns.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: '志愿服务活动详情（含点位）',
        params: VolunteerCampaignIdParams,
        response: { 200: VolunteerCampaignDetailResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '修改志愿服务活动',
        params: VolunteerCampaignIdParams,
        body: VolunteerCampaignUpdateBody,
        response: { 200: VolunteerCampaignDetailResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/state',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '发布、结束或取消志愿服务活动',
        params: VolunteerCampaignIdParams,
        body: VolunteerCampaignStateBody,
        response: { 200: VolunteerCampaignDetailResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.changeState(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/posts',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '新增点位（任务、每班人数、负责人）',
        params: VolunteerCampaignIdParams,
        body: VolunteerPostBody,
        response: { 201: VolunteerPostResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await campaigns.addPost(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/:id/posts/:postId',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '修改点位',
        params: VolunteerCampaignPostParams,
        body: VolunteerPostUpdateBody,
        response: { 200: VolunteerPostResponse, ...standardErrors },
      },
    },
    async (request) =>
      campaigns.updatePost(actorOf(request), request.params.id, request.params.postId, request.body),
  );

  app.get(
    '/:id/shifts',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: '班次列表（按日期、点位筛选；含在岗人数、服务人次）',
        params: VolunteerCampaignIdParams,
        querystring: VolunteerShiftListQuery,
        response: { 200: VolunteerShiftListResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.shifts(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/shifts',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '新增班次（一个点位在若干天的同一时段）',
        params: VolunteerCampaignIdParams,
        body: VolunteerShiftCreateBody,
        response: { 201: VolunteerShiftListResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await campaigns.addShifts(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/:id/shifts/:shiftId',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '登记班次服务人次（点位负责人或活动管理者）',
        params: VolunteerCampaignShiftParams,
        body: VolunteerShiftServedBody,
        response: { 200: VolunteerShiftResponse, ...standardErrors },
      },
    },
    async (request) =>
      campaigns.recordServed(actorOf(request), request.params.id, request.params.shiftId, request.body),
  );

  app.get(
    '/:id/summary',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: '活动看板：志愿者人数、天数、班次、时长、服务人次（按点位、按日）',
        params: VolunteerCampaignIdParams,
        response: { 200: VolunteerCampaignSummaryResponse, ...standardErrors },
      },
    },
    async (request) => board.summary(actorOf(request), request.params.id),
  );

  app.get(
    '/:id/summary.xlsx',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: '导出活动汇总（.xlsx：汇总、按点位、按日），记入审计',
        params: VolunteerCampaignIdParams,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await output.prepareExport(actorOf(request), request.params.id)),
  );

  app.get(
    '/:id/summary.pdf',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: '活动报告（PDF，一页），记入审计',
        params: VolunteerCampaignIdParams,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => sendPdf(reply, await output.renderReport(actorOf(request), request.params.id)),
  );
};
