import {
  EvaluationVotedResponse,
  ProblemResponse,
  PublicBallotBody,
  PublicBallotLookupBody,
  PublicBallotLookupResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC_BODY_LIMIT, publicGuard } from '../../../lib/public-guard';
import type { BallotsService } from './ballots.service';

const tags = ['民主评议 evaluation'];
const MINUTE = 60_000;
const responses = { ...standardErrors, 413: ProblemResponse, 429: ProblemResponse };

/** The budgets of the code-ballot routes, per address: a branch votes from one room. */
export const BALLOT_LIMITS = {
  perAddress: { max: 120, timeWindow: 10 * MINUTE },
  lookup: { max: 60, timeWindow: 10 * MINUTE },
  cast: { max: 60, timeWindow: 10 * MINUTE },
} as const;

/** Voting with a one-time paper code (no login): open the ballot, cast it. */
export const ballotPublicRoutes: FastifyPluginAsyncZod<{ ballots: BallotsService }> = async (
  app,
  { ballots },
) => {
  await publicGuard(app, { perAddress: BALLOT_LIMITS.perAddress });

  app.post(
    '/evaluation-ballot',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: { public: true, rateLimit: BALLOT_LIMITS.lookup },
      schema: {
        tags,
        summary: '凭测评码打开民主测评选票（无需登录）',
        security: [],
        body: PublicBallotLookupBody,
        response: { 200: PublicBallotLookupResponse, ...responses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ballots.lookup(request.body.code);
    },
  );

  app.post(
    '/evaluation-ballots',
    {
      bodyLimit: 64 * 1024,
      config: { public: true, rateLimit: BALLOT_LIMITS.cast },
      schema: {
        tags,
        summary: '凭测评码投票（不记名，测评码只能使用一次）',
        security: [],
        body: PublicBallotBody,
        response: { 201: EvaluationVotedResponse, ...responses },
      },
    },
    async (request, reply) => reply.code(201).send(await ballots.castWithCode(request.body)),
  );
};
