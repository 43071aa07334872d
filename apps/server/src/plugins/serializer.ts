import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { safeEncode, type ZodType, z } from 'zod';

type Write = (data: unknown) => string;

/** A route's response schema as fastify hands it over: the zod schema, or wrapped in `properties`. */
function zodSchemaOf(schema: unknown): ZodType {
  if (schema instanceof z.ZodType) return schema;
  const inner = (schema as { properties?: unknown } | null)?.properties;
  if (inner instanceof z.ZodType) return inner;
  throw new Error(`a response schema that is not a zod schema: ${JSON.stringify(schema)}`);
}

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * Zod's JSON schema, reshaped for the writer (what it writes stays the same):
 * - Zod closes every object (`additionalProperties: false`). The writer writes only the named
 *   properties either way, but a union's branch is chosen by validating the value, and a closed
 *   branch would refuse a value carrying one more key, which zod's encoding drops.
 * - A nullable value of a plain type (`anyOf: [{type: 'string'}, {type: 'null'}]`) becomes
 *   `type: ['string', 'null']`, which the writer places by `typeof` instead of a validator.
 */
function forTheWriter(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forTheWriter);
  if (!node || typeof node !== 'object') return node;
  const { anyOf } = node as { anyOf?: Record<string, unknown>[] };
  if (anyOf?.length === 2 && Object.keys(node).length === 1) {
    const isNull = (b: Record<string, unknown>) => b.type === 'null' && Object.keys(b).length === 1;
    const value = isNull(anyOf[1]!) ? anyOf[0]! : isNull(anyOf[0]!) ? anyOf[1]! : null;
    if (value && typeof value.type === 'string' && PRIMITIVES.has(value.type)) {
      const { enum: _enum, const: _const, ...plain } = value;
      return { ...plain, type: [value.type, 'null'] };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = forTheWriter(value);
  }
  return out;
}

/**
 * The writer compiled from the schema's JSON schema (fast-json-stringify): it writes the schema's
 * properties and no other, as zod's encoding did, at about the cost of JSON.stringify (zod's
 * encoding walked every value first: about 2/3 of the time of a 50-row member page). Null when the
 * schema has no JSON form (a transform, a date) or the compiler refuses it: zod then writes.
 */
function compiled(schema: ZodType): Write | null {
  try {
    const json = forTheWriter(
      z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' }),
    );
    // A union's branch is chosen by a validator (ajv); our own formats (`page-cursor`, …) do not
    // choose branches and are none of its business.
    return fastJsonStringify(json as Parameters<typeof fastJsonStringify>[0], {
      ajv: { validateFormats: false },
    });
  } catch {
    return null;
  }
}

/**
 * Writes responses. With `check` (tests and development) every response is first checked against
 * its schema as before — a response that breaks its contract is a 500 there, so a mapper's
 * mistake fails a test — and then written by the compiled writer, whose output the tests read.
 * In production the check is left out: the mappers build each response from the contract's own
 * types, and the writer still writes nothing the schema does not name.
 */
export function responseSerializerCompiler(check: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    const zodSchema = zodSchemaOf(schema);
    const encode = (data: unknown) => {
      const result = safeEncode(zodSchema, data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      return result.data;
    };
    const slow = (data: unknown) => JSON.stringify(encode(data));
    // Compiled at the route's first answer, not at start-up: compiling every route's writer took
    // seconds, most of them for routes an instance may not serve for a long while.
    let write: Write | null | undefined;
    // A value the compiled writer cannot place (no branch of a union takes it) goes the slow way,
    // which says precisely what is wrong with it.
    const fast = (data: unknown) => {
      if (write === undefined) write = compiled(zodSchema);
      if (!write) return slow(data);
      try {
        return write(data);
      } catch {
        return slow(data);
      }
    };
    return check
      ? (data) => {
          encode(data);
          return fast(data);
        }
      : fast;
  };
}
