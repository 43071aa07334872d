/** Values in the text format of PostgreSQL's COPY (one line per row, fields split by tabs). */

const SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: `\N` for null, backslash, tab and newlines escaped. */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const s = String(value);
  if (!SPECIAL.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

const PLAIN_WORD = /^[^\s",{}\\]+$/;

/** A text[] value (`{联络员,宣传员}`) in COPY's text format; items quoted where they must be. */
export function copyArray(values: readonly string[]): string {
  const items = values.map((v) =>
    PLAIN_WORD.test(v) && v.toUpperCase() !== 'NULL' ? v : `"${v.replace(/["\\]/g, '\\$&')}"`,
  );
  return copyField(`{${items.join(',')}}`);
}
