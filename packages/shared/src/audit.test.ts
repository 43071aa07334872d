import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditAction, auditActionLabel, isAuditAction } from './audit-names';

describe('AUDIT_ACTIONS', () => {
  it('names every action in Chinese', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTIONS)) {
      expect(action).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(label, action).toMatch(/\p{Script=Han}/u);
    }
  });

  it('knows the listed actions only, not the names every object has', () => {
    expect(isAuditAction('member.revealed')).toBe(true);
    for (const other of ['member.renamed', 'constructor', '__proto__', 'toString', '']) {
      expect(isAuditAction(other), other).toBe(false);
      expect(auditActionLabel(other), other).toBeNull();
    }
    expect(auditActionLabel('auth.login_failed')).toBe('登录失败');
  });

  it('types an action: one not in the list does not compile', () => {
    const listed: AuditAction = 'org.moved';
    // @ts-expect-error 'org.renamed' is not in AUDIT_ACTIONS
    const unlisted: AuditAction = 'org.renamed';
    expect(isAuditAction(listed)).toBe(true);
    expect(isAuditAction(unlisted)).toBe(false);
  });
});
