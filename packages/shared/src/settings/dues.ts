import { z } from 'zod';
import { percentText, WholeNumber, yuanText } from './numbers';

/**
 * Party dues (党费): who pays what each month. Money is integer fen (分), rates are basis points
 * (1 bp = 0.01 %), so that no amount ever passes through a float.
 */

/** The most a monthly income or a bracket bound may be: 1,000,000 yuan. */
export const DUES_MAX_INCOME_FEN = 100_000_000;
/** The highest rate a bracket may have: 10 % (a typo such as 50 for 0.5 % is refused). */
export const DUES_MAX_RATE_BP = 1_000;
/** The most brackets a scale may have. */
export const DUES_MAX_BRACKETS = 10;

/** How a member's dues are worked out. */
export const DUES_CATEGORIES = [
  'salaried', // 在职：按税后月收入分档
  'retired', // 离退休：按养老金分档
  'farmer', // 农民：每月定额
  'assisted', // 学生、下岗失业、领取最低生活保障金：每月定额
] as const;
export const DuesCategory = z.enum(DUES_CATEGORIES);
export type DuesCategory = z.infer<typeof DuesCategory>;

export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  salaried: '在职党员（按税后月收入）',
  retired: '离退休党员（按养老金）',
  farmer: '农民党员',
  assisted: '学生党员及领取最低生活保障金的党员',
};

/**
 * One bracket of a scale: monthly income above `from` and up to `to` (the first bracket from 0
 * inclusive; the last one without an upper bound, `to: null`) pays `rateBp` of it.
 */
export const DuesBracket = z.object({
  from: WholeNumber('收入起点', 0, DUES_MAX_INCOME_FEN, yuanText),
  to: WholeNumber('收入上限', 1, DUES_MAX_INCOME_FEN, yuanText).nullable(),
  rateBp: WholeNumber('交纳比例', 1, DUES_MAX_RATE_BP, percentText),
});
export type DuesBracket = z.infer<typeof DuesBracket>;

export interface BracketIssue {
  path: (string | number)[];
  message: string;
}

/**
 * What is wrong with a scale as a whole: it must start at 0, each bracket must start where the
 * one before ends (ascending, no gap, no overlap), only the last is open-ended, and a higher
 * bracket never has a lower rate.
 */
export function bracketIssues(brackets: readonly DuesBracket[]): BracketIssue[] {
  const issues: BracketIssue[] = [];
  const last = brackets.length - 1;
  brackets.forEach((b, i) => {
    const previous = i > 0 ? brackets[i - 1] : undefined;
    if (!previous && b.from !== 0) issues.push({ path: [i, 'from'], message: '第一档应从 0 元起' });
    if (previous && previous.to !== null && b.from !== previous.to) {
      issues.push({
        path: [i, 'from'],
        message: `收入起点应等于上一档的上限（${yuanText(previous.to)} 元），各档之间不能有空档或重叠`,
      });
    }
    if (i === last && b.to !== null) issues.push({ path: [i, 'to'], message: '最后一档不设收入上限' });
    if (i < last && b.to === null) issues.push({ path: [i, 'to'], message: '只有最后一档可以不设收入上限' });
    if (b.to !== null && b.to <= b.from) {
      issues.push({ path: [i, 'to'], message: `收入上限应高于收入起点（${yuanText(b.from)} 元）` });
    }
    if (previous && b.rateBp < previous.rateBp) {
      issues.push({
        path: [i, 'rateBp'],
        message: `交纳比例不应低于上一档（${percentText(previous.rateBp)}）`,
      });
    }
  });
  return issues;
}

/** A scale of brackets by monthly income, checked as a whole. */
export const DuesBrackets = (label: string) =>
  z
    .array(DuesBracket, { error: `${label}应为分档列表` })
    .min(1, `${label}至少要有一档`)
    .max(DUES_MAX_BRACKETS, `${label}最多 ${DUES_MAX_BRACKETS} 档`)
    .superRefine((brackets, ctx) => {
      for (const issue of bracketIssues(brackets)) ctx.addIssue({ code: 'custom', ...issue });
    });

/** The dues rules of the committee: two scales and two fixed amounts. */
export const DuesRules = z.object({
  /** 在职党员：按每月税后工资收入分档。 */
  salaried: DuesBrackets('在职党员分档'),
  /** 离退休党员：按每月养老金分档。 */
  retired: DuesBrackets('离退休党员分档'),
  /** 农民党员每月定额（0.2 至 1 元，由省级党委规定）。 */
  farmerFen: WholeNumber('农民党员每月党费', 20, 100, (n) => `${yuanText(n)} 元`),
  /** 学生党员、领取最低生活保障金等党员每月定额。 */
  assistedFen: WholeNumber('学生及低保党员每月党费', 1, 100, (n) => `${yuanText(n)} 元`),
});
export type DuesRules = z.infer<typeof DuesRules>;

/**
 * The national scale (中组部《关于中国共产党党费收缴、使用和管理的规定》, 2008). The farmers' amount
 * is the province's to set, anywhere from 0.2 to 1 yuan; the default is the lowest, 0.2 yuan:
 * until the committee office enters Hebei's figure, no farmer member is asked for more than any
 * province may require, and dues paid short are made up (补交) as a matter of course, whereas
 * dues paid in excess would have to be refunded.
 */
export const DEFAULT_DUES_RULES: DuesRules = {
  salaried: [
    { from: 0, to: 300_000, rateBp: 50 },
    { from: 300_000, to: 500_000, rateBp: 100 },
    { from: 500_000, to: 1_000_000, rateBp: 150 },
    { from: 1_000_000, to: null, rateBp: 200 },
  ],
  retired: [
    { from: 0, to: 500_000, rateBp: 50 },
    { from: 500_000, to: null, rateBp: 100 },
  ],
  farmerFen: 20,
  assistedFen: 20,
};

/** The bracket a monthly income falls in: above `from`, up to and including `to`. */
export function duesBracketOf(brackets: readonly DuesBracket[], incomeFen: number): DuesBracket {
  const found = brackets.find((b) => b.to === null || incomeFen <= b.to) ?? brackets.at(-1);
  if (!found) throw new RangeError('the dues scale has no brackets');
  return found;
}

export type DuesBasis =
  | { category: 'salaried' | 'retired'; incomeFen: number }
  | { category: 'farmer' | 'assisted' };

/**
 * A member's monthly dues in fen. For a salaried or retired member: the monthly after-tax income
 * (or pension) in fen times the rate of its bracket, rounded half up to the fen; income exactly
 * on a bound pays the lower bracket's rate (≤ 3,000 yuan: 0.5 %). For a farmer, a student or a
 * member on minimum living support: the fixed amount.
 */
export function monthlyDuesFen(rules: DuesRules, basis: DuesBasis): number {
  switch (basis.category) {
    case 'farmer':
      return rules.farmerFen;
    case 'assisted':
      return rules.assistedFen;
    case 'salaried':
    case 'retired': {
      const income = basis.incomeFen;
      if (!Number.isSafeInteger(income) || income < 0 || income > DUES_MAX_INCOME_FEN) {
        throw new RangeError(`monthly income must be whole fen from 0 to ${DUES_MAX_INCOME_FEN}`);
      }
      const { rateBp } = duesBracketOf(rules[basis.category], income);
      return Math.floor((income * rateBp + 5_000) / 10_000);
    }
  }
}
