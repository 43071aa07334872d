import autocannon from 'autocannon';
import { type Latency, latencyOf } from './stats';

export const DEMO_PASSWORD = 'Demo-2026';

/**
 * A session is bound to the User-Agent that signed in. Node's fetch (the sign-in, the imports and
 * exports) sends `node`; autocannon sends none, so its requests send the same.
 */
const FETCH_USER_AGENT = 'node';

/** Signs in (a demo account unless a password is given); returns the session cookie header value. */
export async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie.split(';')[0]!;
}

/** One JSON call to /api/v1 with a session cookie (the writes carry the page's Origin, as a browser's do). */
export async function callApi(url: string, cookie: string, method: string, apiPath: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${apiPath}`, {
    method,
    headers: { cookie, 'content-type': 'application/json', origin: url },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** One HTTP request of an operation. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  latency: Latency;
  /** Completed requests per second. */
  throughput: number;
  requests: number;
  /** Responses other than 2xx, and socket errors: a run with any is not a valid measurement. */
  non2xx: number;
  errors: number;
}

/**
 * Drives the server with autocannon over keep-alive connections. The requests rotate through
 * `requests` (e.g. several search probes); every response's own time is kept for the percentiles.
 */
export async function load(
  url: string,
  requests: BenchRequest[],
  options: { connections: number; amount?: number; duration?: number },
): Promise<LoadResult> {
  const samples: number[] = [];
  const started = performance.now();
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections: options.connections,
        pipelining: 1,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }),
        requests: requests.map((r) => ({
          method: r.method,
          path: r.path,
          ...(r.body ? { body: r.body } : {}),
          headers: {
            'user-agent': FETCH_USER_AGENT,
            ...(r.body ? { 'content-type': 'application/json' } : {}),
            ...r.headers,
          },
        })),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance!.on('response', (_client, _status, _bytes, responseTime) => {
    samples.push(responseTime);
  });
  const result = await done;
  const seconds = (performance.now() - started) / 1000;
  return {
    latency: latencyOf(samples),
    throughput: samples.length / seconds,
    requests: samples.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
