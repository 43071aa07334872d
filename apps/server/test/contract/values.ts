/**
 * Values generated from a JSON schema (fast-check): values that fit, values that nearly fit, and
 * hostile ones — NUL, lone surrogates, direction controls, full-width digits, emoji, huge strings,
 * numbers beyond every column, impossible dates, wrong types, missing and extra fields.
 */
import { CITIES, idCheckChar } from '@ningxin/shared';
import fc from 'fast-check';
import type { JsonSchema } from './operations';

/** Ids that exist in the store under test, so that some requests reach real records. */
export interface KnownIds {
  /** By the resource a path segment names (`members`, `orgs`, `users`, `positions` …). */
  byResource: Record<string, number[]>;
  /** Every known id, for fields that name some record (`orgId`, `parentId`). */
  any: number[];
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

export const hostile = fc.oneof(
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
