import multipart from '@fastify/multipart';
import {
  FileIdParams,
  FileListQuery,
  FileListResponse,
  FileResponse,
  FileUploadFields,
  ProblemResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { receiveUpload } from '../../lib/upload';
import { actorOf } from '../../plugins/auth';
import { sendProblem } from '../../plugins/error-handler';
import { fileRequired, fileTooLarge } from './files.errors';
import type { FilesService } from './files.service';

const tags = ['文件 files'];

/** A download: the content sent as it is, never serialized. */
const Content = z.unknown().meta({ description: '文件内容' });

/** One header's value (a repeated header counts by its first). */
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Files of records (photos, scans, documents). Every route is open to any signed-in user: what
 * a user may do with a file is what the user may do with the record it belongs to, which the
 * record's module decides (the `files.owners` extension point).
 */
export const filesRoutes: FastifyPluginAsyncZod<{ files: FilesService }> = async (app, { files }) => {
  await app.register(multipart);

  app.post(
    '/',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary:
          '上传文件（multipart/form-data：先发 ownerType、ownerId、purpose 字段，再发 file；按内容识别类型，超过上限返回 413）',
        consumes: ['multipart/form-data'],
        multipart: { fields: FileUploadFields, file: '文件内容（类型按内容识别，不按文件名）' },
        response: { 201: FileResponse, ...standardErrors, 413: ProblemResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const limit = await files.uploadLimit();
      const stored = await receiveUpload(
        request,
        { maxBytes: limit, tooLarge: () => fileTooLarge(limit), noFile: fileRequired },
        (upload) => files.upload(actor, upload),
      );
      return reply.code(201).send(stored);
    },
  );

  app.get(
    '/',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '某条记录的文件（最新在前；可按用途筛选，如党员照片 purpose=photo）',
        querystring: FileListQuery,
        response: { 200: FileListResponse, ...standardErrors },
      },
    },
    async (request) => files.list(actorOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '下载文件（支持 Range 分段请求与 If-None-Match）',
        params: FileIdParams,
        response: {
          200: Content,
          206: Content,
          304: z.unknown().meta({ description: '未修改' }),
          ...standardErrors,
          416: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const download = await files.download(actorOf(request), request.params.id, {
        range: header(request.headers.range),
        ifRange: header(request.headers['if-range']),
        ifNoneMatch: header(request.headers['if-none-match']),
        headOnly: request.method === 'HEAD',
      });
      reply.code(download.status).headers(download.headers);
      if (download.status === 416) {
        return sendProblem(reply, {
          status: 416,
          code: 'RANGE_NOT_SATISFIABLE',
          message: '请求的范围超出了文件大小',
        });
      }
      return reply.send(download.body ?? undefined);
    },
  );

  app.delete(
    '/:id',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '删除文件（须能修改所属记录）',
        params: FileIdParams,
        response: { 204: z.null().meta({ description: '已删除' }), ...standardErrors },
      },
    },
    async (request, reply) => {
      await files.remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
