import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { databaseUnavailable, isDatabaseUnavailable } from '../lib/db-errors';
import { AppError } from '../lib/errors';
import { safeError } from '../lib/safe-error';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CONTEXT_LABELS: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

interface Problem {
  status: number;
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
  details?: Record<string, unknown>;
}

/** The problem code each error answer was sent with (read by the metrics). */
const problemCodes = new WeakMap<FastifyReply, string>();

/** The `code` of the problem+json answer of this reply, if it was one. */
export const problemCodeOf = (reply: FastifyReply): string | undefined => problemCodes.get(reply);

export function sendProblem(reply: FastifyReply, p: Problem) {
  problemCodes.set(reply, p.code);
  return reply
    .code(p.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:ningxin:problem:${p.code.toLowerCase()}`,
      title: TITLES[p.status] ?? 'Error',
      status: p.status,
      code: p.code,
      message: p.message,
      ...(p.fields ? { fields: p.fields } : {}),
      ...(p.details ? { details: p.details } : {}),
    });
}

/** Fastify's own 4xx errors, in Chinese. */
const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: '请求内容为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: '请求长度有误' },
};

/** The issue of a path id that cannot exist (see PathId in the shared contracts). */
const namesNoRecord = (params: unknown) =>
  (params as { params?: { status?: unknown } } | undefined)?.params?.status === 404;

function toProblem(error: FastifyError | Error, request: FastifyRequest): Problem {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    // A path id made of digits beyond what the column holds names no record.
    if (context === 'params' && error.validation.some((v) => namesNoRecord(v.params))) {
      return { status: 404, code: 'NOT_FOUND', message: '记录不存在或无权查看' };
    }
    const fields = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || context,
      message: v.message ?? '格式有误',
    }));
    const first = fields[0];
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: first
        ? `${CONTEXT_LABELS[context] ?? '请求'}有误：${first.path} ${first.message}`
        : '请求参数有误',
      fields,
    };
  }
  const fe = error as FastifyError;
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped && fe.statusCode) return { status: fe.statusCode, ...mapped };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: 'BAD_REQUEST', message: '请求有误' };
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: safeError(error) }, 'database unavailable');
    return toProblem(databaseUnavailable(), request);
  }
  request.log.error({ err: safeError(error) }, 'unhandled error');
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    message: `服务器内部错误，请稍后再试（请求编号 ${request.id}）`,
  };
}

export const errorHandler = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(reply, toProblem(error, request)));
});
