/** Rounds of the yearly evaluation: evaluation.read to read, evaluation.manage to run, member.self to take part. */
import {
  EvaluationAnswerBody,
  EvaluationAppealBody,
  EvaluationAppealParams,
  EvaluationAppealsResponse,
  EvaluationBallotBody,
  EvaluationBallotModesBody,
  EvaluationCodesBody,
  EvaluationCodesResponse,
  EvaluationCreateBody,
  EvaluationGradesBody,
  EvaluationIdParams,
  EvaluationListQuery,
  EvaluationListResponse,
  EvaluationMemberParams,
  EvaluationMineResponse,
  EvaluationParticipantsResponse,
  EvaluationPeerBody,
  EvaluationPeerReviewsResponse,
  EvaluationRoundResponse,
  EvaluationSelfBody,
  EvaluationSlipsBody,
  EvaluationStepBody,
  EvaluationVersionBody,
  EvaluationVotedResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf } from '../../../lib/downloads';
import { siteOf } from '../../../lib/site-url';
import { actorOf } from '../../../plugins/auth';
import type { AppealsService } from '../appeals/appeals.service';
import type { BallotsService } from '../ballots/ballots.service';
import type { RoundsService } from './rounds.service';

const tags = ['民主评议 evaluation'];
const read = { permission: 'evaluation.read' } as const;
const manage = { permission: 'evaluation.manage' } as const;
const self = { permission: 'member.self' } as const;

export const evaluationRoutes: FastifyPluginAsyncZod<{
  rounds: RoundsService;
  ballots: BallotsService;
  appeals: AppealsService;
  publicUrl: string | undefined;
}> = async (app, { rounds, ballots, appeals, publicUrl }) => {
  app.get(
    '/',
    {
      config: read,
      schema: {
        tags,
        summary: '民主评议列表（按年度）',
        querystring: EvaluationListQuery,
        response: { 200: EvaluationListResponse, ...standardErrors },
      },
    },
    async (request) => rounds.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: manage,
      schema: {
        tags,
        summary: '为党支部创建年度民主评议（支部在册党员参评）',
        body: EvaluationCreateBody,
        response: { 201: EvaluationRoundResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await rounds.create(actorOf(request), request.body)),
  );

  app.get(
    '/mine',
    {
      config: self,
      schema: {
        tags,
        summary: '我的民主评议（自评、互评、投票、结果、申诉）',
        response: { 200: EvaluationMineResponse, ...standardErrors },
      },
    },
    async (request) => rounds.mine(actorOf(request)),
  );

  app.get(
    '/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '民主评议详情（步骤、投票与等次统计）',
        params: EvaluationIdParams,
        response: { 200: EvaluationRoundResponse, ...standardErrors },
      },
    },
    async (request) => rounds.get(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/step',
    {
      config: manage,
      schema: {
        tags,
        summary: '进入下一步骤（准备 → 自评 → 互评 → 测评投票）',
        params: EvaluationIdParams,
        body: EvaluationStepBody,
        response: { 200: EvaluationRoundResponse, ...standardErrors },
      },
    },
    async (request) => rounds.step(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/participants',
    {
      config: read,
      schema: {
        tags,
        summary: '参评党员（自评、互评数、是否已投票、计票结果、等次）',
        params: EvaluationIdParams,
        response: { 200: EvaluationParticipantsResponse, ...standardErrors },
      },
    },
    async (request) => rounds.participants(actorOf(request), request.params.id),
  );

  app.put(
    '/:id/participants/ballot-modes',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记领取纸质测评码的党员（投票开始前）',
        params: EvaluationIdParams,
        body: EvaluationBallotModesBody,
        response: { 200: EvaluationRoundResponse, ...standardErrors },
      },
    },
    async (request) => rounds.setModes(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/:id/self',
    {
      config: self,
      schema: {
        tags,
        summary: '提交个人自评（自评步骤）',
        params: EvaluationIdParams,
        body: EvaluationSelfBody,
        response: { 200: EvaluationMineResponse, ...standardErrors },
      },
    },
    async (request) => rounds.selfAssess(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/peer-reviews',
    {
      config: read,
      schema: {
        tags,
        summary: '党员互评意见（署名）',
        params: EvaluationIdParams,
        response: { 200: EvaluationPeerReviewsResponse, ...standardErrors },
      },
    },
    async (request) => rounds.peerReviews(actorOf(request), request.params.id),
  );

  app.put(
    '/:id/peer-reviews/:memberId',
    {
      config: self,
      schema: {
        tags,
        summary: '评议一位党员（互评步骤，署名）',
        params: EvaluationMemberParams,
        body: EvaluationPeerBody,
        response: { 200: EvaluationMineResponse, ...standardErrors },
      },
    },
    async (request) =>
      rounds.peerReview(actorOf(request), request.params.id, request.params.memberId, request.body),
  );

  app.post(
    '/:id/ballots',
    {
      config: self,
      schema: {
        tags,
        summary: '民主测评投票（不记名，每人一次）',
        params: EvaluationIdParams,
        body: EvaluationBallotBody,
        response: { 201: EvaluationVotedResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await ballots.vote(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/:id/codes',
    {
      config: manage,
      schema: {
        tags,
        summary: '生成一次性测评码（只显示一次）',
        params: EvaluationIdParams,
        body: EvaluationCodesBody,
        response: { 201: EvaluationCodesResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply
        .code(201)
        .send(await ballots.generate(actorOf(request), request.params.id, request.body.count));
    },
  );

  app.post(
    '/:id/codes/slips',
    {
      config: manage,
      schema: {
        tags,
        summary: '打印测评码裁切条（PDF）',
        params: EvaluationIdParams,
        body: EvaluationSlipsBody,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await ballots.slips(
          actorOf(request),
          request.params.id,
          request.body.codes,
          siteOf(request, publicUrl),
        ),
      ),
  );

  app.post(
    '/:id/count',
    {
      config: manage,
      schema: {
        tags,
        summary: '计票（投票结束）',
        params: EvaluationIdParams,
        body: EvaluationVersionBody,
        response: { 200: EvaluationRoundResponse, ...standardErrors },
      },
    },
    async (request) => rounds.count(actorOf(request), request.params.id, request.body.version),
  );

  app.put(
    '/:id/grades',
    {
      config: manage,
      schema: {
        tags,
        summary: '确定评议等次（优秀不超过三分之一）并记录支部大会决定',
        params: EvaluationIdParams,
        body: EvaluationGradesBody,
        response: { 200: EvaluationRoundResponse, ...standardErrors },
      },
    },
    async (request) => rounds.grade(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/appeals',
    {
      config: read,
      schema: {
        tags,
        summary: '评议申诉',
        params: EvaluationIdParams,
        response: { 200: EvaluationAppealsResponse, ...standardErrors },
      },
    },
    async (request) => appeals.list(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/appeals',
    {
      config: self,
      schema: {
        tags,
        summary: '对评议等次提出申诉（等次确定后 30 日内）',
        params: EvaluationIdParams,
        body: EvaluationAppealBody,
        response: { 201: EvaluationMineResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      await appeals.appeal(actorOf(request), request.params.id, request.body);
      return reply.code(201).send(await rounds.mine(actorOf(request)));
    },
  );

  app.post(
    '/:id/appeals/:appealId/answer',
    {
      config: manage,
      schema: {
        tags,
        summary: '答复申诉（维持或改定等次）',
        params: EvaluationAppealParams,
        body: EvaluationAnswerBody,
        response: { 200: EvaluationAppealsResponse, ...standardErrors },
      },
    },
    async (request) =>
      appeals.answer(actorOf(request), request.params.id, request.params.appealId, request.body),
  );
};
