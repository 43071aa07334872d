/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of values, for one parameter that a statement
 * unnests (`unnest($1::text[])`): many rows in one parameter per column, the same on both stores.
 * Every element is quoted, with backslashes and double quotes escaped, so commas, braces, spaces
 * and line breaks in a value stay inside it; null is NULL.
 */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  const items = values.map((v) =>
    v === null ? 'NULL' : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
  );
  return `{${items.join(',')}}`;
}
