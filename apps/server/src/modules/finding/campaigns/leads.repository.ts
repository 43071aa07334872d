import { and, asc, desc, eq, gt, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { findingCampaigns, findingLeads, findingVisits } from '../../../db/schema';
import { displayNameOf } from '../../users/users.fragments';

export type LeadRow = typeof findingLeads.$inferSelect;
export type LeadInsert = typeof findingLeads.$inferInsert;
export type VisitRow = typeof findingVisits.$inferSelect;

/** A lead with what its views show beside it: the campaign and the finder's name. */
export type LeadView = LeadRow & {
  campaignName: string;
  campaignOrgId: number;
  campaignOrgPath: string;
  finderName: string | null;
};

const OPEN = ['new', 'contacted', 'visited'];

const viewColumns = {
  lead: findingLeads,
  campaignName: findingCampaigns.name,
  campaignOrgId: findingCampaigns.orgId,
  campaignOrgPath: findingCampaigns.orgPath,
  finderName: displayNameOf(findingLeads.finderId),
};

const flat = (r: {
  lead: LeadRow;
  campaignName: string;
  campaignOrgId: number;
  campaignOrgPath: string;
  finderName: string | null;
}): LeadView => ({
  ...r.lead,
  campaignName: r.campaignName,
  campaignOrgId: r.campaignOrgId,
  campaignOrgPath: r.campaignOrgPath,
  finderName: r.finderName,
});

export interface LeadFilters {
  campaignId?: number;
  finderId?: number | 'none';
  state?: string;
  states?: readonly string[];
  district?: string;
  q?: string;
}

const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterCondition(f: LeadFilters): SQL | undefined {
  return and(
    f.campaignId !== undefined ? eq(findingLeads.campaignId, f.campaignId) : undefined,
    f.finderId === 'none'
      ? isNull(findingLeads.finderId)
      : f.finderId !== undefined
        ? eq(findingLeads.finderId, f.finderId)
        : undefined,
    f.state ? eq(findingLeads.state, f.state) : undefined,
    f.states ? inArray(findingLeads.state, [...f.states]) : undefined,
    f.district ? eq(findingLeads.hostDistrict, f.district) : undefined,
    f.q ? sql`${findingLeads.name} like ${likeEscaped(f.q)}` : undefined,
  );
}

export const leadsRepository = {
  async insert(tx: Executor, values: LeadInsert): Promise<LeadRow> {
    const [row] = await tx.insert(findingLeads).values(values).returning();
    return row!;
  },

  /** Inserts many leads (an import), a thousand to a statement. */
  async insertMany(tx: Executor, values: readonly LeadInsert[]): Promise<number> {
    for (let i = 0; i < values.length; i += 1000)
      await tx.insert(findingLeads).values(values.slice(i, i + 1000) as LeadInsert[]);
    return values.length;
  },

  async findById(db: Executor, id: number, lock = false): Promise<LeadView | null> {
    const query = db
      .select(viewColumns)
      .from(findingLeads)
      .innerJoin(findingCampaigns, eq(findingCampaigns.id, findingLeads.campaignId))
      .where(eq(findingLeads.id, id));
    const [row] = lock ? await query.for('update', { of: findingLeads }) : await query;
    return row ? flat(row) : null;
  },

  async update(
    tx: Executor,
    id: number,
    version: number,
    values: Partial<LeadInsert>,
  ): Promise<LeadRow | null> {
    const [row] = await tx
      .update(findingLeads)
      .set({ ...values, updatedAt: new Date(), version: sql`${findingLeads.version} + 1` })
      .where(and(eq(findingLeads.id, id), eq(findingLeads.version, version)))
      .returning();
    return row ?? null;
  },

  /** A page of leads, by id descending after the keyset cursor (an id). */
  async list(db: Executor, f: LeadFilters, before: number | undefined, limit: number): Promise<LeadView[]> {
    const rows = await db
      .select(viewColumns)
      .from(findingLeads)
      .innerJoin(findingCampaigns, eq(findingCampaigns.id, findingLeads.campaignId))
      .where(and(filterCondition(f), before ? lt(findingLeads.id, before) : undefined))
      .orderBy(desc(findingLeads.id))
      .limit(limit);
    return rows.map(flat);
  },

  /** Every lead of a campaign matching the filters, in id order, a batch at a time (an export). */
  async *batches(db: Executor, f: LeadFilters, size = 2000): AsyncGenerator<LeadView[]> {
    let after = 0;
    for (;;) {
      const rows = await db
        .select(viewColumns)
        .from(findingLeads)
        .innerJoin(findingCampaigns, eq(findingCampaigns.id, findingLeads.campaignId))
        .where(and(filterCondition(f), gt(findingLeads.id, after)))
        .orderBy(asc(findingLeads.id))
        .limit(size);
      if (rows.length) yield rows.map(flat);
      if (rows.length < size) return;
      after = rows.at(-1)!.lead.id;
    }
  },

  /** Whether the campaign already has a lead looking for this member (open or found). */
  async hasLeadFor(db: Executor, campaignId: number, memberId: number): Promise<boolean> {
    const [row] = await db
      .select({ id: findingLeads.id })
      .from(findingLeads)
      .where(
        and(
          eq(findingLeads.campaignId, campaignId),
          eq(findingLeads.memberId, memberId),
          inArray(findingLeads.state, [...OPEN, 'found']),
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  async insertVisit(tx: Executor, values: typeof findingVisits.$inferInsert): Promise<VisitRow> {
    const [row] = await tx.insert(findingVisits).values(values).returning();
    return row!;
  },

  async visits(db: Executor, leadId: number) {
    return db
      .select({ visit: findingVisits, finderName: displayNameOf(findingVisits.finderId) })
      .from(findingVisits)
      .where(eq(findingVisits.leadId, leadId))
      .orderBy(desc(findingVisits.visitedOn), desc(findingVisits.id));
  },

  /** How many open leads are assigned to the finder, or (null) have no finder in these campaigns. */
  async openCount(db: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(findingLeads)
      .innerJoin(findingCampaigns, eq(findingCampaigns.id, findingLeads.campaignId))
      .where(and(inArray(findingLeads.state, OPEN), where));
    return row?.n ?? 0;
  },

  // ── progress ──

  async foundPerDay(db: Executor, campaignId: number) {
    return db
      .select({ day: findingLeads.foundOn, found: sql<number>`count(*)::int` })
      .from(findingLeads)
      .where(and(eq(findingLeads.campaignId, campaignId), eq(findingLeads.state, 'found')))
      .groupBy(findingLeads.foundOn)
      .orderBy(asc(findingLeads.foundOn));
  },

  async totals(db: Executor, campaignId: number) {
    const [row] = await db
      .select({
        leads: sql<number>`count(*)::int`,
        found: sql<number>`(count(*) filter (where ${findingLeads.state} = 'found'))::int`,
        open: sql<number>`(count(*) filter (where ${findingLeads.state} in ('new', 'contacted', 'visited')))::int`,
        notMember: sql<number>`(count(*) filter (where ${findingLeads.state} = 'not_member'))::int`,
        notFound: sql<number>`(count(*) filter (where ${findingLeads.state} = 'not_found'))::int`,
      })
      .from(findingLeads)
      .where(eq(findingLeads.campaignId, campaignId));
    return row!;
  },

  async byDistrict(db: Executor, campaignId: number) {
    return db
      .select({
        district: findingLeads.hostDistrict,
        leads: sql<number>`count(*)::int`,
        found: sql<number>`(count(*) filter (where ${findingLeads.state} = 'found'))::int`,
      })
      .from(findingLeads)
      .where(eq(findingLeads.campaignId, campaignId))
      .groupBy(findingLeads.hostDistrict);
  },

  async byFinder(db: Executor, campaignId: number) {
    return db
      .select({
        finderId: findingLeads.finderId,
        finderName: displayNameOf(findingLeads.finderId),
        leads: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where ${findingLeads.state} in ('new', 'contacted', 'visited')))::int`,
        found: sql<number>`(count(*) filter (where ${findingLeads.state} = 'found'))::int`,
        // The lead's id written out in full: inside a subquery a bare column name would be the visit's.
        visits: sql<number>`coalesce(sum((select count(*) from ${findingVisits} v where v.lead_id = "finding_leads"."id")), 0)::int`,
      })
      .from(findingLeads)
      .where(eq(findingLeads.campaignId, campaignId))
      .groupBy(findingLeads.finderId);
  },
};
