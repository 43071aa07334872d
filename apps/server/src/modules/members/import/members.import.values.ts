/** How the import reads the values of a few cells, and a memo for its look-ups. */

export const GENDERS: Record<string, 'male' | 'female'> = {
  男: 'male',
  男性: 'male',
  male: 'male',
  m: 'male',
  女: 'female',
  女性: 'female',
  female: 'female',
  f: 'female',
};
export const MEMBER_TYPES: Record<string, 'full' | 'probationary'> = {
  正式党员: 'full',
  正式: 'full',
  full: 'full',
  预备党员: 'probationary',
  预备: 'probationary',
  probationary: 'probationary',
};
/**
 * A number typed as `2002.09` in a General cell reaches us as 2002.09; read it as year.month.
 * Excel drops a trailing zero, so `2002.1` may be January or October: that is refused.
 */
export function yearMonthNumber(v: number): string | { ambiguous: true } | null {
  if (Number.isInteger(v) || v < 1900 || v >= 2100) return null;
  const [year, frac = ''] = String(v).split('.');
  if (frac.length === 2) return `${year}-${frac}`;
  if (frac.length === 1) return frac === '1' ? { ambiguous: true } : `${year}-0${frac}`;
  return null;
}

/** A pure look-up remembered by its argument (a sheet repeats the same few values). */
export function memo<K, V>(compute: (key: K) => V, max = 50_000): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let v = seen.get(key);
    if (v === undefined && !seen.has(key)) {
      if (seen.size >= max) seen.clear();
      v = compute(key);
      seen.set(key, v);
    }
    return v as V;
  };
}
