/**
 * The walk of one write route by id: every role that holds its permission calls it on a few
 * records outside its scope and must be refused (404, or 403 to who may read the record) with a
 * problem document and nothing changed, neither the record's row nor the audit log; then one role
 * calls it on a record inside its scope and must get past the scope: any answer but 404, 403
 * FORBIDDEN, a validation failure or a 5xx (a rule of the route may still refuse it, with its own code).
 */
import type { Action } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client';
import type { Actor } from '../../src/policy/policy';
import type { TestApp } from '../app';
import type { Operation } from '../contract/operations';
import { validValue } from '../contract/valid-body';
import { expectedStatus, type ScopedRecord, urlOf } from './model';
import type { WriteRoute } from './writes';

export interface Caller {
  username: string;
  cookie: string;
  actor: Actor;
}

/** How many records outside a role's scope each role is walked on, per route. */
const OUTSIDE_PER_ROLE = 2;

/**
 * The record as the route's permission sees it: reads naming another action, or anyone, left out.
 * A route open to every session decides by the record itself: its reads name the actions it asks.
 */
function asWritten(record: ScopedRecord, permission: Action | 'session'): ScopedRecord {
  if (permission === 'session') return { id: record.id, reads: record.reads };
  return {
    id: record.id,
    reads: record.reads.filter(
      (r) => !('user' in r && r.user === 'anyone') && (r.action === undefined || r.action === permission),
    ),
  };
}

/** What must stay as it was: the record's row and the number of audit entries. */
async function state(t: TestApp, route: WriteRoute, record: ScopedRecord): Promise<string> {
  const ids = [record.id].flat();
  const query: SQL =
    typeof route.row === 'string'
      ? sql`select * from ${sql.identifier(route.row)} where id = ${ids.at(-1)}`
      : route.row(ids);
  const [rows, audit] = await Promise.all([
    queryRows(t.store.db, query),
    queryRows(t.store.db, sql`select count(*)::int as n from audit_log`),
  ]);
  return JSON.stringify({ rows, audit });
}

async function send(t: TestApp, op: Operation, route: WriteRoute, record: ScopedRecord, cookie: string) {
  if (route.upload) {
    const form = await route.upload(record);
    return t.request({ method: op.method, url: urlOf(op.path, record), cookie, ...form });
  }
  const body = route.body ? await route.body(record) : op.body ? validValue(op.body) : undefined;
  return t.request({
    method: op.method,
    url: urlOf(op.path, record),
    cookie,
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
}

/** Every few records, spread over the list. */
const sample = <T>(list: T[], n: number) =>
  list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);

/** Refusals outside each caller's scope that were not a clean 404/403 or that changed something. */
export async function walkOutside(t: TestApp, op: Operation, route: WriteRoute, callers: Caller[]) {
  const permission = op.permission as Action;
  const records = await route.records();
  const leaks: string[] = [];
  let walked = 0;
  for (const { username, cookie, actor } of callers) {
    const outside = records.filter(
      (r) => expectedStatus(actor, asWritten(r, permission), permission) !== 200,
    );
    for (const record of sample(outside, OUTSIDE_PER_ROLE)) {
      // Who may read the record may be told it is forbidden; to anyone else it does not exist.
      const reads = expectedStatus(actor, record, route.readAction ?? permission) !== 404;
      const before = await state(t, route, record);
      const res = await send(t, op, route, record, cookie);
      const after = await state(t, route, record);
      walked++;
      const problem = /^application\/problem\+json/.test(String(res.headers['content-type']));
      const refused = res.statusCode === 404 || (reads && res.statusCode === 403);
      if (!refused || !problem || before !== after)
        leaks.push(
          `${username} ${op.method} ${urlOf(op.path, record)}: ${res.statusCode} ${res.body.slice(0, 100)}` +
            (before === after ? '' : ' — and it changed the record or the audit log'),
        );
    }
  }
  return { leaks, walked };
}

/** Refused by the scope, or by validation: not the route's own rules (those carry their own codes). */
function refusedBefore(route: WriteRoute, status: number, code: unknown): boolean {
  if (route.ruleCodes?.includes(String(code))) return false;
  return (
    status >= 500 ||
    status === 404 ||
    (status === 403 && code === 'FORBIDDEN') ||
    code === 'VALIDATION_FAILED'
  );
}

/**
 * One caller inside its scope (a caller with a narrower scope than everything first), on up to
 * three records no route walked before changed: null once one gets past the scope, else the last answer.
 */
export async function walkInside(
  t: TestApp,
  op: Operation,
  route: WriteRoute,
  callers: Caller[],
  /** How many records of each table the routes walked before wrote to: this one takes others. */
  usedInside: Map<string, number>,
) {
  const permission = op.permission as Action;
  const records = await route.records();
  const whole = (c: Caller) => c.actor.assignments.every((a) => a.scopeKind === 'all');
  let last = `no caller has a record inside its scope (${records.length} records)`;
  for (const { username, cookie, actor } of [...callers].sort(
    (a, b) => Number(whole(a)) - Number(whole(b)),
  )) {
    const inside = records.filter((r) => expectedStatus(actor, asWritten(r, permission), permission) === 200);
    const key = typeof route.row === 'string' ? route.row : op.path;
    for (let i = 0; i < Math.min(3, inside.length); i++) {
      const used = usedInside.get(key) ?? 0;
      usedInside.set(key, used + 1);
      const record = inside[used % inside.length]!;
      const res = await send(t, op, route, record, cookie);
      const problem = /problem\+json/.test(String(res.headers['content-type']));
      if (!refusedBefore(route, res.statusCode, problem ? res.json().code : undefined)) return null;
      last = `${username} ${op.method} ${urlOf(op.path, record)}: ${res.statusCode} ${res.body.slice(0, 200)}`;
    }
    if (inside.length > 0) return last;
  }
  return last;
}
