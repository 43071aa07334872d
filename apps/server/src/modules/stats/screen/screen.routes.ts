import {
  IdParams,
  ProblemResponse,
  SCREEN_TOKEN_HEADER,
  ScreenResponse,
  ScreenTokenCreateBody,
  ScreenTokenCreatedResponse,
  ScreenTokenItem,
  ScreenTokenListResponse,
  StatsOverviewResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicGuard } from '../../../lib/public-guard';
import { actorOf } from '../../../plugins/auth';
import type { Actor } from '../../../policy/policy';
import type { ScreenService } from './screen.service';
import type { ScreenTokens } from './screen.tokens';

const tags = ['数据大屏 screen'];
const MINUTE = 60_000;

/** A kiosk's budget per address: a few screens in one hall, each reading every 10 s at the fastest. */
export const SCREEN_LIMITS = { perAddress: { max: 600, timeWindow: 10 * MINUTE } } as const;

/**
 * Whom a kiosk reads as: the whole committee (the screen in the seat shows the committee's
 * figures). Used for the screen's reads only; it never writes and is never audited.
 */
const KIOSK: Actor = {
  userId: 0,
  username: 'kiosk',
  displayName: '数据大屏',
  sessionId: 0,
  ip: null,
  memberId: null,
  assignments: [
    { id: 0, role: 'committee_admin', scopeKind: 'all', orgId: null, orgPath: null, division: null },
  ],
};

/** GET /stats/overview and /stats/screen: the signed-in actor's scope. */
export const screenRoutes: FastifyPluginAsyncZod<{ screen: ScreenService }> = async (app, { screen }) => {
  app.get(
    '/overview',
    {
      config: { permission: 'stats.read' },
      schema: {
        tags,
        summary: '统计概览：本人范围内的主要数字（金额单位：分）',
        response: { 200: StatsOverviewResponse, ...standardErrors },
      },
    },
    async (request) => screen.overview(actorOf(request)),
  );

  app.get(
    '/screen',
    {
      config: { permission: 'stats.read' },
      schema: {
        tags,
        summary: '数据大屏：本人范围内的全部面板数据（一次读取）',
        response: { 200: ScreenResponse, ...standardErrors },
      },
    },
    async (request) => screen.screen(actorOf(request)),
  );
};

/** The kiosk links: list, issue (the token answered once), revoke. */
export const screenTokenRoutes: FastifyPluginAsyncZod<{ tokens: ScreenTokens }> = async (app, { tokens }) => {
  app.get(
    '/',
    {
      config: { permission: 'screen.manage' },
      schema: {
        tags,
        summary: '数据大屏链接列表',
        response: { 200: ScreenTokenListResponse, ...standardErrors },
      },
    },
    async (request) => tokens.list(actorOf(request)),
  );

  app.post(
    '/',
    {
      config: { permission: 'screen.manage' },
      schema: {
        tags,
        summary: '发放数据大屏链接（令牌只在此次回答中出现）',
        body: ScreenTokenCreateBody,
        response: { 201: ScreenTokenCreatedResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await tokens.issue(actorOf(request), request.body.label));
    },
  );

  app.post(
    '/:id/revoke',
    {
      config: { permission: 'screen.manage' },
      schema: {
        tags,
        summary: '作废数据大屏链接',
        params: IdParams,
        response: { 200: ScreenTokenItem, ...standardErrors },
      },
    },
    async (request) => tokens.revoke(actorOf(request), request.params.id),
  );
};

/** GET /public/screen: the whole committee's screen for a kiosk link (token in X-Screen-Token). */
export const screenPublicRoutes: FastifyPluginAsyncZod<{
  screen: ScreenService;
  tokens: ScreenTokens;
}> = async (app, { screen, tokens }) => {
  await publicGuard(app, SCREEN_LIMITS);

  app.get(
    '/screen',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '数据大屏（凭大屏链接的令牌，无需登录；令牌放在 X-Screen-Token 请求头）',
        security: [],
        response: { 200: ScreenResponse, ...standardErrors, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      const header = request.headers[SCREEN_TOKEN_HEADER];
      await tokens.check(Array.isArray(header) ? header[0] : header);
      reply.header('cache-control', 'no-store');
      return screen.screen(KIOSK);
    },
  );
};
