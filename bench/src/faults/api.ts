/** The drills' calls to the server: answers kept whole (status, body, time, or why none came). */

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the drills read arbitrary answers
  body: any;
  ms: number;
  /** The request failed without an answer: connection refused or reset, or the time limit. */
  failure?: string;
}

export async function call(
  url: string,
  cookie: string | null,
  method: string,
  apiPath: string,
  body?: unknown,
  timeoutMs = 60_000,
): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}${apiPath}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, ms: performance.now() - started };
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string }; message?: string };
    const failure = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message ?? 'error');
    return { status: 0, body: null, ms: performance.now() - started, failure };
  }
}

export async function must(a: Promise<Answer>, what: string): Promise<Answer> {
  const r = await a;
  if (r.status < 200 || r.status >= 300)
    throw new Error(`${what}: ${r.status || r.failure} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r;
}

export const HOUR = 3_600_000;

/** Beijing's date and clock, as the volunteer shifts are given. */
export const bjDay = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
export const bjClock = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(11, 16);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DIGITS = '零一二三四五六七八九';
export const chineseNumber = (n: number, width: number) =>
  [...String(n).padStart(width, '0')].map((d) => DIGITS[Number(d)]).join('');

export async function treeBranchParent(
  url: string,
  cookie: string,
): Promise<{ rootId: number; parentId: number }> {
  const tree = (await must(call(url, cookie, 'GET', '/api/v1/orgs/tree'), 'tree')).body;
  return { rootId: tree.roots[0].id, parentId: tree.roots[0].children[0].id };
}

export async function newBranch(
  url: string,
  cookie: string,
  parentId: number,
  name: string,
): Promise<number> {
  const r = await must(call(url, cookie, 'POST', '/api/v1/orgs', { parentId, name, kind: 'branch' }), name);
  return r.body.id;
}
