/**
 * What the write walk needs beyond the routes' contracts: bodies where the contract says less
 * than the route's validation asks, codes a route answers only past the scope, the demo member's
 * own report; and the write routes it does not walk, by why.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client';
import type { TestApp } from '../app';
import type { WriteRoute } from './writes';

/** The reason of the routes no role may hold in a scope narrower than everything. */
export const HELD_OVER_EVERYTHING =
  'held with a scope over everything only (accounts, settings, screen tokens, jobs)';

/**
 * Routes that change a record by its id and are not walked, by why. A new such route joins the
 * walk or this list.
 */
export const NOT_WALKED_WRITES: Record<string, string[]> = {
  // The 403 walk covers them; the matrix checks that no role may hold them in a narrower scope.
  [HELD_OVER_EVERYTHING]: [
    ...['POST /api/v1/users/:id/reset-password', 'POST /api/v1/users/:id/roles'],
    ...['DELETE /api/v1/users/:id/roles/:assignmentId', 'POST /api/v1/users/:id/two-factor/reset'],
    ...['POST /api/v1/users/:id/unlock', 'POST /api/v1/screen-tokens/:id/revoke'],
    ...['PUT /api/v1/settings/:key', 'DELETE /api/v1/settings/:key', 'POST /api/v1/jobs/:name/run'],
  ],
  // A code shown at the place (a QR code, a meeting's number) proves presence: a wrong one is 4xx to everyone.
  'signed in by a code shown at the meeting, class or post, not by scope (their modules test a wrong code)': [
    ...['POST /api/v1/meetings/:id/sign-in', 'POST /api/v1/trainings/sessions/:sessionId/sign-in'],
    'POST /api/v1/volunteer/campaigns/:id/posts/:postId/scan',
  ],
  // Its id is a random uuid, not a record's; members.import.int.test.ts commits another account's stage: 404.
  'an import’s stage, committed by the account that uploaded it alone': [
    'POST /api/v1/members/import/stages/:stageId/commit',
  ],
};

/** What the inside walk needs to know of a route beyond its contract. */
export const ROUTE_NOTES: Record<string, Partial<WriteRoute>> = {
  // The codes are kept hashed: a made-up one is refused as not one of the round's unused codes.
  'POST /api/v1/evaluations/:id/codes/slips': { ruleCodes: ['VALIDATION_FAILED'] },
  'PATCH /api/v1/reflections/:id': {
    notInside: 'the demo member has written none (a reflection needs a course, meeting or class of theirs)',
  },
};

/** The demo member's record (the member account's): the one a member.self route is walked inside. */
export const demoMember = sql`(select member_id from users where username = 'member')`;

/** Bodies of routes whose contract says less than their validation asks (a refinement, a password rule). */
export function bodiesOf(t: () => TestApp): Record<string, () => Promise<Record<string, unknown>>> {
  const fixed = (body: Record<string, unknown>) => async () => body;
  return {
    'POST /api/v1/evaluations/:id/codes/slips': fixed({ codes: ['AB12CD34EF'] }),
    'POST /api/v1/finding/campaigns/:id/leads': fixed({ name: '王建国' }),
    'POST /api/v1/members/:id/account': fixed({ password: 'Walk-2026-x' }),
    'POST /api/v1/registrations/:id/accept': async () => ({
      orgId: (
        await queryRows<{ id: number }>(
          t().store.db,
          sql`select org_id as id from members where id = ${demoMember}`,
        )
      )[0]!.id,
      password: 'Walk-2026-x',
      version: 0,
    }),
    'POST /api/v1/trainings/:id/enrolments': async () => ({
      memberIds: [(await queryRows<{ id: number }>(t().store.db, sql`select ${demoMember} as id`))[0]!.id],
    }),
  };
}

/** A yearly report of the demo member's, made through the API the first time it is asked for. */
export async function ownReport(t: TestApp): Promise<void> {
  const [own] = await queryRows(
    t.store.db,
    sql`select id from member_reports where member_id = ${demoMember}`,
  );
  if (own) return;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/member-reports',
    cookie: await t.login('member'),
    payload: { year: new Date().getFullYear(), kind: 'thought', title: '思想汇报' },
  });
  if (res.statusCode !== 201)
    throw new Error(`POST /member-reports: ${res.statusCode} ${res.body.slice(0, 200)}`);
}
