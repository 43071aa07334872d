import { type ActivityUnit, activityDisplayQuantity } from '@ningxin/shared';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, money: boolean): Intl.NumberFormat {
  const key = `${locale}|${money}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: money ? 2 : 0,
      maximumFractionDigits: 2,
    });
    formats.set(key, f);
  }
  return f;
}

/** A quantity as it is shown: money (kept in fen) in yuan with two decimals, others as they are. */
export function formatActivityQuantity(unit: ActivityUnit, quantity: number, locale: string): string {
  return numberFormat(locale, unit === 'fen').format(activityDisplayQuantity(unit, quantity));
}

/** Whether an entry's quantity says anything: one time of something is just the thing. */
export const showsQuantity = (unit: ActivityUnit, quantity: number) => !(unit === 'times' && quantity === 1);
