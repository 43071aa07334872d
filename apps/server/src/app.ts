import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Store } from './db/client';
import { createFieldCrypto, type FieldCrypto, loadMasterKey } from './lib/field-crypto';
import { auditRoutes } from './modules/audit/audit.routes';
import { createAuditService } from './modules/audit/audit.service';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { createMemberActions } from './modules/members/members.actions';
import { createMemberCounts } from './modules/members/members.counts';
import { memberCountsRoutes } from './modules/members/members.counts.routes';
import { memberExcelRoutes } from './modules/members/members.excel.routes';
import { createMemberExport } from './modules/members/members.export';
import { createMemberImport } from './modules/members/members.import';
import { membersRepository } from './modules/members/members.repository';
import { membersRoutes } from './modules/members/members.routes';
import { memberSelfRoutes } from './modules/members/members.self.routes';
import { createMembersService } from './modules/members/members.service';
import { metaRoutes } from './modules/meta/meta.routes';
import { orgsRoutes } from './modules/orgs/orgs.routes';
import { createOrgsService, type OrgHooks } from './modules/orgs/orgs.service';
import { positionsRoutes } from './modules/orgs/positions.routes';
import { createPositionsService } from './modules/orgs/positions.service';
import { usersRoutes } from './modules/users/users.routes';
import { createUsersService } from './modules/users/users.service';
import { authPlugin } from './plugins/auth';
import { csrfPlugin } from './plugins/csrf';
import { errorHandler, sendProblem } from './plugins/error-handler';
import { swaggerPlugin } from './plugins/swagger';

// Validation messages in Chinese.
z.config(z.locales.zhCN());

/** The field-encryption keys from config, or from the key file in DATA_DIR (made on first start). */
export function fieldCryptoFor(config: Config, onGenerated: (file: string) => void = () => {}): FieldCrypto {
  return createFieldCrypto(
    loadMasterKey({ envKey: config.fieldEncryptionKey, dataDir: config.dataDir }, onGenerated),
  );
}

export function createServices(store: Store, config: Config, crypto: FieldCrypto) {
  const { db } = store;
  const orgHooks: OrgHooks = { subtreeMoved: [] };
  const orgs = createOrgsService(db, config, orgHooks);
  const positions = createPositionsService(db, orgs);
  const users = createUsersService(db, config, orgs);
  const audit = createAuditService(db, users.displayNames);
  const auth = createAuthService(db, store.runNamed, config, users);
  const members = createMembersService({ db, config, crypto, orgs, accounts: users });
  const memberActions = createMemberActions({
    db,
    crypto,
    members,
    history: audit.historyOf,
    accounts: users,
  });
  const memberImport = createMemberImport({ db, config, crypto, orgs, members });
  const memberExport = createMemberExport({ db, crypto, orgs, members });
  const memberCounts = createMemberCounts({ db, orgs });
  orgHooks.subtreeMoved.push((tx, oldPath, newPath) =>
    membersRepository.rewriteOrgPaths(tx, oldPath, newPath),
  );
  orgHooks.memberCount = (executor, orgId) => membersRepository.countInOrg(executor, orgId);
  return {
    audit,
    orgs,
    positions,
    users,
    auth,
    members,
    memberActions,
    memberImport,
    memberExport,
    memberCounts,
  };
}

export type Services = ReturnType<typeof createServices>;

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
  app.setSerializerCompiler(serializerCompiler);

  const crypto = fieldCryptoFor(config, (file) =>
    app.log.warn(
      { file },
      'generated a new field-encryption key: back this file up, the encrypted personal data cannot be read without it',
    ),
  );
  const services = createServices(store, config, crypto);

  await app.register(errorHandler);
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
  await app.register(authPlugin, { auth: services.auth });
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

  await app.register(
    async (api) => {
      await api.register(authRoutes, { prefix: '/auth', auth: services.auth });
      await api.register(usersRoutes, { prefix: '/users', users: services.users });
      await api.register(orgsRoutes, { prefix: '/orgs', orgs: services.orgs });
      await api.register(positionsRoutes, { prefix: '/orgs', positions: services.positions });
      await api.register(auditRoutes, { prefix: '/audit', audit: services.audit });
      await api.register(membersRoutes, {
        prefix: '/members',
        members: services.members,
        actions: services.memberActions,
      });
      await api.register(memberCountsRoutes, { prefix: '/members', counts: services.memberCounts });
      await api.register(memberExcelRoutes, {
        prefix: '/members',
        importer: services.memberImport,
        exporter: services.memberExport,
        homeCity: config.homeCity,
        hostCity: config.hostCity,
      });
      await api.register(memberSelfRoutes, { prefix: '/me', actions: services.memberActions });
      await api.register(metaRoutes, {
        prefix: '/meta',
        homeCity: config.homeCity,
        hostCity: config.hostCity,
      });
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
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
