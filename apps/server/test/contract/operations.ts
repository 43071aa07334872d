/**
 * The operations of the OpenAPI document, as a request generator needs them: method, path
 * template, path and query parameters with their JSON schemas, the JSON body schema or the
 * multipart form of an upload, and whether a session is needed. A route joins every walk over the API by being in the document.
 */

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  $ref?: string;
  /** A spreadsheet file part: the columns of its template. */
  'x-columns'?: string[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path as Fastify serves it, with `:name` placeholders and no trailing slash. */
  path: string;
  params: Parameter[];
  body: JsonSchema | null;
  /** The form of an upload (multipart/form-data): text fields and the file part `file`. */
  multipart: JsonSchema | null;
  /** Whether the operation answers without a session (`security: []`). */
  public: boolean;
  /** The permission the route declares, when it declares one. */
  permission: string | null;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
        security?: unknown[];
        'x-permission'?: string;
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Replaces `$ref`s to components by the schemas they name (the document's are not recursive here). */
function resolve(schema: JsonSchema, doc: OpenApiDocument, depth = 0): JsonSchema {
  if (depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1)!;
    return resolve(doc.components?.schemas?.[name] ?? {}, doc, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  if (schema.items) out.items = resolve(schema.items, doc, depth + 1);
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, doc, depth + 1)]),
    );
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (schema[key]) out[key] = schema[key]!.map((s) => resolve(s, doc, depth + 1));
  }
  return out;
}

/** The /api/v1 operations of the document. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [rawPath, methods] of Object.entries(doc.paths)) {
    if (!rawPath.startsWith('/api/v1/')) continue;
    const path = rawPath.replace(/\{(\w+)\}/g, ':$1').replace(/(.)\/$/, '$1');
    for (const [method, op] of Object.entries(methods)) {
      const json = op.requestBody?.content?.['application/json']?.schema;
      const form = op.requestBody?.content?.['multipart/form-data']?.schema;
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        params: (op.parameters ?? [])
          .filter((p) => p.in === 'path' || p.in === 'query')
          .map((p) => ({
            name: p.name,
            in: p.in as 'path' | 'query',
            required: p.required ?? false,
            schema: resolve(p.schema, doc),
          })),
        body: json ? resolve(json, doc) : null,
        multipart: form ? resolve(form, doc) : null,
        public: Array.isArray(op.security) && op.security.length === 0,
        permission: op['x-permission'] ?? null,
      });
    }
  }
  return ops.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
