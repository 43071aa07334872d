/**
 * Requests generated from an operation's contract (fast-check): paths, queries and bodies made
 * of the values in values.ts, plus what only a request can get wrong — raw URL escapes, malformed
 * JSON, wrong content types, malformed multipart; an upload route's own form (uploads.ts). The
 * generator knows nothing of a route but its contract.
 */
import fc from 'fast-check';
import type { Operation } from './operations';
import { uploadFor } from './uploads';
import { conforming, HOSTILE_STRINGS, hostile, type KnownIds, value } from './values';

export type { KnownIds } from './values';

export interface GeneratedRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What the body was meant to be, for the report of a failure. */
  note: string;
}

/** A query or path value as text: arrays comma-joined, objects as JSON. */
function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(asText).join(',');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * Percent-encodes like a browser, except that text no encoding can hold (a lone surrogate) goes
 * out as the bytes of invalid UTF-8, as a hostile client would send it.
 */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

/** Raw URL pieces that no encoder would produce. */
const RAW_QUERY_VALUES = ['%', '%zz', '%FF', '%C0%80', '%00', '%E5%BC', 'a&b=c', '%2F..%2F'];

function pathValue(op: Operation, name: string, ids: KnownIds): fc.Arbitrary<string> {
  const schema = op.params.find((p) => p.in === 'path' && p.name === name)?.schema;
  // A path segment the contract names by its values (a setting's key): mostly those.
  if (schema?.enum?.length) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...schema.enum.map(String)) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)).map(encode) },
    );
  }
  const segments = op.path.split('/');
  const resource = segments[segments.indexOf(`:${name}`) - 1] ?? '';
  const known = ids.byResource[resource] ?? ids.any;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(known.length ? known : [1])).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('2147483648', '99999999999999999999', '%20', '1%00', '%FF') },
  );
}

const queryPart = (name: string, v: unknown) => `${name}=${encode(asText(v))}`;

/**
 * The query: all parameters fitting their schema (optional ones now and then), or one of them
 * broken, or every one of them anything at all (broken, raw, repeated).
 */
function queryString(op: Operation, ids: KnownIds): fc.Arbitrary<string> {
  const query = op.params.filter((p) => p.in === 'query');
  if (query.length === 0) return fc.constant('');
  const fitting = fc.tuple(
    ...query.map((p) =>
      p.required
        ? conforming(p.schema, ids, p.name).map((v) => queryPart(p.name, v))
        : fc.option(
            conforming(p.schema, ids, p.name).map((v) => queryPart(p.name, v)),
            { freq: 3 },
          ),
    ),
  );
  const broken = fc
    .tuple(fitting, fc.nat(query.length - 1), hostile)
    .map(([parts, i, v]) => parts.map((part, j) => (j === i ? queryPart(query[i]!.name, v) : part)));
  const chaos = fc.tuple(
    ...query.map((p) =>
      fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: value(p.schema, ids, p.name).map((v) => queryPart(p.name, v)) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_VALUES).map((raw) => `${p.name}=${raw}`) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(value(p.schema, ids, p.name), value(p.schema, ids, p.name))
            .map(([x, y]) => `${queryPart(p.name, x)}&${queryPart(p.name, y)}`),
        },
      ),
    ),
  );
  return fc
    .oneof(
      { weight: 3, arbitrary: fitting },
      { weight: 3, arbitrary: broken },
      { weight: 2, arbitrary: chaos },
    )
    .map((parts) => {
      const q = parts.filter((x): x is string => x !== null).join('&');
      return q ? `?${q}` : '';
    });
}

/** A multipart body: well-formed or not, with a file of random bytes. */
const multipartBody = fc
  .record({
    boundary: fc.constantFrom('nx-boundary', '', 'other'),
    declared: fc.constantFrom('nx-boundary', 'missing', 'mismatch'),
    file: fc.uint8Array({ maxLength: 200 }),
    field: fc.constantFrom('file', 'upload', ''),
    extra: fc.constantFrom('', 'orgId', 'dryRun'),
    extraValue: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)),
  })
  .map(({ boundary, declared, file, field, extra, extraValue }) => {
    const b = boundary || 'nx-boundary';
    const parts = [
      extra ? `--${b}\r\nContent-Disposition: form-data; name="${extra}"\r\n\r\n${extraValue}\r\n` : '',
      `--${b}\r\nContent-Disposition: form-data; name="${field}"; filename="名单.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ].join('');
    const payload = Buffer.concat([Buffer.from(parts), Buffer.from(file), Buffer.from(`\r\n--${b}--\r\n`)]);
    const contentType =
      declared === 'missing'
        ? 'multipart/form-data'
        : `multipart/form-data; boundary=${declared === 'mismatch' ? 'zz' : b}`;
    return { contentType, payload, note: `multipart (${declared} boundary)` };
  });

const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,',
  '{"a":1}}',
  "{'a':1}",
  'nul',
  '"\\ud800',
  '{"a":"\\u0000"}',
  '\u0000',
];

function bodyOf(op: Operation, ids: KnownIds) {
  const schema = op.body ?? { type: 'object', properties: {} };
  // An upload route gets mostly uploads of its own form; JSON to it is a wrong content type.
  const uploads = op.multipart ? [{ weight: 8, arbitrary: uploadFor(op, ids) }] : [];
  return fc.oneof(
    ...uploads,
    {
      weight: op.multipart ? 2 : 8,
      arbitrary: value(schema, ids).map((v) => ({
        contentType: 'application/json',
        payload: JSON.stringify(v) ?? 'null',
        note: 'json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...MALFORMED_JSON).map((payload) => ({
        contentType: 'application/json',
        payload,
        note: 'malformed json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
        )
        .map((contentType) => ({ contentType, payload: 'a=1', note: 'wrong content type' })),
    },
    { weight: 1, arbitrary: multipartBody },
    {
      weight: 1,
      arbitrary: fc.constant({
        contentType: 'application/json',
        payload: `"${'x'.repeat(1_100_000)}"`,
        note: 'over the body limit',
      }),
    },
  );
}

/** A request for the operation, with its path, query and body generated from the contract. */
export function requestFor(op: Operation, ids: KnownIds): fc.Arbitrary<GeneratedRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const path = fc
    .tuple(...pathParams.map((p) => pathValue(op, p.name, ids)))
    .map((values) => pathParams.reduce((url, p, i) => url.replace(`:${p.name}`, values[i]!), op.path));
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  const body = hasBody ? bodyOf(op, ids) : fc.constant(null);
  return fc.tuple(path, queryString(op, ids), body).map(([p, q, b]) => ({
    method: op.method,
    url: `${p}${q}`,
    headers: b ? { 'content-type': b.contentType } : ({} as Record<string, string>),
    ...(b ? { payload: b.payload } : {}),
    note: b?.note ?? 'no body',
  }));
}
