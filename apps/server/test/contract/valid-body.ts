/**
 * One plain value a JSON schema accepts, the same each time: its required fields only, the first
 * of an enum, the least number allowed, a date of this year. What a walk sends when the answer
 * must come from the route's logic (its scope, its rules), not from its validation.
 */
import { idCheckChar } from '@ningxin/shared';
import fc from 'fast-check';
import type { JsonSchema } from './operations';

const TEXT = '党员活动情况说明及相关材料记录';

/** Values for the formats the contracts name (see the shared contracts' `meta({ format })`). */
const FORMATS: Record<string, () => string> = {
  date: () => new Date().toISOString().slice(0, 10),
  'date-time': () => new Date(Date.now() + 3_600_000).toISOString(),
  'year-month': () => new Date().toISOString().slice(0, 7),
  'money-yuan': () => '100.00',
  'division-code': () => '130723',
  'cn-mobile': () => '13800000000',
  'cn-resident-id': () => `13072319900101123${idCheckChar('13072319900101123')}`,
};

const typesOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

export function validValue(s: JsonSchema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length)
    return validValue(alternatives.find((a) => a.type !== 'null') ?? alternatives[0]!);
  if (s.allOf?.length) return validValue(Object.assign({}, ...s.allOf));
  const types = typesOf(s);
  if (types.includes('object') || s.properties) {
    const required = new Set(s.required ?? []);
    return Object.fromEntries(
      Object.entries(s.properties ?? {})
        .filter(([k]) => required.has(k))
        .map(([k, v]) => [k, validValue(v)]),
    );
  }
  if (types.includes('array'))
    return Array.from({ length: s.minItems ?? 0 }, () => validValue(s.items ?? {}));
  if (types.includes('integer') || types.includes('number')) return Math.max(s.minimum ?? 1, 0);
  if (types.includes('boolean')) return false;
  const format = s.format ? FORMATS[s.format] : undefined;
  if (format) return format();
  if (s.pattern) return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { seed: 1, numRuns: 1 })[0];
  const length = Math.min(Math.max(s.minLength ?? 0, 6), s.maxLength ?? 6);
  return TEXT.repeat(Math.ceil(length / TEXT.length)).slice(0, length);
}
