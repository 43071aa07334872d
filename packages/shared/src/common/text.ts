import { z } from 'zod';

/**
 * The one rule for every piece of text a client sends (body fields, query parameters, path
 * segments, form fields of an upload) and for every value that reaches the audit log.
 *
 * Refused, with a 400 that names the field:
 * - NUL and the other C0/C1 control characters (tab and newline are allowed in a multi-line
 *   field; a carriage return there becomes a newline);
 * - lone UTF-16 surrogates (`"\uD800"` in JSON): no encoding can store them, so the database
 *   would keep U+FFFD instead and the text would change between checking and storing;
 * - the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069),
 *   which make text display in another order than it is stored;
 * - the noncharacters U+FFFE and U+FFFF.
 *
 * Normalized, once: Unicode NFC; zero-width spaces (U+200B, U+2060, U+FEFF) removed wherever
 * they are; spaces and the other invisible marks (U+200C/D, LRM, RLM, ALM, MVS) trimmed from
 * both ends. A value made of invisible characters only is therefore empty.
 */

/** Characters no field may hold (a string, since a literal would hold the control characters it names). */
// biome-ignore lint/complexity/useRegexLiterals: see above.
const FORBIDDEN = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]',
  'u',
);
/** Line breaks and tabs: allowed only in a multi-line field. */
const LINE_CHARS = /[\t\n\r]/;
/** Zero-width spaces and the byte-order mark: removed wherever they are. */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
/** Spaces and invisible marks at either end. */
const INVISIBLE = '(?:\\s|\\u200C|\\u200D|\\u200E|\\u200F|\\u061C|\\u180E)+';
const EDGES = new RegExp(`^${INVISIBLE}|${INVISIBLE}$`, 'g');

export type TextProblem = 'control' | 'surrogate' | 'line';

/** What is wrong with a raw text value, or null when it may be stored. */
export function textProblem(value: string, multiline = false): TextProblem | null {
  if (!value.isWellFormed()) return 'surrogate';
  if (FORBIDDEN.test(value)) return 'control';
  if (!multiline && LINE_CHARS.test(value)) return 'line';
  return null;
}

/** The canonical form of an accepted text: NFC, no zero-width spaces, trimmed; CRLF as LF. */
export function normalizeText(value: string, multiline = false): string {
  const lines = multiline ? value.replace(/\r\n?/g, '\n') : value;
  return lines.normalize('NFC').replace(ZERO_WIDTH, '').replace(EDGES, '');
}

const PROBLEM_MESSAGES: Record<TextProblem, string> = {
  control: '含有无法保存的控制字符（如 NUL 或文字方向控制符），请删除后重试',
  surrogate: '含有残缺的 Unicode 字符，请删除后重新输入',
  line: '不能包含换行符或制表符',
};

export function textProblemMessage(label: string, problem: TextProblem): string {
  return `${label}${PROBLEM_MESSAGES[problem]}`;
}

interface TextOptions {
  /** Shortest accepted length after normalization (default 0: may be empty). */
  min?: number;
  /** Longest accepted length after normalization. */
  max: number;
  /** Tabs and newlines allowed (notes, minutes, reasons written as paragraphs). */
  multiline?: boolean;
  /** The message when the value is shorter than `min`. */
  minMessage?: string;
}

/** A string refused, with a message naming the field, when it breaks the rule (`allowLines`: tabs and newlines pass). */
function checkedString(label: string, allowLines: boolean) {
  return z.string({ error: `${label}应为文字` }).check((ctx) => {
    const problem = textProblem(ctx.value, allowLines);
    if (!problem) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: textProblemMessage(label, problem),
      params: { code: 'TEXT_FORBIDDEN_CHARACTER' },
      abort: true,
    });
  });
}

/**
 * A text field: checked by the rule above, normalized, then measured. `label` names the field
 * in Chinese messages (姓名不能超过 30 个字).
 */
export function Text(label: string, { min = 0, max, multiline = false, minMessage }: TextOptions) {
  let schema = checkedString(label, multiline).overwrite((v) => normalizeText(v, multiline));
  if (min > 0)
    schema = schema.min(min, minMessage ?? (min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字`));
  return schema.max(max, `${label}不能超过 ${max} 个字`);
}

/** An optional text field: absent, null or empty (after normalization) is null. */
export function OptionalText(label: string, max: number, options: { multiline?: boolean } = {}) {
  return Text(label, { max, ...options })
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
}

/**
 * A secret (a password): refused by the same rule (a tab or newline typed into it is its
 * owner's business), never normalized or trimmed, since the stored hash was made from the exact
 * characters.
 */
export function Secret(label: string, max: number) {
  return checkedString(label, true).min(1, `请输入${label}`).max(max, `${label}不能超过 ${max} 位`);
}

/**
 * Any string made storable as it is: lone surrogates become U+FFFD (as UTF-8 encoding would make
 * them) and NUL becomes U+FFFD (PostgreSQL's text and jsonb cannot hold it). For values that
 * did not pass through a contract (a typed user name at a failed sign-in, a header) and reach
 * a store that hashes them: the hash is made from exactly what the database keeps.
 */
export function storableText(value: string): string {
  return value.toWellFormed().replaceAll('\u0000', '\uFFFD');
}
