import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Store } from './db/client';
import { checkReadiness, latestShippedMigration } from './db/readiness';
import { createEventBus } from './lib/events';
import { createFieldCrypto, type FieldCrypto, loadMasterKey } from './lib/field-crypto';
import { createMetrics } from './lib/metrics';
import { type AnyModule, buildPlatform, type Platform } from './lib/modules';
import { type CryptoWorkers, cryptoWorkers, noCryptoWorkers } from './lib/worker-pool';
import { activityModule } from './modules/activity/activity.module';
import { archivesModule } from './modules/archives/archives.module';
import { useChainAlgorithm } from './modules/audit/audit.hash';
import { auditModule } from './modules/audit/audit.module';
import { authModule } from './modules/auth/auth.module';
import { careModule } from './modules/care/care.module';
import { duesModule } from './modules/dues/dues.module';
import { evaluationModule } from './modules/evaluation/evaluation.module';
import { filesModule } from './modules/files/files.module';
import { findingModule } from './modules/finding/campaigns/finding.module';
import { contactsModule } from './modules/finding/contacts/contacts.module';
import { papersModule } from './modules/finding/papers/papers.module';
import { registrationsModule } from './modules/finding/registrations/registrations.module';
import { hometownModule } from './modules/hometown/hometown.module';
import { jobsModule } from './modules/jobs/jobs.module';
import { learningModule } from './modules/learning/learning.module';
import { reflectionsModule } from './modules/learning/reflections/reflections.module';
import { studyModule } from './modules/learning/study/study.module';
import { complianceModule } from './modules/life/compliance/compliance.module';
import { lifeModule } from './modules/life/life.module';
import { trainingsModule } from './modules/life/trainings/trainings.module';
import { membersModule } from './modules/members/members.module';
import { metaModule } from './modules/meta/meta.module';
import { noticesModule } from './modules/notices/notices.module';
import { orgsModule } from './modules/orgs/orgs.module';
import { pointsModule } from './modules/points/points.module';
import { volunteerHoursModule } from './modules/service/hours/volunteer-hours.module';
import { serviceModule } from './modules/service/service.module';
import { settingsModule } from './modules/settings/settings.module';
import { reportsModule } from './modules/stats/reports/reports.module';
import { screenModule } from './modules/stats/screen/screen.module';
import { statsModule } from './modules/stats/stats.module';
import { usersModule } from './modules/users/users.module';
import { workbenchModule } from './modules/workbench/workbench.module';
import { authPlugin } from './plugins/auth';
import { csrfPlugin } from './plugins/csrf';
import { errorHandler, sendProblem } from './plugins/error-handler';
import { metricsPlugin } from './plugins/metrics';
import { responseSerializerCompiler } from './plugins/serializer';
import { swaggerPlugin } from './plugins/swagger';

declare module 'fastify' {
  interface FastifyInstance {
    /** The modules' services, routes and jobs. */
    platform: Platform;
  }
}

/** The modules of the app. A new domain is one more line here. */
export const MODULES: readonly AnyModule[] = [
  orgsModule,
  usersModule,
  auditModule,
  authModule,
  membersModule,
  filesModule,
  jobsModule,
  activityModule,
  metaModule,
  noticesModule,
  settingsModule,
  workbenchModule,
  contactsModule,
  registrationsModule,
  findingModule,
  papersModule,
  lifeModule,
  complianceModule,
  trainingsModule,
  learningModule,
  studyModule,
  reflectionsModule,
  serviceModule,
  volunteerHoursModule,
  hometownModule,
  careModule,
  duesModule,
  evaluationModule,
  archivesModule,
  pointsModule,
  reportsModule,
  screenModule,
  statsModule,
];

// Validation messages in Chinese.
z.config(z.locales.zhCN());

/** The field-encryption keys from config, or from the key file in DATA_DIR (made on first start). */
export function fieldCryptoFor(config: Config, onGenerated: (file: string) => void = () => {}): FieldCrypto {
  return createFieldCrypto(
    loadMasterKey({ envKey: config.fieldEncryptionKey, dataDir: config.dataDir }, onGenerated),
    config.cryptoSuite,
  );
}

/** Every module's services, built on the store. */
export function createPlatform(
  store: Store,
  config: Config,
  crypto: FieldCrypto,
  workers: CryptoWorkers = noCryptoWorkers,
): Platform {
  useChainAlgorithm(config.cryptoSuite === 'sm' ? 'sm3' : 'sha256');
  // Process metrics only when /metrics is on: they watch the event loop and the collector.
  const metrics = createMetrics({
    processMetrics: Boolean(config.metricsToken),
    ...(store.poolStats ? { poolStats: store.poolStats } : {}),
    ...(store.replicaStatus ? { replicaStatus: store.replicaStatus } : {}),
  });
  return buildPlatform(MODULES, {
    store,
    db: store.db,
    reads: store.reads,
    config,
    crypto,
    workers,
    events: createEventBus(),
    metrics,
  });
}

/** Logger settings: request lines carry the path only (a query may hold a phone number), never cookies. */
export function loggerOptions(config: Pick<Config, 'logLevel'>) {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.idNumber', '*.phone'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
  };
}

/** How long the ready check waits for the database. */
const READY_TIMEOUT_MS = 2000;

export interface BuildOptions {
  /** Where log lines go (default: standard output); a test reads them back. */
  logStream?: { write(line: string): void };
}

export async function buildApp(
  config: Config,
  store: Store,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config), ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // The router's own refusals (a path with broken percent-encoding) answer like any other 400.
    frameworkErrors: (_error, _request, reply) => {
      sendProblem(reply, {
        status: 400,
        code: 'BAD_URL',
        message: '请求地址含有无效的编码',
        fields: [{ path: 'url', message: '地址编码无效' }],
      });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(config.env !== 'production'));

  const masterKey = loadMasterKey({ envKey: config.fieldEncryptionKey, dataDir: config.dataDir }, (file) =>
    app.log.warn(
      { file },
      'generated a new field-encryption key: back this file up, the encrypted personal data cannot be read without it',
    ),
  );
  const crypto = createFieldCrypto(masterKey, config.cryptoSuite);
  const workers = cryptoWorkers(masterKey, config.cryptoSuite, config.importWorkers);
  app.addHook('onClose', () => workers.close());
  const platform = createPlatform(store, config, crypto, workers);
  app.decorate('platform', platform);

  await app.register(errorHandler);
  await app.register(metricsPlugin, { metrics: platform.ctx.metrics, token: config.metricsToken });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await app.register(cookie);
  await app.register(csrfPlugin);
  await app.register(authPlugin, { auth: platform.services.auth });
  await app.register(swaggerPlugin);

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['系统 system'],
        summary: '健康检查',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), store: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await store.db.execute(sql`select 1`);
      return { status: 'ok' as const, store: store.kind };
    },
  );

  // For a load balancer or an orchestrator: live says the process answers (no database), ready
  // says it can serve (the database answers within READY_TIMEOUT_MS and holds every migration).
  app.get(
    '/api/health/live',
    {
      config: { public: true },
      schema: {
        tags: ['系统 system'],
        summary: '存活检查（不访问数据库）',
        security: [],
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  const latestShipped = latestShippedMigration();
  app.get(
    '/api/health/ready',
    {
      config: { public: true },
      schema: {
        tags: ['系统 system'],
        summary: '就绪检查（数据库可达、迁移已全部执行）',
        security: [],
        response: {
          200: z.object({
            status: z.literal('ready'),
            store: z.enum(['pglite', 'postgres']),
            // With a standby (DATABASE_REPLICA_URL): whether lag-tolerant reads go to it (ok) or,
            // while it lags past the limit or is down, to the primary. Never a reason to be unready.
            replica: z.enum(['ok', 'lagging', 'down']).optional(),
          }),
        },
      },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(store.db, latestShipped, READY_TIMEOUT_MS);
      if (readiness.ready)
        return {
          status: 'ready' as const,
          store: store.kind,
          ...(store.replicaStatus ? { replica: store.replicaStatus().state } : {}),
        };
      return sendProblem(reply, {
        status: 503,
        code: 'NOT_READY',
        message:
          readiness.checks.database !== 'ok'
            ? `服务尚未就绪：数据库${readiness.checks.database === 'timeout' ? '响应超时' : '无法连接'}`
            : '服务尚未就绪：数据库迁移未全部执行',
        details: { checks: readiness.checks },
      });
    },
  );

  await app.register(
    async (api) => {
      for (const route of platform.routes) await route.register(api);
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      // The build writes .br and .gz beside each file; the client's Accept-Encoding picks one.
      preCompressed: true,
      cacheControl: false,
      // Assets are named by their content's hash: kept a year, never asked for again. The page
      // itself is checked every time, so a new version is picked up at the next visit.
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
  // The big screen is a page of its own (no app frame): its HTML at /screen, checked every time.
  if (hasWeb)
    app.get('/screen', { schema: { hide: true } }, (_request, reply) => reply.sendFile('screen.html'));
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return sendProblem(reply, {
      status: 404,
      code: 'NOT_FOUND',
      message: `接口不存在：${request.method} ${request.url.split('?')[0]}`,
    });
  });

  return app;
}
