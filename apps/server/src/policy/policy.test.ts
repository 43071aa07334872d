import {
  ACTIONS,
  type Action,
  ROLE_ACTIONS,
  ROLE_SCOPES,
  ROLES,
  type Role,
  type ScopeKind,
  SEPARATED_ROLES,
} from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type Assignment,
  assertCan,
  assertHolds,
  can,
  isWithinPath,
  orgScope,
  permissionsOf,
  type Target,
} from './policy';

// Tongzhou is org 5 under the top committee 1; org 6 is another second-level committee.
const TONGZHOU = '1.5';
const KANGBAO = '130723';
const XICHENG = '110102';

const targets = {
  top: { type: 'org', path: '1' },
  tongzhou: { type: 'org', path: TONGZHOU },
  tongzhouBranch: { type: 'org', path: '1.5.23' },
  otherCommittee: { type: 'org', path: '1.6' },
  lookalike: { type: 'org', path: '1.50' }, // starts with "1.5" but is not inside it
  /** Lives in Xicheng, home Kangbao, in a Tongzhou branch. */
  memberInside: {
    type: 'member',
    orgPath: '1.5.23',
    homeCounty: KANGBAO,
    hostDistrict: XICHENG,
    memberId: 1,
  },
  /** Home Kangbao only: another committee, another district. */
  memberFromKangbao: {
    type: 'member',
    orgPath: '1.6.30',
    homeCounty: KANGBAO,
    hostDistrict: '110105',
    memberId: 2,
  },
  /** Nothing in common with any scope below. */
  memberOutside: {
    type: 'member',
    orgPath: '1.6.30',
    homeCounty: '130722',
    hostDistrict: '110105',
    memberId: 3,
  },
} satisfies Record<string, Target>;
type TargetName = keyof typeof targets;
const TARGET_NAMES = Object.keys(targets) as TargetName[];

let nextId = 1;
function assignment(role: Role, scopeKind: ScopeKind, where?: string): Assignment {
  return {
    id: nextId++,
    role,
    scopeKind,
    orgId: scopeKind === 'org' ? 5 : null,
    orgPath: scopeKind === 'org' ? (where ?? TONGZHOU) : null,
    division: scopeKind === 'home' || scopeKind === 'host' ? (where ?? null) : null,
  };
}
function actorWith(...assignments: Assignment[]): Actor {
  return {
    userId: 7,
    username: 'u',
    displayName: '测试',
    sessionId: 1,
    ip: null,
    assignments,
    memberId: null,
  };
}

/** How far an assignment reaches on a target: every action its role grants, only reading the tree, or nothing. */
type Reach = 'all' | 'tree';
const everywhere = Object.fromEntries(
  [
    'top',
    'tongzhou',
    'tongzhouBranch',
    'otherCommittee',
    'lookalike',
    'memberInside',
    'memberFromKangbao',
    'memberOutside',
  ].map((n) => [n, 'all']),
) as Record<TargetName, Reach>;
const insideTongzhou: Partial<Record<TargetName, Reach>> = {
  tongzhou: 'all',
  tongzhouBranch: 'all',
  memberInside: 'all',
};
const treeShape: Partial<Record<TargetName, Reach>> = {
  top: 'tree',
  tongzhou: 'tree',
  tongzhouBranch: 'tree',
  otherCommittee: 'tree',
  lookalike: 'tree',
};

/**
 * Every role with every scope kind it may be given, and how far it reaches on each target
 * (a target not listed: not at all). What each role grants is ROLE_ACTIONS, the table the
 * policy reads; what is checked here is how scopes apply it.
 */
const cases: { role: Role; scope: ScopeKind; where?: string; on: Partial<Record<TargetName, Reach>> }[] = [
  { role: 'system_admin', scope: 'all', on: everywhere },
  { role: 'security_admin', scope: 'all', on: everywhere },
  { role: 'audit_admin', scope: 'all', on: everywhere },
  { role: 'committee_admin', scope: 'all', on: everywhere },
  { role: 'secretary', scope: 'org', on: insideTongzhou },
  {
    role: 'home_viewer',
    scope: 'home',
    where: KANGBAO,
    on: { ...treeShape, memberInside: 'all', memberFromKangbao: 'all' },
  },
  { role: 'host_viewer', scope: 'host', where: XICHENG, on: { ...treeShape, memberInside: 'all' } },
  { role: 'finder', scope: 'org', on: insideTongzhou },
  { role: 'finder', scope: 'all', on: everywhere },
  // A self scope names the member record of the account; without one it reaches nothing.
  { role: 'member', scope: 'self', on: {} },
];

const sorted = (actions: readonly Action[]) => [...actions].sort();

describe('can: every role in every scope kind it may hold', () => {
  it('covers every role and scope kind of ROLE_SCOPES', () => {
    const covered = cases.map((c) => `${c.role}/${c.scope}`).sort();
    const allowed = Object.entries(ROLE_SCOPES).flatMap(([role, kinds]) => kinds.map((k) => `${role}/${k}`));
    expect(covered).toEqual(allowed.sort());
  });

  for (const c of cases) {
    it(`${c.role} with scope ${c.scope}`, () => {
      const actor = actorWith(assignment(c.role, c.scope, c.where));
      const grants = ROLE_ACTIONS[c.role];
      for (const name of TARGET_NAMES) {
        const reach = c.on[name];
        const expected =
          reach === 'all' ? grants : reach === 'tree' ? grants.filter((a) => a === 'org.read') : [];
        expect(sorted(ACTIONS.filter((action) => can(actor, action, targets[name]))), name).toEqual(
          sorted(expected),
        );
      }
      // Without a target, only an assignment over everything counts.
      const untargeted = c.scope === 'all' ? grants : [];
      expect(sorted(ACTIONS.filter((action) => can(actor, action)))).toEqual(sorted(untargeted));
    });
  }

  it('keeps the three administrators apart from business data and from each other (三员分立)', () => {
    const holders = (action: Action) => ROLES.filter((r) => ROLE_ACTIONS[r].includes(action));
    expect(ROLE_ACTIONS.audit_admin).toEqual(['audit.read']);
    expect(holders('audit.read')).toEqual(['audit_admin']);
    expect(holders('role.assign')).toEqual(['security_admin']);
    expect(holders('user.write')).toEqual(['system_admin']);
    for (const role of SEPARATED_ROLES) {
      expect(
        ROLE_ACTIONS[role].filter((a) => a.startsWith('member.') || a === 'org.write'),
        role,
      ).toEqual([]);
    }
  });

  it('adds up the assignments of an actor holding several', () => {
    const actor = actorWith(assignment('secretary', 'org'), assignment('home_viewer', 'home', KANGBAO));
    expect(can(actor, 'member.write', targets.memberInside)).toBe(true);
    expect(can(actor, 'member.read', targets.memberFromKangbao)).toBe(true); // through the home scope
    expect(can(actor, 'member.write', targets.memberFromKangbao)).toBe(false); // the viewer only reads
    expect(can(actor, 'member.read', targets.memberOutside)).toBe(false);
  });

  it('grants nothing to an actor without assignments, or to an org scope whose org is gone', () => {
    for (const action of ACTIONS) expect(can(actorWith(), action)).toBe(false);
    const orphan = { ...assignment('secretary', 'org'), orgPath: null };
    expect(can(actorWith(orphan), 'org.read', targets.tongzhou)).toBe(false);
  });
});

describe('assertCan', () => {
  const tongzhou = actorWith(assignment('secretary', 'org'));

  it('passes silently when allowed', () => {
    expect(() => assertCan(tongzhou, 'org.write', targets.tongzhouBranch)).not.toThrow();
    expect(() => assertCan(actorWith(assignment('committee_admin', 'all')), 'org.write')).not.toThrow();
  });

  it('403 for an action the actor holds nowhere', () => {
    expect(() => assertCan(actorWith(assignment('audit_admin', 'all')), 'org.read', targets.top)).toThrow(
      expect.objectContaining({ status: 403, code: 'FORBIDDEN', message: '没有权限执行此操作' }),
    );
    expect(() => assertCan(tongzhou, 'user.read')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('404 for a target outside the scope, as if it did not exist, naming what', () => {
    expect(() => assertCan(tongzhou, 'org.read', targets.otherCommittee, '组织')).toThrow(
      expect.objectContaining({ status: 404, code: 'NOT_FOUND', message: '组织不存在或无权查看' }),
    );
    expect(() => assertCan(tongzhou, 'org.read', targets.lookalike)).toThrow(
      expect.objectContaining({ status: 404, message: '记录不存在或无权查看' }),
    );
  });

  it('403 without a target unless the action is held over everything', () => {
    expect(() => assertCan(tongzhou, 'org.write')).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('assertHolds', () => {
  it('403 only for an action held in no scope at all', () => {
    expect(() => assertHolds(actorWith(assignment('secretary', 'org')), 'org.write')).not.toThrow();
    expect(() => assertHolds(actorWith(assignment('home_viewer', 'home', KANGBAO)), 'org.write')).toThrow(
      expect.objectContaining({ status: 403, code: 'FORBIDDEN' }),
    );
  });
});

describe('orgScope', () => {
  const secretaryOf = (...paths: string[]) => paths.map((p) => assignment('secretary', 'org', p));

  it('is everything for an assignment over all, and for reading the tree with a home or host scope', () => {
    expect(orgScope(actorWith(assignment('committee_admin', 'all')), 'org.write')).toEqual({ all: true });
    expect(
      orgScope(actorWith(...secretaryOf(TONGZHOU), assignment('committee_admin', 'all')), 'org.read'),
    ).toEqual({
      all: true,
    });
    for (const [role, kind, where] of [
      ['home_viewer', 'home', KANGBAO],
      ['host_viewer', 'host', XICHENG],
    ] as const) {
      const actor = actorWith(assignment(role, kind, where));
      expect(orgScope(actor, 'org.read')).toEqual({ all: true });
      // Members are not narrowed by org for them: no subtree at all.
      expect(orgScope(actor, 'member.read')).toEqual({ all: false, paths: [] });
    }
  });

  it('is the subtrees of the org assignments, nested ones collapsing into the outer', () => {
    expect(orgScope(actorWith(...secretaryOf('1.5.23', '1.5', '1.5.23.40', '1.6')), 'org.read')).toEqual({
      all: false,
      paths: ['1.5', '1.6'],
    });
    expect(orgScope(actorWith(...secretaryOf('1.5', '1.5')), 'org.read')).toEqual({
      all: false,
      paths: ['1.5'],
    });
    expect(orgScope(actorWith(...secretaryOf('1.5', '1.50')), 'org.read')).toEqual({
      all: false,
      paths: ['1.5', '1.50'],
    });
  });

  it('counts only the assignments that grant the action', () => {
    const actor = actorWith(assignment('finder', 'org', '1.6'), ...secretaryOf('1.5'));
    expect(orgScope(actor, 'org.read')).toEqual({ all: false, paths: ['1.6', '1.5'] });
    expect(orgScope(actor, 'org.write')).toEqual({ all: false, paths: ['1.5'] });
  });

  it('403 for an actor who may not take the action anywhere', () => {
    expect(() => orgScope(actorWith(assignment('audit_admin', 'all')), 'org.read')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
});

describe('permissionsOf', () => {
  it('is the sorted union, without repeats, of what the assignments grant, whatever their scope', () => {
    const both = permissionsOf(
      actorWith(assignment('secretary', 'org'), assignment('home_viewer', 'home', KANGBAO)),
    );
    expect(both).toEqual(sorted([...new Set([...ROLE_ACTIONS.secretary, ...ROLE_ACTIONS.home_viewer])]));
    expect(both).toEqual(expect.arrayContaining(['member.read', 'member.write', 'org.read', 'org.write']));
    expect(permissionsOf(actorWith(assignment('audit_admin', 'all')))).toEqual(['audit.read']);
    expect(permissionsOf(actorWith(assignment('security_admin', 'all')))).toEqual([
      'org.read',
      'role.assign',
      'user.read',
    ]);
    expect(permissionsOf(actorWith())).toEqual([]);
  });
});

describe('isWithinPath', () => {
  it('holds for the path itself and its descendants, not for a sibling sharing a prefix', () => {
    expect(isWithinPath('1.5', '1.5')).toBe(true);
    expect(isWithinPath('1.5.23.40', '1.5')).toBe(true);
    expect(isWithinPath('1.50', '1.5')).toBe(false);
    expect(isWithinPath('1', '1.5')).toBe(false);
  });
});
