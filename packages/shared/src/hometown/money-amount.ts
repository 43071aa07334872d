import { z } from 'zod';
import { MONEY_UNIT_LABELS, type MoneyProblem, type MoneyUnit, parseMoney } from './money';

/** Money fields of the contracts (zod); parsing and writing amounts, without zod, is in ./money.ts. */

function moneyMessage(label: string, unit: MoneyUnit, problem: MoneyProblem): string {
  switch (problem) {
    case 'format':
      return `${label}应为金额（${MONEY_UNIT_LABELS[unit]}），如 1234.56`;
    case 'precision':
      return unit === 'yuan'
        ? `${label}最多精确到分（两位小数）`
        : `${label}最多精确到分（万元保留六位小数）`;
    case 'range':
      return `${label}超出范围（不超过 1000 亿元）`;
  }
}

/**
 * A money field of a contract: a decimal string in the unit, parsed to integer fen. `positive`
 * refuses zero. A JSON number is refused too: it has already been through floating point.
 */
export function MoneyAmount(label: string, unit: MoneyUnit, { positive = false } = {}) {
  return z
    .string({ error: `${label}应为金额文字（${MONEY_UNIT_LABELS[unit]}），如 "1234.56"` })
    .max(40, `${label}过长`)
    .transform((value, ctx) => {
      const parsed = parseMoney(value, unit);
      if ('problem' in parsed) {
        ctx.issues.push({ code: 'custom', input: value, message: moneyMessage(label, unit, parsed.problem) });
        return z.NEVER;
      }
      if (positive && parsed.fen === 0) {
        ctx.issues.push({ code: 'custom', input: value, message: `${label}应大于 0` });
        return z.NEVER;
      }
      return parsed.fen;
    })
    .meta({ format: unit === 'yuan' ? 'money-yuan' : 'money-wan' });
}

/** Amount in 元 → fen. */
export const YuanAmount = (label: string, options?: { positive?: boolean }) =>
  MoneyAmount(label, 'yuan', options);
/** Amount in 万元 → fen. */
export const WanAmount = (label: string, options?: { positive?: boolean }) =>
  MoneyAmount(label, 'wan', options);
