/** Donations (捐赠): funds or goods with items, recorded by an org, with the donor's ledger entry. */
import {
  DONATION_KIND_LABELS,
  DONATION_PURPOSE_LABELS,
  DONOR_KIND_LABELS,
  type DonationCreateBody,
  type DonationKind,
  type DonationListQuery,
  type DonationListResponse,
  type DonationPurpose,
  type DonationResponse,
  type DonationUpdateBody,
  type DonorKind,
  divisionName,
  type HonourRollQuery,
  type HonourRollResponse,
  RecordId,
} from '@ningxin/shared';
import { and, eq, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../../../db/client';
import { hometownDonations as donations } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { type HometownAccess, likeWords, SOURCE } from '../hometown.access';
import {
  donorFieldNotAllowed,
  donorMissing,
  fundsHaveNoItems,
  fundsNeedAmount,
  goodsAmountMismatch,
  goodsNeedItems,
  orgDonorNotUsable,
} from '../hometown.errors';
import { type DonationRow, donationsRepository as repo } from './donations.repository';

const CURSOR = z.tuple([z.string().max(10), RecordId()]);

type DonationContent = Omit<DonationCreateBody, 'orgId'>;

const auditView = (r: Partial<DonationRow>, items?: readonly { name: string; valueFen: number }[]) => ({
  donorKind: r.donorKind,
  donorName: r.donorName,
  donorMemberId: r.donorMemberId,
  donorOrgId: r.donorOrgId,
  kind: r.kind,
  amountFen: r.amountFen,
  purpose: r.purpose,
  countyCode: r.countyCode,
  recipient: r.recipient,
  donatedOn: r.donatedOn,
  orgId: r.orgId,
  ...(items ? { items: items.map((i) => `${i.name} ${i.valueFen}`) } : {}),
});

export function createDonationsService(access: HometownAccess) {
  const { db, activity } = access;
  const readScope = (actor: Actor) =>
    access.scope(actor, 'hometown.read', donations.orgPath, donations.countyCode);
  const writeScope = (actor: Actor) =>
    access.scope(actor, 'hometown.write', donations.orgPath, donations.countyCode);

  async function present(actor: Actor, rows: readonly DonationRow[]): Promise<DonationResponse[]> {
    const items = await repo.itemsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      donorKind: r.donorKind as DonorKind,
      donorKindLabel: DONOR_KIND_LABELS[r.donorKind as DonorKind],
      donorName: r.donorName,
      donorMemberId: r.donorMemberId,
      donorOrgId: r.donorOrgId,
      kind: r.kind as DonationKind,
      kindLabel: DONATION_KIND_LABELS[r.kind as DonationKind],
      amountFen: r.amountFen,
      purpose: r.purpose as DonationPurpose,
      purposeLabel: DONATION_PURPOSE_LABELS[r.purpose as DonationPurpose],
      county: access.county(r.countyCode),
      recipient: r.recipient,
      donatedOn: r.donatedOn,
      note: r.note,
      items: items
        .filter((i) => i.donationId === r.id)
        .map(({ id, name, quantity, unit, valueFen }) => ({ id, name, quantity, unit, valueFen })),
      org: { id: r.orgId, name: r.orgName },
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      policies: access.policies(actor, r.orgPath),
    }));
  }

  /** The donor, the amount and the items of a donation as entered: checked, in stored form. */
  async function content(tx: Tx, actor: Actor, body: DonationContent) {
    access.checkCounty(body.countyCode);
    let donorName = body.donorName ?? null;
    let donorMemberId: number | null = null;
    let donorOrgId: number | null = null;
    if (body.donorKind !== 'member' && body.donorMemberId != null)
      throw donorFieldNotAllowed('donorMemberId');
    if (body.donorKind !== 'org' && body.donorOrgId != null) throw donorFieldNotAllowed('donorOrgId');
    if (body.donorKind === 'member') {
      if (body.donorMemberId == null) throw donorMissing('donorMemberId', '请选择捐赠党员');
      const [m] = await access.readableMembers(tx, actor, [body.donorMemberId], () => 'donorMemberId');
      donorMemberId = m!.id;
      donorName = m!.name;
    } else if (body.donorKind === 'org') {
      if (body.donorOrgId == null) throw donorMissing('donorOrgId', '请选择捐赠组织');
      const org = await access.orgs.lookup(tx, body.donorOrgId);
      if (!org || org.closedAt) throw orgDonorNotUsable();
      donorOrgId = org.id;
      donorName = org.name;
    } else if (!donorName) throw donorMissing('donorName', '请填写捐赠企业名称');
    let amountFen: number;
    if (body.kind === 'funds') {
      if (body.items.length) throw fundsHaveNoItems();
      if (body.amountYuan === undefined) throw fundsNeedAmount();
      amountFen = body.amountYuan;
    } else {
      if (!body.items.length) throw goodsNeedItems();
      amountFen = body.items.reduce((sum, i) => sum + i.valueYuan, 0);
      if (body.amountYuan !== undefined && body.amountYuan !== amountFen) throw goodsAmountMismatch();
    }
    return {
      values: {
        donorKind: body.donorKind,
        donorMemberId,
        donorOrgId,
        donorName: donorName!,
        kind: body.kind,
        amountFen,
        purpose: body.purpose,
        countyCode: body.countyCode,
        recipient: body.recipient ?? null,
        donatedOn: body.donatedOn,
        note: body.note ?? null,
      },
      items: body.items.map((i) => ({
        name: i.name,
        quantity: i.quantity,
        unit: i.unit,
        valueFen: i.valueYuan,
      })),
    };
  }

  /** The donor member's ledger entry (服务家乡, the amount in fen): rewritten, or removed. */
  async function syncLedger(tx: Tx, id: number, v: Awaited<ReturnType<typeof content>>['values'] | null) {
    await activity.reverse(tx, SOURCE, `donation:${id}`, 'contribution');
    if (!v?.donorMemberId) return;
    const to = v.recipient ?? divisionName(v.countyCode) ?? v.countyCode;
    await activity.record(tx, {
      memberId: v.donorMemberId,
      kind: 'contribution',
      occurredOn: v.donatedOn,
      quantity: v.amountFen,
      sourceModule: SOURCE,
      sourceId: `donation:${id}`,
      title: `捐赠${DONATION_KIND_LABELS[v.kind as DonationKind]}（${DONATION_PURPOSE_LABELS[v.purpose as DonationPurpose]}）：${to}`,
    });
  }

  async function writable(tx: Tx, actor: Actor, id: number) {
    assertHolds(actor, 'hometown.write');
    const row = await repo.findById(tx, id, writeScope(actor), true);
    if (!row) throw notFound('捐赠记录');
    return row;
  }

  function filters(q: Pick<DonationListQuery, 'countyCode' | 'purpose' | 'year'>) {
    return and(
      q.countyCode ? eq(donations.countyCode, q.countyCode) : undefined,
      q.purpose ? eq(donations.purpose, q.purpose) : undefined,
      q.year ? sql`${donations.donatedOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}` : undefined,
    );
  }

  return {
    async list(actor: Actor, q: DonationListQuery): Promise<DonationListResponse> {
      const scope = readScope(actor);
      const orgPath = q.orgId ? ((await access.orgs.lookup(db, q.orgId))?.path ?? '-') : null;
      const words = q.q?.trim();
      const where = and(
        scope,
        filters(q),
        q.kind ? eq(donations.kind, q.kind) : undefined,
        q.donorKind ? eq(donations.donorKind, q.donorKind) : undefined,
        orgPath ? inPathSubtree(donations.orgPath, orgPath) : undefined,
        words
          ? or(like(donations.donorName, likeWords(words)), like(donations.recipient, likeWords(words)))
          : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const [rows, totals] = await Promise.all([
        repo.list(db, where, after, q.limit),
        repo.totals(db, where),
      ]);
      const last = rows.at(-1);
      return {
        items: await present(actor, rows),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.donatedOn, last.id]) : null,
        totals,
      };
    },

    async get(actor: Actor, id: number): Promise<DonationResponse> {
      const row = await repo.findById(db, id, readScope(actor));
      if (!row) throw notFound('捐赠记录');
      return (await present(actor, [row]))[0]!;
    },

    async create(actor: Actor, body: DonationCreateBody): Promise<DonationResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'hometown.write');
        const org = await access.recordingOrg(tx, actor, body.orgId);
        const { values, items } = await content(tx, actor, body);
        const id = await repo.insert(tx, {
          ...values,
          orgId: org.id,
          orgPath: org.path,
          createdBy: actor.userId,
        });
        await repo.setItems(tx, id, items);
        await syncLedger(tx, id, values);
        audit({
          action: 'hometown.donation_created',
          targetType: 'hometown_donation',
          targetId: id,
          targetLabel: values.donorName,
          after: auditView({ ...values, orgId: org.id }, items),
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: DonationUpdateBody): Promise<DonationResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        assertVersion(before, body.version);
        const oldItems = await repo.itemsOf(tx, [id]);
        const { version, ...rest } = body;
        const { values, items } = await content(tx, actor, rest);
        if (!(await repo.update(tx, id, version, values))) throw versionConflict();
        await repo.setItems(tx, id, items);
        await syncLedger(tx, id, values);
        audit({
          action: 'hometown.donation_updated',
          targetType: 'hometown_donation',
          targetId: id,
          targetLabel: values.donorName,
          before: auditView(before, oldItems),
          after: auditView(values, items),
        });
      });
      return this.get(actor, id);
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        await syncLedger(tx, id, null);
        await repo.remove(tx, id);
        audit({
          action: 'hometown.donation_deleted',
          targetType: 'hometown_donation',
          targetId: id,
          targetLabel: before.donorName,
          before: auditView(before),
        });
      });
    },

    async honourRoll(actor: Actor, q: HonourRollQuery): Promise<HonourRollResponse> {
      const rows = await repo.honourRoll(db, and(readScope(actor), filters(q)), q.limit);
      return {
        items: rows.map((r, i) => ({
          rank: i + 1,
          donorKind: r.donorKind as DonorKind,
          donorKindLabel: DONOR_KIND_LABELS[r.donorKind as DonorKind],
          donorName: r.donorName,
          donations: r.donations,
          amountFen: Number(r.amountFen),
          lastDonatedOn: r.lastDonatedOn,
        })),
      };
    },

    /** Files of a donation (proof documents, photos): read in the read scope, written in the write scope. */
    async authorizeFiles(executor: Executor, actor: Actor, id: number, access: 'read' | 'write') {
      const action = access === 'write' ? 'hometown.write' : 'hometown.read';
      const scope = access === 'write' ? writeScope(actor) : readScope(actor);
      assertHolds(actor, action);
      const row = await repo.findById(executor, id, scope);
      if (!row) throw notFound('捐赠记录');
      return { label: `${row.donorName} ${row.donatedOn}` };
    },

    /** For the demo seed and tests: a donation by id, unscoped. */
    byId: (executor: Executor, id: number) => repo.findById(executor, id),
  };
}

export type DonationsService = ReturnType<typeof createDonationsService>;
