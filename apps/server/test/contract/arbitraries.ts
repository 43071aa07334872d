/**
 * Requests generated from an operation's contract (fast-check): values that fit the schema,
 * values that nearly fit, and values chosen to break things — NUL, lone surrogates, direction
 * controls, full-width digits, emoji, huge strings, numbers beyond every column, impossible
 * dates, wrong types, missing and extra fields, malformed JSON, wrong content types, malformed
 * multipart. The generator knows nothing of a route but its contract.
 */
import { CITIES, idCheckChar } from '@ningxin/shared';
import fc from 'fast-check';
import type { JsonSchema, Operation } from './operations';

/** Ids that exist in the store under test, so that some requests reach real records. */
export interface KnownIds {
  /** By the resource a path segment names (`members`, `orgs`, `users`, `positions` …). */
  byResource: Record<string, number[]>;
  /** Every known id, for fields that name some record (`orgId`, `parentId`). */
  any: number[];
}

export interface GeneratedRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What the body was meant to be, for the report of a failure. */
  note: string;
}

const HAN = '张王李赵刘陈杨黄周吴党员支部委员会流动北京通州海淀康保怀来蔚县组织学习志愿';

/** Strings written to break a text column, a number parser, a date parser or a log. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfffx',
  'x\ud83d',
  '\u202eabc\u202c',
  '\u2066张三\u2069',
  '\u200b\u200e\u200f\u3000',
  '\u0007\u001b[31m',
  '\r\n\t',
  '１２３４５６',
  '😀👨‍👩‍👧🇨🇳',
  '𠀀𪚥',
  "' OR 1=1 --",
  '%00',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, sent as plain text.
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '99999999999999999999',
  '2147483648',
  '-1',
  '0',
  '1e3',
  '0x10',
  ' 1',
  '1.0',
  'NaN',
  'null',
  'true',
  '1899-12-31',
  '0001-01-01',
  '9999-12-31',
  '2023-02-29',
  '2024-13-01',
  '2024-01-01T00:00:00',
  '0000-01-01T00:00:00Z',
  '张'.repeat(1001),
  'x'.repeat(70_000),
];

export const HOSTILE_NUMBERS = [
  0,
  -1,
  1.5,
  -0.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 - 1,
  2 ** 53 + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

const WRONG_TYPES: unknown[] = [null, true, false, [], {}, [null], { a: 1 }, 'text', 12, [1, 2, 3]];

const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...WRONG_TYPES),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const hanText = (min: number, max: number) =>
  fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((a) => a.join(''));

function typesOf(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  return s.type ? [s.type] : [];
}

/** A value the schema accepts in shape (a rule of the server may still refuse it). */
export function conforming(s: JsonSchema, ids: KnownIds, key = ''): fc.Arbitrary<unknown> {
  const base = conformingBase(s, ids, key);
  return s.nullable
    ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
    : base;
}

function conformingBase(s: JsonSchema, ids: KnownIds, key: string): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => conforming(a, ids, key)));
  if (s.allOf?.length) return conforming(Object.assign({}, ...s.allOf), ids, key);
  const types = typesOf(s);
  if (types.includes('object') || s.properties) return conformingObject(s, ids);
  if (types.includes('array')) {
    return fc.array(conforming(s.items ?? {}, ids, key), {
      minLength: s.minItems ?? 0,
      maxLength: Math.min(s.maxItems ?? 3, 3),
    });
  }
  if (types.includes('integer') || types.includes('number')) {
    const min = s.minimum ?? -5;
    const max = Math.max(min, Math.min(s.maximum ?? 10_000, 10_000));
    // Mostly small values (a version is 0, 1, 2 …), sometimes anywhere in the range.
    const num = types.includes('integer')
      ? fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, min + 3) }) },
          fc.integer({ min, max }),
        )
      : fc.double({ min, max, noNaN: true });
    return /id$/i.test(key) && ids.any.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids.any) }, { weight: 1, arbitrary: num })
      : num;
  }
  if (types.includes('boolean')) return fc.boolean();
  if (types.includes('string') || types.length === 0) return conformingString(s, key, ids);
  return fc.constant(null);
}

/** A real calendar date from 1950 to 2025, as `YYYY-MM-DD`. */
const realDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const divisionCodes = Object.values(CITIES).flatMap((c) => c.divisions.map((d) => d.code));

/** A resident ID number that passes the checksum (born 1950–2000, a home county's region). */
const residentId = fc
  .tuple(fc.constantFrom(...divisionCodes), realDate, fc.integer({ min: 0, max: 999 }))
  .filter(([, birth]) => birth <= '2000-12-31')
  .map(([region, birth, seq]) => {
    const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    return first17 + idCheckChar(first17);
  });

/** Values for the formats the contracts name (see the shared contracts' `meta({ format })`). */
const FORMATS: Record<string, fc.Arbitrary<string>> = {
  date: realDate,
  'division-code': fc.constantFrom(...divisionCodes),
  'cn-resident-id': residentId,
  'cn-mobile': fc.integer({ min: 0, max: 999_999_999 }).map((n) => `13${String(n).padStart(9, '0')}`),
  // A cursor only the server writes: a fitting request starts from the first page.
  'page-cursor': fc.constant(''),
};

function conformingString(s: JsonSchema, key: string, ids: KnownIds): fc.Arbitrary<string> {
  const format = s.format ? FORMATS[s.format] : undefined;
  if (format)
    return s.pattern
      ? fc.oneof({ weight: 4, arbitrary: format }, fc.stringMatching(new RegExp(s.pattern)))
      : format;
  if (s.pattern) {
    const pattern = fc.stringMatching(new RegExp(s.pattern));
    // A path id: mostly ids that exist, so that the request gets past the lookup.
    return /id$/i.test(key) && ids.any.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids.any.map(String)) }, pattern)
      : pattern;
  }
  if (s.format === 'date-time') {
    return fc
      .date({
        min: new Date('1950-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
  }
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 30, 40));
  return fc.oneof(
    { weight: 3, arbitrary: hanText(min, max) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }) },
  );
}

function conformingObject(s: JsonSchema, ids: KnownIds): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = s.required ?? [];
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) record[k] = conforming(v, ids, k);
  return fc.record(record, { requiredKeys: required.filter((k) => k in props) }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

/** Mostly conforming, sometimes hostile; objects get a field broken, dropped or added. */
export function value(s: JsonSchema, ids: KnownIds, key = ''): fc.Arbitrary<unknown> {
  if (typesOf(s).includes('object') || s.properties) return objectValue(s, ids);
  return fc.oneof({ weight: 3, arbitrary: conforming(s, ids, key) }, { weight: 2, arbitrary: hostile });
}

function objectValue(s: JsonSchema, ids: KnownIds): fc.Arbitrary<unknown> {
  const keys = Object.keys(s.properties ?? {});
  const base = conformingObject(s, ids);
  if (keys.length === 0) return fc.oneof(base, hostile);
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    { weight: 2, arbitrary: base },
    {
      weight: 4,
      arbitrary: fc.tuple(base, key, hostile).map(([o, k, v]) => ({ ...o, [k]: v })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, key).map(([o, k]) => {
        const { [k]: _dropped, ...rest } = o;
        return rest;
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom('__proto__', 'constructor', 'extra', 'version', 'id', '张'), hostile)
        // A computed key defines an own property, `__proto__` included, so JSON carries it.
        .map(([o, k, v]) => ({ ...o, [k]: v })),
    },
    { weight: 1, arbitrary: hostile },
  );
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
  return fc.oneof(
    {
      weight: 8,
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
