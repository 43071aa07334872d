/** Answers counted over a window of a load: by status and code, failures by cause, latencies. */
import { latencyOf, round } from '../stats';
import type { Answer } from './api';

export interface Tally {
  requests: number;
  ok: number;
  /** Answers other than 2xx by status and code, e.g. `503 DATABASE_UNAVAILABLE`. */
  answers: Record<string, number>;
  /** Requests without an answer: refused, reset, or past the time limit (a hang). */
  failures: Record<string, number>;
  latencies: number[];
  messages: Set<string>;
}

export const tally = (): Tally => ({
  requests: 0,
  ok: 0,
  answers: {},
  failures: {},
  latencies: [],
  messages: new Set(),
});

export function count(t: Tally, r: Answer) {
  t.requests++;
  t.latencies.push(r.ms);
  if (r.status >= 200 && r.status < 300) t.ok++;
  else if (r.status === 0) t.failures[r.failure!] = (t.failures[r.failure!] ?? 0) + 1;
  else {
    const key = `${r.status} ${r.body?.code ?? ''}`.trim();
    t.answers[key] = (t.answers[key] ?? 0) + 1;
    if (r.body?.message) t.messages.add(`${key}: ${r.body.message}`);
  }
}

export const summary = (t: Tally) => ({
  requests: t.requests,
  ok: t.ok,
  answers: t.answers,
  failures: t.failures,
  maxMs: Math.round(Math.max(0, ...t.latencies)),
  p95Ms: round(latencyOf(t.latencies).p95, 0),
  messages: [...t.messages],
});
