import { createHmac, randomBytes } from 'node:crypto';
import type { ScreenTokenCreatedResponse, ScreenTokenItem, ScreenTokenListResponse } from '@ningxin/shared';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { screenTokens } from '../../../db/schema';
import { notFound } from '../../../lib/errors';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { type Actor, assertHolds } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import type { UsersService } from '../../users/users.service';
import { screenTokenInvalid } from './screen.errors';

export interface ScreenTokensDeps {
  db: Db;
  crypto: Pick<FieldCrypto, 'deriveKey'>;
  users: Pick<UsersService, 'displayNames'>;
}

/** last_used_at is written at most once a minute per link. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Kiosk links of the big screen: a random token (32 bytes, base64url) shown once when issued;
 * only its keyed hash (HMAC-SHA256, a key derived from the field-encryption master key) is
 * stored. A link reads the screen and nothing else; revoking it ends it at once.
 */
export function createScreenTokens({ db, crypto, users }: ScreenTokensDeps) {
  const key = crypto.deriveKey('screen tokens');
  const hashOf = (token: string) => createHmac('sha256', key).update(token).digest('hex');

  type Row = typeof screenTokens.$inferSelect;
  async function present(rows: Row[]): Promise<ScreenTokenItem[]> {
    const names = await users.displayNames(
      db,
      rows.map((r) => r.createdBy),
    );
    return rows.map((r) => ({
      id: r.id,
      label: r.label,
      createdBy: names.get(r.createdBy) ?? `#${r.createdBy}`,
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
    }));
  }

  const auditView = (r: Row) => ({ label: r.label, revokedAt: r.revokedAt?.toISOString() ?? null });

  return {
    async list(actor: Actor): Promise<ScreenTokenListResponse> {
      assertHolds(actor, 'screen.manage');
      const rows = await db
        .select()
        .from(screenTokens)
        .orderBy(desc(screenTokens.createdAt), desc(screenTokens.id));
      return { items: await present(rows) };
    },

    async issue(actor: Actor, label: string): Promise<ScreenTokenCreatedResponse> {
      assertHolds(actor, 'screen.manage');
      const token = randomBytes(32).toString('base64url');
      const row = await audited(db, actor, async (tx, audit) => {
        const [created] = await tx
          .insert(screenTokens)
          .values({ label, tokenHash: hashOf(token), createdBy: actor.userId })
          .returning();
        if (!created) throw new Error('screen token not stored');
        audit({
          action: 'screen.token_issued',
          targetType: 'screen_token',
          targetId: created.id,
          targetLabel: created.label,
          after: auditView(created),
        });
        return created;
      });
      const [item] = await present([row]);
      return { ...item!, token };
    },

    async revoke(actor: Actor, id: number): Promise<ScreenTokenItem> {
      assertHolds(actor, 'screen.manage');
      const row = await audited(db, actor, async (tx, audit) => {
        const [before] = await tx.select().from(screenTokens).where(eq(screenTokens.id, id)).for('update');
        if (!before) throw notFound('数据大屏链接');
        if (before.revokedAt) return before;
        const [after] = await tx
          .update(screenTokens)
          .set({ revokedAt: new Date(), revokedBy: actor.userId })
          .where(eq(screenTokens.id, id))
          .returning();
        audit({
          action: 'screen.token_revoked',
          targetType: 'screen_token',
          targetId: id,
          targetLabel: before.label,
          before: auditView(before),
          after: auditView(after!),
        });
        return after!;
      });
      const [item] = await present([row]);
      return item!;
    },

    /** The open link with this token, or 401; stamps its last use at most once a minute. */
    async check(token: string | undefined): Promise<void> {
      if (!token || token.length > 200) throw screenTokenInvalid();
      const [row] = await db
        .select({ id: screenTokens.id, lastUsedAt: screenTokens.lastUsedAt })
        .from(screenTokens)
        .where(and(eq(screenTokens.tokenHash, hashOf(token)), isNull(screenTokens.revokedAt)));
      if (!row) throw screenTokenInvalid();
      const now = new Date();
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
        await db
          .update(screenTokens)
          .set({ lastUsedAt: now })
          .where(
            and(
              eq(screenTokens.id, row.id),
              or(
                isNull(screenTokens.lastUsedAt),
                lt(screenTokens.lastUsedAt, sql`${new Date(now.getTime() - TOUCH_EVERY_MS)}`),
              ),
            ),
          );
      }
    },
  };
}

export type ScreenTokens = ReturnType<typeof createScreenTokens>;
