import { displayFen, formatFen } from '@ningxin/shared';

/** Fen as the sector writes it: 万元 with two decimals. */
export const wan = (fen: number) => displayFen(fen, 'wan');
/** Fen in 元 with two decimals. */
export const yuan = (fen: number) => displayFen(fen, 'yuan');
/** Fen as the text an edit form starts from (exact). */
export const wanInput = (fen: number) => formatFen(fen, 'wan');
export const yuanInput = (fen: number) => formatFen(fen, 'yuan');

/** A form rule: a decimal amount with at most `places` decimals (the server has the last word). */
export const moneyPattern = (places: number) => new RegExp(`^[\\d,，\\s]+(\\.\\d{1,${places}})?$`);

/** The years a filter offers: this year back to 2009, the committee's founding. */
export const filterYears = () => {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2008 }, (_, i) => now - i);
};
