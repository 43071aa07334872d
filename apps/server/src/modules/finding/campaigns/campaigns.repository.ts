import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { findingCampaignFinders, findingCampaigns, findingLeads } from '../../../db/schema';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { displayNameOf } from '../../users/users.fragments';

export type CampaignRow = typeof findingCampaigns.$inferSelect;
export type CampaignInsert = typeof findingCampaigns.$inferInsert;

/** A campaign with its org's name, as lists show it. */
export type CampaignView = CampaignRow & { orgName: string };

const viewColumns = { campaign: findingCampaigns, orgName: orgNameOf(findingCampaigns.orgId) };
const flat = (r: { campaign: CampaignRow; orgName: string }): CampaignView => ({
  ...r.campaign,
  orgName: r.orgName,
});

export interface LeadCounts {
  leads: number;
  open: number;
  found: number;
  unassigned: number;
}

export const campaignsRepository = {
  async insert(tx: Executor, values: CampaignInsert): Promise<CampaignRow> {
    const [row] = await tx.insert(findingCampaigns).values(values).returning();
    return row!;
  },

  async findById(db: Executor, id: number, lock = false): Promise<CampaignView | null> {
    if (lock) {
      const [row] = await db.select().from(findingCampaigns).where(eq(findingCampaigns.id, id)).for('update');
      return row ? { ...row, orgName: '' } : null;
    }
    const [row] = await db.select(viewColumns).from(findingCampaigns).where(eq(findingCampaigns.id, id));
    return row ? flat(row) : null;
  },

  async update(
    tx: Executor,
    id: number,
    version: number,
    values: Partial<CampaignInsert>,
  ): Promise<CampaignRow | null> {
    const [row] = await tx
      .update(findingCampaigns)
      .set({ ...values, updatedAt: new Date(), version: sql`${findingCampaigns.version} + 1` })
      .where(and(eq(findingCampaigns.id, id), eq(findingCampaigns.version, version)))
      .returning();
    return row ?? null;
  },

  /** A page of campaigns in the scope, newest start first, after the keyset (startsOn, id). */
  async list(
    db: Executor,
    scope: SQL | undefined,
    after: { startsOn: string; id: number } | undefined,
    limit: number,
  ): Promise<CampaignView[]> {
    const rows = await db
      .select(viewColumns)
      .from(findingCampaigns)
      .where(
        and(
          scope,
          after
            ? or(
                lt(findingCampaigns.startsOn, after.startsOn),
                and(eq(findingCampaigns.startsOn, after.startsOn), lt(findingCampaigns.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(findingCampaigns.startsOn), desc(findingCampaigns.id))
      .limit(limit);
    return rows.map(flat);
  },

  async counts(db: Executor, ids: readonly number[]): Promise<Map<number, LeadCounts>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({
        campaignId: findingLeads.campaignId,
        leads: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where ${findingLeads.state} in ('new', 'contacted', 'visited')))::int`,
        found: sql<number>`(count(*) filter (where ${findingLeads.state} = 'found'))::int`,
        unassigned: sql<number>`(count(*) filter (where ${findingLeads.finderId} is null and ${findingLeads.state} in ('new', 'contacted', 'visited')))::int`,
      })
      .from(findingLeads)
      .where(inArray(findingLeads.campaignId, [...ids]))
      .groupBy(findingLeads.campaignId);
    return new Map(rows.map((r) => [r.campaignId, r]));
  },

  async finders(db: Executor, campaignId: number): Promise<{ id: number; name: string }[]> {
    const rows = await db
      .select({ id: findingCampaignFinders.userId, name: displayNameOf(findingCampaignFinders.userId) })
      .from(findingCampaignFinders)
      .where(eq(findingCampaignFinders.campaignId, campaignId))
      .orderBy(asc(findingCampaignFinders.userId));
    return rows.map((r) => ({ id: r.id, name: r.name ?? '' }));
  },

  async isFinderOf(db: Executor, campaignId: number, userId: number): Promise<boolean> {
    const [row] = await db
      .select({ userId: findingCampaignFinders.userId })
      .from(findingCampaignFinders)
      .where(
        and(eq(findingCampaignFinders.campaignId, campaignId), eq(findingCampaignFinders.userId, userId)),
      );
    return row !== undefined;
  },

  /** Replaces the campaign's finders. */
  async setFinders(tx: Executor, campaignId: number, userIds: readonly number[]): Promise<void> {
    await tx.delete(findingCampaignFinders).where(eq(findingCampaignFinders.campaignId, campaignId));
    if (userIds.length)
      await tx.insert(findingCampaignFinders).values(userIds.map((userId) => ({ campaignId, userId })));
  },
};
