/**
 * Errors as they may be logged: never with personal data. A database error's message may quote
 * a value (`value "…" is out of range`), its `detail` holds the failing row, and Drizzle's
 * wrapper prints the query's parameters (names, pinyin, birth dates, hashes, ciphertexts,
 * search words). What is kept: the error's kind, the SQLSTATE, where it was raised, the
 * statement text with its `$n` placeholders, and the stack frames.
 */

const SQLSTATE = /^[0-9A-Z]{5}$/;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  routine?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  query?: unknown;
  params?: unknown;
  stack?: unknown;
  cause?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The message with every quoted part (values, identifiers) replaced. */
const unquoted = (message: string) => message.replace(/"[^"]*"|'[^']*'/g, '"…"');

/** Whether any error in the chain came from the database (a SQLSTATE, or Drizzle's wrapper). */
function fromDatabase(chain: ErrorLike[]): boolean {
  return chain.some((e) => SQLSTATE.test(str(e.code) ?? '') || 'params' in e);
}

/** The stack's frames, without its first lines (which repeat the message). */
const frames = (stack: unknown) =>
  str(stack)
    ?.split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 15)
    .join('\n');

export function safeError(error: unknown): Record<string, unknown> {
  const chain: ErrorLike[] = [];
  for (let e: unknown = error; e && typeof e === 'object' && chain.length < 5; e = (e as ErrorLike).cause) {
    chain.push(e as ErrorLike);
  }
  if (chain.length === 0) return { name: typeof error, message: 'non-error thrown' };
  const database = fromDatabase(chain);
  const top = chain[0]!;
  const out: Record<string, unknown> = { name: str(top.name) ?? 'Error' };
  const message = str(top.message);
  if (!database) out.message = message;
  for (const e of chain) {
    const code = str(e.code);
    if (code && SQLSTATE.test(code)) {
      out.sqlState = code;
      out.message = unquoted(str(e.message) ?? '');
      for (const key of ['routine', 'constraint', 'table', 'column'] as const) {
        const v = str(e[key]);
        if (v) out[key] = v;
      }
    } else if (code && !out.code) {
      out.code = code;
    }
    const query = str(e.query);
    if (query && !out.query) out.query = query.slice(0, 2000);
  }
  out.stack = frames(top.stack);
  return out;
}
