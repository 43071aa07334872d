import { z } from 'zod';

/**
 * Class hours (学时) as a form enters them: a number from `min` to `max` with at most one decimal
 * (the columns are numeric(5, 1)). A record of study that happened takes `min` 0.1, so that no
 * value rounds to nothing when stored.
 */
export function ClassHours(label: string, { min = 0, max }: { min?: number; max: number }) {
  return z
    .number({ error: `${label}应为数字` })
    .min(min, min > 0 ? `${label}不能少于 ${min}` : `${label}不能为负数`)
    .max(max, `${label}不能超过 ${max}`)
    .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, `${label}最多保留一位小数`);
}
