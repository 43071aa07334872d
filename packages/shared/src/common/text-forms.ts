/**
 * Text clean-up shared by the member validators: values typed by hand or pasted from Word, web
 * pages and spreadsheets carry full-width characters and invisible spaces.
 */

/** Every kind of space, including the ideographic space U+3000, NBSP and zero-width characters. */
const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Full-width ASCII variants (U+FF01–U+FF5E: ０-９, Ａ-Ｚ, ａ-ｚ, （, ）, －, ／, ．, ＋ …) to their
 * ASCII forms, and the ideographic space to an ASCII space.
 */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

/** Removes every space, wherever it is. */
export function stripSpaces(value: string): string {
  return value.replace(SPACES, '');
}

/** Half-width and without any space: the canonical form for codes, numbers and dates. */
export function compact(value: string): string {
  return stripSpaces(toHalfWidth(value));
}

/** A value for a message: never longer than `max` characters. */
export function excerpt(value: string, max = 30): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
