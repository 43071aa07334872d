import { z } from 'zod';

/**
 * Numbers that name rows and versions. Record ids and versions are PostgreSQL `integer`
 * columns, so the contract stops where the column stops; larger values never reach a query.
 */

/** The largest value of a PostgreSQL `integer` column (serial ids, versions). */
export const INT4_MAX = 2_147_483_647;

/**
 * How a whole number written as text is documented: an integer in its range (a client writes
 * it as digits in the path or query), not the string the validator first reads.
 */
const integerMeta = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum }) as never;

/** Written as decimal digits, nothing else: not " 1", "1e3", "0x10", "+1" or "1.0". */
const DIGITS = /^\d{1,20}$/;

/**
 * An administrative division code (GB/T 2260, 6 digits): a county of the home city, a district
 * of the host city. Which city's list it must be in is a rule of the service.
 */
export const DivisionCode = z
  .string({ error: '行政区划代码应为文字' })
  .regex(/^\d{6}$/, '行政区划代码为 6 位数字')
  .meta({ format: 'division-code' });

/** A record id in a body (orgId, parentId): a whole number from 1 to INT4_MAX. */
export const RecordId = (label = '编号') =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(1, `${label}应为正整数`)
    .max(INT4_MAX, `${label}超出范围`);

/** The version an edit was based on (optimistic locking): 0 to INT4_MAX. */
export const Version = z
  .number({ error: '版本号应为数字' })
  .int('版本号应为整数')
  .min(0, '版本号不能为负数')
  .max(INT4_MAX, '版本号超出范围');

/**
 * A record id in a path (`/members/:id`): decimal digits. Digits beyond what the column holds
 * name no record: the route answers 404 (the issue carries `status: 404` for the error handler),
 * while anything that is not digits is a 400.
 */
export const PathId = (max = INT4_MAX) =>
  z
    .string()
    .regex(DIGITS, '编号应为正整数（仅数字）')
    .transform((value, ctx) => {
      const n = Number(value);
      if (n < 1 || n > max) {
        ctx.issues.push({ code: 'custom', input: value, message: '记录不存在', params: { status: 404 } });
        return z.NEVER;
      }
      return n;
    })
    .meta(integerMeta(1, max));

/** Path parameters of a route with one id. */
export const IdParams = z.object({ id: PathId() });

/**
 * A whole number in a query string: decimal digits only, within [min, max]. A repeated
 * parameter (`?limit=1&limit=2`) arrives as a list and is refused.
 */
export function QueryInt(label: string, min: number, max: number) {
  return z
    .string({ error: `${label}应为整数` })
    .regex(/^-?\d{1,20}$/, `${label}应为整数（仅数字）`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${label}不能小于 ${min}`).max(max, `${label}不能大于 ${max}`))
    .meta(integerMeta(min, max));
}

/** A record id in a query string (`?orgId=12`). */
export const QueryId = (label = '编号') => QueryInt(label, 1, INT4_MAX);

/** `true` or `false` in a query string or a form field. */
export const QueryBool = (label: string, fallback: boolean) =>
  z
    .enum(['true', 'false'], { error: `${label}应为 true 或 false` })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true');
