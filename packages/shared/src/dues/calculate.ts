import { z } from 'zod';
import { parseMoney } from '../hometown/money';
import {
  DUES_MAX_INCOME_FEN,
  type DuesBasis,
  type DuesCategory,
  type DuesRules,
  duesBracketOf,
  monthlyDuesFen,
} from '../settings/dues';

/**
 * The dues calculator (党费测算): one monthly income and a class of member, as a secretary asks
 * it. The classes are the words of the question; each maps to a category of the rules.
 */
export const DUES_CLASSES = ['employee', 'retiree', 'farmer', 'student', 'minimum_support'] as const;
export const DuesClass = z.enum(DUES_CLASSES, {
  error: '类别应为 employee、retiree、farmer、student 或 minimum_support',
});
export type DuesClass = z.infer<typeof DuesClass>;

export const DUES_CLASS_CATEGORY: Record<DuesClass, DuesCategory> = {
  employee: 'salaried',
  retiree: 'retired',
  farmer: 'farmer',
  student: 'assisted',
  minimum_support: 'assisted',
};

/** Whether a category's dues follow an income (a scale) rather than a fixed amount. */
export const categoryHasIncome = (c: DuesCategory): c is 'salaried' | 'retired' =>
  c === 'salaried' || c === 'retired';

/** A monthly income in yuan as text (up to 2 decimals), parsed to fen without floating point. */
export const IncomeYuan = (label: string) =>
  z
    .string({ error: `${label}应为金额文字（元），如 "3000.01"` })
    .max(40, `${label}过长`)
    .transform((value, ctx) => {
      const parsed = parseMoney(value, 'yuan');
      if ('problem' in parsed) {
        const message =
          parsed.problem === 'precision'
            ? `${label}最多精确到分（两位小数）`
            : `${label}应为金额（元），如 3000.01`;
        ctx.issues.push({ code: 'custom', input: value, message });
        return z.NEVER;
      }
      if (parsed.fen > DUES_MAX_INCOME_FEN) {
        ctx.issues.push({ code: 'custom', input: value, message: `${label}不能超过 1,000,000 元` });
        return z.NEVER;
      }
      return parsed.fen;
    })
    .meta({ format: 'money-yuan' });

export const DuesCalculateQuery = z
  .object({
    /** Monthly income (after tax) or pension in yuan; required for employee and retiree. */
    base: IncomeYuan('月收入基数').optional(),
    class: DuesClass,
  })
  .superRefine((q, ctx) => {
    if (categoryHasIncome(DUES_CLASS_CATEGORY[q.class]) && q.base === undefined)
      ctx.addIssue({ code: 'custom', path: ['base'], message: '在职和离退休党员请填写月收入基数（元）' });
  });
export type DuesCalculateQuery = z.infer<typeof DuesCalculateQuery>;

export const DuesCalculateResponse = z.strictObject({
  /** The rate as a fraction (0.005 for 0.5 %), null for a fixed amount. */
  rate: z.number().nullable(),
  amountFen: z.number().int(),
});
export type DuesCalculateResponse = z.infer<typeof DuesCalculateResponse>;

/** The basis of a category and an income (ignored for the fixed categories). */
export const duesBasis = (category: DuesCategory, incomeFen: number | null | undefined): DuesBasis =>
  categoryHasIncome(category) ? { category, incomeFen: incomeFen ?? 0 } : { category };

/** The rate (basis points, null for a fixed amount) and the monthly amount of a basis. */
export function duesFor(rules: DuesRules, basis: DuesBasis): { rateBp: number | null; monthlyFen: number } {
  const rateBp =
    basis.category === 'salaried' || basis.category === 'retired'
      ? duesBracketOf(rules[basis.category], basis.incomeFen).rateBp
      : null;
  return { rateBp, monthlyFen: monthlyDuesFen(rules, basis) };
}

/** The calculator's answer for a class and an income in fen. */
export function calculateDues(
  rules: DuesRules,
  cls: DuesClass,
  baseFen: number | undefined,
): DuesCalculateResponse {
  const { rateBp, monthlyFen } = duesFor(rules, duesBasis(DUES_CLASS_CATEGORY[cls], baseFen));
  return { rate: rateBp === null ? null : rateBp / 10_000, amountFen: monthlyFen };
}
