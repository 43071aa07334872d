import {
  ChallengeResponse,
  CITIES,
  DivisionsResponse,
  ProblemResponse,
  parsePhone,
  RegistrationStatusBody,
  RegistrationStatusResponse,
  RegistrationSubmitBody,
  RegistrationSubmitResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { keyedLimit, PUBLIC_BODY_LIMIT, publicGuard } from '../../../lib/public-guard';
import type { RegistrationIntake } from './registrations.public';

const tags = ['党员找组织 registrations'];
const MINUTE = 60_000;
const responses = { ...standardErrors, 413: ProblemResponse, 429: ProblemResponse };

/**
 * The budgets of the public routes, per address unless named otherwise. Generous for a
 * household or a workplace behind one address, tight for a script.
 */
export const PUBLIC_LIMITS = {
  perAddress: { max: 120, timeWindow: 10 * MINUTE },
  challenge: { max: 40, timeWindow: 10 * MINUTE },
  submit: { max: 20, timeWindow: 10 * MINUTE },
  submitPerPhone: { max: 5, timeWindow: 60 * MINUTE },
  status: { max: 30, timeWindow: 10 * MINUTE },
  statusPerPhone: { max: 10, timeWindow: 60 * MINUTE },
} as const;

/** The public routes of 党员找组织 (no login): the challenge, the registration and its status. */
export const registrationPublicRoutes: FastifyPluginAsyncZod<{
  intake: RegistrationIntake;
  crypto: FieldCrypto;
  /** Tests only (CHALLENGE_TEST_ANSWERS): the challenge's answer in a header. */
  echoChallengeAnswers: boolean;
  homeCity: string;
  hostCity: string;
}> = async (app, { intake, crypto, echoChallengeAnswers, homeCity, hostCity }) => {
  await publicGuard(app, { perAddress: PUBLIC_LIMITS.perAddress });
  /** A budget per phone (its keyed hash: no phone number is kept in memory). */
  const perPhone = (name: string, limit: { max: number; timeWindow: number }) =>
    keyedLimit(app, {
      name,
      ...limit,
      key: (request) => {
        const raw = (request.body as { phone?: unknown } | undefined)?.phone;
        const phone = typeof raw === 'string' ? parsePhone(raw) : null;
        return phone?.ok ? crypto.hash('phone', phone.phone) : null;
      },
    });

  const pick = (code: string) => {
    const city = CITIES[code]!;
    return { code: city.code, name: city.name, divisions: [...city.divisions] };
  };
  app.get(
    '/divisions',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '流出地县（区）、流入地区的代码表（登记页用）',
        security: [],
        response: { 200: DivisionsResponse, 429: ProblemResponse },
      },
    },
    async () => ({ home: pick(homeCity), host: pick(hostCity) }),
  );

  app.get(
    '/challenge',
    {
      config: { public: true, rateLimit: PUBLIC_LIMITS.challenge },
      schema: {
        tags,
        summary: '获取图形验证码（5 分钟内有效，只能使用一次）',
        security: [],
        response: { 200: ChallengeResponse, 429: ProblemResponse },
      },
    },
    async (_request, reply) => {
      const issued = intake.issueChallenge();
      reply.header('cache-control', 'no-store');
      if (echoChallengeAnswers) reply.header('x-test-challenge-answer', issued.answer);
      return { token: issued.token, svg: issued.svg, expiresAt: issued.expiresAt.toISOString() };
    },
  );

  app.post(
    '/registrations',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: { public: true, rateLimit: PUBLIC_LIMITS.submit },
      preHandler: perPhone('registration-submit', PUBLIC_LIMITS.submitPerPhone),
      schema: {
        tags,
        summary: '党员自主报到登记（无需登录；须勾选同意个人信息处理并输入验证码）',
        security: [],
        body: RegistrationSubmitBody,
        response: { 201: RegistrationSubmitResponse, ...responses },
      },
    },
    async (request, reply) => reply.code(201).send(await intake.submit(request.body)),
  );

  app.post(
    '/registrations/status',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: { public: true, rateLimit: PUBLIC_LIMITS.status },
      preHandler: perPhone('registration-status', PUBLIC_LIMITS.statusPerPhone),
      schema: {
        tags,
        summary: '查询报到登记的审核进度（凭身份证号和手机号）',
        security: [],
        body: RegistrationStatusBody,
        response: { 200: RegistrationStatusResponse, ...responses },
      },
    },
    async (request) => intake.status(request.body),
  );
};
