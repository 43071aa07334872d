/**
 * Money of the hometown ledgers: entered as a decimal string in 元 (or in 万元, where the sector
 * writes it: investment, output, tax), kept as integer fen (分). The string is read digit by
 * digit into an integer; no floating-point number is ever made from it, so 0.1 + 0.2 problems
 * cannot arise and what was typed is what is stored.
 */

/** Fen in one yuan and in one 万元 (10,000 yuan). */
export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000;

/** The largest amount accepted: 100 billion yuan (1e13 fen), well inside a safe integer. */
export const MAX_FEN = 10_000_000_000_000;

export type MoneyUnit = 'yuan' | 'wan';

/** Decimal places of fen precision in each unit: 元 0.01, 万元 0.000001. */
const PLACES: Record<MoneyUnit, number> = { yuan: 2, wan: 6 };
export const MONEY_UNIT_LABELS: Record<MoneyUnit, string> = { yuan: '元', wan: '万元' };

/** Thousands separators (ASCII and full-width commas) and spaces a person may type. */
const SEPARATORS = /[,，\s]/g;

export type MoneyProblem = 'format' | 'precision' | 'range';

/**
 * The amount in fen of a decimal string in the unit, or the problem with it. Accepts digits
 * with an optional point and fraction (`1234.5`, `0.05`, `1,234.56`, `.5` is refused); no sign,
 * no exponent. More decimals than fen precision is a `precision` problem, not a rounding.
 */
export function parseMoney(text: string, unit: MoneyUnit): { fen: number } | { problem: MoneyProblem } {
  const s = text.replace(SEPARATORS, '');
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(s);
  if (!match) return { problem: 'format' };
  const [, whole = '', fraction = ''] = match;
  const places = PLACES[unit];
  if (fraction.replace(/0+$/, '').length > places) return { problem: 'precision' };
  // With `places` decimals, the digits count fen in either unit (0.01 元 = 0.000001 万元 = 1 分).
  const digits = `${whole}${fraction.padEnd(places, '0').slice(0, places)}`.replace(/^0+(?=\d)/, '');
  // Compared as text: a 21-digit string must not become an imprecise number first.
  const max = String(MAX_FEN);
  if (digits.length > max.length || (digits.length === max.length && digits > max))
    return { problem: 'range' };
  return { fen: Number(digits) };
}

/**
 * Fen written as a decimal string in the unit, exactly, without trailing zeros beyond what it
 * needs (`formatFen(123450, 'yuan')` = "1234.5", `formatFen(1, 'wan')` = "0.000001"). The
 * inverse of `parseMoney`: an edit form shows what the record holds.
 */
export function formatFen(fen: number, unit: MoneyUnit): string {
  const places = PLACES[unit];
  const perUnit = BigInt(unit === 'yuan' ? FEN_PER_YUAN : FEN_PER_WAN);
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const whole = abs / perUnit;
  const rest = (abs % perUnit).toString().padStart(places, '0').replace(/0+$/, '');
  return `${sign}${whole}${rest ? `.${rest}` : ''}`;
}

/**
 * Fen for display: grouped digits with a fixed number of decimals in the unit (yuan: 2;
 * 万元: `decimals`, default 2, rounded half up on the integer). `1,234.50` / `5,000.00`.
 */
export function displayFen(fen: number, unit: MoneyUnit, decimals = 2): string {
  const per = unit === 'yuan' ? FEN_PER_YUAN : FEN_PER_WAN;
  const d = unit === 'yuan' ? 2 : decimals;
  const scale = BigInt(10 ** d);
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  // Rounded half up in integers: (abs * scale * 2 + per) / (2 * per).
  const scaled = (abs * scale * 2n + BigInt(per)) / (2n * BigInt(per));
  const whole = (scaled / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = d > 0 ? `.${(scaled % scale).toString().padStart(d, '0')}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
