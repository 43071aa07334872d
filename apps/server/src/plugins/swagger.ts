import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** The form of a multipart/form-data upload: its text fields and its one file part, `file`. */
export interface MultipartForm {
  /** The text fields, as the route checks them. */
  fields?: z.ZodObject;
  /** What the file must be. */
  file: string;
  /** For a spreadsheet: the columns of its template (shown as `x-columns` on the file part). */
  columns?: readonly string[];
}

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The body of an upload route, for the OpenAPI document only: the route reads the stream itself
     * (lib/upload), so it declares no `body` for Fastify to parse and check.
     */
    multipart?: MultipartForm;
  }
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** The document's multipart/form-data request body of an upload route. */
function multipartBody(form: MultipartForm, input: TransformInput) {
  const fields = form.fields
    ? (jsonSchemaTransform({ ...input, schema: { body: form.fields } }).schema.body as {
        properties?: Record<string, unknown>;
        required?: string[];
      })
    : {};
  const file = {
    type: 'string',
    format: 'binary',
    description: form.file,
    ...(form.columns ? { 'x-columns': form.columns } : {}),
  };
  return {
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: { ...fields.properties, file },
          required: [...(fields.required ?? []), 'file'],
        },
      },
    },
  };
}

/** The zod contracts as JSON schemas, and an upload route's form as its request body. */
const transform = (input: TransformInput) => {
  const { multipart, ...schema } = (input.schema ?? {}) as FastifySchema;
  if (schema.consumes?.includes('multipart/form-data') && !multipart)
    throw new Error(`${input.url}: an upload route declares its form (schema.multipart)`);
  const out = jsonSchemaTransform({ ...input, schema });
  if (multipart) (out.schema as FastifySchema).body = multipartBody(multipart, input);
  return out;
};

/** OpenAPI generated from the shared zod contracts: /api/openapi.json and the UI at /api/docs. */
export const swaggerPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: '凝心 Ningxin API',
        description: '流动党员管理服务平台接口。除登录与健康检查外，均需登录会话（Cookie nx_session）。',
        version: '1.0.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nx_session' } },
      },
      security: [{ session: [] }],
    },
    transform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
});
